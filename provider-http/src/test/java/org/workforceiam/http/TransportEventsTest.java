package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.IamEventListener.CallEnded;
import org.workforceiam.core.IamEventListener.CallKind;
import org.workforceiam.core.IamEventListener.CallStarted;
import org.workforceiam.core.IamEventListener.Outcome;
import org.workforceiam.core.IamEventListener.PageFetched;
import org.workforceiam.core.IamEventListener.RateLimitWait;
import org.workforceiam.core.IamEventListener.RetryReason;
import org.workforceiam.core.IamEventListener.RetryScheduled;
import org.workforceiam.core.IamEventListener.TokenFetched;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Page;
import org.workforceiam.core.RetryPolicy;

/**
 * The events of the shared plumbing: what any adapter built on {@link RetryingTransport} and {@link
 * TokenCache} reports, with no code of its own.
 */
class TransportEventsTest {
  private static final PathTemplate MEMBERS = PathTemplate.of("v2/tenants/{tenantId}/members");

  private final MockWebServer server = new MockWebServer();
  private final MovingClock clock = new MovingClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final OkHttpClient client =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
    client.connectionPool().evictAll();
  }

  private RetryingTransport transport(IamEventListener listener, ProviderRules rules) {
    Sleeper sleeper =
        duration -> {
          waits.add(duration);
          clock.advance(duration);
        };
    return new RetryingTransport(
        client,
        RetryPolicy.defaults(),
        clock,
        sleeper,
        () -> 0.5,
        new RateLimitPacer(clock, rules),
        rules,
        Events.of(listener, rules.name()));
  }

  private RetryingTransport transport() {
    return transport(listener, RetryingTransportTest.PLAIN);
  }

  private Request membersPage() {
    return new Request.Builder()
        .url(MEMBERS.url(server.url("/"), "t0p5ecret").newBuilder().query("size=2").build())
        .build();
  }

  /** Decodes a page of strings the way adapters do, through {@link JsonBodies}. */
  private static Page<String> strings(Response response) throws java.io.IOException {
    List<String> items =
        JsonBodies.decodeWhole(
            RetryingTransportTest.PLAIN,
            response.request().url(),
            response,
            reader -> {
              List<String> read = new java.util.ArrayList<>();
              reader.beginArray();
              while (reader.hasNext()) {
                read.add(reader.nextString());
              }
              reader.endArray();
              return read;
            },
            true);
    return Page.of(items, Optional.empty());
  }

  @Test
  void aPageIsReportedUnderItsEndpointTemplateWithItsItemsAndBytes() {
    server.enqueue(new MockResponse.Builder().code(200).body("[\"a\",\"b\"]").build());

    transport().page(this::membersPage, url -> Optional.empty(), TransportEventsTest::strings);

    String endpoint = "GET /v2/tenants/{tenantId}/members";
    assertThat(listener.events())
        .hasSize(3)
        .first()
        .isEqualTo(new CallStarted("Provider", CallKind.PAGE, endpoint, 1));
    CallEnded ended = listener.events(CallEnded.class).get(0);
    assertThat(ended.endpoint()).isEqualTo(endpoint);
    assertThat(ended.status()).isEqualTo(OptionalInt.of(200));
    assertThat(ended.outcome()).isEqualTo(Outcome.SUCCESS);
    PageFetched page = listener.events(PageFetched.class).get(0);
    assertThat(page.endpoint()).isEqualTo(endpoint);
    assertThat(page.items()).isEqualTo(2);
    assertThat(page.bytes()).isEqualTo(9);
    assertThat(page.attempt()).isEqualTo(1);
  }

  @Test
  void noEventCarriesAnIdOrAQuery() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(200).body("[\"a\"]").build());

    transport().page(this::membersPage, url -> Optional.empty(), TransportEventsTest::strings);

    assertThat(listener.events()).hasSize(6);
    assertThat(listener.events())
        .allSatisfy(
            event ->
                assertThat(event.toString())
                    .doesNotContain("t0p5ecret")
                    .doesNotContain("size")
                    .doesNotContain("127.0.0.1")
                    .doesNotContain("http"));
  }

  @Test
  void aRetryIsReportedWithItsReasonAndDelayAndEachAttemptSeparately() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(200).body("ok").build());

    try (Response response =
        transport()
            .execute(
                () -> new Request.Builder().url(server.url("/v2/status")).build(),
                Transport.Safety.REPEATABLE)) {
      assertThat(response.code()).isEqualTo(200);
    }

    assertThat(listener.events(CallStarted.class))
        .extracting(CallStarted::kind, CallStarted::endpoint, CallStarted::attempt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CallKind.READ, "GET /v2/status", 1),
            org.assertj.core.groups.Tuple.tuple(CallKind.READ, "GET /v2/status", 2));
    assertThat(listener.events(CallEnded.class))
        .extracting(CallEnded::outcome)
        .containsExactly(Outcome.SERVER_ERROR, Outcome.SUCCESS);
    assertThat(listener.events(RetryScheduled.class))
        .containsExactly(
            new RetryScheduled(
                "Provider",
                CallKind.READ,
                "GET /v2/status",
                1,
                RetryReason.UNAVAILABLE,
                Duration.ofMillis(337)));
  }

  @Test
  void aRateLimitedAnswerIsReportedAsARetryAndNotAlsoAsAPacingWait() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3").build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    transport()
        .execute(
            () -> new Request.Builder().url(server.url("/v2/status")).build(),
            Transport.Safety.REPEATABLE)
        .close();

    assertThat(listener.events(RetryScheduled.class))
        .singleElement()
        .satisfies(
            retry -> {
              assertThat(retry.reason()).isEqualTo(RetryReason.RATE_LIMITED);
              assertThat(retry.delay()).isEqualTo(Duration.ofMillis(4_500));
            });
    assertThat(listener.events(CallEnded.class).get(0).outcome()).isEqualTo(Outcome.RATE_LIMITED);
    assertThat(listener.events(RateLimitWait.class)).isEmpty();
  }

  @Test
  void pacingIsReportedAsARateLimitWaitOfTheRequestThatWaits() {
    Instant reset = clock.instant().plusSeconds(30);
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Limit", "100")
            .setHeader("Remaining", "0")
            .setHeader("Reset", reset.getEpochSecond())
            .build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    RetryingTransport transport = transport(listener, WINDOWED);

    for (int i = 0; i < 2; i++) {
      transport
          .execute(
              () -> new Request.Builder().url(server.url("/v2/status")).build(),
              Transport.Safety.REPEATABLE)
          .close();
    }

    assertThat(listener.events(RateLimitWait.class))
        .containsExactly(
            new RateLimitWait("Windowed", CallKind.READ, "GET /v2/status", Duration.ofSeconds(30)));
    assertThat(waits).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void aConnectionNeverMadeEndsTheAttemptWithoutAStatus() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RetryingTransport transport =
        new RetryingTransport(
            client,
            new RetryPolicy(2, Duration.ofMinutes(1), Duration.ofSeconds(10)),
            clock,
            waits::add,
            () -> 0.5,
            new RateLimitPacer(clock, RetryingTransportTest.PLAIN),
            RetryingTransportTest.PLAIN,
            Events.of(listener, "Provider"));

    assertThatThrownBy(
            () ->
                transport.execute(
                    () ->
                        new Request.Builder()
                            .url("http://127.0.0.1:" + closedPort + "/v2/x")
                            .build(),
                    Transport.Safety.REPEATABLE))
        .isInstanceOf(IamException.ProviderUnavailable.class);

    assertThat(listener.events(CallEnded.class))
        .extracting(CallEnded::outcome)
        .containsExactly(Outcome.NO_RESPONSE, Outcome.NO_RESPONSE);
    assertThat(listener.events(RetryScheduled.class))
        .extracting(RetryScheduled::reason)
        .containsExactly(RetryReason.CONNECTION_FAILED);
  }

  @Test
  void aStepOutsideAnyCallIsReportedAsATokenCall() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    RetryingTransport transport = transport();

    transport.retrying(
        () -> {
          try (Response response =
              transport.send(new Request.Builder().url(server.url("/oauth2/v2.0/token")).build())) {
            return response.code();
          }
        });

    assertThat(listener.events(CallStarted.class))
        .extracting(CallStarted::kind, CallStarted::endpoint)
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(CallKind.TOKEN, "GET /oauth2/v2.0/token"));
    assertThat(listener.events(RetryScheduled.class))
        .extracting(RetryScheduled::kind, RetryScheduled::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CallKind.TOKEN, RetryReason.UNAVAILABLE));
  }

  @Test
  void aListenerThatThrowsNeverBreaksACall() throws Exception {
    IamEventListener throwing =
        new IamEventListener() {
          @Override
          public void callStarted(CallStarted event) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void callEnded(CallEnded event) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void pageFetched(PageFetched event) {
            throw new IllegalStateException("listener bug");
          }
        };
    server.enqueue(new MockResponse.Builder().code(200).body("[\"a\",\"b\"]").build());

    Page<String> page =
        transport(throwing, RetryingTransportTest.PLAIN)
            .page(this::membersPage, url -> Optional.empty(), TransportEventsTest::strings);

    assertThat(page.items()).containsExactly("a", "b");
  }

  @Test
  void aTokenFetchIsReportedAndTheNextOneIsARefreshButNeverTheToken() {
    Clock fixed = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), java.time.ZoneOffset.UTC);
    TokenCache cache =
        new TokenCache(
            transport(),
            () -> new AccessToken("s3cr3t-token", false, fixed.instant().plusSeconds(30), Set.of()),
            fixed,
            Events.of(listener, "Provider"));

    cache.current();
    cache.current();

    assertThat(listener.events(TokenFetched.class))
        .extracting(TokenFetched::refresh, TokenFetched::lifetime)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(false, Duration.ofSeconds(30)),
            org.assertj.core.groups.Tuple.tuple(true, Duration.ofSeconds(30)));
    assertThat(listener.events().toString()).doesNotContain("s3cr3t");
  }

  @Test
  void withoutAListenerThereIsNothingToReport() {
    assertThat(Events.of(IamEventListener.NONE, "Provider")).isSameAs(Events.NONE);
    assertThat(Events.NONE.enabled()).isFalse();
    assertThat(Events.NONE.start()).isZero();
  }

  @Test
  void aPathBuiltWithoutATemplateShowsOnlyItsPlainWords() {
    assertThat(PathTemplate.endpointOf(server.url("/oauth2/v1/token")))
        .isEqualTo("/oauth2/v1/token");
    assertThat(PathTemplate.endpointOf(server.url("/api/v1/users?search=x")))
        .isEqualTo("/api/v1/users");
    assertThat(
            PathTemplate.endpointOf(
                server.url("/zz/00u1AbCdEfGhIj/0f8fad5b-d9cb-469f-a165-70867728950e/a@b.example/")))
        .isEqualTo("/zz/{}/{}/{}/");
  }

  /** A provider that reports its windows in plain headers. */
  static final ProviderRules WINDOWED =
      new ProviderRules() {
        @Override
        public String name() {
          return "Windowed";
        }

        @Override
        public String requestIdHeader() {
          return "request-id";
        }

        @Override
        public ProviderError readError(Response response) {
          return RetryingTransportTest.PLAIN.readError(response);
        }

        @Override
        public IamException toException(
            ProviderError error, String what, @Nullable Duration retryAfter) {
          return RetryingTransportTest.PLAIN.toException(error, what, retryAfter);
        }

        @Override
        public RateLimitPacer.@Nullable Window rateLimitWindow(Response response, Clock clock) {
          String limit = response.header("Limit");
          String remaining = response.header("Remaining");
          String reset = response.header("Reset");
          return limit == null || remaining == null || reset == null
              ? null
              : new RateLimitPacer.Window(
                  Integer.parseInt(limit),
                  Integer.parseInt(remaining),
                  Instant.ofEpochSecond(Long.parseLong(reset)));
        }
      };
}
