package org.workforceiam.http;

import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;

/**
 * Ends one attempt of a call in a way the retry loop may try again: a rate limit, a 503 or 504, a
 * connection failure, a body that failed midway, a page too large to produce. Thrown inside the
 * loop only (also from a step such as the token request, through the HTTP client's interceptors),
 * and turned by the loop into the next attempt or, when the policy is spent, into {@link
 * #giveUp(int, Duration)}'s exception.
 */
final class RetryableFailure extends IamException {
  private static final long serialVersionUID = 1L;

  /** How the loop waits before the next attempt. */
  enum Kind {
    /**
     * Until the time the provider gave: a rate limit's reset, or the {@code Retry-After} of a 503
     * from a provider whose rules read it ({@link ProviderRules#unavailableUntil}).
     */
    RATE_LIMITED,
    /** Exponential backoff. */
    BACKOFF,
    /** Not at all: the next attempt asks for a smaller page. */
    SMALLER_PAGE
  }

  /** The exception of the call when the loop gives up. */
  @FunctionalInterface
  interface GiveUp {
    IamException after(int attempts, Duration wait);
  }

  private final Kind kind;
  private final String what;
  private final @Nullable Instant retryAt;
  private final transient @Nullable HttpUrl smallerPage;
  private final transient GiveUp giveUp;

  private RetryableFailure(
      Kind kind,
      String what,
      String reason,
      @Nullable Instant retryAt,
      @Nullable HttpUrl smallerPage,
      GiveUp giveUp,
      @Nullable Throwable cause) {
    super(what + ": " + reason, ErrorDetails.none(), cause);
    this.kind = kind;
    this.what = what;
    this.retryAt = retryAt;
    this.smallerPage = smallerPage;
    this.giveUp = giveUp;
  }

  static RetryableFailure rateLimited(String what, @Nullable Instant retryAt, GiveUp giveUp) {
    return new RetryableFailure(
        Kind.RATE_LIMITED, what, "rate-limited", retryAt, null, giveUp, null);
  }

  static RetryableFailure unavailableUntil(String what, Instant retryAt, GiveUp giveUp) {
    return new RetryableFailure(
        Kind.RATE_LIMITED,
        what,
        "answered HTTP 503 with a time to try again",
        retryAt,
        null,
        giveUp,
        null);
  }

  static RetryableFailure backoff(
      String what, String reason, GiveUp giveUp, @Nullable Throwable cause) {
    return new RetryableFailure(Kind.BACKOFF, what, reason, null, null, giveUp, cause);
  }

  static RetryableFailure smallerPage(
      String what, String reason, HttpUrl smaller, GiveUp giveUp, @Nullable Throwable cause) {
    return new RetryableFailure(Kind.SMALLER_PAGE, what, reason, null, smaller, giveUp, cause);
  }

  Kind kind() {
    return kind;
  }

  String what() {
    return what;
  }

  @Nullable Instant retryAt() {
    return retryAt;
  }

  @Nullable HttpUrl smallerPage() {
    return smallerPage;
  }

  IamException giveUp(int attempts, Duration wait) {
    return giveUp.after(attempts, wait);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
