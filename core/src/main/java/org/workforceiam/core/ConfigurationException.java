package org.workforceiam.core;

import org.jspecify.annotations.Nullable;

/**
 * The client is configured wrongly, for example a malformed org URL or an unreadable key, or the
 * provider rejects the configuration. Fix the configuration; retrying will not help.
 */
public final class ConfigurationException extends IamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   */
  public ConfigurationException(String summary, ErrorDetails details) {
    this(summary, details, null);
  }

  /**
   * Creates the error with its cause.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  public ConfigurationException(String summary, ErrorDetails details, @Nullable Throwable cause) {
    super(summary, details, cause);
  }

  /** {@return {@code false}: the configuration must change first} */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
