package org.workforceiam.core;

import org.jspecify.annotations.Nullable;

/**
 * A change was sent to the provider but its result cannot be known, for example because the
 * connection broke after the request was written. The change may or may not have happened.
 *
 * <p>Never repeat the call blindly: check the user's current state (and the provider's audit log,
 * using {@link #requestId()} where present) first. The library itself never retries such a call.
 */
public final class OutcomeUnknownException extends IamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param summary what was sent and how to check its outcome, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  public OutcomeUnknownException(String summary, ErrorDetails details, @Nullable Throwable cause) {
    super(summary, details, cause);
  }

  /** {@return {@code false}: check the outcome before deciding to repeat the change} */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
