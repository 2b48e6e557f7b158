package org.workforceiam.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamEventListener.CallKind;
import org.workforceiam.core.IamEventListener.RetryReason;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Page;
import org.workforceiam.core.RetryPolicy;

/**
 * The one retry loop: every public call of an adapter runs in one loop with one deadline, the token
 * request it may need included, and a page that is too large to produce is asked for again smaller
 * as a decision of the same loop.
 *
 * <ul>
 *   <li>429: waits until the time the provider gives ({@link ProviderRules#retryAt}), plus a second
 *       and jitter, capped by {@link RetryPolicy#maxWait()}; without one, backs off.
 *   <li>503, 504 and connection failures before the request was sent: exponential backoff from 300
 *       ms, with up to 25% jitter; a 503 whose time to try again the provider's rules read ({@link
 *       ProviderRules#unavailableUntil}) waits until then, as after a 429.
 *   <li>A page: a body that fails midway is fetched again after a backoff; a 500, a 504 or a read
 *       timeout asks again at once for a smaller page ({@link Transport.PageSizer}).
 *   <li>A step that an attempt needs first, such as the token request ({@link #send(Request)}),
 *       does not retry on its own: its failure ends the attempt, and this loop decides.
 *   <li>Bounded by {@link RetryPolicy#maxAttempts()} attempts and {@link RetryPolicy#maxElapsed()}
 *       for the whole call, waits included; then the last answer's error is thrown with its
 *       details.
 *   <li>A change ({@link Transport.Safety#NOT_REPEATABLE}) is sent again only when the provider
 *       certainly did not act: after a 429, a 503 carrying the provider's error body, a connection
 *       that was never made, or a failed token request. Any other failure after it was sent is
 *       {@link IamException.OutcomeUnknown}: a connection that failed after the request went out
 *       here, and a server error (a 503 without the provider's error body, such as a proxy's HTML
 *       page, a 502, a 504) in the adapter, which receives that answer once, unrepeated.
 *   <li>Pacing: before each request, {@link RateLimitPacer} spreads the requests left in a nearly
 *       used-up rate-limit window over the time until it resets.
 * </ul>
 *
 * <p>Events: each attempt, retry, pacing wait and page read is reported to the client's {@link
 * Events}: {@link #execute} calls are {@link CallKind#READ} or {@link CallKind#CHANGE} by their
 * {@link Transport.Safety}, {@link #page} calls {@link CallKind#PAGE}, and {@link #send} and {@link
 * #retrying} (the token request's step) {@link CallKind#TOKEN}. With {@link Events#NONE} none of
 * that work is done.
 *
 * <p>OkHttp's own silent retries must be switched off on the client ({@code
 * retryOnConnectionFailure(false)}), so nothing is repeated twice over. Thread-safe.
 */
public final class RetryingTransport implements Transport {
  static final Duration BASE_BACKOFF = Duration.ofMillis(300);
  static final Duration RATE_LIMIT_MARGIN = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(RetryingTransport.class);

  private final OkHttpClient client;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final RateLimitPacer pacer;
  private final ProviderRules rules;
  private final Events events;

  /**
   * Creates the transport, reporting no events.
   *
   * @param client the HTTP client, with OkHttp's own retries and redirects off
   * @param policy when to retry and when to give up
   * @param clock the clock of the deadline and of rate-limit windows
   * @param sleeper waits between attempts
   * @param jitter random values in [0, 1) that spread retries out
   * @param pacer the rate-limit windows, shared by every transport of one client
   * @param rules what the provider does differently
   */
  public RetryingTransport(
      OkHttpClient client,
      RetryPolicy policy,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier jitter,
      RateLimitPacer pacer,
      ProviderRules rules) {
    this(client, policy, clock, sleeper, jitter, pacer, rules, Events.NONE);
  }

  /**
   * Creates the transport.
   *
   * @param client the HTTP client, with OkHttp's own retries and redirects off
   * @param policy when to retry and when to give up
   * @param clock the clock of the deadline and of rate-limit windows
   * @param sleeper waits between attempts
   * @param jitter random values in [0, 1) that spread retries out
   * @param pacer the rate-limit windows, shared by every transport of one org ({@link
   *     RateLimitPacer#forOrg})
   * @param rules what the provider does differently
   * @param events where the client's events go; {@link Events#NONE} for nowhere
   */
  public RetryingTransport(
      OkHttpClient client,
      RetryPolicy policy,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier jitter,
      RateLimitPacer pacer,
      ProviderRules rules,
      Events events) {
    this.client = client;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.pacer = pacer;
    this.rules = rules;
    this.events = events;
  }

