package org.workforceiam.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to change a user's credentials or sessions, successful or not. Holds no secret: never
 * a reset link or temporary password.
 *
 * <p>The provider's own log attributes every change to the client (the service app), so the event
 * also says who asked, when the caller said so: {@link #actor()}, set through {@link
 * ResetService#withActor(String)}.
 */
public final class AuditEvent {
  private final UserId user;
  private final Operation operation;
  private final Set<OperationOption> options;
  private final Instant time;
  private final Outcome outcome;
  private final Optional<String> errorType;
  private final Optional<String> errorCode;
  private final Optional<String> requestId;
  private final Optional<String> actor;

  private AuditEvent(
      UserId user,
      Operation operation,
      Set<OperationOption> options,
      Instant time,
      Outcome outcome,
      Optional<String> errorType,
      Optional<String> errorCode,
      Optional<String> requestId,
      Optional<String> actor) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(options, "options == null");
    options = OperationOption.sortedCopy(options);
    Objects.requireNonNull(time, "time == null");
    Objects.requireNonNull(outcome, "outcome == null");
    Objects.requireNonNull(errorType, "errorType == null");
    Objects.requireNonNull(errorCode, "errorCode == null");
    Objects.requireNonNull(requestId, "requestId == null");
    actor.ifPresent(Actors::check);
    this.user = user;
    this.operation = operation;
    this.options = options;
    this.time = time;
    this.outcome = outcome;
    this.errorType = errorType;
    this.errorCode = errorCode;
    this.requestId = requestId;
    this.actor = actor;
  }

  /**
   * Creates the value; for providers and tests (callers receive it).
   *
   * @param user the target user
   * @param operation the operation attempted
   * @param options the options asked for
   * @param time when the attempt ended
   * @param outcome how it ended
   * @param errorType the simple name of the exception that ended it, when it failed
   * @param errorCode the provider's error code, when it sent one
   * @param requestId the provider's request id, when it sent one
   * @return the value, without an {@linkplain #actor() actor}; see {@link #withActor(String)}
   */
  public static AuditEvent of(
      UserId user,
      Operation operation,
      Set<OperationOption> options,
      Instant time,
      Outcome outcome,
      Optional<String> errorType,
      Optional<String> errorCode,
      Optional<String> requestId) {
    return new AuditEvent(
        user, operation, options, time, outcome, errorType, errorCode, requestId, Optional.empty());
  }

  /**
   * Returns this event attributed to who asked for the change.
   *
   * @param actor who asked: a person or system as the application names them, such as the helpdesk
   *     agent's account; not blank, at most 200 characters, no control characters
   * @return a copy of this event with the actor
   * @throws IllegalArgumentException when the actor is blank, too long or holds a control character
   *     (it is written to logs)
   */
  public AuditEvent withActor(String actor) {
    return new AuditEvent(
        user,
        operation,
        options,
        time,
        outcome,
        errorType,
        errorCode,
        requestId,
        Optional.of(Actors.check(actor)));
  }

  /** {@return the target user} */
  public UserId user() {
    return user;
  }

  /** {@return the operation attempted} */
  public Operation operation() {
    return operation;
  }

  /** {@return the options asked for} */
  public Set<OperationOption> options() {
    return options;
  }

  /** {@return when the attempt ended} */
  public Instant time() {
    return time;
  }

  /** {@return how it ended} */
  public Outcome outcome() {
    return outcome;
  }

  /** {@return the simple name of the exception that ended it, when it failed} */
  public Optional<String> errorType() {
    return errorType;
  }

  /** {@return the provider's error code, when it sent one} */
  public Optional<String> errorCode() {
    return errorCode;
  }

  /** {@return the provider's request id, when it sent one} */
  public Optional<String> requestId() {
    return requestId;
  }

  /**
   * Returns who asked for the change, as the application named them through {@link
   * ResetService#withActor(String)}; empty when it did not say. The provider's own log names only
   * the client.
   *
   * @return who asked, when known
   */
  public Optional<String> actor() {
    return actor;
  }

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
    OUTCOME_UNKNOWN,
    /**
     * A change of several steps was made in part ({@link IamException.PartiallyApplied}): some
     * steps were made and the rest not; check the user before repeating it.
     */
    PARTIALLY_APPLIED
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof AuditEvent that)) {
      return false;
    }
    return user.equals(that.user)
        && operation.equals(that.operation)
        && options.equals(that.options)
        && time.equals(that.time)
        && outcome.equals(that.outcome)
        && errorType.equals(that.errorType)
        && errorCode.equals(that.errorCode)
        && requestId.equals(that.requestId)
        && actor.equals(that.actor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        user, operation, options, time, outcome, errorType, errorCode, requestId, actor);
  }

  @Override
  public String toString() {
    return "AuditEvent["
        + "user="
        + user
        + ", "
        + "operation="
        + operation
        + ", "
        + "options="
        + options
        + ", "
        + "time="
        + time
        + ", "
        + "outcome="
        + outcome
        + ", "
        + "errorType="
        + errorType
        + ", "
        + "errorCode="
        + errorCode
        + ", "
        + "requestId="
        + requestId
        + ", "
        + "actor="
        + actor
        + "]";
  }
}
