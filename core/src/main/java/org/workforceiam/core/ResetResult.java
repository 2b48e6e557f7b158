package org.workforceiam.core;

import java.util.Optional;

/** What a {@link ResetService} operation did. */
public sealed interface ResetResult
    permits PasswordResetResult, MfaResetResult, UnlockResult, SessionRevocationResult {

  /**
   * Returns the user the operation changed.
   *
   * @return the user's id
   */
  UserId user();

  /**
   * Returns the operation performed.
   *
   * @return the operation
   */
  Operation operation();

  /**
   * Returns the provider's id of the request that made the change, to find it in the provider's
   * audit log.
   *
   * @return the request id, when the provider sent one
   */
  Optional<String> requestId();
}
