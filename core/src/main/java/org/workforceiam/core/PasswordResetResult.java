package org.workforceiam.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a password reset. The reset link and temporary password are {@link Secret}s:
 * {@link #toString()} never shows them.
 *
 * @param user the user whose password was reset
 * @param operation the operation performed
 * @param resetLink the one-time reset link, when it was returned rather than emailed
 * @param emailSent whether the provider emailed the link to the user
 * @param temporaryPassword the temporary password, shown once
 * @param sessionsRevoked whether the user's sessions were ended too
 * @param requestId the provider's request id, when it sent one
 */
public record PasswordResetResult(
    UserId user,
    Operation operation,
    Optional<Secret> resetLink,
    boolean emailSent,
    Optional<Secret> temporaryPassword,
    boolean sessionsRevoked,
    Optional<String> requestId)
    implements ResetResult {

  /**
   * Validates the values.
   *
   * @param user the user whose password was reset
   * @param operation the operation performed
   * @param resetLink the one-time reset link, when it was returned rather than emailed
   * @param emailSent whether the provider emailed the link to the user
   * @param temporaryPassword the temporary password, shown once
   * @param sessionsRevoked whether the user's sessions were ended too
   * @param requestId the provider's request id, when it sent one
   */
  public PasswordResetResult {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(resetLink, "resetLink == null");
    Objects.requireNonNull(temporaryPassword, "temporaryPassword == null");
    Objects.requireNonNull(requestId, "requestId == null");
    if (operation != Operation.RESET_PASSWORD_LINK
        && operation != Operation.SET_TEMPORARY_PASSWORD
        && operation != Operation.EXPIRE_PASSWORD) {
      throw new IllegalArgumentException("not a password operation: " + operation);
    }
  }
}
