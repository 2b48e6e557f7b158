package org.workforceiam.core;

import org.jspecify.annotations.Nullable;

/**
 * A lookup by a value that should identify one user, such as a primary email, matched several. Look
 * the user up by id or login instead.
 */
public final class AmbiguousUserException extends IamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   */
  public AmbiguousUserException(String summary, ErrorDetails details) {
    this(summary, details, null);
  }

  /**
   * Creates the error with its cause.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  public AmbiguousUserException(String summary, ErrorDetails details, @Nullable Throwable cause) {
    super(summary, details, cause);
  }

  /** {@return {@code false}: the directory still holds several matches} */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
