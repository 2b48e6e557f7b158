package org.workforceiam.entra;

import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import org.workforceiam.http.Jws;

/**
 * Signs the client assertion of a token request (RFC 7523; Microsoft identity platform,
 * "Certificate credentials"; GRAPH-NOTES, "Token"): header {@code alg} PS256 (or RS256), {@code
 * typ} JWT, {@code x5t#S256} and {@code x5t} (the base64url SHA-256 and SHA-1 of the certificate's
 * DER; both, since one tenant was reported to take only {@code x5t}: entra-docs PR #1301); claims
 * {@code aud} = the token URL, {@code iss} = {@code sub} = the client id, a new {@code jti} (a
 * UUID) every time, {@code iat} and {@code nbf} now, {@code exp} five minutes later. Entra accepts
 * a {@code jti} more than once (MSAL reuses assertions), but a new one each time costs nothing.
 *
 * <p>Signed by provider-http's {@link Jws}, with the JDK: PS256 is RSASSA-PSS with SHA-256, MGF1
 * with SHA-256 and a 32-byte salt (RFC 7518, 3.5), RS256 is RSASSA-PKCS1-v1_5 with SHA-256.
 *
 * <p>Thread-safe. The assertion itself is a credential: it is never logged nor kept.
 */
final class EntraAssertions {
  /** How long an assertion is valid; short, since each is used at once. */
  static final Duration LIFETIME = Duration.ofMinutes(5);

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final RSAPrivateKey key;
  private final String sha1;
  private final String sha256;
  private final String clientId;
  private final String audience;
  private final Jws.Algorithm algorithm;
  private final Clock clock;

  EntraAssertions(
      RSAPrivateKey key,
      X509Certificate certificate,
      EntraCredential.SigningAlgorithm algorithm,
      String clientId,
      HttpUrl tokenUrl,
      Clock clock) {
    this.key = key;
    byte[] der = Certificates.encoded(certificate);
    this.sha1 = BASE64URL.encodeToString(Certificates.digest("SHA-1", der));
    this.sha256 = BASE64URL.encodeToString(Certificates.digest("SHA-256", der));
    this.clientId = clientId;
    this.audience = tokenUrl.toString();
    this.algorithm =
        switch (algorithm) {
          case PS256 -> Jws.Algorithm.PS256;
          case RS256 -> Jws.Algorithm.RS256;
        };
    this.clock = clock;
  }

  String create() {
    // With the alg that Jws writes first: alg, typ, x5t#S256, x5t.
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("typ", "JWT");
    header.put("x5t#S256", sha256);
    header.put("x5t", sha1);
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("aud", audience);
    claims.put("iss", clientId);
    claims.put("sub", clientId);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("iat", now);
    claims.put("nbf", now);
    claims.put("exp", now + LIFETIME.toSeconds());
    return Jws.sign(header, claims, key, algorithm);
  }

  @Override
  public String toString() {
    return "EntraAssertions{clientId=" + clientId + ", alg=" + algorithm + "}";
  }
}
