package org.workforceiam.okta;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the client tries before giving up on a call that Okta rate-limited or could not answer.
 *
 * <p>One policy covers every call, the token request included: a 429 waits until Okta's {@code
 * X-Rate-Limit-Reset} (measured against the response's {@code Date}), a 503, a 504 or a connection
 * failure backs off exponentially, each with jitter. A change (a lifecycle call) is repeated only
 * when Okta certainly did not act on it. When the limits below are reached, the call fails with
 * {@link org.workforceiam.core.IamException.RateLimited} or {@link
 * org.workforceiam.core.IamException.ProviderUnavailable} carrying the last response's details.
 *
 * @param maxAttempts how many times a call is sent at most, the first time included (1 disables
 *     retries)
 * @param maxElapsed how long a call may take, waits included, before the client gives up
 * @param maxWait the longest single wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration maxElapsed, Duration maxWait) {

  /**
   * Validates the values.
   *
   * @param maxAttempts how many times a call is sent at most, the first time included (1 disables
   *     retries)
   * @param maxElapsed how long a call may take, waits included, before the client gives up
   * @param maxWait the longest single wait between two attempts
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    Objects.requireNonNull(maxElapsed, "maxElapsed == null");
    Objects.requireNonNull(maxWait, "maxWait == null");
    if (maxElapsed.isNegative() || maxWait.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /**
   * Returns the default policy: up to 5 attempts within 2 minutes, no single wait over 60 seconds
   * (an Okta rate-limit window is usually 60 seconds).
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMinutes(2), Duration.ofSeconds(60));
  }

  /**
   * Returns a policy that never retries.
   *
   * @return the policy
   */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }
}
