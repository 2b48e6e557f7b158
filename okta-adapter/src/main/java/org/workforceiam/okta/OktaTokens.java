package org.workforceiam.okta;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.http.AccessToken;
import org.workforceiam.http.JsonBodies;
import org.workforceiam.http.ServiceAppKey;
import org.workforceiam.http.TokenCache;
import org.workforceiam.http.Transport;

/**
 * Okta's token endpoint: gets the app's access token from the org authorization server with the
 * client credentials grant and a {@code private_key_jwt} assertion, doing the DPoP nonce handshake
 * when DPoP is on, and maps Okta's refusals to errors that say what to fix.
 *
 * <p>A fetch is one step of the call that needs the token: its requests go out with {@link
 * Transport#send}, so a rate limit or an outage ends the attempt and the call's retry loop decides.
 * {@link TokenCache} caches the token and keeps one fetch in flight.
 */
final class OktaTokens implements TokenCache.TokenEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(OktaTokens.class);

  /** The most bytes read of a token endpoint's answer; a token answer is about 1 KB. */
  static final long MAX_TOKEN_ANSWER_BYTES = 64 * 1024;

  /** The longest lifetime believed of a token, whatever {@code expires_in} says. */
  static final long MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final Transport transport;
  private final HttpUrl tokenUrl;
  private final List<String> scopes;
  private final ClientAssertions assertions;
  private final @Nullable Dpop dpop;
  private final DpopMode dpopMode;
  private final Clock clock;

  /** AUTO only: the token endpoint rejected our proofs, so token requests go without one. */
  private final AtomicBoolean proofsRejected = new AtomicBoolean();

  OktaTokens(
      Transport transport,
      HttpUrl orgUrl,
      String clientId,
      ServiceAppKey key,
      List<String> scopes,
      @Nullable Dpop dpop,
      DpopMode dpopMode,
      Clock clock) {
    this.transport = transport;
    this.tokenUrl = tokenUrl(orgUrl);
    this.scopes = List.copyOf(scopes);
    this.assertions = new ClientAssertions(key, clientId, tokenUrl, clock);
    this.dpop = dpop;
    this.dpopMode = dpopMode;
    this.clock = clock;
    if (dpopMode != DpopMode.OFF && dpop == null) {
      throw new IllegalArgumentException("DPoP mode " + dpopMode + " needs DPoP state");
    }
  }

  static HttpUrl tokenUrl(HttpUrl orgUrl) {
    return orgUrl.newBuilder().encodedPath("/oauth2/v1/token").build();
  }

  /**
   * Returns the scopes this client asks for.
   *
   * @return the scopes, in the configured order
   */
  public List<String> requestedScopes() {
    return scopes;
  }

  /** The DPoP state, when DPoP is not off. */
  @Nullable Dpop dpop() {
    return dpop;
  }

  /**
   * Fetches a token: one step, in which only the DPoP handshake and, in AUTO mode, one switch of
   * mode send a second request.
   */
  @Override
  public AccessToken fetch() {
    boolean withProof =
        dpopMode == DpopMode.REQUIRED || (dpopMode == DpopMode.AUTO && !proofsRejected.get());
    boolean nonceRetried = false;
    boolean modeSwitched = false;
    @Nullable String firstDescription = null;
    while (true) {
      TokenReply reply = request(withProof);
      if (reply.status() == 200) {
        return parseToken(reply, withProof);
      }
      String error = reply.error();
      if (withProof && "use_dpop_nonce".equals(error) && !nonceRetried && reply.nonce() != null) {
        // The DPoP handshake: the nonce is remembered for later token requests too.
        nonceRetried = true;
        continue;
      }
      if (dpopMode == DpopMode.AUTO && "invalid_dpop_proof".equals(error) && !modeSwitched) {
        modeSwitched = true;
        firstDescription = reply.description();
        withProof = !withProof;
        proofsRejected.set(!withProof);
        LOG.info(
            "Okta's token endpoint answered invalid_dpop_proof; retrying {} a DPoP proof",
            withProof ? "with" : "without");
        continue;
      }
      throw failure(reply, firstDescription);
    }
  }

  private TokenReply request(boolean withProof) {
    try (Response response = transport.send(tokenRequest(withProof))) {
      String nonce = response.header("DPoP-Nonce");
      if (nonce != null && dpop != null) {
        dpop.tokenEndpointNonce(nonce);
      }
      Map<String, Object> body = readObject(response);
      return new TokenReply(
          response.code(), body, nonce, response.header(OktaErrors.REQUEST_ID_HEADER));
    }
  }

  /** A new token request: every call signs a new assertion and, with DPoP, a new proof. */
  private Request tokenRequest(boolean withProof) {
    FormBody form =
        new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("scope", String.join(" ", scopes))
            .add("client_assertion_type", ASSERTION_TYPE)
            .add("client_assertion", assertions.create())
            .build();
    Request.Builder request =
        new Request.Builder().url(tokenUrl).header("Accept", "application/json").post(form);
    if (withProof) {
      Dpop state = Objects.requireNonNull(dpop);
      request.header("DPoP", state.proof("POST", tokenUrl, null, state.tokenEndpointNonce()));
    }
    return request.build();
  }

  private Map<String, Object> readObject(Response response) {
    try {
      return JsonBodies.peekObject(response, MAX_TOKEN_ANSWER_BYTES);
    } catch (IOException | RuntimeException e) {
      if (response.code() == 200) {
        throw new IamException.ProtocolViolation(
            "Okta's token endpoint "
                + tokenUrl
                + " answered with a body that is not a JSON object of at most "
                + MAX_TOKEN_ANSWER_BYTES
                + " bytes",
            details(response.code(), response.header(OktaErrors.REQUEST_ID_HEADER)),
            null);
      }
      return Map.of();
    }
  }

  private AccessToken parseToken(TokenReply reply, boolean sentProof) {
    Map<String, Object> body = reply.body();
    Object value = body.get("access_token");
    Object type = body.get("token_type");
    Object expiresIn = body.get("expires_in");
    if (!(value instanceof String token)
        || token.isBlank()
        || !(type instanceof String tokenType)) {
      throw new IamException.ProtocolViolation(
          "Okta's token endpoint " + tokenUrl + " answered 200 without access_token or token_type",
          details(200, reply.requestId()),
          null);
    }
    boolean dpopBound;
    if (tokenType.equalsIgnoreCase("DPoP")) {
      if (!sentProof) {
        throw new IamException.ProtocolViolation(
            "Okta issued a DPoP-bound token to a request without a DPoP proof",
            details(200, reply.requestId()),
            null);
      }
      dpopBound = true;
    } else if (tokenType.equalsIgnoreCase("Bearer")) {
      if (dpopMode == DpopMode.REQUIRED) {
        throw new IamException.AuthenticationFailed(
            "DPoP mode is REQUIRED but Okta issued a Bearer token: the app does not use DPoP;"
                + " tick 'Require Demonstrating Proof of Possession (DPoP) header in token"
                + " requests' for the app in Okta, or use DPoP mode AUTO",
            details(200, reply.requestId()));
      }
      dpopBound = false;
    } else {
      throw new IamException.ProtocolViolation(
          "Okta's token endpoint answered with an unknown token_type '" + tokenType + "'",
          details(200, reply.requestId()),
          null);
    }
    long seconds = expiresIn instanceof Number number ? number.longValue() : 3600;
    // Any size is clamped: a day at most, which no Okta token outlives.
    Instant expiresAt =
        clock.instant().plusSeconds(Math.min(Math.max(seconds, 0), MAX_TOKEN_LIFETIME_SECONDS));
    Set<String> granted = new LinkedHashSet<>();
    if (body.get("scope") instanceof String scope) {
      granted.addAll(Arrays.asList(scope.trim().split("\\s+")));
      granted.remove("");
    }
    AccessToken accessToken = new AccessToken(token, dpopBound, expiresAt, granted);
    LOG.debug("got {}", accessToken);
    return accessToken;
  }

  private IamException failure(TokenReply reply, @Nullable String earlierDescription) {
    String error = reply.error();
    String description = reply.description();
    String said =
        (error == null ? "" : error)
            + (description == null ? "" : ": " + description)
            + (earlierDescription == null || earlierDescription.equals(description)
                ? ""
                : " (before that: invalid_dpop_proof: " + earlierDescription + ")");
    ErrorDetails details = details(reply.status(), reply.requestId());
    if (error != null) {
      details = details.withErrorCode(error);
    }
    if ("invalid_scope".equals(error)) {
      return new IamException.PermissionDenied(
          IamException.PermissionDenied.Reason.MISSING_GRANT,
          "Okta refused the scopes "
              + scopes
              + " ("
              + said
              + "); grant them to the app in the Okta Admin Console under Applications > the app"
              + " > Okta API Scopes",
          details);
    }
    if ("invalid_client".equals(error)) {
      return new IamException.AuthenticationFailed(
          "Okta did not accept the app's credentials ("
              + said
              + "); check the client id, that the public key registered with the app matches the"
              + " private key, and the key id",
          details);
    }
    if ("access_denied".equals(error)) {
      return new IamException.AuthenticationFailed(
          "Okta denied the token request (" + said + "); check the app's network zone settings",
          details);
    }
    if (reply.status() == 429 || reply.status() >= 500) {
      return OktaErrors.fromStatus(reply.status(), details, "Okta's token endpoint " + tokenUrl);
    }
    return new IamException.AuthenticationFailed(
        "Okta's token endpoint refused the token request with HTTP "
            + reply.status()
            + (said.isEmpty() ? "" : " (" + said + ")"),
        details);
  }

  private static ErrorDetails details(int status, @Nullable String requestId) {
    ErrorDetails details = ErrorDetails.ofStatus(status);
    return requestId == null ? details : details.withRequestId(requestId);
  }

  @Override
  public String toString() {
    return "OktaTokens{tokenUrl=" + tokenUrl + ", scopes=" + scopes + ", dpop=" + dpopMode + "}";
  }

  /** What the token endpoint answered, without the token itself in any string form. */
  private record TokenReply(
      int status, Map<String, Object> body, @Nullable String nonce, @Nullable String requestId) {
    @Nullable String error() {
      return body.get("error") instanceof String error ? error : null;
    }

    @Nullable String description() {
      return body.get("error_description") instanceof String text ? text : null;
    }

    @Override
    public String toString() {
      return "TokenReply{status=" + status + ", error=" + error() + "}";
    }
  }
}
