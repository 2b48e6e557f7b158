package org.workforceiam.okta.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.okta.RetryPolicy;

/**
 * The one retry policy of the adapter, used by every call including the token request.
 *
 * <ul>
 *   <li>429: waits until {@code X-Rate-Limit-Reset}, measured against the response's {@code Date}
 *       header (the local clock when there is none), plus a second and jitter, capped by {@link
 *       RetryPolicy#maxWait()}. Concurrency 429s ({@code X-Rate-Limit-Limit: 0}) likewise.
 *   <li>503, 504 and connection failures before the request was sent: exponential backoff from 300
 *       ms, with jitter.
 *   <li>Bounded by {@link RetryPolicy#maxAttempts()} and {@link RetryPolicy#maxElapsed()}; then the
 *       last answer's error is thrown with its details.
 *   <li>A change ({@link Transport.Safety#NOT_REPEATABLE}) is sent again only when Okta certainly
 *       did not act: after a 429, a 503 carrying an Okta error body, or a connection that was never
 *       made. Any other failure after it was sent is {@link IamException.OutcomeUnknown}.
 *   <li>Pacing: before each request, {@link RateLimitPacer} spreads the requests left in a nearly
 *       used-up rate-limit window over the time until it resets.
 * </ul>
 *
 * <p>Retries carry {@code X-Okta-Retry-For} (the request id of the first failure) and {@code
 * X-Okta-Retry-Count}, as Okta's other SDKs send. OkHttp's own silent retries are switched off on
 * the client, so nothing is repeated twice over.
 */
final class RetryingTransport implements Transport {
  static final Duration BASE_BACKOFF = Duration.ofMillis(300);
  static final Duration RATE_LIMIT_MARGIN = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(RetryingTransport.class);

  private final OkHttpClient client;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final RateLimitPacer pacer;

  RetryingTransport(
      OkHttpClient client,
      RetryPolicy policy,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier jitter,
      RateLimitPacer pacer) {
    this.client = client;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.pacer = pacer;
  }

  @Override
  public Response execute(Supplier<Request> requests, Safety safety) {
    Instant start = clock.instant();
    @Nullable String firstFailureId = null;
    boolean waitedForReset = false;
    for (int attempt = 1; ; attempt++) {
      Request request = requests.get();
      if (attempt > 1) {
        Request.Builder retry =
            request.newBuilder().header("X-Okta-Retry-Count", Integer.toString(attempt - 1));
        if (firstFailureId != null) {
          retry.header("X-Okta-Retry-For", firstFailureId);
        }
        request = retry.build();
      }
      if (!waitedForReset) {
        // After a 429 the wait for the reset has been done; pacing would add a second one.
        sleep(min(pacer.delayBefore(request), policy.maxWait()), request);
      }
      waitedForReset = false;

      Response response;
      try {
        response = client.newCall(request).execute();
      } catch (IOException e) {
        boolean neverSent = neverSent(e);
        if (safety == Safety.NOT_REPEATABLE && !neverSent) {
          throw new IamException.OutcomeUnknown(
              describe(request)
                  + " was sent to Okta but no answer came ("
                  + failure(e)
                  + "); it may or may not have taken effect: check the user's current status"
                  + " and the Okta System Log before repeating it",
              ErrorDetails.none(),
              e);
        }
        if (safety == Safety.PAGE && isReadTimeout(e)) {
          throw new PageTimeoutException(request, e);
        }
        Duration wait = backoff(attempt);
        if (!mayRetry(attempt, start, wait)) {
          throw new IamException.ProviderUnavailable(
              "Okta could not be reached for "
                  + describe(request)
                  + " after "
                  + attempt
                  + (attempt == 1 ? " attempt" : " attempts")
                  + " ("
                  + failure(e)
                  + ")",
              ErrorDetails.none(),
              e);
        }
        LOG.debug("{} failed ({}); retrying in {}", describe(request), failure(e), wait);
        sleep(wait, request);
        continue;
      }

      pacer.record(request, response);
      int status = response.code();
      boolean retryable =
          status == 429 || status == 503 || (status == 504 && safety == Safety.REPEATABLE);
      if (!retryable) {
        return response;
      }
      OktaErrors.OktaError error = OktaErrors.read(response);
      if (safety == Safety.NOT_REPEATABLE && status == 503 && !error.hasOktaBody()) {
        // Not certainly Okta's refusal (a proxy, a load balancer): the caller decides.
        return response;
      }
      Duration wait = status == 429 ? rateLimitWait(response) : backoff(attempt);
      if (!mayRetry(attempt, start, wait)) {
        response.close();
        throw OktaErrors.from(error, describe(request) + " after " + attempt + " attempts", wait);
      }
      if (firstFailureId == null) {
        firstFailureId = error.requestId();
      }
      response.close();
      LOG.debug("{} answered {}; retrying in {}", describe(request), status, wait);
      sleep(wait, request);
      waitedForReset = status == 429;
    }
  }

  /** How long to wait after a 429: until the window resets by Okta's clock, plus margin. */
  Duration rateLimitWait(Response response) {
    Instant reset = RateLimitPacer.resetTime(response, clock);
    Duration wait;
    if (reset == null) {
      wait = backoff(1);
    } else {
      wait = Duration.between(clock.instant(), reset);
      if (wait.isNegative()) {
        wait = Duration.ZERO;
      }
      wait = wait.plus(RATE_LIMIT_MARGIN).plusMillis((long) (jitter.getAsDouble() * 1000));
    }
    return min(wait, policy.maxWait());
  }

  /** Exponential backoff from {@link #BASE_BACKOFF}, with up to 25% jitter, capped. */
  Duration backoff(int attempt) {
    long base = BASE_BACKOFF.toMillis() << Math.min(attempt - 1, 20);
    long withJitter = base + (long) (base * 0.25 * jitter.getAsDouble());
    return min(Duration.ofMillis(withJitter), policy.maxWait());
  }

  private boolean mayRetry(int attempt, Instant start, Duration wait) {
    if (attempt >= policy.maxAttempts()) {
      return false;
    }
    Duration elapsed = Duration.between(start, clock.instant());
    return elapsed.plus(wait).compareTo(policy.maxElapsed()) <= 0;
  }

  private void sleep(Duration wait, Request request) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IamException.ProviderUnavailable(
          "interrupted while waiting to send " + describe(request), ErrorDetails.none(), e);
    }
  }

  /** Whether an I/O failure happened before any of the request reached Okta. */
  static boolean neverSent(IOException e) {
    if (e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException) {
      return true;
    }
    return e instanceof SocketTimeoutException
        && e.getMessage() != null
        && e.getMessage().toLowerCase(Locale.ROOT).contains("connect");
  }

  static boolean isReadTimeout(IOException e) {
    return e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
  }

  static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  private static String failure(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Reads the {@code Date} header, or null. */
  static @Nullable Instant date(Response response) {
    Date date = response.headers().getDate("Date");
    return date == null ? null : date.toInstant();
  }

  /**
   * A list page timed out while Okta was computing it: the pager asks again for a smaller page
   * instead of repeating the same one.
   */
  static final class PageTimeoutException extends IamException {
    private static final long serialVersionUID = 1L;

    PageTimeoutException(Request request, IOException cause) {
      super("Okta took too long to answer " + describe(request), ErrorDetails.none(), cause);
    }

    @Override
    public boolean isRetryable() {
      return true;
    }
  }
}
