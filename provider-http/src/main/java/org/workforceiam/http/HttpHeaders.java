package org.workforceiam.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Reads the headers that retries and rate limits depend on. Arithmetic on their values cannot
 * overflow: a time further than {@link #HORIZON} from the server's or the local clock is clamped to
 * it, so an absurd header never raises an exception from {@code java.time}.
 */
public final class HttpHeaders {
  /** The furthest a header may move a time from now; further values are clamped to it. */
  public static final Duration HORIZON = Duration.ofDays(1);

  private HttpHeaders() {}

  /**
   * Returns the instant of an epoch second from a header, clamped to what {@link Instant} holds.
   *
   * @param epochSecond seconds since 1970, of any size
   * @return the instant, at most {@link Instant#MAX} and at least {@link Instant#MIN}
   */
  public static Instant epochSecond(long epochSecond) {
    return Instant.ofEpochSecond(
        Math.max(
            Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), epochSecond)));
  }

  /**
   * Returns a duration clamped to at most {@link #HORIZON} either way.
   *
   * @param duration the duration
   * @return the clamped duration
   */
  public static Duration clamp(Duration duration) {
    if (duration.compareTo(HORIZON) > 0) {
      return HORIZON;
    }
    return duration.compareTo(HORIZON.negated()) < 0 ? HORIZON.negated() : duration;
  }

  /**
   * Reads the {@code Date} header: the server's clock when it answered.
   *
   * @param response the response
   * @return the time, or null when absent or unreadable
   */
  public static @Nullable Instant date(Response response) {
    Date date = response.headers().getDate("Date");
    return date == null ? null : date.toInstant();
  }

  /**
   * Moves a time given by the server's clock to the local clock, through the response's {@code
   * Date} header; without one, the local clock is taken as the server's. The result is at most
   * {@link #HORIZON} from the local clock.
   *
   * @param response the response that gave the time
   * @param serverTime the time on the server's clock
   * @param clock the local clock
   * @return the same moment on the local clock
   */
  public static Instant toLocalTime(Response response, Instant serverTime, Clock clock) {
    Instant now = clock.instant();
    Instant serverNow = date(response);
    return now.plus(clamp(Duration.between(serverNow == null ? now : serverNow, serverTime)));
  }

  /**
   * Reads {@code Retry-After} (RFC 9110): delay seconds, or an HTTP date on the server's clock.
   *
   * @param response the response
   * @param clock the local clock
   * @return when the request may be sent again, in local time, at most {@link #HORIZON} away, or
   *     null when absent or unreadable
   */
  public static @Nullable Instant retryAfter(Response response, Clock clock) {
    String value = response.header("Retry-After");
    if (value == null) {
      return null;
    }
    Long seconds = parseLong(value);
    if (seconds != null) {
      return seconds < 0
          ? null
          : clock.instant().plusSeconds(Math.min(seconds, HORIZON.toSeconds()));
    }
    Date date = response.headers().getDate("Retry-After");
    return date == null ? null : toLocalTime(response, date.toInstant(), clock);
  }

  /**
   * Reads a header holding a whole number.
   *
   * @param response the response
   * @param name the header
   * @return the number, or null when absent or not a number
   */
  public static @Nullable Long longHeader(Response response, String name) {
    String value = response.header(name);
    return value == null ? null : parseLong(value);
  }

  private static @Nullable Long parseLong(String value) {
    String trimmed = value.trim();
    if (trimmed.length() > 40) {
      return null;
    }
    try {
      return Long.parseLong(trimmed);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
