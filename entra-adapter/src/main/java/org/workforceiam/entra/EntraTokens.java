package org.workforceiam.entra;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Secret;
import org.workforceiam.http.AccessToken;
import org.workforceiam.http.JsonBodies;
import org.workforceiam.http.ProviderError;
import org.workforceiam.http.TokenCache;
import org.workforceiam.http.Transport;

/**
 * The Microsoft identity platform's token endpoint: {@code POST {authority}/{tenant}/oauth2/v2.0/
 * token} with the client credentials grant, {@code scope={graph}/.default}, and a client assertion
 * ({@link EntraAssertions}) or the client secret, all in the form body, never in the URL.
 *
 * <p>A fetch is one step of the call that needs the token: its request goes out with {@link
 * Transport#send}, so a rate limit or an outage ends the attempt and the call's retry loop decides
 * ({@link TokenCache} caches the token, refreshes it ahead of expiry and keeps one fetch in
 * flight). A refusal is mapped by {@link LoginErrors}. Neither the assertion, the secret nor the
 * token is logged.
 */
final class EntraTokens implements TokenCache.TokenEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(EntraTokens.class);

  /** The most bytes read of a token answer; Entra's are a few KB. */
  static final long MAX_TOKEN_ANSWER_BYTES = 64 * 1024;

  /** The longest lifetime believed of a token, whatever {@code expires_in} says. */
  static final long MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

  static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final Transport transport;
  private final HttpUrl tokenUrl;
  private final String clientId;
  private final String scope;
  private final @Nullable EntraAssertions assertions;
  private final @Nullable Secret secret;
  private final Clock clock;

  EntraTokens(
      Transport transport,
      HttpUrl tokenUrl,
      String clientId,
      String scope,
      EntraCredential credential,
      Clock clock) {
    this.transport = transport;
    this.tokenUrl = tokenUrl;
    this.clientId = clientId;
    this.scope = scope;
    this.clock = clock;
    if (credential.isCertificate()) {
      this.assertions =
          new EntraAssertions(
              Objects.requireNonNull(credential.privateKey()),
              credential.certificate().orElseThrow(),
              credential.signingAlgorithm(),
              clientId,
              tokenUrl,
              clock);
      this.secret = null;
    } else {
      this.assertions = null;
      this.secret = Objects.requireNonNull(credential.secret());
    }
  }

  /** The token URL of a tenant on an authority. */
  static HttpUrl tokenUrl(HttpUrl authority, String tenant) {
    return GraphPaths.TOKEN.url(authority, tenant);
  }

  /** {@return the scope asked for: the Graph URL's {@code /.default}} */
  String scope() {
    return scope;
  }

  @Override
  public AccessToken fetch() {
    try (Response response = transport.send(request())) {
      if (response.code() != 200) {
        ProviderError error = LoginErrors.read(response);
        throw LoginErrors.from(error, "the token request to " + tokenUrl, null);
      }
      return parse(response);
    }
  }

  /** A new token request: every call signs a new assertion. */
  private Request request() {
    FormBody.Builder form =
        new FormBody.Builder()
            .add("client_id", clientId)
            .add("scope", scope)
            .add("grant_type", "client_credentials");
    if (assertions != null) {
      form.add("client_assertion_type", ASSERTION_TYPE)
          .add("client_assertion", assertions.create());
    } else {
      form.add("client_secret", Objects.requireNonNull(secret).reveal());
    }
    return new Request.Builder()
        .url(tokenUrl)
        .header("Accept", "application/json")
        .post(form.build())
        .build();
  }

  private AccessToken parse(Response response) {
    String requestId = response.header(LoginErrors.REQUEST_ID_HEADER);
    Map<String, Object> body;
    try {
      body = JsonBodies.peekObject(response, MAX_TOKEN_ANSWER_BYTES);
    } catch (IOException | RuntimeException e) {
      throw violation(
          "answered 200 with a body that is not a JSON object of at most "
              + MAX_TOKEN_ANSWER_BYTES
              + " bytes",
          requestId);
    }
    if (!(body.get("access_token") instanceof String token) || token.isBlank()) {
      throw violation("answered 200 without an access_token", requestId);
    }
    if (!(body.get("token_type") instanceof String type) || !type.equalsIgnoreCase("Bearer")) {
      throw violation("answered 200 with a token_type other than Bearer", requestId);
    }
    long seconds = expiresIn(body.get("expires_in"));
    if (seconds < 0) {
      throw violation("answered 200 without a usable expires_in", requestId);
    }
    // Any size is clamped: a day at most, which no Entra token outlives.
    Instant expiresAt = clock.instant().plusSeconds(Math.min(seconds, MAX_TOKEN_LIFETIME_SECONDS));
    AccessToken accessToken =
        new AccessToken(
            token,
            false,
            expiresAt,
            new LinkedHashSet<>(TokenClaims.roles(token).orElse(List.of())));
    LOG.debug("got {}", accessToken);
    return accessToken;
  }

  /** {@code expires_in}: a number of seconds (v2.0), or the same as a string (v1.0); else -1. */
  private static long expiresIn(@Nullable Object value) {
    if (value instanceof Number number && number.doubleValue() >= 0) {
      return (long) Math.min(number.doubleValue(), Long.MAX_VALUE);
    }
    if (value instanceof String text && text.matches("\\d{1,12}")) {
      return Long.parseLong(text);
    }
    return -1;
  }

  private IamException violation(String what, @Nullable String requestId) {
    ErrorDetails details = ErrorDetails.ofStatus(200);
    return new IamException.ProtocolViolation(
        "Microsoft Entra ID's token endpoint " + tokenUrl + " " + what,
        requestId == null ? details : details.withRequestId(requestId));
  }

  @Override
  public String toString() {
    return "EntraTokens{tokenUrl="
        + tokenUrl
        + ", clientId="
        + clientId
        + ", "
        + (assertions != null ? "certificate" : "clientSecret")
        + "}";
  }
}