  @Override
  public Response execute(Supplier<Request> request, Safety safety) {
    CallKind kind = safety == Safety.REPEATABLE ? CallKind.READ : CallKind.CHANGE;
    return loop(new HttpAttempt<>(kind, request, safety, null, response -> response, false));
  }

  @Override
  public <T> T page(Supplier<Request> request, PageSizer sizer, BodyReader<T> reader) {
    return loop(new HttpAttempt<>(CallKind.PAGE, request, Safety.REPEATABLE, sizer, reader, true));
  }

  @Override
  public <T> T retrying(Supplier<T> step) {
    return loop(state -> step.get());
  }

  @Override
  public Response send(Request request) {
    String what = describe(request);
    String endpoint = events.enabled() ? Events.endpoint(request) : "";
    pace(request, what, CallKind.TOKEN, endpoint);
    long started = events.start();
    events.callStarted(CallKind.TOKEN, endpoint, 1);
    Response response;
    try {
      response = client.newCall(request).execute();
    } catch (IOException e) {
      events.callEnded(CallKind.TOKEN, endpoint, 1, -1, started);
      throw unreachable(request, what, e);
    }
    events.callEnded(CallKind.TOKEN, endpoint, 1, response.code(), started);
    pacer.record(request, response);
    int status = response.code();
    if (status == 429 || status == 503 || status == 504) {
      throw statusFailure(what, response);
    }
    return response;
  }

  /** Waits as the pacer says before sending a request, and reports the wait. */
  private void pace(Request request, String what, CallKind kind, String endpoint) {
    Duration delay = min(pacer.delayBefore(request), policy.maxWait());
    if (delay.isZero() || delay.isNegative()) {
      return;
    }
    events.rateLimitWait(kind, endpoint, delay);
    sleep(delay, what);
  }

  // ------------------------------------------------------------------ the loop

  /** One attempt of a call; throws {@link RetryableFailure} to let the loop decide. */
  @FunctionalInterface
  private interface Attempt<T> {
    T run(LoopState state);
  }

  /** What the loop knows across the attempts of one call. Confined to the calling thread. */
  private static final class LoopState {
    /** How many times the call's own request was sent, failed connections included. */
    int sent;

    /** The provider's request id of the first failed answer to the call's own request. */
    @Nullable String firstFailureId;

    /** Whether the loop has just waited for a rate limit to reset, which pacing must not repeat. */
    boolean waitedForReset;

    /** The smaller page the loop decided to ask for instead, if any. */
    @Nullable HttpUrl smallerPage;

    /** The number of the attempt running, from 1. */
    int attempt;

    /** What the call does and its endpoint, once an attempt named them (with events only). */
    @Nullable CallKind kind;

    @Nullable String endpoint;
  }

  private <T> T loop(Attempt<T> attempt) {
    Instant start = clock.instant();
    LoopState state = new LoopState();
    for (int number = 1; ; number++) {
      RetryableFailure failure;
      state.attempt = number;
      try {
        return attempt.run(state);
      } catch (RetryableFailure e) {
        failure = e;
      }
      Duration wait = waitAfter(failure, number);
      if (!mayRetry(number, start, wait)) {
        throw failure.giveUp(number, wait);
      }
      LOG.debug("{}; trying again in {}", failure.getMessage(), wait);
      if (events.enabled()) {
        retryScheduled(state, failure, number, wait);
      }
      sleep(wait, failure.what());
      state.waitedForReset = failure.kind() == RetryableFailure.Kind.RATE_LIMITED;
      HttpUrl smaller = failure.smallerPage();
      if (smaller != null) {
        state.smallerPage = smaller;
      }
    }
  }

  /** Reports a retry: of the call's own endpoint, or of the step's request outside any call. */
  private void retryScheduled(
      LoopState state, RetryableFailure failure, int number, Duration wait) {
    CallKind kind = state.kind;
    String endpoint = state.endpoint;
    if (kind == null || endpoint == null) {
      HttpUrl failed = failure.url();
      kind = CallKind.TOKEN;
      endpoint = failure.method() + " " + (failed == null ? "/" : PathTemplate.endpointOf(failed));
    }
    events.retryScheduled(kind, endpoint, number, failure.reason(), wait);
  }

  /** One attempt at a call's own request; the token request, if needed, happens inside it. */
  private final class HttpAttempt<T> implements Attempt<T> {
    private final CallKind kind;
    private final Supplier<Request> requests;
    private final Safety safety;
    private final @Nullable PageSizer sizer;
    private final BodyReader<T> reader;
    private final boolean closeAfterReading;

