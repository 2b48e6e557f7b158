package org.workforceiam.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.workforceiam.core.IamEventListener;

/**
 * Counts a client's events for the one-line summary that {@code sync --verbose} and {@code bench}
 * print on stderr: requests (to the API and to the token endpoint), retries, rate-limit waits and
 * token fetches. Thread-safe.
 */
final class EventSummary implements IamEventListener {
  private final LongAdder apiRequests = new LongAdder();
  private final LongAdder tokenRequests = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder rateLimitWaits = new LongAdder();
  private final LongAdder waitedNanos = new LongAdder();
  private final LongAdder tokensFetched = new LongAdder();
  private final LongAdder tokensRefreshed = new LongAdder();

  @Override
  public void callStarted(CallStarted event) {
    (event.kind() == CallKind.TOKEN ? tokenRequests : apiRequests).increment();
  }

  @Override
  public void retryScheduled(RetryScheduled event) {
    retries.increment();
    if (event.reason() == RetryReason.RATE_LIMITED) {
      waited(event.delay());
    }
  }

  @Override
  public void rateLimitWait(RateLimitWait event) {
    waited(event.duration());
  }

  private void waited(Duration duration) {
    rateLimitWaits.increment();
    waitedNanos.add(duration.toNanos());
  }

  @Override
  public void tokenFetched(TokenFetched event) {
    (event.refresh() ? tokensRefreshed : tokensFetched).increment();
  }

  /**
   * The summary, for example {@code "events: 51 requests (50 API, 1 token), 0 retries, 0 rate-limit
   * waits (0.0 s), tokens: 1 fetched, 0 refreshed"}.
   */
  String line() {
    long api = apiRequests.sum();
    long token = tokenRequests.sum();
    return String.format(
        Locale.ROOT,
        "events: %d requests (%d API, %d token), %d %s, %d rate-limit %s (%.1f s),"
            + " tokens: %d fetched, %d refreshed",
        api + token,
        api,
        token,
        retries.sum(),
        retries.sum() == 1 ? "retry" : "retries",
        rateLimitWaits.sum(),
        rateLimitWaits.sum() == 1 ? "wait" : "waits",
        waitedNanos.sum() / 1e9,
        tokensFetched.sum(),
        tokensRefreshed.sum());
  }

  @Override
  public String toString() {
    return "EventSummary{" + line() + "}";
  }
}
