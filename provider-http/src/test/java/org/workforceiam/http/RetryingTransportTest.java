package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.core.RetryPolicy;

/**
 * The retry loop with a provider that has no rules of its own: {@code Retry-After}, no retry
 * headers, no pacing. Waits are recorded by a sleeper that moves a clock, never slept.
 */
class RetryingTransportTest {
  private final MockWebServer server = new MockWebServer();
  private final MovingClock clock = new MovingClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final OkHttpClient client =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
    client.connectionPool().evictAll();
  }

  private RetryingTransport transport(RetryPolicy policy) {
    return transport(policy, PLAIN);
  }

  private RetryingTransport transport(RetryPolicy policy, ProviderRules rules) {
    Sleeper sleeper =
        duration -> {
          waits.add(duration);
          clock.advance(duration);
        };
    return new RetryingTransport(
        client, policy, clock, sleeper, () -> 0.5, new RateLimitPacer(clock, rules), rules);
  }

  private Request get(String path) {
    return new Request.Builder().url(server.url(path)).build();
  }

  @Test
  void aRateLimitWaitsForRetryAfterWhenTheProviderHasNoHeadersOfItsOwn() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3").build());
    server.enqueue(new MockResponse.Builder().code(200).body("ok").build());

    try (Response response =
        transport(RetryPolicy.defaults())
            .execute(() -> get("/v1.0/users"), Transport.Safety.REPEATABLE)) {
      assertThat(response.body().string()).isEqualTo("ok");
    }

    // 3 s, plus the 1 s margin and jitter 0.5 × 1 s.
    assertThat(waits).containsExactly(Duration.ofMillis(4_500));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a503WaitsForRetryAfterOnlyWhenTheProvidersRulesReadIt() throws Exception {
    ProviderRules readsRetryAfter =
        new ForwardingRules(PLAIN) {
          @Override
          public @Nullable Instant unavailableUntil(Response response, Clock clock) {
            return HttpHeaders.retryAfter(response, clock);
          }
        };
    for (ProviderRules rules : List.of(readsRetryAfter, PLAIN)) {
      server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "5").build());
      server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
      try (Response response =
          transport(RetryPolicy.defaults(), rules)
              .execute(() -> get("/v1.0/users"), Transport.Safety.REPEATABLE)) {
        assertThat(response.code()).isEqualTo(200);
      }
    }

    // 5 s, plus the 1 s margin and jitter 0.5 × 1 s; then, by default, the backoff of 300 ms +
    // 12.5%.
    assertThat(waits).containsExactly(Duration.ofMillis(6_500), Duration.ofMillis(337));
  }

  @Test
  void aStepThatFailsEndsTheAttemptAndTheLoopOfItsCallTriesAgain() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    RetryingTransport transport = transport(RetryPolicy.defaults());

    int status =
        transport.retrying(
            () -> {
              try (Response response = transport.send(get("/oauth2/v2.0/token"))) {
                return response.code();
              }
            });

    assertThat(status).isEqualTo(200);
    assertThat(waits).containsExactly(Duration.ofMillis(337));
  }

  @Test
  void aSmallerPageIsAskedForAtOnceAndCountsAsAnAttempt() throws Exception {
    // The third answer could still be asked for smaller, but the three attempts are spent.
    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(new MockResponse.Builder().code(504).build());
    server.enqueue(new MockResponse.Builder().code(500).build());
    RetryingTransport transport =
        transport(new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(10)));

    assertThatThrownBy(
            () ->
                transport.page(
                    () -> get("/v1.0/groups/g/members?size=400"),
                    RetryingTransportTest::halved,
                    Response::code))
        .isInstanceOfSatisfying(
            IamException.ProviderUnavailable.class, e -> assertThat(e.httpStatus()).hasValue(500));

    assertThat(waits).isEmpty();
    assertThat(
            List.of(
                server.takeRequest().getUrl().queryParameter("size"),
                server.takeRequest().getUrl().queryParameter("size"),
                server.takeRequest().getUrl().queryParameter("size")))
        .containsExactly("400", "200", "100");
  }

  @Test
  void theDeadlineBoundsTheWholeCallWaitsIncluded() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "4").build());
    }
    RetryingTransport transport =
        transport(new RetryPolicy(10, Duration.ofSeconds(10), Duration.ofSeconds(60)));

    assertThatThrownBy(
            () -> transport.execute(() -> get("/v1.0/users"), Transport.Safety.REPEATABLE))
        .isInstanceOf(IamException.RateLimited.class);

    // Two waits of 5.5 s would take 11 s: the second is not started.
    assertThat(waits).containsExactly(Duration.ofMillis(5_500));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterMayBeAnHttpDateOnTheServersClock() {
    Instant serverNow = clock.instant().plusSeconds(30);
    Response response =
        new Response.Builder()
            .request(get("/"))
            .protocol(okhttp3.Protocol.HTTP_1_1)
            .code(429)
            .message("Too Many Requests")
            .header("Date", httpDate(serverNow))
            .header("Retry-After", httpDate(serverNow.plusSeconds(7)))
            .build();

    assertThat(HttpHeaders.retryAfter(response, clock)).isEqualTo(clock.instant().plusSeconds(7));
  }

  @Test
  void aNextLinkToAnotherOriginIsRefused() {
    HttpUrl origin = HttpUrl.get("https://graph.example.com/");
    assertThat(Origins.sameOrigin(HttpUrl.get("https://GRAPH.example.com/v1.0/x"), origin))
        .isTrue();
    assertThatThrownBy(
            () ->
                Origins.requireSameOrigin(
                    HttpUrl.get("https://evil.example.com/v1.0/x"),
                    origin,
                    "the next link",
                    "the tenant"))
        .isInstanceOf(IamException.class)
        .hasMessageContaining("refusing to send credentials there");
  }

  private static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  private static Optional<HttpUrl> halved(HttpUrl url) {
    int top = Integer.parseInt(url.queryParameter("size"));
    return top <= 50
        ? Optional.empty()
        : Optional.of(
            url.newBuilder().setQueryParameter("size", Integer.toString(top / 2)).build());
  }

  /** A provider with no rules of its own. */
  static final ProviderRules PLAIN =
      new ProviderRules() {
        @Override
        public String name() {
          return "Provider";
        }

        @Override
        public String requestIdHeader() {
          return "request-id";
        }

        @Override
        public ProviderError readError(Response response) {
          return new ProviderError(
              response.code(), null, null, Map.of(), response.header("request-id"), null);
        }

        @Override
        public IamException toException(
            ProviderError error, String what, @Nullable Duration retryAfter) {
          ErrorDetails details = error.details();
          return error.status() == 429
              ? new IamException.RateLimited(retryAfter, what + " is rate-limited", details)
              : new IamException.ProviderUnavailable(what + " failed", details);
        }
      };

  /** Rules that do what other rules do, but for what a subclass overrides. */
  private static class ForwardingRules implements ProviderRules {
    private final ProviderRules delegate;

    ForwardingRules(ProviderRules delegate) {
      this.delegate = delegate;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public String requestIdHeader() {
      return delegate.requestIdHeader();
    }

    @Override
    public ProviderError readError(Response response) {
      return delegate.readError(response);
    }

    @Override
    public IamException toException(
        ProviderError error, String what, @Nullable Duration retryAfter) {
      return delegate.toException(error, what, retryAfter);
    }
  }
}