    HttpAttempt(
        CallKind kind,
        Supplier<Request> requests,
        Safety safety,
        @Nullable PageSizer sizer,
        BodyReader<T> reader,
        boolean closeAfterReading) {
      this.kind = kind;
      this.requests = requests;
      this.safety = safety;
      this.sizer = sizer;
      this.reader = reader;
      this.closeAfterReading = closeAfterReading;
    }

    @Override
    public T run(LoopState state) {
      Request request = requests.get();
      HttpUrl smallerPage = state.smallerPage;
      if (smallerPage != null) {
        request = request.newBuilder().url(smallerPage).build();
      }
      if (state.sent > 0) {
        request = rules.markRetry(request, state.sent, state.firstFailureId);
      }
      String what = describe(request);
      String endpoint = "";
      if (events.enabled()) {
        endpoint = Events.endpoint(request);
        state.kind = kind;
        state.endpoint = endpoint;
      }
      if (!state.waitedForReset) {
        // After a 429 the wait for the reset has been done; pacing would add a second one.
        pace(request, what, kind, endpoint);
      }
      state.waitedForReset = false;

      int attempt = state.attempt;
      @Nullable BodyBytes counted = null;
      if (events.enabled() && sizer != null) {
        // JsonBodies counts the page's bytes into this tag as it decodes them: no extra buffer.
        counted = new BodyBytes();
        request = request.newBuilder().tag(BodyBytes.class, counted).build();
      }
      long started = events.start();
      events.callStarted(kind, endpoint, attempt);
      Response response;
      try {
        // A failed token request ends the attempt here, as a RetryableFailure, before the request
        // itself is sent: even a change may then be tried again.
        response = client.newCall(request).execute();
      } catch (IOException e) {
        state.sent++;
        events.callEnded(kind, endpoint, attempt, -1, started);
        throw transportFailure(request, what, e);
      } catch (RuntimeException e) {
        events.callEnded(kind, endpoint, attempt, -1, started);
        throw e;
      }
      state.sent++;
      events.callEnded(kind, endpoint, attempt, response.code(), started);
      pacer.record(request, response);
      int status = response.code();
      if (sizer != null && (status == 500 || status == 504)) {
        Optional<HttpUrl> smaller = sizer.smaller(request.url());
        if (smaller.isPresent()) {
          ProviderError error = rules.readError(response);
          response.close();
          throw RetryableFailure.smallerPage(
              request,
              what,
              "answered HTTP " + status,
              smaller.get(),
              (attempts, wait) ->
                  rules.toException(error, what + " after " + attempts + " attempts", null),
              null);
        }
        return read(response, request, what, endpoint, attempt, started, counted);
      }
      boolean retryable =
          status == 429 || status == 503 || (status == 504 && safety == Safety.REPEATABLE);
      if (!retryable) {
        return read(response, request, what, endpoint, attempt, started, counted);
      }
      if (safety == Safety.NOT_REPEATABLE
          && status == 503
          && !rules.readError(response).hasProviderBody()) {
        // Not certainly the provider's refusal: a proxy or load balancer may answer so after the
        // provider acted. Never repeated; the adapter reports it as OutcomeUnknown, as it does
        // every server error on a change.
        return read(response, request, what, endpoint, attempt, started, counted);
      }
      RetryableFailure failure = statusFailure(what, response);
      if (state.firstFailureId == null) {
        state.firstFailureId = response.header(rules.requestIdHeader());
      }
      throw failure;
    }

    private IamException transportFailure(Request request, String what, IOException e) {
      boolean neverSent = neverSent(e);
      if (safety == Safety.NOT_REPEATABLE && !neverSent) {
        return new IamException.OutcomeUnknown(
            what
                + " was sent to "
                + rules.name()
                + " but no answer came ("
                + failure(e)
                + "); it may or may not have taken effect: check the user's current status"
                + " and the "
                + rules.auditLogName()
                + " before repeating it",
            ErrorDetails.none(),
            e);
      }
      if (sizer != null && isReadTimeout(e)) {
        return tooSlow(request, what, e);
      }
      return unreachable(request, what, e);
    }

