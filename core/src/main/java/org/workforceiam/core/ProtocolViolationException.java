package org.workforceiam.core;

import org.jspecify.annotations.Nullable;

/**
 * The provider's answer broke the protocol: a malformed or truncated body, a pagination link to
 * another host, a cursor that came round again. Nothing is presented as complete after one; report
 * it with the request id.
 */
public final class ProtocolViolationException extends IamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   */
  public ProtocolViolationException(String summary, ErrorDetails details) {
    this(summary, details, null);
  }

  /**
   * Creates the error with its cause.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  public ProtocolViolationException(
      String summary, ErrorDetails details, @Nullable Throwable cause) {
    super(summary, details, cause);
  }

  /** {@return {@code false}: the same answer is likely again} */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
