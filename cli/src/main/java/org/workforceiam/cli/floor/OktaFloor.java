package org.workforceiam.cli.floor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * The floor of an Okta group sync: what any client must do on the wire, and nothing more. It signs
 * a client assertion (RS256) and asks for a token, with a DPoP proof and the nonce handshake when
 * the app requires DPoP; then it asks for the group's members page after page with the same page
 * size, a DPoP proof on each request, following Okta's {@code next} links, and reads every byte of
 * every page and throws it away. It decodes no member, checks nothing, retries nothing and fails on
 * any answer but 200. It uses the SDK's transport (OkHttp, one connection) and the JDK's
 * signatures. The tokenizing floor ({@code tokenize}) walks every token of every page instead
 * ({@link Floor#walk}); the next link still comes from the {@code Link} header.
 *
 * <p>So what a sync costs beyond this floor is the cost of being a client: decoding, checking,
 * building the employees, and the SDK's own machinery. Not thread-safe; one sync per instance.
 */
final class OktaFloor implements Floor {
  /** The scopes the adapter asks for: the same token. */
  static final String SCOPES = "okta.groups.read okta.users.manage";

  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final OkHttpClient http = Floor.http();
  private final HttpUrl orgUrl;
  private final String clientId;
  private final PrivateKey clientKey;
  private final String keyId;
  private final boolean tokenize;
  private final @Nullable KeyPair dpopKey;
  private final Jws.@Nullable Raw dpopJwk;
  private int tokenRequests;

  /**
   * Makes the floor client.
   *
   * @param orgUrl the org URL
   * @param clientId the app's client id
   * @param clientKey the app's RSA private key
   * @param keyId the key's id
   * @param dpop whether the app requires DPoP; a P-256 key pair is then made, as the adapter does
   * @param tokenize whether to walk every token of each page ({@link Floor#walk}) rather than only
   *     read its bytes
   */
  OktaFloor(
      HttpUrl orgUrl,
      String clientId,
      PrivateKey clientKey,
      String keyId,
      boolean dpop,
      boolean tokenize) {
    this.orgUrl = orgUrl;
    this.tokenize = tokenize;
    this.clientId = clientId;
    this.clientKey = clientKey;
    this.keyId = keyId;
    if (dpop) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        this.dpopKey = generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK cannot generate an EC P-256 key pair", e);
      }
      this.dpopJwk = Jws.jwk((ECPublicKey) dpopKey.getPublic());
    } else {
      this.dpopKey = null;
      this.dpopJwk = null;
    }
  }

  @Override
  public Result sync(String group, int pageSize, Runnable firstBytes) throws IOException {
    String token = token();
    String scheme = dpopKey != null ? "DPoP" : "Bearer";
    String ath = dpopKey != null ? ath(token) : null;
    HttpUrl url =
        orgUrl
            .newBuilder()
            .addPathSegments("api/v1/groups")
            .addPathSegment(group)
            .addPathSegment("users")
            .addQueryParameter("limit", Integer.toString(pageSize))
            .build();
    int pages = 0;
    long bytes = 0;
    long members = 0;
    @Nullable String nonce = null;
    while (url != null) {
      Request.Builder request =
          new Request.Builder()
              .url(url)
              .header("Accept", "application/json")
              .header("Authorization", scheme + " " + token);
      if (dpopKey != null) {
        request.header("DPoP", proof("GET", url, ath, nonce));
      }
      try (Response response = http.newCall(request.build()).execute()) {
        String newNonce = response.header("DPoP-Nonce");
        if (response.code() == 401 && newNonce != null && !newNonce.equals(nonce)) {
          nonce = newNonce; // the resource server's nonce handshake: ask again with it
          continue;
        }
        Floor.require(response, "GET " + url.encodedPath());
        BufferedSource body = response.body().source();
        if (tokenize) {
          Tokens tokens = Floor.walk(body, pages == 0 ? firstBytes : () -> {});
          bytes += tokens.bytes();
          members += tokens.members();
        } else {
          while (!body.exhausted()) {
            if (pages == 0 && bytes == 0) {
              firstBytes.run();
            }
            long buffered = body.getBuffer().size();
            bytes += buffered;
            body.skip(buffered);
          }
        }
        pages++;
        url = next(response, url);
      }
    }
    return new Result(pages, bytes, tokenRequests, members);
  }

  /** The token: one request, or two with DPoP (the first one only fetches the nonce). */
  private String token() throws IOException {
    HttpUrl tokenUrl = orgUrl.resolve("/oauth2/v1/token");
    if (tokenUrl == null) {
      throw new IllegalStateException("no token URL for " + orgUrl);
    }
    @Nullable String nonce = null;
    while (true) {
      FormBody form =
          new FormBody.Builder()
              .add("grant_type", "client_credentials")
              .add("scope", SCOPES)
              .add("client_assertion_type", ASSERTION_TYPE)
              .add("client_assertion", assertion(tokenUrl))
              .build();
      Request.Builder request =
          new Request.Builder().url(tokenUrl).header("Accept", "application/json").post(form);
      if (dpopKey != null) {
        request.header("DPoP", proof("POST", tokenUrl, null, nonce));
      }
      tokenRequests++;
      try (Response response = http.newCall(request.build()).execute()) {
        String newNonce = response.header("DPoP-Nonce");
        if (response.code() == 400 && newNonce != null && nonce == null) {
          nonce = newNonce;
          continue;
        }
        Floor.require(response, "POST /oauth2/v1/token");
        return Floor.accessToken(response);
      }
    }
  }

  private String assertion(HttpUrl tokenUrl) {
    long now = now();
    return Jws.sign(
        Jws.object("alg", "RS256", "kid", keyId),
        Jws.object(
            "iss",
            clientId,
            "sub",
            clientId,
            "aud",
            tokenUrl.toString(),
            "iat",
            now,
            "exp",
            now + 300,
            "jti",
            UUID.randomUUID().toString()),
        clientKey,
        Jws.Algorithm.RS256);
  }

  private String proof(String method, HttpUrl url, @Nullable String ath, @Nullable String nonce) {
    KeyPair key = Objects.requireNonNull(dpopKey);
    String htu = url.newBuilder().query(null).fragment(null).build().toString();
    List<Object> claims = new ArrayList<>(List.of("htm", method, "htu", htu, "iat", now()));
    claims.addAll(List.of("jti", UUID.randomUUID().toString()));
    if (ath != null) {
      claims.addAll(List.of("ath", ath));
    }
    if (nonce != null) {
      claims.addAll(List.of("nonce", nonce));
    }
    return Jws.sign(
        Jws.object("typ", "dpop+jwt", "alg", "ES256", "jwk", Objects.requireNonNull(dpopJwk)),
        Jws.object(claims.toArray()),
        key.getPrivate(),
        Jws.Algorithm.ES256);
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private static String ath(String token) {
    try {
      return Jws.base64Url(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Okta's {@code Link: <...>; rel="next"}, one link a header. */
  private static @Nullable HttpUrl next(Response response, HttpUrl url) {
    for (String link : response.headers("Link")) {
      if (link.contains("rel=\"next\"")) {
        return url.resolve(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
      }
    }
    return null;
  }
}
