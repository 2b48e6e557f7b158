package org.workforceiam.core;

import org.jspecify.annotations.Nullable;

/**
 * The provider did not accept the client's credentials: a wrong client id, a key the provider does
 * not know, a refused network zone, or a token it no longer accepts. Check the app's credentials at
 * the provider; retrying will not help.
 */
public final class AuthenticationFailedException extends IamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   */
  public AuthenticationFailedException(String summary, ErrorDetails details) {
    this(summary, details, null);
  }

  /**
   * Creates the error with its cause.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  public AuthenticationFailedException(
      String summary, ErrorDetails details, @Nullable Throwable cause) {
    super(summary, details, cause);
  }

  /** {@return {@code false}: the credentials must change first} */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
