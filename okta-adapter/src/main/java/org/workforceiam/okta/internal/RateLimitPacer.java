package org.workforceiam.okta.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Remembers Okta's rate-limit headers per endpoint and, when a window is nearly used up, spreads
 * the requests left over the time until it resets instead of running into a 429.
 *
 * <p>Okta's windows belong to endpoints, so the window is kept per method and path template (ids
 * replaced by {@code {}}). Times are moved from Okta's clock to the local one through the
 * response's {@code Date} header.
 */
final class RateLimitPacer {
  private static final Set<String> COLLECTIONS =
      Set.of("users", "groups", "factors", "apps", "clients", "roles", "sessions");

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  RateLimitPacer(Clock clock) {
    this.clock = clock;
  }

  /** What Okta said about one endpoint's window, in local time. */
  record Window(int limit, int remaining, Instant resetAt) {}

  /** How long to wait before sending a request, so the window's remainder lasts until reset. */
  Duration delayBefore(Request request) {
    String bucket = bucket(request);
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

  /** Remembers the rate-limit headers of a response. */
  void record(Request request, Response response) {
    Integer limit = intHeader(response, "X-Rate-Limit-Limit");
    Integer remaining = intHeader(response, "X-Rate-Limit-Remaining");
    Instant resetAt = resetTime(response, clock);
    if (limit != null && remaining != null && resetAt != null && limit > 0) {
      windows.put(bucket(request), new Window(limit, remaining, resetAt));
    }
  }

  /** The window's current state for a request's endpoint, or null; for tests. */
  @Nullable Window window(Request request) {
    return windows.get(bucket(request));
  }

  /** Below this many requests left, pacing starts: a tenth of the window, at least two. */
  static int lowWater(int limit) {
    return Math.max(2, limit / 10);
  }

  /**
   * When the rate-limit window resets, in local time: {@code X-Rate-Limit-Reset} (epoch seconds on
   * Okta's clock) minus the response's {@code Date}, added to the local clock. Without a {@code
   * Date} header the local clock is taken as Okta's.
   */
  static @Nullable Instant resetTime(Response response, Clock clock) {
    Long reset = longHeader(response, "X-Rate-Limit-Reset");
    if (reset == null) {
      return null;
    }
    Instant now = clock.instant();
    Instant oktaNow = RetryingTransport.date(response);
    Duration untilReset =
        Duration.between(oktaNow == null ? now : oktaNow, Instant.ofEpochSecond(reset));
    return now.plus(untilReset);
  }

  /** The endpoint a request belongs to: method and path with ids replaced by {@code {}}. */
  static String bucket(Request request) {
    List<String> segments = request.url().pathSegments();
    StringBuilder key = new StringBuilder(request.method()).append(' ');
    for (int i = 0; i < segments.size(); i++) {
      boolean isId = i > 0 && COLLECTIONS.contains(segments.get(i - 1)) && i >= 3;
      key.append('/').append(isId ? "{}" : segments.get(i));
    }
    return key.toString();
  }

  private static @Nullable Integer intHeader(Response response, String name) {
    Long value = longHeader(response, name);
    return value == null || value > Integer.MAX_VALUE ? null : Integer.valueOf(value.intValue());
  }

  private static @Nullable Long longHeader(Response response, String name) {
    String value = response.header(name);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
