package org.workforceiam.core;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The provider's rate limit was reached, also after the client's own waiting and retrying. Wait
 * {@link #retryAfter()} and try again.
 */
public final class RateLimitedException extends IamException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /**
   * Creates the error.
   *
   * @param retryAfter how long to wait before the limit resets, or {@code null} when unknown
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   */
  public RateLimitedException(@Nullable Duration retryAfter, String summary, ErrorDetails details) {
    this(retryAfter, summary, details, null);
  }

  /**
   * Creates the error with its cause.
   *
   * @param retryAfter how long to wait before the limit resets, or {@code null} when unknown
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  public RateLimitedException(
      @Nullable Duration retryAfter,
      String summary,
      ErrorDetails details,
      @Nullable Throwable cause) {
    super(summary, details, cause);
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  /**
   * Returns how long to wait before the provider's limit resets.
   *
   * @return the wait, when the provider said
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** {@return {@code true}: the limit resets} */
  @Override
  public boolean isRetryable() {
    return true;
  }
}
