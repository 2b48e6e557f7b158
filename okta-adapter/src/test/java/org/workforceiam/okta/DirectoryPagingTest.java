package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.okta.ScriptedOkta.json;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Page;
import org.workforceiam.core.ProfileField;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.okta.simulator.MutableClock;

class DirectoryPagingTest {
  private static final GroupId GROUP = GroupId.of("00gEmployees1");
  private static final String MEMBERS = "/api/v1/groups/00gEmployees1/users";

  private final MutableClock clock = SimFixture.clock();
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private ScriptedOkta okta;
  private OktaConnection connection;

  @BeforeEach
  void start() throws Exception {
    okta = new ScriptedOkta();
    connection = connect(new OkHttpClient(), 1000);
  }

  private OktaConnection connect(OkHttpClient http, int pageSize) {
    return okta.connect(clock, sleeper, RetryPolicy.defaults(), pageSize, http);
  }

  @AfterEach
  void stop() {
    connection.close();
    okta.close();
  }

  private static String user(String id) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\"ACTIVE\",\"created\":\"2025-01-01T00:00:00.000Z\","
        + "\"lastUpdated\":\"2026-01-15T10:00:00.000Z\",\"unknownField\":{\"deep\":[1,2,{}]},"
        + "\"profile\":{\"login\":\""
        + id
        + "@example.com\",\"firstName\":\"F"
        + id
        + "\",\"lastName\":\"L\",\"email\":\""
        + id
        + "@example.com\"},\"_links\":{\"self\":{\"href\":\"x\"}}}";
  }

  private static String users(String... ids) {
    return "["
        + List.of(ids).stream().map(DirectoryPagingTest::user).collect(Collectors.joining(","))
        + "]";
  }

  private MockResponse page(String body, String... links) {
    MockResponse.Builder response =
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(body);
    for (String link : links) {
      response.addHeader("link", link);
    }
    return response.build();
  }

  private String next(String after) {
    return "<" + okta.url(MEMBERS) + "?after=" + after + "&limit=1000>; rel=\"next\"";
  }

  private List<String> memberIds() {
    return connection.directory().members(GROUP).map(e -> e.id().value()).toList();
  }

  @Test
  void followsNextLinksUntilThereIsNone() {
    okta.enqueue(
            page(
                users("u1", "u2"),
                "<" + okta.url(MEMBERS) + "?limit=1000>; rel=\"self\"",
                next("u2")))
        .enqueue(
            page(users("u3"), "<" + okta.url(MEMBERS) + "?after=u2&limit=1000>; rel=\"self\""));

    assertThat(memberIds()).containsExactly("u1", "u2", "u3");
    List<RecordedRequest> requests = okta.apiRequests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getUrl().encodedPath()).isEqualTo(MEMBERS);
    assertThat(requests.get(0).getUrl().queryParameter("limit")).isEqualTo("1000");
    assertThat(requests.get(1).getUrl().queryParameter("after")).isEqualTo("u2");
  }

  @Test
  void acceptsLinkHeadersInEveryForm() {
    String base = okta.url(MEMBERS).toString();
    okta.enqueue(page(users("u1"), "<" + base + "?after=u1>; REL=next"))
        .enqueue(
            page(
                users("u2"),
                "<"
                    + base
                    + "?x=1>; rel=\"self\", <"
                    + base
                    + "?after=u2>; title=\"a, b\"; Rel=\"prev next\""))
        .enqueue(
            new MockResponse.Builder()
                .code(200)
                .body(users("u3"))
                .addHeader("Link", "<" + base + ">; rel=\"self\"")
                .addHeader("LINK", "<" + base + "?after=u3>;rel=\"next\"")
                .build())
        .enqueue(page(users("u4")));

    assertThat(memberIds()).containsExactly("u1", "u2", "u3", "u4");
    assertThat(okta.apiRequests())
        .extracting(r -> r.getUrl().queryParameter("after"))
        .containsExactly(null, "u1", "u2", "u3");
  }

  @Test
  void keepsGoingPastAnEmptyPageWithANextLink() {
    okta.enqueue(page("[]", next("u0"))).enqueue(page(users("u1")));
    assertThat(memberIds()).containsExactly("u1");
  }

  @Test
  void decodesProfilesStatusesAndOtherAttributes() {
    okta.enqueue(
        page(
            "[{\"id\":\"00u1\",\"status\":\"LOCKED_OUT\",\"lastUpdated\":\"2026-01-15T10:00:00.000Z\","
                + "\"profile\":{\"login\":\"a@example.com\",\"firstName\":\"Ada\",\"lastName\":null,"
                + "\"email\":\"a@example.com\",\"department\":\"R&D\",\"employeeNumber\":42,"
                + "\"isContractor\":false,\"roles\":[\"x\",\"y\"],\"mobilePhone\":null}},"
                + "{\"id\":\"00u2\",\"status\":\"ACTIVATING\",\"profile\":{\"login\":\"b@example.com\"}}]"));

    List<Employee> members = connection.directory().members(GROUP).toList();
    Employee ada = members.get(0);
    assertThat(ada.status()).isEqualTo(EmployeeStatus.LOCKED_OUT);
    assertThat(ada.lastUpdated()).contains(java.time.Instant.parse("2026-01-15T10:00:00Z"));
    assertThat(ada.lastName()).isEmpty();
    assertThat(ada.missingProfileFields()).containsExactly(ProfileField.LAST_NAME);
    assertThat(ada.attributes())
        .containsOnly(
            org.assertj.core.api.Assertions.entry("department", "R&D"),
            org.assertj.core.api.Assertions.entry("employeeNumber", "42"),
            org.assertj.core.api.Assertions.entry("isContractor", "false"),
            org.assertj.core.api.Assertions.entry("roles", "[\"x\",\"y\"]"));
    Employee unknown = members.get(1);
    assertThat(unknown.status()).isEqualTo(EmployeeStatus.UNKNOWN);
    assertThat(unknown.providerStatus()).isEqualTo("ACTIVATING");
    assertThat(unknown.missingProfileFields()).hasSize(3);
  }

  @Test
  void mapsOktasStatusWordsAndKeepsEveryOtherWordAsUnknown() {
    okta.enqueue(
        page(
            "[{\"id\":\"00u1\",\"status\":\"suspended\",\"profile\":{\"login\":\"a@example.com\"}},"
                + "{\"id\":\"00u2\",\"status\":\"DISABLED\",\"profile\":{\"login\":\"b@example.com\"}}]"));

    List<Employee> members = connection.directory().members(GROUP).toList();

    assertThat(members.get(0).status()).isEqualTo(EmployeeStatus.SUSPENDED);
    assertThat(members.get(0).providerStatus()).isEqualTo("SUSPENDED");
    assertThat(members.get(1).status())
        .as("Okta has no DISABLED status: a word it does not define stays unknown")
        .isEqualTo(EmployeeStatus.UNKNOWN);
    assertThat(members.get(1).providerStatus()).isEqualTo("DISABLED");
  }

  @Test
  void refusesANextLinkToAnotherHostWithoutSendingAnythingThere() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start(InetAddress.getLoopbackAddress(), 0);
      okta.enqueue(page(users("u1"), "<" + elsewhere.url(MEMBERS) + "?after=u1>; rel=\"next\""));

      assertThatThrownBy(this::memberIds)
          .isInstanceOf(IamException.ProtocolViolation.class)
          .hasMessageContaining("refusing to send credentials there");
      assertThat(elsewhere.getRequestCount()).isZero();
      assertThat(okta.apiRequests()).hasSize(1);
    }
  }

  @Test
  void refusesACursorToAnotherHostGivenByTheCaller() {
    Page.Cursor foreign = new Page.Cursor("https://evil.example.com" + MEMBERS + "?after=u1");
    assertThatThrownBy(() -> connection.directory().membersPage(GROUP, foreign))
        .isInstanceOf(IamException.ProtocolViolation.class);
    assertThat(okta.apiRequests()).isEmpty();
  }

  @Test
  void refusesANextLinkLeavingTheGroup() {
    okta.enqueue(page(users("u1"), "<" + okta.url("/api/v1/users") + "?after=u1>; rel=\"next\""));
    assertThatThrownBy(this::memberIds).isInstanceOf(IamException.ProtocolViolation.class);
  }

  @Test
  void aCursorThatComesRoundAgainIsAProtocolViolation() {
    okta.enqueue(page(users("u1"), next("u1")))
        .enqueue(page(users("u2"), next("u2")))
        .enqueue(page(users("u3"), next("u1")));
    assertThatThrownBy(this::memberIds)
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("already returned");
    assertThat(okta.apiRequests()).hasSize(3);
  }

  @Test
  void aTruncatedBodyIsAProtocolViolationNamingTheUrlAndNoMemberOfItIsDelivered() {
    String body = users("u1", "u2");
    okta.enqueue(page(body.substring(0, body.length() - 40)));
    List<Page<Employee>> delivered = new java.util.ArrayList<>();
    assertThatThrownBy(() -> connection.directory().memberPages(GROUP).forEach(delivered::add))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining(okta.url(MEMBERS).toString())
        .hasMessageNotContaining("t1");
    assertThat(delivered).isEmpty();
  }

  @Test
  void aBodyThatIsNotTheExpectedJsonIsAProtocolViolation() {
    okta.enqueue(page("{\"not\":\"an array\"}"));
    assertThatThrownBy(this::memberIds).isInstanceOf(IamException.ProtocolViolation.class);
  }

  @Test
  void contentAfterTheArrayIsAProtocolViolation() {
    okta.enqueue(page(users("u1") + "[]"));
    assertThatThrownBy(this::memberIds).isInstanceOf(IamException.ProtocolViolation.class);
  }

  @Test
  void aPageThatFailsMidBodyIsFetchedAgainWithoutDuplicates() {
    String big =
        users(IntStream.range(0, 300).mapToObj(i -> "u" + (1000 + i)).toArray(String[]::new));
    okta.enqueue(page(users("u0001"), next("u0001")))
        .enqueue(
            new MockResponse.Builder()
                .code(200)
                .body(big)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                .build())
        .enqueue(page(big));

    List<String> ids = memberIds();
    assertThat(ids).hasSize(301).doesNotHaveDuplicates();
    List<RecordedRequest> requests = okta.apiRequests();
    assertThat(requests).hasSize(3);
    assertThat(requests.get(2).getUrl()).isEqualTo(requests.get(1).getUrl());
    assertThat(sleeper.waits()).hasSize(1);
  }

  private MockResponse cutOffMidBody() {
    String big =
        users(IntStream.range(0, 300).mapToObj(i -> "u" + (1000 + i)).toArray(String[]::new));
    return new MockResponse.Builder()
        .code(200)
        .body(big)
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
        .build();
  }

  /** A 429 whose window resets at {@code reset} (no Date header: the local clock is Okta's). */
  private static MockResponse rateLimitedUntil(java.time.Instant reset) {
    return new MockResponse.Builder()
        .code(429)
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Rate-Limit-Reset", reset.getEpochSecond())
        .body("{\"errorCode\":\"E0000047\",\"errorSummary\":\"rate limit\"}")
        .build();
  }

  @Test
  void aPageSendsAtMostMaxAttemptsRequestsWhateverTheFailuresAre() {
    for (int i = 0; i < 5; i++) {
      okta.enqueue(json(503, "{\"errorCode\":\"E0000010\"}")).enqueue(cutOffMidBody());
    }

    assertThatThrownBy(this::memberIds).isInstanceOf(IamException.ProviderUnavailable.class);

    // One loop: 503s and bodies cut off midway share the five attempts. Before, each body cut off
    // started the transport's own retries afresh, and the attempts multiplied.
    assertThat(okta.apiRequests()).hasSize(5);
    assertThat(sleeper.waits()).hasSize(4);
  }

  @Test
  void theDeadlineBoundsAWholePageAcrossBodiesCutOffMidway() {
    connection.close();
    connection =
        okta.connect(
            clock,
            sleeper,
            new RetryPolicy(10, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(60)),
            1000,
            new OkHttpClient());
    java.time.Instant start = clock.instant();
    okta.enqueue(rateLimitedUntil(start.plusSeconds(4)))
        .enqueue(cutOffMidBody())
        .enqueue(rateLimitedUntil(start.plusSeconds(12)))
        .enqueue(page(users("u1")));

    assertThatThrownBy(this::memberIds).isInstanceOf(IamException.RateLimited.class);

    // 5.5 s for the first window, 675 ms of backoff; the second window's 7.3 s would pass the
    // page's 10 s deadline, which the body cut off midway did not restart.
    assertThat(sleeper.waits())
        .containsExactly(java.time.Duration.ofMillis(5_500), java.time.Duration.ofMillis(675));
    assertThat(okta.apiRequests()).hasSize(3);
  }

  @Test
  void aServerErrorOnAListPageAsksAgainWithHalfTheLimitKeepingTheCursor() {
    okta.enqueue(page(users("u1"), next("u1")))
        .enqueue(
            json(500, "{\"errorCode\":\"E0000009\",\"errorSummary\":\"Internal Server Error\"}"))
        .enqueue(json(504, ""))
        .enqueue(page(users("u2")));

    assertThat(memberIds()).containsExactly("u1", "u2");
    List<HttpUrl> urls = okta.apiRequests().stream().map(RecordedRequest::getUrl).toList();
    assertThat(urls)
        .extracting(u -> u.queryParameter("limit"))
        .containsExactly("1000", "1000", "500", "250");
    assertThat(urls.subList(1, 4))
        .allSatisfy(u -> assertThat(u.queryParameter("after")).isEqualTo("u1"));
  }

  @Test
  void theAdaptivePageSizeStopsAt200AndThenGivesUp() {
    for (int i = 0; i < 4; i++) {
      okta.enqueue(
          json(500, "{\"errorCode\":\"E0000009\",\"errorSummary\":\"Internal Server Error\"}"));
    }
    assertThatThrownBy(this::memberIds)
        .isInstanceOfSatisfying(
            IamException.ProviderUnavailable.class, e -> assertThat(e.httpStatus()).hasValue(500));
    assertThat(okta.apiRequests())
        .extracting(r -> r.getUrl().queryParameter("limit"))
        .containsExactly("1000", "500", "250", "200");
  }

  @Test
  void aReadTimeoutOnAListPageAsksAgainWithHalfTheLimit() {
    connection.close();
    connection =
        connect(new OkHttpClient.Builder().readTimeout(200, TimeUnit.MILLISECONDS).build(), 400);
    okta.enqueue(
            new MockResponse.Builder()
                .code(200)
                .body(users("u1"))
                .headersDelay(2, TimeUnit.SECONDS)
                .build())
        .enqueue(page(users("u1")));

    assertThat(memberIds()).containsExactly("u1");
    assertThat(okta.apiRequests())
        .extracting(r -> r.getUrl().queryParameter("limit"))
        .containsExactly("400", "200");
  }

  @Test
  void aConfiguredPageSizeIsSent() {
    connection.close();
    connection = connect(new OkHttpClient(), 200);
    okta.enqueue(page(users("u1")));
    memberIds();
    assertThat(okta.apiRequests().get(0).getUrl().queryParameter("limit")).isEqualTo("200");
  }

  @Test
  void aGroupIdThatIsNotOktasIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> connection.directory().membersPage(GroupId.of("employees")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'employees'")
        .hasMessageContaining("start with 00g");
    assertThat(okta.apiRequests()).isEmpty();
  }

  @Test
  void abandoningTheStreamEarlyFetchesNoFurtherPage() {
    okta.enqueue(page(users("u1", "u2"), next("u2"))).enqueue(page(users("u3")));
    assertThat(connection.directory().members(GROUP).findFirst()).isPresent();
    assertThat(okta.apiRequests()).hasSize(1);
  }
}
