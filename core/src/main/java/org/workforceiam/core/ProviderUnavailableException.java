package org.workforceiam.core;

import org.jspecify.annotations.Nullable;

/**
 * The provider could not be reached or answered with a server error, also after the client's own\n
 * * retries. Try again later.
 */
public final class ProviderUnavailableException extends IamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   */
  public ProviderUnavailableException(String summary, ErrorDetails details) {
    this(summary, details, null);
  }

  /**
   * Creates the error with its cause.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  public ProviderUnavailableException(
      String summary, ErrorDetails details, @Nullable Throwable cause) {
    super(summary, details, cause);
  }

  /** {@return {@code true}: outages pass} */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
