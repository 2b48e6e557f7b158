package org.workforceiam.http;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An access token from a provider's token endpoint. {@link #toString()} never shows the token.
 *
 * @param value the token
 * @param dpopBound whether it is DPoP-bound ({@code token_type: DPoP}) rather than a bearer token
 * @param expiresAt when the provider stops accepting it
 * @param grantedScopes the scopes the provider granted, which may be fewer than were requested
 */
public record AccessToken(
    String value, boolean dpopBound, Instant expiresAt, Set<String> grantedScopes) {

  /**
   * Validates the values.
   *
   * @param value the token
   * @param dpopBound whether it is DPoP-bound ({@code token_type: DPoP}) rather than a bearer token
   * @param expiresAt when the provider stops accepting it
   * @param grantedScopes the scopes the provider granted, which may be fewer than were requested
   */
  public AccessToken {
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    grantedScopes = Set.copyOf(grantedScopes);
  }

  /** {@return the scheme of the {@code Authorization} header: {@code DPoP} or {@code Bearer}} */
  public String scheme() {
    return dpopBound ? "DPoP" : "Bearer";
  }

  /** {@return the token type, expiry and scopes, never the token} */
  @Override
  public String toString() {
    return "AccessToken{type="
        + scheme()
        + ", expiresAt="
        + expiresAt
        + ", grantedScopes="
        + grantedScopes
        + "}";
  }
}
