package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.okta.ScriptedOkta.json;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.IamException;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.core.UserId;
import org.workforceiam.http.RateLimitPacer;
import org.workforceiam.http.RetryingTransport;
import org.workforceiam.http.Transport;
import org.workforceiam.okta.simulator.Jose;
import org.workforceiam.okta.simulator.MutableClock;

/** The one retry policy: waits are computed, recorded by a fake sleeper, and asserted exactly. */
class RetryPolicyTest {
  private static final String USER =
      "{\"id\":\"00u1\",\"status\":\"ACTIVE\",\"profile\":{\"login\":\"a@example.com\"}}";
  private static final String RATE_LIMITED =
      "{\"errorCode\":\"E0000047\",\"errorSummary\":\"API call exceeded rate limit due to too many requests.\",\"errorId\":\"oaeRate\"}";

  private final MutableClock clock = SimFixture.clock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private ScriptedOkta okta;
  private OktaConnection connection;

  @BeforeEach
  void start() throws Exception {
    okta = new ScriptedOkta();
    connection = connect(RetryPolicy.defaults(), new OkHttpClient());
  }

  private OktaConnection connect(RetryPolicy policy, OkHttpClient http) {
    return okta.connect(clock, sleeper, policy, 1000, http);
  }

  @AfterEach
  void stop() {
    connection.close();
    okta.close();
  }

  private static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  private MockResponse rateLimited(Instant oktaNow, Instant reset, int limit, String requestId) {
    return new MockResponse.Builder()
        .code(429)
        .setHeader("Content-Type", "application/json")
        .setHeader("Date", httpDate(oktaNow))
        .setHeader("X-Rate-Limit-Limit", limit)
        .setHeader("X-Rate-Limit-Remaining", 0)
        .setHeader("X-Rate-Limit-Reset", reset.getEpochSecond())
        .setHeader("X-Okta-Request-Id", requestId)
        .body(RATE_LIMITED)
        .build();
  }

  private void findUser() {
    connection.directory().findById(UserId.of("00u1"));
  }

