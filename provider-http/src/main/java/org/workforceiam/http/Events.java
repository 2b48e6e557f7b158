package org.workforceiam.http;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.IamEventListener.CallKind;
import org.workforceiam.core.IamEventListener.RetryReason;

/**
 * Sends one client's {@link IamEventListener} events, for {@link RetryingTransport} and {@link
 * TokenCache}: so every adapter built on them reports the same events, with no code of its own
 * beyond passing its builder's listener here once.
 *
 * <p>When the listener is {@link IamEventListener#NONE}, {@link #enabled()} is false and callers
 * skip every piece of event work (no clock read, no endpoint template, no byte counting). A
 * listener that throws is logged once, at WARN (later failures at DEBUG), and never breaks a call.
 * Thread-safe.
 */
public final class Events {
  /** No listener: nothing is sent, and {@link #enabled()} is false. */
  public static final Events NONE = new Events(IamEventListener.NONE, "none");

  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  /**
   * Whether any client in this JVM has a listener: until one has, {@link JsonBodies} does not even
   * look for a page's byte counter, so a JVM without listeners does no event work at all.
   */
  static volatile boolean anyListener;

  private final IamEventListener listener;
  private final String provider;
  private final boolean enabled;
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  private Events(IamEventListener listener, String provider) {
    this.listener = listener;
    this.provider = provider;
    this.enabled = listener != IamEventListener.NONE;
  }

  /**
   * Returns the events of one client.
   *
   * @param listener the client's listener; {@link IamEventListener#NONE} for none
   * @param provider the provider's name, as in {@link ProviderRules#name()}
   * @return the events; {@link #NONE} when the listener is {@link IamEventListener#NONE}
   */
  public static Events of(IamEventListener listener, String provider) {
    Objects.requireNonNull(listener, "listener == null");
    Objects.requireNonNull(provider, "provider == null");
    if (listener == IamEventListener.NONE) {
      return NONE;
    }
    anyListener = true;
    return new Events(listener, provider);
  }

  /** {@return whether a listener receives the events; when false, skip all event work} */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Names a request's endpoint for an event: its method and path template ({@link
   * PathTemplate#endpointOf}), never its concrete path or query.
   *
   * @param request the request
   * @return for example {@code GET /api/v1/groups/{groupId}/users}
   */
  public static String endpoint(Request request) {
    return request.method() + " " + PathTemplate.endpointOf(request.url());
  }

  /**
   * Returns the time now, for a duration, or 0 when no listener would receive it.
   *
   * @return {@link System#nanoTime()}, or 0
   */
  public long start() {
    return enabled ? System.nanoTime() : 0L;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
  }

  /**
   * Reports a request about to be sent.
   *
   * @param kind what the call does
   * @param endpoint from {@link #endpoint(Request)}
   * @param attempt the attempt's number, from 1
   */
  public void callStarted(CallKind kind, String endpoint, int attempt) {
    if (!enabled) {
      return;
    }
    try {
      listener.callStarted(new IamEventListener.CallStarted(provider, kind, endpoint, attempt));
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /**
   * Reports an attempt that ended.
   *
   * @param kind what the call does
   * @param endpoint from {@link #endpoint(Request)}
   * @param attempt the attempt's number, from 1
   * @param status the HTTP status, or -1 without a response
   * @param startNanos from {@link #start()}, just before sending
   */
  public void callEnded(CallKind kind, String endpoint, int attempt, int status, long startNanos) {
    if (!enabled) {
      return;
    }
    try {
      listener.callEnded(
          new IamEventListener.CallEnded(
              provider,
              kind,
              endpoint,
              attempt,
              status < 0 ? OptionalInt.empty() : OptionalInt.of(status),
              since(startNanos)));
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /**
   * Reports a retry.
   *
   * @param kind what the call does
   * @param endpoint the call's endpoint
   * @param attempt the number of the attempt that failed
   * @param reason why
   * @param delay the wait before the next attempt
   */
  public void retryScheduled(
      CallKind kind, String endpoint, int attempt, RetryReason reason, Duration delay) {
    if (!enabled) {
      return;
    }
    try {
      listener.retryScheduled(
          new IamEventListener.RetryScheduled(provider, kind, endpoint, attempt, reason, delay));
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /**
   * Reports a pacing wait.
   *
   * @param kind what the call does
   * @param endpoint the waiting request's endpoint
   * @param wait how long
   */
  public void rateLimitWait(CallKind kind, String endpoint, Duration wait) {
    if (!enabled) {
      return;
    }
    try {
      listener.rateLimitWait(new IamEventListener.RateLimitWait(provider, kind, endpoint, wait));
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /**
   * Reports a token fetched.
   *
   * @param refresh whether it replaced a token fetched before
   * @param startNanos from {@link #start()}, before the fetch
   * @param lifetime how long the token is valid from now
   */
  public void tokenFetched(boolean refresh, long startNanos, Duration lifetime) {
    if (!enabled) {
      return;
    }
    try {
      listener.tokenFetched(
          new IamEventListener.TokenFetched(
              provider,
              refresh,
              since(startNanos),
              lifetime.isNegative() ? Duration.ZERO : lifetime));
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /**
   * Reports a page read.
   *
   * @param endpoint the page's endpoint
   * @param attempt the number of the attempt that read it
   * @param items how many items it held
   * @param bytes how many bytes of body were read
   * @param startNanos from {@link #start()}, just before sending
   */
  public void pageFetched(String endpoint, int attempt, int items, long bytes, long startNanos) {
    if (!enabled) {
      return;
    }
    try {
      listener.pageFetched(
          new IamEventListener.PageFetched(
              provider, endpoint, attempt, items, bytes, since(startNanos)));
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private void failed(RuntimeException e) {
    if (failureLogged.compareAndSet(false, true)) {
      LOG.warn(
          "the event listener {} threw; the call goes on, and later failures of this listener"
              + " are logged at DEBUG only",
          listener.getClass().getName(),
          e);
    } else {
      LOG.debug("the event listener {} threw again", listener.getClass().getName(), e);
    }
  }

  /** {@return the provider, and whether a listener is set; never the listener's state} */
  @Override
  public String toString() {
    return "Events{provider=" + provider + ", enabled=" + enabled + "}";
  }
}
