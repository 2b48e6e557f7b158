package org.workforceiam.core;

import java.util.Locale;
import java.util.Objects;

/**
 * An employee's account status, normalised across identity providers: what a helpdesk decides on.
 *
 * <p>Each provider has its own words for its statuses, and not every provider has every status:
 * Okta's statuses are {@code ACTIVE}, {@code STAGED}, {@code PROVISIONED}, {@code RECOVERY}, {@code
 * PASSWORD_EXPIRED}, {@code LOCKED_OUT}, {@code SUSPENDED} and {@code DEPROVISIONED}, one each of
 * these; Microsoft Entra ID knows only whether an account is enabled ({@link #ACTIVE}) or not
 * ({@link #DISABLED}). The adapter maps its provider's words to these statuses, and {@link
 * Employee#providerStatus()} always keeps the provider's own word, to show to people. A word the
 * adapter does not know maps to {@link #UNKNOWN}.
 */
public enum EmployeeStatus {
  /** The account is active and can sign in. */
  ACTIVE,
  /** The account exists but has not been activated (Okta's {@code STAGED}). */
  STAGED,
  /**
   * The account was activated but the user has not finished setting it up (Okta's {@code
   * PROVISIONED}).
   */
  PROVISIONED,
  /** A password reset is in progress: the user must complete it before signing in. */
  RECOVERY,
  /** The password has expired: the user must set a new one at the next sign-in. */
  PASSWORD_EXPIRED,
  /** The account is locked out, typically after too many failed sign-ins. */
  LOCKED_OUT,
  /** The account is suspended by an administrator (Okta's {@code SUSPENDED}). */
  SUSPENDED,
  /**
   * The account is disabled and cannot sign in; an administrator can enable it again (Microsoft
   * Entra ID's {@code accountEnabled} false).
   */
  DISABLED,
  /** The account is deactivated (Okta's {@code DEPROVISIONED}). */
  DEPROVISIONED,
  /**
   * A status the adapter does not know; {@link Employee#providerStatus()} holds the provider's
   * word.
   */
  UNKNOWN;

  /**
   * Returns the status whose name is the given word, case-insensitively: a convenience for a
   * provider whose words are these names. An adapter whose provider words differ maps them itself
   * and builds the employee with {@link Employee.Builder#status(EmployeeStatus, String)}.
   *
   * @param providerValue a status word, for example {@code "LOCKED_OUT"}
   * @return the status of that name, or {@link #UNKNOWN} for any other word
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
