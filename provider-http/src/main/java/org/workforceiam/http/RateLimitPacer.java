package org.workforceiam.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the rate-limit windows a provider reports per bucket and, when a window is nearly used
 * up, spreads the requests left over the time until it resets instead of running into a 429.
 *
 * <p>Which requests share a window, and how a response reports it, are the provider's {@link
 * ProviderRules}. Times are kept on the local clock. Thread-safe.
 */
public final class RateLimitPacer {
  private final Clock clock;
  private final ProviderRules rules;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /**
   * Creates a pacer with no window known.
   *
   * @param clock the local clock
   * @param rules the provider's buckets and rate-limit headers
   */
  public RateLimitPacer(Clock clock, ProviderRules rules) {
    this.clock = clock;
    this.rules = rules;
  }

  /**
   * What a provider said about one bucket's window, in local time.
   *
   * @param limit how many requests the window allows
   * @param remaining how many are left
   * @param resetAt when the window starts afresh
   */
  public record Window(int limit, int remaining, Instant resetAt) {}

  /**
   * Returns how long to wait before sending a request, so the window's remainder lasts until it
   * resets, and counts the request against the window.
   *
   * @param request the request about to be sent
   * @return the wait, zero while the window has room
   */
  public Duration delayBefore(Request request) {
    String bucket = rules.rateLimitBucket(request);
    Window window = windows.get(bucket);
    if (window == null) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    if (!now.isBefore(window.resetAt())) {
      windows.remove(bucket, window);
      return Duration.ZERO;
    }
    if (window.limit() <= 0 || window.remaining() > lowWater(window.limit())) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, window.resetAt());
    Duration wait = window.remaining() <= 0 ? left : left.dividedBy((long) window.remaining() + 1);
    // Count this request against the window now, so concurrent callers spread out too.
    windows.computeIfPresent(
        bucket,
        (key, current) ->
            new Window(current.limit(), Math.max(current.remaining() - 1, 0), current.resetAt()));
    return wait;
  }

  /**
   * Remembers the window a response reports.
   *
   * @param request the request
   * @param response its response
   */
  public void record(Request request, Response response) {
    Window window = rules.rateLimitWindow(response, clock);
    if (window != null && window.limit() > 0) {
      windows.put(rules.rateLimitBucket(request), window);
    }
  }

  /**
   * Returns the window last reported for a request's bucket; for tests.
   *
   * @param request the request
   * @return the window, or null when none is known
   */
  public @Nullable Window window(Request request) {
    return windows.get(rules.rateLimitBucket(request));
  }

  /**
   * Returns below how many requests left pacing starts: a tenth of the window, at least two.
   *
   * @param limit the window's size
   * @return the low-water mark
   */
  static int lowWater(int limit) {
    return Math.max(2, limit / 10);
  }
}
