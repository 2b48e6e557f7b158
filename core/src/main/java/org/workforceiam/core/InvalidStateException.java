package org.workforceiam.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The operation is not allowed in the user's current status, for example unlocking a user who is
 * not locked out or resetting the password of a suspended user. Nothing was changed.
 */
public final class InvalidStateException extends IamException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String currentStatus;

  /**
   * Creates the error.
   *
   * @param currentStatus the user's status as the provider spells it, or {@code null} when unknown
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   */
  public InvalidStateException(
      @Nullable String currentStatus, String summary, ErrorDetails details) {
    this(currentStatus, summary, details, null);
  }

  /**
   * Creates the error with its cause.
   *
   * @param currentStatus the user's status as the provider spells it, or {@code null} when unknown
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  public InvalidStateException(
      @Nullable String currentStatus,
      String summary,
      ErrorDetails details,
      @Nullable Throwable cause) {
    super(summary, details, cause);
    this.currentStatus = currentStatus;
  }

  /**
   * Returns the user's status when the operation was refused.
   *
   * @return the status as the provider spells it, when known
   */
  public Optional<String> currentStatus() {
    return Optional.ofNullable(currentStatus);
  }

  /** {@return {@code false}: the user's status must change first} */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
