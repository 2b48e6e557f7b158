package org.workforceiam.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a client tries before giving up on a call that the identity provider rate-limited or
 * could not answer. Provider-neutral: every HTTP adapter (Okta, and the ones to come) takes one.
 *
 * <p>One policy covers every public call, the token request included, in one retry loop with one
 * deadline: a rate-limited answer (429) waits until the provider's window resets (Okta's {@code
 * X-Rate-Limit-Reset}, measured against the response's {@code Date}), a 503, a 504 or a connection
 * failure backs off exponentially, each with jitter. A change (a lifecycle call) is repeated only
 * when the provider certainly did not act on it. When the limits below are reached, the call fails
 * with {@link IamException.RateLimited} or {@link IamException.ProviderUnavailable} carrying the
 * last response's details. For a streamed listing, each page is one call.
 *
 * @param maxAttempts how many attempts a call makes at most, the first included (1 disables
 *     retries); an attempt that first had to get an access token counts once
 * @param maxElapsed how long a call may take, waits included, before the client gives up
 * @param maxWait the longest single wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration maxElapsed, Duration maxWait) {

  /**
   * Validates the values.
   *
   * @param maxAttempts how many attempts a call makes at most, the first included (1 disables
   *     retries); an attempt that first had to get an access token counts once
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
   * (a rate-limit window, at Okta for example, is usually 60 seconds).
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
