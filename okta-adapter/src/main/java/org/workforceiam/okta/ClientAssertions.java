package org.workforceiam.okta;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import org.workforceiam.http.Jws;
import org.workforceiam.http.ServiceAppKey;

/**
 * Signs the {@code private_key_jwt} client assertion of a token request: {@code iss} = {@code sub}
 * = the client id, {@code aud} = the exact token URL, {@code iat} now, {@code exp} a few minutes
 * ahead (Okta's ceiling is one hour), a new {@code jti} every time (Okta treats it as single-use),
 * and the key id in the header whenever it is known. Signed by provider-http's {@link Jws} with the
 * key's algorithm (RS256, ES256, ES384 or ES512).
 */
final class ClientAssertions {
  /** How long an assertion is valid; short, since each is used at once and only once. */
  static final Duration LIFETIME = Duration.ofMinutes(5);

  private final ServiceAppKey key;
  private final Jws.Algorithm algorithm;
  private final String clientId;
  private final String audience;
  private final Clock clock;

  ClientAssertions(ServiceAppKey key, String clientId, HttpUrl tokenUrl, Clock clock) {
    this.key = key;
    this.algorithm = Jws.Algorithm.valueOf(key.algorithm());
    this.clientId = clientId;
    this.audience = tokenUrl.toString();
    this.clock = clock;
  }

  String create() {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> header = new LinkedHashMap<>();
    key.keyId().ifPresent(kid -> header.put("kid", kid));
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", clientId);
    claims.put("sub", clientId);
    // A single string, as Okta's documentation asks (the token URL) and every Okta SDK sends.
    claims.put("aud", audience);
    claims.put("iat", now);
    claims.put("exp", now + LIFETIME.toSeconds());
    claims.put("jti", UUID.randomUUID().toString());
    return Jws.sign(header, claims, key.privateKey(), algorithm);
  }

  @Override
  public String toString() {
    return "ClientAssertions{clientId=" + clientId + ", key=" + key + "}";
  }
}
