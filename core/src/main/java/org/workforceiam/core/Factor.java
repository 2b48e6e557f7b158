package org.workforceiam.core;

import java.util.Objects;

/**
 * An MFA factor a user has enrolled.
 *
 * <p>Type, provider and status are kept as the identity provider spells them (for Okta, for example
 * {@code "token:software:totp"}, {@code "GOOGLE"} and {@code "ACTIVE"}), so values this library
 * does not know are never lost.
 *
 * @param id the factor's identifier
 * @param type the kind of factor, for example {@code "sms"} or {@code "push"}
 * @param provider who provides it, for example {@code "OKTA"}
 * @param status its enrollment status, for example {@code "ACTIVE"}
 */
public record Factor(FactorId id, String type, String provider, String status) {

  /**
   * Validates the values.
   *
   * @param id the factor's identifier
   * @param type the kind of factor, for example {@code "sms"} or {@code "push"}
   * @param provider who provides it, for example {@code "OKTA"}
   * @param status its enrollment status, for example {@code "ACTIVE"}
   */
  public Factor {
    Objects.requireNonNull(id, "id == null");
    requireText(type, "type", id);
    requireText(provider, "provider", id);
    requireText(status, "status", id);
  }

  private static void requireText(String value, String name, FactorId id) {
    Objects.requireNonNull(value, () -> name + " of factor " + id + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " of factor " + id + " must not be blank");
    }
  }
}
