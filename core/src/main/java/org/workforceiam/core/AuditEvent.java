package org.workforceiam.core;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One attempt to change a user's credentials or sessions, successful or not. Holds no secret: never
 * a reset link or temporary password.
 *
 * @param user the target user
 * @param operation the operation attempted
 * @param options the options asked for
 * @param time when the attempt ended
 * @param outcome how it ended
 * @param errorType the simple name of the exception that ended it, when it failed
 * @param errorCode the provider's error code, when it sent one
 * @param requestId the provider's request id, when it sent one
 */
public record AuditEvent(
    UserId user,
    Operation operation,
    Set<OperationOption> options,
    Instant time,
    Outcome outcome,
    Optional<String> errorType,
    Optional<String> errorCode,
    Optional<String> requestId) {

  /** How an attempt ended. */
  public enum Outcome {
    /** The change was made. */
    SUCCEEDED,
    /**
     * The change was refused and nothing changed: not permitted, not allowed in the user's status,
     * or not supported.
     */
    REFUSED,
    /** The attempt failed and nothing changed as far as the client can tell. */
    FAILED,
    /** The change was sent but its result cannot be known; check the user before repeating it. */
    OUTCOME_UNKNOWN
  }

  /**
   * Validates the values.
   *
   * @param user the target user
   * @param operation the operation attempted
   * @param options the options asked for
   * @param time when the attempt ended
   * @param outcome how it ended
   * @param errorType the simple name of the exception that ended it, when it failed
   * @param errorCode the provider's error code, when it sent one
   * @param requestId the provider's request id, when it sent one
   */
  public AuditEvent {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(options, "options == null");
    options =
        Collections.unmodifiableSet(
            options.isEmpty() ? EnumSet.noneOf(OperationOption.class) : EnumSet.copyOf(options));
    Objects.requireNonNull(time, "time == null");
    Objects.requireNonNull(outcome, "outcome == null");
    Objects.requireNonNull(errorType, "errorType == null");
    Objects.requireNonNull(errorCode, "errorCode == null");
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
