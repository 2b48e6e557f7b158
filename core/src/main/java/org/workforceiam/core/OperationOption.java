package org.workforceiam.core;

/** An option of an {@link Operation}, which a provider may or may not support. */
public enum OperationOption {
  /** With {@link Operation#RESET_PASSWORD_LINK}: the provider emails the link to the user. */
  SEND_EMAIL,
  /** With a password operation: also end the user's sessions. */
  REVOKE_SESSIONS,
  /**
   * With {@link Operation#RESET_FACTOR}: also remove the phone number as a recovery method (SMS and
   * voice factors).
   */
  REMOVE_RECOVERY_ENROLLMENT,
  /** With {@link Operation#REVOKE_SESSIONS}: also revoke OAuth and OpenID Connect tokens. */
  REVOKE_OAUTH_TOKENS,
  /** With {@link Operation#REVOKE_SESSIONS}: also forget the user's remembered devices. */
  FORGET_DEVICES
}
