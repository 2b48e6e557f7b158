package org.workforceiam.core;

import org.jspecify.annotations.Nullable;

/**
 * The provider does not support the requested operation or option. Raised before any request is
 * made; see {@link ResetService#capabilities()}.
 */
public final class OperationNotSupportedException extends IamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   */
  public OperationNotSupportedException(String summary, ErrorDetails details) {
    this(summary, details, null);
  }

  /**
   * Creates the error with its cause.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  public OperationNotSupportedException(
      String summary, ErrorDetails details, @Nullable Throwable cause) {
    super(summary, details, cause);
  }

  /** {@return {@code false}: the provider's capabilities do not change} */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
