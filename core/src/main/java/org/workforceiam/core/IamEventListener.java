package org.workforceiam.core;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Telemetry of a client: what it sends to the identity provider and why it waits. In the spirit of
 * OkHttp's {@code EventListener}, one level up: a call to the provider (each attempt of it), a
 * retry the client scheduled, a wait for a rate-limit window, an access token fetched, a page of a
 * listing read. Give one to a client's builder (for example {@code
 * OktaClient.Builder.eventListener}); the {@code workforce-iam-micrometer} module turns the events
 * into meters.
 *
 * <pre>{@code
 * IamEventListener retries = new IamEventListener() {
 *   @Override
 *   public void retryScheduled(IamEventListener.RetryScheduled event) {
 *     log.info("{} {} retried in {} ({})", event.provider(), event.endpoint(), event.delay(),
 *         event.reason());
 *   }
 * };
 * }</pre>
 *
 * <p><b>What events carry.</b> The provider's name, the kind of call, and the endpoint as its
 * template, such as {@code GET /api/v1/groups/{groupId}/users}: never a concrete URL, an id, a
 * query, a header or a body, so nothing in an event is a secret or names a user. Events are
 * telemetry; the record of changes stays {@link AuditEvent}.
 *
 * <p><b>Threads and failures.</b> Methods are called on the thread that makes the call, while it
 * makes it, so a listener must be thread-safe and quick (count, or hand off). A listener that
 * throws does not change the call: the client logs the first failure through SLF4J and goes on.
 *
 * <p><b>Cost.</b> With no listener ({@link #NONE}, the default), a client creates no event, reads
 * no extra clock and counts no bytes.
 *
 * <p>Implement any subset of the methods; every one does nothing by default, and methods added
 * later will too.
 */
public interface IamEventListener {

  /** The listener that receives nothing: a client given it does no event work at all. */
  IamEventListener NONE = new IamEventListener() {};

  /**
   * A request is about to be sent: once per attempt.
   *
   * @param event the call
   */
  default void callStarted(CallStarted event) {}

  /**
   * An attempt ended with a response (its headers have arrived) or without one.
   *
   * @param event the call and how it ended
   */
  default void callEnded(CallEnded event) {}

  /**
   * The client will try a call again after a wait.
   *
   * @param event why and how long
   */
  default void retryScheduled(RetryScheduled event) {}

  /**
   * The client waits before sending, to stay within a rate-limit window the provider reported
   * (pacing). A wait after a rate-limited answer (429) is a {@link #retryScheduled} with reason
   * {@link RetryReason#RATE_LIMITED} instead, so no wait is reported twice.
   *
   * @param event the wait
   */
  default void rateLimitWait(RateLimitWait event) {}

  /**
   * An access token was fetched from the provider's token endpoint.
   *
   * @param event the fetch; never the token
   */
  default void tokenFetched(TokenFetched event) {}

  /**
   * A page of a listing was read and decoded completely.
   *
   * @param event the page's size
   */
  default void pageFetched(PageFetched event) {}

  /** What a call does. */
  enum CallKind {
    /** A request to the token endpoint, also when made for another call that needed a token. */
    TOKEN,
    /** A read that is not a page of a listing, such as a user lookup. */
    READ,
    /** A page of a listing, such as a group's members. */
    PAGE,
    /** A change, such as a password reset: sent again only when the provider cannot have acted. */
    CHANGE
  }

  /** How an attempt ended. */
  enum Outcome {
    /** A 1xx, 2xx or 3xx status. */
    SUCCESS,
    /** A 4xx status other than 429. */
    CLIENT_ERROR,
    /** 429: the provider's rate limit. */
    RATE_LIMITED,
    /** A 5xx status. */
    SERVER_ERROR,
    /** No response: the connection failed, or a step it needed (the token request) failed. */
    NO_RESPONSE;

    /**
     * Returns the outcome of a status.
     *
     * @param status the HTTP status, empty when there was no response
     * @return the outcome
     */
    public static Outcome of(OptionalInt status) {
      Objects.requireNonNull(status, "status == null");
      if (status.isEmpty()) {
        return NO_RESPONSE;
      }
      int code = status.getAsInt();
      if (code == 429) {
        return RATE_LIMITED;
      }
      if (code >= 500) {
        return SERVER_ERROR;
      }
      return code >= 400 ? CLIENT_ERROR : SUCCESS;
    }
  }

  /** Why a call is tried again. */
  enum RetryReason {
    /** The provider answered 429. */
    RATE_LIMITED,
    /** The provider answered 503 or 504 (a busy or unavailable service). */
    UNAVAILABLE,
    /** No connection could be made, or it failed before an answer. */
    CONNECTION_FAILED,
    /** The answer failed midway through its body. */
    ANSWER_FAILED,
    /** The provider could not produce a page in time; a smaller one is asked for at once. */
    SMALLER_PAGE
  }

  /**
   * A request about to be sent.
   *
   * @param provider the provider's name, such as {@code Okta}
   * @param kind what the call does
   * @param endpoint the method and path template, such as {@code GET /api/v1/users/{idOrLogin}}
   * @param attempt the attempt's number within its call, from 1
   */
  record CallStarted(String provider, CallKind kind, String endpoint, int attempt) {
    /**
     * Validates the values.
     *
     * @param provider the provider's name, such as {@code Okta}
     * @param kind what the call does
     * @param endpoint the method and path template, such as {@code GET /api/v1/users/{idOrLogin}}
     * @param attempt the attempt's number within its call, from 1
     */
    public CallStarted {
      Objects.requireNonNull(provider, "provider == null");
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(endpoint, "endpoint == null");
      requireAttempt(attempt);
    }
  }

  /**
   * An attempt that ended.
   *
   * @param provider the provider's name, such as {@code Okta}
   * @param kind what the call does
   * @param endpoint the method and path template, such as {@code GET /api/v1/users/{idOrLogin}}
   * @param attempt the attempt's number within its call, from 1
   * @param status the HTTP status, empty when there was no response
   * @param duration from just before sending to the response's headers (or the failure); for a
   *     page, reading the body is in {@link PageFetched#duration()}
   */
  record CallEnded(
      String provider,
      CallKind kind,
      String endpoint,
      int attempt,
      OptionalInt status,
      Duration duration) {
    /**
     * Validates the values.
     *
     * @param provider the provider's name, such as {@code Okta}
     * @param kind what the call does
     * @param endpoint the method and path template, such as {@code GET /api/v1/users/{idOrLogin}}
     * @param attempt the attempt's number within its call, from 1
     * @param status the HTTP status, empty when there was no response
     * @param duration from just before sending to the response's headers (or the failure)
     */
    public CallEnded {
      Objects.requireNonNull(provider, "provider == null");
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(endpoint, "endpoint == null");
      requireAttempt(attempt);
      Objects.requireNonNull(status, "status == null");
      requireNotNegative(duration, "duration");
    }

    /**
     * Returns how the attempt ended, from its status.
     *
     * @return the outcome
     */
    public Outcome outcome() {
      return Outcome.of(status);
    }
  }

  /**
   * A retry the client scheduled.
   *
   * @param provider the provider's name, such as {@code Okta}
   * @param kind what the call does
   * @param endpoint the call's method and path template
   * @param attempt the number of the attempt that failed, from 1
   * @param reason why it is tried again
   * @param delay how long the client waits first (zero for a smaller page)
   */
  record RetryScheduled(
      String provider,
      CallKind kind,
      String endpoint,
      int attempt,
      RetryReason reason,
      Duration delay) {
    /**
     * Validates the values.
     *
     * @param provider the provider's name, such as {@code Okta}
     * @param kind what the call does
     * @param endpoint the call's method and path template
     * @param attempt the number of the attempt that failed, from 1
     * @param reason why it is tried again
     * @param delay how long the client waits first (zero for a smaller page)
     */
    public RetryScheduled {
      Objects.requireNonNull(provider, "provider == null");
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(endpoint, "endpoint == null");
      requireAttempt(attempt);
      Objects.requireNonNull(reason, "reason == null");
      requireNotNegative(delay, "delay");
    }
  }

  /**
   * A wait to stay within a rate-limit window the provider reported.
   *
   * @param provider the provider's name, such as {@code Okta}
   * @param kind what the call does
   * @param endpoint the method and path template of the request that waits
   * @param duration how long it waits
   */
  record RateLimitWait(String provider, CallKind kind, String endpoint, Duration duration) {
    /**
     * Validates the values.
     *
     * @param provider the provider's name, such as {@code Okta}
     * @param kind what the call does
     * @param endpoint the method and path template of the request that waits
     * @param duration how long it waits
     */
    public RateLimitWait {
      Objects.requireNonNull(provider, "provider == null");
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(endpoint, "endpoint == null");
      requireNotNegative(duration, "duration");
    }
  }

  /**
   * An access token fetched. Never the token.
   *
   * @param provider the provider's name, such as {@code Okta}
   * @param refresh whether it replaced a token this client had fetched before (ahead of expiry, at
   *     expiry, or after the provider refused it); false for the client's first token
   * @param duration how long the fetch took, all its requests included (such as a DPoP nonce
   *     handshake)
   * @param lifetime how long the token is valid from now
   */
  record TokenFetched(String provider, boolean refresh, Duration duration, Duration lifetime) {
    /**
     * Validates the values.
     *
     * @param provider the provider's name, such as {@code Okta}
     * @param refresh whether it replaced a token this client had fetched before
     * @param duration how long the fetch took, all its requests included
     * @param lifetime how long the token is valid from now
     */
    public TokenFetched {
      Objects.requireNonNull(provider, "provider == null");
      requireNotNegative(duration, "duration");
      requireNotNegative(lifetime, "lifetime");
    }
  }

  /**
   * A page of a listing, read and decoded completely.
   *
   * @param provider the provider's name, such as {@code Okta}
   * @param endpoint the method and path template, such as {@code GET
   *     /api/v1/groups/{groupId}/users}
   * @param attempt the number of the attempt that read it, from 1
   * @param items how many items the page held
   * @param bytes how many bytes of body were decoded (after any decompression); 0 when the adapter
   *     decodes its pages without the shared JSON reader
   * @param duration from just before sending to the end of decoding
   */
  record PageFetched(
      String provider, String endpoint, int attempt, int items, long bytes, Duration duration) {
    /**
     * Validates the values.
     *
     * @param provider the provider's name, such as {@code Okta}
     * @param endpoint the method and path template
     * @param attempt the number of the attempt that read it, from 1
     * @param items how many items the page held
     * @param bytes how many bytes of body were read
     * @param duration from just before sending to the end of decoding
     */
    public PageFetched {
      Objects.requireNonNull(provider, "provider == null");
      Objects.requireNonNull(endpoint, "endpoint == null");
      requireAttempt(attempt);
      if (items < 0 || bytes < 0) {
        throw new IllegalArgumentException(
            "items and bytes must not be negative: " + items + ", " + bytes);
      }
      requireNotNegative(duration, "duration");
    }
  }

  private static void requireAttempt(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
    }
  }

  private static void requireNotNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, () -> name + " == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + duration);
    }
  }
}
