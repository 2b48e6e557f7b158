package org.workforceiam.http;

import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamEventListener.RetryReason;
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
  private final RetryReason reason;
  private final String what;

  /** The failed request's method and URL, for an event's endpoint; never its headers or body. */
  private final String method;

  private final transient @Nullable HttpUrl url;
  private final @Nullable Instant retryAt;
  private final transient @Nullable HttpUrl smallerPage;
  private final transient GiveUp giveUp;

  private RetryableFailure(
      Kind kind,
      RetryReason reason,
      Request request,
      String what,
      String description,
      @Nullable Instant retryAt,
      @Nullable HttpUrl smallerPage,
      GiveUp giveUp,
      @Nullable Throwable cause) {
    super(what + ": " + description, ErrorDetails.none(), cause);
    this.kind = kind;
    this.reason = reason;
    this.method = request.method();
    this.url = request.url();
    this.what = what;
    this.retryAt = retryAt;
    this.smallerPage = smallerPage;
    this.giveUp = giveUp;
  }

  static RetryableFailure rateLimited(
      Request request, String what, @Nullable Instant retryAt, GiveUp giveUp) {
    return new RetryableFailure(
        Kind.RATE_LIMITED,
        RetryReason.RATE_LIMITED,
        request,
        what,
        "rate-limited",
        retryAt,
        null,
        giveUp,
        null);
  }

  static RetryableFailure unavailableUntil(
      Request request, String what, Instant retryAt, GiveUp giveUp) {
    return new RetryableFailure(
        Kind.RATE_LIMITED,
        RetryReason.UNAVAILABLE,
        request,
        what,
        "answered HTTP 503 with a time to try again",
        retryAt,
        null,
        giveUp,
        null);
  }

  static RetryableFailure backoff(
      RetryReason reason,
      Request request,
      String what,
      String description,
      GiveUp giveUp,
      @Nullable Throwable cause) {
    return new RetryableFailure(
        Kind.BACKOFF, reason, request, what, description, null, null, giveUp, cause);
  }

  static RetryableFailure smallerPage(
      Request request,
      String what,
      String description,
      HttpUrl smaller,
      GiveUp giveUp,
      @Nullable Throwable cause) {
    return new RetryableFailure(
        Kind.SMALLER_PAGE,
        RetryReason.SMALLER_PAGE,
        request,
        what,
        description,
        null,
        smaller,
        giveUp,
        cause);
  }

  Kind kind() {
    return kind;
  }

  /** Why, for the event listener. */
  RetryReason reason() {
    return reason;
  }

  /** The failed request's method. */
  String method() {
    return method;
  }

  /** The failed request's URL (after deserialization, none). */
  @Nullable HttpUrl url() {
    return url;
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
