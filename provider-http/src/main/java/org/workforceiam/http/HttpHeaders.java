package org.workforceiam.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/** Reads the headers that retries and rate limits depend on. */
public final class HttpHeaders {
  private HttpHeaders() {}

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
   * Date} header; without one, the local clock is taken as the server's.
   *
   * @param response the response that gave the time
   * @param serverTime the time on the server's clock
   * @param clock the local clock
   * @return the same moment on the local clock
   */
  public static Instant toLocalTime(Response response, Instant serverTime, Clock clock) {
    Instant now = clock.instant();
    Instant serverNow = date(response);
    return now.plus(Duration.between(serverNow == null ? now : serverNow, serverTime));
  }

  /**
   * Reads {@code Retry-After} (RFC 9110): delay seconds, or an HTTP date on the server's clock.
   *
   * @param response the response
   * @param clock the local clock
   * @return when the request may be sent again, in local time, or null when absent or unreadable
   */
  public static @Nullable Instant retryAfter(Response response, Clock clock) {
    String value = response.header("Retry-After");
    if (value == null) {
      return null;
    }
    Long seconds = parseLong(value);
    if (seconds != null) {
      return seconds < 0 ? null : clock.instant().plusSeconds(seconds);
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
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
