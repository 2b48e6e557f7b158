package org.workforceiam.okta;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import okhttp3.HttpUrl;
import org.workforceiam.http.ServiceAppKey;

/**
 * Signs the {@code private_key_jwt} client assertion of a token request: {@code iss} = {@code sub}
 * = the client id, {@code aud} = the exact token URL, {@code iat} now, {@code exp} a few minutes
 * ahead (Okta's ceiling is one hour), a new {@code jti} every time (Okta treats it as single-use),
 * and the key id in the header whenever it is known.
 */
final class ClientAssertions {
  /** How long an assertion is valid; short, since each is used at once and only once. */
  static final Duration LIFETIME = Duration.ofMinutes(5);

  private final ServiceAppKey key;
  private final String clientId;
  private final String audience;
  private final Clock clock;

  ClientAssertions(ServiceAppKey key, String clientId, HttpUrl tokenUrl, Clock clock) {
    this.key = key;
    this.clientId = clientId;
    this.audience = tokenUrl.toString();
    this.clock = clock;
  }

  // jjwt deprecates single(): it would rather send aud as an array. Okta's documentation asks for
  // the token URL as the audience, and a single string is what every Okta SDK sends.
  @SuppressWarnings("deprecation")
  String create() {
    Instant now = clock.instant();
    JwtBuilder builder = Jwts.builder().json(MoshiJwtSerializer.INSTANCE);
    key.keyId().ifPresent(kid -> builder.header().keyId(kid));
    return builder
        .issuer(clientId)
        .subject(clientId)
        .audience()
        .single(audience)
        .issuedAt(Date.from(now))
        .expiration(Date.from(now.plus(LIFETIME)))
        .id(UUID.randomUUID().toString())
        .signWith(key.privateKey(), signatureAlgorithm(key.algorithm()))
        .compact();
  }

  static SignatureAlgorithm signatureAlgorithm(String name) {
    return switch (name) {
      case "RS256" -> Jwts.SIG.RS256;
      case "ES256" -> Jwts.SIG.ES256;
      case "ES384" -> Jwts.SIG.ES384;
      case "ES512" -> Jwts.SIG.ES512;
      default -> throw new IllegalArgumentException("unsupported algorithm " + name);
    };
  }

  @Override
  public String toString() {
    return "ClientAssertions{clientId=" + clientId + ", key=" + key + "}";
  }
}
