package org.workforceiam.core;

/** A change a {@link ResetService} can make to a user's credentials or sessions. */
public enum Operation {
  /** Start a password reset with a one-time link, returned to the caller or emailed to the user. */
  RESET_PASSWORD_LINK,
  /** Set a temporary password, returned once, that the user must change at the next sign-in. */
  SET_TEMPORARY_PASSWORD,
  /** Expire the password so the user must choose a new one at the next sign-in. */
  EXPIRE_PASSWORD,
  /** Remove every enrolled MFA factor; the user enrolls again at the next sign-in. */
  RESET_ALL_FACTORS,
  /** Remove one enrolled MFA factor. */
  RESET_FACTOR,
  /** Unlock a locked-out account. */
  UNLOCK,
  /** End the user's sessions. */
  REVOKE_SESSIONS,
  /**
   * Issue a Temporary Access Pass: a time-limited passcode, returned once, with which a user
   * without a usable MFA method (after an MFA reset, say) signs in and enrols again. Microsoft
   * Entra ID has it; Okta does not.
   */
  ISSUE_TEMPORARY_ACCESS_PASS
}