    private T read(
        Response response,
        Request request,
        String what,
        String endpoint,
        int attempt,
        long started,
        @Nullable BodyBytes counted) {
      if (!closeAfterReading) {
        try {
          return reader.read(response);
        } catch (IOException | RuntimeException e) {
          response.close();
          throw e instanceof IOException io ? unreachable(request, what, io) : (RuntimeException) e;
        }
      }
      try (response) {
        T value = reader.read(response);
        if (counted != null) {
          events.pageFetched(endpoint, attempt, itemsIn(value), counted.count, started);
        }
        return value;
      } catch (IOException e) {
        // The connection failed in the middle of the body: discard what came and ask again.
        if (sizer != null && isReadTimeout(e)) {
          throw tooSlow(request, what, e);
        }
        throw RetryableFailure.backoff(
            RetryReason.ANSWER_FAILED,
            request,
            what,
            "the answer failed midway (" + failure(e) + ")",
            (attempts, wait) ->
                new IamException.ProviderUnavailable(
                    rules.name()
                        + "'s answer to "
                        + what
                        + " failed midway "
                        + attempts
                        + (attempts == 1 ? " time" : " times")
                        + " ("
                        + e.getClass().getSimpleName()
                        + ")",
                    ErrorDetails.none(),
                    e),
            e);
      }
    }

    /** A page the provider did not produce in time: ask for a smaller one, if there is one. */
    private IamException tooSlow(Request request, String what, IOException e) {
      Optional<HttpUrl> smaller = sizer == null ? Optional.empty() : sizer.smaller(request.url());
      if (smaller.isEmpty()) {
        return new IamException.ProviderUnavailable(
            rules.name() + " did not answer " + what + " in time, even at the smallest page size",
            ErrorDetails.none(),
            e);
      }
      return RetryableFailure.smallerPage(
          request,
          what,
          "a read timeout",
          smaller.get(),
          (attempts, wait) ->
              new IamException.ProviderUnavailable(
                  rules.name()
                      + " did not answer "
                      + what
                      + " in time in "
                      + attempts
                      + (attempts == 1 ? " attempt" : " attempts"),
                  ErrorDetails.none(),
                  e),
          e);
    }
  }

  // ------------------------------------------------------------------ failures and waits

  /** A retryable status (429, 503, 504); closes the response. */
  private RetryableFailure statusFailure(String what, Response response) {
    ProviderError error = rules.readError(response);
    int status = response.code();
    @Nullable Instant retryAt =
        switch (status) {
          case 429 -> rules.retryAt(response, clock);
          case 503 -> rules.unavailableUntil(response, clock);
          default -> null;
        };
    response.close();
    RetryableFailure.GiveUp giveUp =
        (attempts, wait) ->
            rules.toException(error, what + " after " + attempts + " attempts", wait);
    if (status == 429) {
      return RetryableFailure.rateLimited(response.request(), what, retryAt, giveUp);
    }
    if (retryAt != null) {
      return RetryableFailure.unavailableUntil(response.request(), what, retryAt, giveUp);
    }
    return RetryableFailure.backoff(
        RetryReason.UNAVAILABLE, response.request(), what, "answered HTTP " + status, giveUp, null);
  }

  private RetryableFailure unreachable(Request request, String what, IOException e) {
    return RetryableFailure.backoff(
        RetryReason.CONNECTION_FAILED,
        request,
        what,
        "failed (" + failure(e) + ")",
        (attempts, wait) ->
            new IamException.ProviderUnavailable(
                rules.name()
                    + " could not be reached for "
                    + what
                    + " after "
                    + attempts
                    + (attempts == 1 ? " attempt" : " attempts")
                    + " ("
                    + failure(e)
                    + ")",
                ErrorDetails.none(),
                e),
        e);
  }

  private Duration waitAfter(RetryableFailure failure, int attempt) {
    return switch (failure.kind()) {
      case SMALLER_PAGE -> Duration.ZERO;
      case BACKOFF -> backoff(attempt);
      case RATE_LIMITED -> rateLimitWait(failure.retryAt());
    };
  }

  /** How long to wait after a 429: until the time the provider gave, plus margin and jitter. */
  Duration rateLimitWait(@Nullable Instant retryAt) {
    if (retryAt == null) {
      return backoff(1);
    }
    Duration wait = Duration.between(clock.instant(), retryAt);
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    wait = wait.plus(RATE_LIMIT_MARGIN).plusMillis((long) (jitter.getAsDouble() * 1000));
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

  private void sleep(Duration wait, String what) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IamException.ProviderUnavailable(
          "interrupted while waiting to send " + what, ErrorDetails.none(), e);
    }
  }

  /**
   * Returns whether an I/O failure happened before any of the request reached the server.
   *
   * @param e the failure
   * @return whether the request certainly was not sent
   */
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

  /**
   * Describes a request for messages: method and path, never the query (which may hold a search).
   *
   * @param request the request
   * @return for example {@code "GET /api/v1/users/00u1"}
   */
  public static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  private static String failure(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** How many items a page reader's value holds: a core page's items, or a collection's size. */
  private static int itemsIn(@Nullable Object value) {
    if (value instanceof Page<?> page) {
      return page.items().size();
    }
    return value instanceof Collection<?> collection ? collection.size() : 0;
  }
}
