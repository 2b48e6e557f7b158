package org.workforceiam.core;

import org.jspecify.annotations.Nullable;

/** The user, group or factor does not exist, or the client may not see it. */
public final class NotFoundException extends IamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   */
  public NotFoundException(String summary, ErrorDetails details) {
    this(summary, details, null);
  }

  /**
   * Creates the error with its cause.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  public NotFoundException(String summary, ErrorDetails details, @Nullable Throwable cause) {
    super(summary, details, cause);
  }

  /** {@return {@code false}: it will not appear by itself} */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
