package org.workforceiam.core;

import java.util.Locale;
import java.util.Objects;

/**
 * An employee's account status at the identity provider.
 *
 * <p>A status this library does not know yet maps to {@link #UNKNOWN}; {@link
 * Employee#providerStatus()} keeps the provider's own word for it.
 */
public enum EmployeeStatus {
  /** The account is active and can sign in. */
  ACTIVE,
  /** The account exists but has not been activated. */
  STAGED,
  /** The account was activated but the user has not finished setting it up. */
  PROVISIONED,
  /** A password reset is in progress: the user must complete it before signing in. */
  RECOVERY,
  /** The password has expired: the user must set a new one at the next sign-in. */
  PASSWORD_EXPIRED,
  /** The account is locked out, typically after too many failed sign-ins. */
  LOCKED_OUT,
  /** The account is suspended by an administrator. */
  SUSPENDED,
  /** The account is deactivated. */
  DEPROVISIONED,
  /** A status this version of the library does not know; see {@link Employee#providerStatus()}. */
  UNKNOWN;

  /**
   * Maps a provider's status word to a status, case-insensitively.
   *
   * @param providerValue the provider's status, for example {@code "LOCKED_OUT"}
   * @return the matching status, or {@link #UNKNOWN} for a word this library does not know
   */
  public static EmployeeStatus fromProviderValue(String providerValue) {
    Objects.requireNonNull(providerValue, "providerValue == null");
    String normalized = providerValue.strip().toUpperCase(Locale.ROOT);
    for (EmployeeStatus status : values()) {
      if (status != UNKNOWN && status.name().equals(normalized)) {
        return status;
      }
    }
    return UNKNOWN;
  }
}
