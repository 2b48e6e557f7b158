package org.workforceiam.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an unlock.
 *
 * @param user the user unlocked
 * @param status the user's status afterwards
 * @param requestId the provider's request id, when it sent one
 */
public record UnlockResult(UserId user, EmployeeStatus status, Optional<String> requestId)
    implements ResetResult {

  /**
   * Validates the values.
   *
   * @param user the user unlocked
   * @param status the user's status afterwards
   * @param requestId the provider's request id, when it sent one
   */
  public UnlockResult {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(requestId, "requestId == null");
  }

  /** {@return {@link Operation#UNLOCK}} */
  @Override
  public Operation operation() {
    return Operation.UNLOCK;
  }
}
