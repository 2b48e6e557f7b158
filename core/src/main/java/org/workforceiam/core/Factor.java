package org.workforceiam.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An MFA factor a user has enrolled.
 *
 * <p>Type, provider and status are kept as the identity provider spells them (for Okta, for example
 * {@code "token:software:totp"}, {@code "GOOGLE"} and {@code "ACTIVE"}), so values this library
 * does not know are never lost.
 */
public final class Factor {
  private final FactorId id;
  private final String type;
  private final String provider;
  private final String status;

  private Factor(FactorId id, String type, String provider, String status) {
    Objects.requireNonNull(id, "id == null");
    requireText(type, "type", id);
    requireText(provider, "provider", id);
    requireText(status, "status", id);
    this.id = id;
    this.type = type;
    this.provider = provider;
    this.status = status;
  }

  /**
   * Creates the value; for providers and tests (callers receive it).
   *
   * @param id the factor's identifier
   * @param type the kind of factor, for example {@code "sms"} or {@code "push"}
   * @param provider who provides it, for example {@code "OKTA"}
   * @param status its enrollment status, for example {@code "ACTIVE"}
   * @return the value
   */
  public static Factor of(FactorId id, String type, String provider, String status) {
    return new Factor(id, type, provider, status);
  }

  /** {@return the factor's identifier} */
  public FactorId id() {
    return id;
  }

  /** {@return the kind of factor, for example {@code "sms"} or {@code "push"}} */
  public String type() {
    return type;
  }

  /** {@return who provides it, for example {@code "OKTA"}} */
  public String provider() {
    return provider;
  }

  /** {@return its enrollment status, for example {@code "ACTIVE"}} */
  public String status() {
    return status;
  }

  private static void requireText(String value, String name, FactorId id) {
    Objects.requireNonNull(value, () -> name + " of factor " + id + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " of factor " + id + " must not be blank");
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Factor that)) {
      return false;
    }
    return id.equals(that.id)
        && type.equals(that.type)
        && provider.equals(that.provider)
        && status.equals(that.status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, type, provider, status);
  }

  @Override
  public String toString() {
    return "Factor["
        + "id="
        + id
        + ", "
        + "type="
        + type
        + ", "
        + "provider="
        + provider
        + ", "
        + "status="
        + status
        + "]";
  }
}
