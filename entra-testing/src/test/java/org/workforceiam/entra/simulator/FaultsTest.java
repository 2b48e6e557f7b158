package org.workforceiam.entra.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Injected faults: throttling, outages, lost connections, odd bodies and odd next links. */
class FaultsTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final String STAFF = "0d000000-0000-4000-8000-000000000001";
  static final String ADA = "1d000000-0000-4000-8000-000000000001";
  static final String BOB = "1d000000-0000-4000-8000-000000000002";
  static final String CAROL = "1d000000-0000-4000-8000-000000000003";
  static final String MEMBERS = "/v1.0/groups/" + STAFF + "/transitiveMembers?$top=1";

  private final MutableClock clock = new MutableClock(NOW);

  private SimulatedEntra.Builder entra() {
    return SimulatedEntra.builder()
        .certificate(TestApp.CERTIFICATE)
        .clock(clock)
        .tenant(
            new EntraTenant()
                .group(STAFF, "Staff")
                .user(EntraUser.of(ADA, "ada@contoso.example"))
                .user(EntraUser.of(BOB, "bob@contoso.example"))
                .user(EntraUser.of(CAROL, "carol@contoso.example"))
                .member(STAFF, ADA)
                .member(STAFF, BOB)
                .member(STAFF, CAROL));
  }

  @Test
  void throttlingAnswers429WithRetryAfterOnceAndTheRequestIdInHeaderAndBody() throws Exception {
    try (SimulatedEntra entra = entra().start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      entra.throttleNext("GET", "/transitiveMembers", Duration.ofMillis(1500));
      entra.unavailableNext("POST", "/revokeSignInSessions", Duration.ofSeconds(3));

      GraphClient.Reply throttled = graph.get(MEMBERS);
      GraphClient.Reply retried = graph.get(MEMBERS);
      GraphClient.Reply unavailable =
          graph.post("/v1.0/users/" + ADA + "/revokeSignInSessions", "");

      assertThat(throttled.code()).isEqualTo(429);
      assertThat(throttled.headers().get("Retry-After")).isEqualTo("2");
      assertThat(throttled.errorCode()).isEqualTo("TooManyRequests");
      Object inner = ((Map<?, ?>) throttled.json().get("error")).get("innerError");
      assertThat(((Map<?, ?>) inner).get("request-id"))
          .isEqualTo(throttled.headers().get("request-id"));
      assertThat(retried.code()).isEqualTo(200);
      assertThat(unavailable.code()).isEqualTo(503);
      assertThat(unavailable.headers().get("Retry-After")).isEqualTo("3");
      assertThat(entra.tenant().sessionRevocations()).isEmpty();
      assertThat(entra.rejections()).isEmpty();
    }
  }

  @Test
  void aConnectionDroppedBeforeAWriteChangesNothingAndOneDroppedAfterItChangesIt()
      throws Exception {
    try (SimulatedEntra entra = entra().start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      String revoke = "/v1.0/users/" + ADA + "/revokeSignInSessions";
      entra.dropConnectionBeforeNext("POST", "/revokeSignInSessions");
      assertThatThrownBy(() -> graph.post(revoke, "")).isInstanceOf(IOException.class);
      assertThat(entra.tenant().sessionRevocations()).isEmpty();

      entra.dropConnectionAfterNext("POST", "/revokeSignInSessions");
      assertThatThrownBy(() -> graph.post(revoke, "")).isInstanceOf(IOException.class);
      assertThat(entra.tenant().sessionRevocations()).containsExactly(ADA);
    }
  }

  @Test
  void aMalformedBodyAndACannedAnswerAreServedOnce() throws Exception {
    try (SimulatedEntra entra = entra().start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      entra.malformedBodyNext("GET", "/transitiveMembers");
      entra.respondOnce("GET", "/users/" + ADA, new MockResponse.Builder().code(502).build());
      entra.failNext("GET", "/users/" + BOB, 500);

      GraphClient.Reply malformed = graph.get(MEMBERS);
      assertThat(malformed.code()).isEqualTo(200);
      assertThat(Exchange.parseJson(malformed.body())).isNull();
      assertThat(graph.get("/v1.0/users/" + ADA).code()).isEqualTo(502);
      assertThat(graph.get("/v1.0/users/" + ADA).code()).isEqualTo(200);
      assertThat(graph.get("/v1.0/users/" + BOB).code()).isEqualTo(500);
      assertThat(entra.calls()).allSatisfy(call -> assertThat(call.requestId()).isNotBlank());
    }
  }

  @Test
  void aForeignNextLinkPointsToAnotherOriginThatRecordsAFollower() throws Exception {
    try (SimulatedEntra entra = entra().start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      entra.foreignNextLinkNext("/transitiveMembers");

      String next = graph.get(MEMBERS).json().get("@odata.nextLink").toString();
      assertThat(next).startsWith(entra.authorityUrl() + "/v1.0/groups/");
      assertThat(graph.getUrl(next).code()).isEqualTo(404);
      assertThat(entra.rejections()).containsExactly("foreign_origin_request");
      assertThat(entra.graphCalls()).hasSize(1);
    }
  }

  @Test
  void aNextLinkCycleLeadsBackToTheFirstPage() throws Exception {
    try (SimulatedEntra entra = entra().start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply first = graph.get(MEMBERS);
      entra.nextLinkCycleNext("/transitiveMembers");
      GraphClient.Reply second = graph.getUrl(first.json().get("@odata.nextLink").toString());

      assertThat(second.json().get("@odata.nextLink")).isEqualTo(entra.url(MEMBERS).toString());
    }
  }

  @Test
  void endlessEmptyPagesNeverEnd() throws Exception {
    try (SimulatedEntra entra = entra().start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      entra.endlessEmptyPagesNext("/transitiveMembers");
      GraphClient.Reply page = graph.get(MEMBERS);
      for (int i = 0; i < 5; i++) {
        assertThat(page.value()).isEmpty();
        Object next = page.json().get("@odata.nextLink");
        assertThat(next).isNotNull();
        page = graph.getUrl(next.toString());
      }
      assertThat(page.json()).containsKey("@odata.nextLink");
    }
  }

  @Test
  void aRequestCheckRefusesBeforeTheTenantActs() throws Exception {
    try (SimulatedEntra entra =
            entra()
                .requestCheck(
                    (method, url, headers, body) ->
                        body.contains("forceChangePasswordNextSignIn\":false")
                            ? Optional.of("a temporary password must be changed at next sign-in")
                            : Optional.empty())
                .appRoles(DirectoryRole.PASSWORD_ADMINISTRATOR)
                .start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply refused =
          graph.patch(
              "/v1.0/users/" + ADA,
              "{\"passwordProfile\":{\"password\":\"Aa1!aaaaaaaa\","
                  + "\"forceChangePasswordNextSignIn\":false}}");

      assertThat(refused.code()).isEqualTo(400);
      assertThat(refused.errorMessage()).contains("must be changed at next sign-in");
      assertThat(entra.rejections())
          .containsExactly("request_check: a temporary password must be changed at next sign-in");
      assertThat(entra.tenant().password(ADA)).isEmpty();
    }
  }

  @Test
  void aThrottledTokenRequestIsNotCountedAsIssued() throws Exception {
    try (SimulatedEntra entra = entra().clientSecret("s3cret").start();
        GraphClient graph = new GraphClient(entra)) {
      entra.throttleNext("POST", "/oauth2/v2.0/token", Duration.ofSeconds(1));

      GraphClient.Reply throttled = graph.token(graph.form(null, "s3cret").build());

      assertThat(throttled.code()).isEqualTo(429);
      assertThat(throttled.headers().get("x-ms-request-id")).isNotBlank();
      assertThat(entra.tokenRequests()).isZero();
      graph.signInWithSecret("s3cret");
      assertThat(entra.tokenRequests()).isEqualTo(1);
    }
  }
}