  @Test
  void aRateLimitedCallWaitsUntilTheResetMeasuredAgainstOktasDateHeader() {
    // Okta's clock runs 30 s ahead of ours: the wait must not include that skew.
    Instant oktaNow = clock.instant().plusSeconds(30);
    okta.enqueue(rateLimited(oktaNow, oktaNow.plusSeconds(10), 600, "req-1"))
        .enqueue(json(200, USER));

    findUser();

    // 10 s to the reset + 1 s margin + jitter 0.5 × 1 s.
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(11_500));
    assertThat(okta.apiRequests()).hasSize(2);
  }

  @Test
  void withoutADateHeaderTheLocalClockStandsInForOktas() {
    okta.enqueue(
            new MockResponse.Builder()
                .code(429)
                .setHeader("X-Rate-Limit-Reset", clock.instant().plusSeconds(20).getEpochSecond())
                .body(RATE_LIMITED)
                .build())
        .enqueue(json(200, USER));

    findUser();

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(21_500));
  }

  @Test
  void aConcurrencyLimit429WaitsForItsEstimatedReset() {
    okta.enqueue(rateLimited(clock.instant(), clock.instant().plusSeconds(2), 0, "req-c"))
        .enqueue(json(200, USER));

    findUser();

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(3_500));
  }

  @Test
  void aRateLimitWaitIsCapped() {
    okta.enqueue(rateLimited(clock.instant(), clock.instant().plusSeconds(600), 600, "req-1"))
        .enqueue(json(200, USER));

    findUser();

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void aRateLimitWithoutResetBacksOff() {
    okta.enqueue(json(429, RATE_LIMITED)).enqueue(json(200, USER));
    findUser();
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(337));
  }

  @Test
  void serviceUnavailableBacksOffExponentiallyWithJitter() {
    okta.enqueue(json(503, "{\"errorCode\":\"E0000010\"}"))
        .enqueue(json(503, ""))
        .enqueue(json(504, ""))
        .enqueue(json(200, USER));

    findUser();

    // 300 ms × 2^n, plus 25 % × jitter 0.5.
    assertThat(sleeper.waits())
        .containsExactly(Duration.ofMillis(337), Duration.ofMillis(675), Duration.ofMillis(1350));
  }

  @Test
  void givingUpAfterTheLastAttemptReportsTheLastResponse() {
    for (int i = 1; i <= 5; i++) {
      okta.enqueue(rateLimited(clock.instant(), clock.instant().plusSeconds(1), 600, "req-" + i));
    }

    assertThatThrownBy(this::findUser)
        .isInstanceOfSatisfying(
            IamException.RateLimited.class,
            e -> {
              assertThat(e.httpStatus()).hasValue(429);
              assertThat(e.errorCode()).contains("E0000047");
              assertThat(e.details().providerFields()).containsEntry("errorId", "oaeRate");
              assertThat(e.requestId()).contains("req-5");
              assertThat(e.retryAfter()).contains(Duration.ofMillis(2_500));
            });
    assertThat(okta.apiRequests()).hasSize(5);
    assertThat(sleeper.waits()).hasSize(4);
  }

  @Test
  void givingUpWhenTheNextWaitWouldPassTheTimeLimit() {
    connection.close();
    connection =
        connect(
            new RetryPolicy(10, Duration.ofSeconds(20), Duration.ofSeconds(60)),
            new OkHttpClient());
    okta.enqueue(rateLimited(clock.instant(), clock.instant().plusSeconds(15), 600, "req-1"));
    okta.enqueue(
        rateLimited(
            clock.instant().plusMillis(16_500), clock.instant().plusSeconds(31), 600, "req-2"));

    assertThatThrownBy(this::findUser).isInstanceOf(IamException.RateLimited.class);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(16_500));
    assertThat(okta.apiRequests()).hasSize(2);
  }

  @Test
  void aServerThatStaysDownIsProviderUnavailableWithItsDetails() {
    for (int i = 0; i < 5; i++) {
      okta.enqueue(
          new MockResponse.Builder()
              .code(503)
              .setHeader("X-Okta-Request-Id", "down-" + i)
              .body("<html>Service Unavailable</html>")
              .build());
    }
    assertThatThrownBy(this::findUser)
        .isInstanceOfSatisfying(
            IamException.ProviderUnavailable.class,
            e -> {
              assertThat(e.httpStatus()).hasValue(503);
              assertThat(e.requestId()).contains("down-4");
            });
  }

  @Test
  void retriesSayWhichRequestTheyRepeat() {
    okta.enqueue(rateLimited(clock.instant(), clock.instant().plusSeconds(1), 600, "first-failure"))
        .enqueue(json(503, "{\"errorCode\":\"E0000010\"}"))
        .enqueue(json(200, USER));

    findUser();

    List<RecordedRequest> requests = okta.apiRequests();
    assertThat(requests.get(0).getHeaders().get("X-Okta-Retry-Count")).isNull();
    assertThat(requests.get(1).getHeaders().get("X-Okta-Retry-Count")).isEqualTo("1");
    assertThat(requests.get(1).getHeaders().get("X-Okta-Retry-For")).isEqualTo("first-failure");
    assertThat(requests.get(2).getHeaders().get("X-Okta-Retry-Count")).isEqualTo("2");
    assertThat(requests.get(2).getHeaders().get("X-Okta-Retry-For")).isEqualTo("first-failure");
  }

  @Test
  void aRateLimitedTokenRequestIsRetriedWithANewAssertion() throws Exception {
    okta.nextTokenResponse(
        rateLimited(clock.instant(), clock.instant().plusSeconds(1), 600, "tok"));
    okta.enqueue(json(200, USER));

    findUser();

    assertThat(okta.tokenRequests()).isEqualTo(2);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(2_500));
  }

  // ------------------------------------------------------------------ one loop per call

  @Test
  void aFailingTokenRequestAndTheCallItServesShareTheAttemptsOfOneLoop() {
    for (int i = 0; i < 3; i++) {
      okta.nextTokenResponse(json(503, "{\"errorCode\":\"E0000010\"}"));
    }
    for (int i = 0; i < 5; i++) {
      okta.enqueue(json(503, "{\"errorCode\":\"E0000010\"}"));
    }

    assertThatThrownBy(this::findUser)
        .isInstanceOfSatisfying(
            IamException.ProviderUnavailable.class, e -> assertThat(e.httpStatus()).hasValue(503));

    // Five attempts in all: three ended at the token request, two reached the API. Before, the
    // token request retried on its own inside the first attempt, and the attempts multiplied.
    assertThat(okta.tokenRequests()).isEqualTo(4);
    assertThat(okta.apiRequests()).hasSize(2);
    assertThat(sleeper.waits()).hasSize(4);
  }

  @Test
  void theDeadlineCoversATokenRequestMadeLateInTheCall() {
    connection.close();
    connection =
        connect(
            new RetryPolicy(10, Duration.ofSeconds(10), Duration.ofSeconds(60)),
            new OkHttpClient());
    connection.tokens().get();
    Instant start = clock.instant();
    okta.enqueue(rateLimited(start, start.plusSeconds(4), 600, "req-1"))
        .enqueue(
            new MockResponse.Builder()
                .code(401)
                .setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("")
                .build())
        .enqueue(json(200, USER));
    // The refresh after the 401 is rate-limited until 4.5 s after the 401 came.
    okta.nextTokenResponse(
        rateLimited(start.plusMillis(5_500), start.plusSeconds(10), 600, "tok-2"));

    assertThatThrownBy(this::findUser).isInstanceOf(IamException.RateLimited.class);

    // 5.5 s waited for the API's window; the token's 5.5 s more would pass the 10 s deadline of
    // the call, so the call gives up instead of starting a second deadline for the token.
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(5_500));
    assertThat(okta.apiRequests()).hasSize(2);
  }

  // ------------------------------------------------------------------ pacing

  private MockResponse okWithWindow(int limit, int remaining, Instant reset) {
    return okWithWindow(limit, remaining, reset, clock.instant());
  }

  private MockResponse okWithWindow(int limit, int remaining, Instant reset, Instant oktaNow) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .setHeader("Date", httpDate(oktaNow))
        .setHeader("X-Rate-Limit-Limit", limit)
        .setHeader("X-Rate-Limit-Remaining", remaining)
        .setHeader("X-Rate-Limit-Reset", reset.getEpochSecond())
        .body(USER)
        .build();
  }

  @Test
  void pacingSpreadsTheLastRequestsOfAWindowOverTheTimeLeft() {
    Instant start = clock.instant();
    Instant reset = start.plusSeconds(60);
    okta.enqueue(okWithWindow(100, 5, reset, start))
        .enqueue(okWithWindow(100, 4, reset, start.plusSeconds(10)))
        .enqueue(okWithWindow(100, 3, reset, start.plusSeconds(20)));

    findUser();
    findUser();
    findUser();

    // 60 s left for 5 requests: one every 60/6 = 10 s; then the window is re-read.
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  @Test
  void pacingWaitsForTheResetWhenTheWindowIsUsedUp() {
    okta.enqueue(okWithWindow(100, 0, clock.instant().plusSeconds(42))).enqueue(json(200, USER));
    findUser();
    findUser();
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(42));
  }

  @Test
  void noPacingWhileTheWindowHasRoom() {
    okta.enqueue(okWithWindow(100, 50, clock.instant().plusSeconds(60))).enqueue(json(200, USER));
    findUser();
    findUser();
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void pacingIsPerEndpoint() {
    okta.enqueue(okWithWindow(100, 0, clock.instant().plusSeconds(42))).enqueue(json(200, "[]"));
    findUser();
    connection.directory().factors(UserId.of("00u1"));
    assertThat(sleeper.waits()).isEmpty();
  }

  // ------------------------------------------------------------------ changes (not repeatable)

  private Response post(Transport.Safety safety) {
    return connection
        .api()
        .execute(
            () ->
                new Request.Builder()
                    .url(okta.url("/api/v1/users/00u1/lifecycle/unlock"))
                    .post(RequestBody.create(new byte[0], MediaType.get("application/json")))
                    .build(),
            safety);
  }

  @Test
  void aChangeIsRepeatedAfterA503CarryingAnOktaErrorBody() {
    okta.enqueue(json(503, "{\"errorCode\":\"E0000010\",\"errorSummary\":\"read-only\"}"))
        .enqueue(json(200, "{}"));
    try (Response response = post(Transport.Safety.NOT_REPEATABLE)) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(okta.apiRequests()).hasSize(2);
  }

  @Test
  void aChangeIsNotRepeatedAfterA503WithoutAnOktaBody() {
    okta.enqueue(json(503, "<html>bad gateway</html>")).enqueue(json(200, "{}"));
    try (Response response = post(Transport.Safety.NOT_REPEATABLE)) {
      assertThat(response.code()).isEqualTo(503);
    }
    assertThat(okta.apiRequests()).hasSize(1);
  }

  @Test
  void aChangeIsRepeatedAfterA429() {
    okta.enqueue(rateLimited(clock.instant(), clock.instant().plusSeconds(1), 600, "r"))
        .enqueue(json(200, "{}"));
    try (Response response = post(Transport.Safety.NOT_REPEATABLE)) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(okta.apiRequests()).hasSize(2);
  }

  @Test
  void aChangeWhoseAnswerTimesOutIsOutcomeUnknownAndNeverRepeated() {
    connection.close();
    connection =
        connect(
            RetryPolicy.defaults(),
            new OkHttpClient.Builder().readTimeout(200, TimeUnit.MILLISECONDS).build());
    connection.tokens().get();
    okta.enqueue(
            new MockResponse.Builder()
                .code(200)
                .body("{}")
                .headersDelay(2, TimeUnit.SECONDS)
                .build())
        .enqueue(json(200, "{}"));

    assertThatThrownBy(() -> post(Transport.Safety.NOT_REPEATABLE))
        .isInstanceOf(IamException.OutcomeUnknown.class)
        .hasMessageContaining("POST /api/v1/users/00u1/lifecycle/unlock")
        .hasMessageContaining("System Log");
    assertThat(okta.apiRequests()).hasSize(1);
  }

  @Test
  void aConnectionThatWasNeverMadeIsRetriedEvenForAChange() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RetryingTransport transport =
        new RetryingTransport(
            new OkHttpClient.Builder().retryOnConnectionFailure(false).build(),
            new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofSeconds(10)),
            clock,
            sleeper,
            () -> 0.5,
            new RateLimitPacer(clock, OktaRules.INSTANCE),
            OktaRules.INSTANCE);
    assertThatThrownBy(
            () ->
                transport.execute(
                    () ->
                        new Request.Builder()
                            .url(
                                "http://127.0.0.1:"
                                    + closedPort
                                    + "/api/v1/users/00u1/lifecycle/unlock")
                            .post(RequestBody.create(new byte[0], null))
                            .build(),
                    Transport.Safety.NOT_REPEATABLE))
        .isInstanceOf(IamException.ProviderUnavailable.class)
        .hasMessageContaining("after 3 attempts");
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(337), Duration.ofMillis(675));
  }

  @Test
  void redirectsAreNeverFollowedSoNoCredentialLeavesForAnotherUrl() throws Exception {
    try (mockwebserver3.MockWebServer elsewhere = new mockwebserver3.MockWebServer()) {
      elsewhere.start(InetAddress.getLoopbackAddress(), 0);
      okta.nextTokenResponse(
          new MockResponse.Builder()
              .code(307)
              .setHeader("Location", elsewhere.url("/oauth2/v1/token").toString())
              .build());
      assertThatThrownBy(() -> connection.tokens().get())
          .isInstanceOf(org.workforceiam.core.IamException.AuthenticationFailed.class)
          .hasMessageContaining("HTTP 307");
      okta.enqueue(
          new MockResponse.Builder()
              .code(308)
              .setHeader("Location", elsewhere.url("/api/v1/users/00u1").toString())
              .build());
      assertThatThrownBy(this::findUser).isInstanceOf(org.workforceiam.core.IamException.class);
      assertThat(elsewhere.getRequestCount()).isZero();
    }
  }

  @Test
  void everyRetriedTokenRequestIsSignedAfresh() throws Exception {
    okta.nextTokenResponse(json(503, "{\"errorCode\":\"E0000010\"}"));
    connection.tokens().get();
    List<String> jtis = new java.util.ArrayList<>();
    for (String form : okta.tokenRequestBodies()) {
      String assertion =
          java.net.URLDecoder.decode(
              form.replaceAll(".*client_assertion=([^&]*).*", "$1"),
              java.nio.charset.StandardCharsets.UTF_8);
      jtis.add(Jose.parse(assertion).claimString("jti"));
    }
    assertThat(jtis).hasSize(2).doesNotHaveDuplicates();
  }
}
