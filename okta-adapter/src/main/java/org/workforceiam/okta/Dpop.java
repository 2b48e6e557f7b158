package org.workforceiam.okta;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.workforceiam.http.Jws;

/**
 * DPoP (RFC 9449) for one client: its own EC P-256 key pair, separate from the client
 * authentication key, the proofs it signs, and the nonces the servers handed out. Thread-safe: the
 * nonces live in atomic references and every proof gets a new {@code jti}.
 *
 * <p>The key pair is generated when the first proof is signed, not when the client is built: a
 * client that has not called yet holds no key (about 2 KB and 2 ms of key generation saved for each
 * of thousands of idle clients). Once generated, it is the client's for its whole life.
 */
final class Dpop {
  private final Clock clock;
  private final AtomicReference<@Nullable String> tokenEndpointNonce = new AtomicReference<>();
  private final AtomicReference<@Nullable String> resourceNonce = new AtomicReference<>();

  /** The key pair and its public JWK, made on first use; see {@link #key()}. */
  private volatile @Nullable Key key;

  /** The key pair, its public JWK and the JWK's thumbprint. */
  private record Key(KeyPair keyPair, Map<String, Object> publicJwk, String thumbprint) {
    @Override
    public String toString() {
      return "Key{EC P-256}";
    }
  }

  Dpop(Clock clock) {
    this.clock = clock;
  }

  /** The key, generated once, on first use, by whichever thread asks first. */
  private Key key() {
    Key known = key;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      known = key;
      if (known == null) {
        known = generate();
        key = known;
      }
      return known;
    }
  }

  private static Key generate() {
    KeyPair keyPair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      keyPair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate an EC P-256 key pair", e);
    }
    ECPublicKey publicKey = (ECPublicKey) keyPair.getPublic();
    Map<String, Object> publicJwk = Collections.unmodifiableMap(Jws.p256Jwk(publicKey));
    return new Key(keyPair, publicJwk, Jws.thumbprint(publicKey));
  }

  /**
   * Signs a proof for one request.
   *
   * @param method the HTTP method
   * @param url the request URL; its query and fragment are left out of {@code htu}
   * @param accessToken the token the request carries, for {@code ath}; null at the token endpoint
   * @param nonce the server's nonce, when it asked for one
   */
  String proof(String method, HttpUrl url, @Nullable String accessToken, @Nullable String nonce) {
    Key key = key();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("typ", "dpop+jwt");
    header.put("jwk", key.publicJwk());
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("iat", clock.instant().getEpochSecond());
    claims.put("htm", method);
    claims.put("htu", htu(url));
    if (accessToken != null) {
      claims.put("ath", ath(accessToken));
    }
    if (nonce != null) {
      claims.put("nonce", nonce);
    }
    return Jws.sign(header, claims, key.keyPair().getPrivate(), Jws.Algorithm.ES256);
  }

  /** The nonce the token endpoint asked for last, if any. */
  @Nullable String tokenEndpointNonce() {
    return tokenEndpointNonce.get();
  }

  void tokenEndpointNonce(String nonce) {
    tokenEndpointNonce.set(nonce);
  }

  /** The nonce a resource server asked for last, if any. */
  @Nullable String resourceNonce() {
    return resourceNonce.get();
  }

  void resourceNonce(String nonce) {
    resourceNonce.set(nonce);
  }

  /** The RFC 7638 SHA-256 thumbprint of the public key, which a DPoP-bound token is bound to. */
  String thumbprint() {
    return key().thumbprint();
  }

  /**
   * The {@code htu} of a request: scheme, host, port and path, without query or fragment, with the
   * path percent-decoded the way Okta compares it, so logins such as {@code a+b@example.com} match.
   * As in Okta's own Java SDK, which was checked against live orgs, only the characters that would
   * change the meaning of the URI are encoded again: {@code %}, space, {@code "}, {@code #}, {@code
   * ?}, {@code /} inside a segment, {@code \}, and control characters. Everything else, non-ASCII
   * included, stays as it is.
   *
   * <p>The backslash: a parser that follows the WHATWG URL standard (OkHttp's {@code HttpUrl},
   * browsers, many server frameworks) reads a raw {@code \} in an {@code http(s)} path as {@code
   * /}, so an {@code htu} carrying a login such as {@code back\slash@example.com} named the path
   * {@code /api/v1/users/back/slash@example.com} and the proof was refused. {@code %5C} reads as
   * {@code \} to every parser, and RFC 3986 has no raw backslash in a URI at all. Okta's Java SDK
   * sends it raw; which form Okta accepts could not be checked against a live org, and a report on
   * okta-sdk-java (pull request 1526) says Okta answers a request whose path holds a backslash with
   * an HTML 400 even without DPoP, so such a login may not be found by path on a real org at all.
   */
  static String htu(HttpUrl url) {
    StringBuilder htu = new StringBuilder();
    htu.append(url.scheme()).append("://");
    String host = url.host();
    htu.append(host.contains(":") ? "[" + host + "]" : host);
    if (url.port() != HttpUrl.defaultPort(url.scheme())) {
      htu.append(':').append(url.port());
    }
    for (String segment : url.pathSegments()) {
      htu.append('/').append(reencode(segment));
    }
    return htu.toString();
  }

  private static String reencode(String decodedSegment) {
    byte[] bytes = decodedSegment.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    for (byte b : bytes) {
      int c = b & 0xff;
      boolean plain = c > 0x20 && c != 0x7f && "\"#%?/\\".indexOf(c) < 0;
      if (plain) {
        out.write(c);
      } else {
        String hex = String.format("%%%02X", c);
        out.writeBytes(hex.getBytes(StandardCharsets.US_ASCII));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** base64url(SHA-256(ASCII(token))), without padding. */
  static String ath(String accessToken) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(accessToken.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  @Override
  public String toString() {
    Key known = key;
    return known == null
        ? "Dpop{key=EC P-256, not generated yet}"
        : "Dpop{key=EC P-256, thumbprint=" + known.thumbprint() + "}";
  }
}
