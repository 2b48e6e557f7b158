package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedOrg.ADA;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

/**
 * What the CLI makes of Okta failing: rate limits and outages (6), answers it cannot read (7), and
 * changes whose outcome cannot be known (9). Faults come from the simulated Okta, one answer at a
 * time.
 *
 * <p>The CLI builds its own HTTP client with OkHttp's default 10-second read timeout, so a change
 * whose answer is merely late ({@code loseNextAnswer}) would take that long to become exit 9; the
 * tests use an answer that never comes (the connection dropped after the request) and Okta's own
 * 5xx instead. Rate limits are answered without {@code X-Rate-Limit-Reset}, which the client's
 * retry policy answers with its shortest wait (300 ms); a reset header would make it wait a second
 * or more per attempt.
 */
class OktaFailuresTest extends DemoOrgTest {
  private static final String ADA_LOOKUP = "/api/v1/users/" + ADA;
  private static final String RESET = ADA_LOOKUP + "/lifecycle/reset_password";

  @Test
  void aRateLimitThatLastsThroughEveryRetryIsExit6() {
    for (int i = 0; i < 5; i++) {
      org.sim.respondOnce(
          "GET", ADA_LOOKUP, oktaError(429, "E0000047", "API call exceeded rate limit"));
    }

    CliRun find = org.run("find", ADA);

    assertThat(find.code()).isEqualTo(6);
    assertThat(find.errorLine()).contains("rate-limited").contains("E0000047");
    assertThat(org.apiRequests()).hasSize(5).containsOnly("GET " + ADA_LOOKUP);
  }

  @Test
  void aRateLimitedChangeIsSentAgainBecauseOktaCertainlyDidNotAct() {
    org.sim.respondOnce("POST", RESET, oktaError(429, "E0000047", "API call exceeded rate limit"));

    CliRun reset = org.run("reset-password", ADA);

    assertThat(reset.code()).as("%s", reset).isZero();
    assertThat(org.changesSent()).hasSize(2);
    assertThat(org.directory().changes()).containsExactly("reset_password");
  }

  @Test
  void anOktaThatCannotAnswerALookupIsExit6() {
    org.sim.respondOnce("GET", ADA_LOOKUP, oktaError(500, "E0000009", "Internal Server Error"));

    CliRun find = org.run("find", ADA);

    assertThat(find.code()).isEqualTo(6);
    assertThat(find.errorLine()).contains("HTTP 500");
  }

  @Test
  void aPassingOutageOfALookupIsRetried() {
    org.sim.respondOnce("GET", ADA_LOOKUP, oktaError(503, "E0000009", "Service Unavailable"));

    CliRun find = org.run("find", ADA);

    assertThat(find.code()).isZero();
    assertThat(org.apiRequests()).containsExactly("GET " + ADA_LOOKUP, "GET " + ADA_LOOKUP);
  }

  @Test
  void aLookupAnsweredWithSomethingElseThanAUserIsExit7() {
    org.sim.respondOnce(
        "GET",
        ADA_LOOKUP,
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body("{\"id\":\"00uDemo01Ada\",\"profile\":{}}")
            .build());

    CliRun find = org.run("find", ADA);

    assertThat(find.code()).isEqualTo(7);
    assertThat(find.errorLine()).contains("profile.login");
  }

  @Test
  void aChangeOktaFailedOnIsExit9() {
    org.sim.respondOnce("POST", RESET, oktaError(500, "E0000009", "Internal Server Error"));

    CliRun reset = org.run("reset-password", ADA);

    assertThat(reset.code()).isEqualTo(9);
    assertThat(reset.errorLine())
        .contains("may or may not have taken effect")
        .contains("request id sim-");
    assertThat(reset.out()).isEmpty();
    assertThat(org.changesSent()).hasSize(1);
  }

  @Test
  void aChangeWhoseAnswerNeverComesIsExit9AndIsNotSentAgain() {
    org.sim.respondOnce(
        "POST",
        RESET,
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());

    CliRun reset = org.run("reset-password", ADA);

    assertThat(reset.code()).as("%s", reset).isEqualTo(9);
    assertThat(reset.errorLine()).contains("no answer came").contains("may or may not");
    assertThat(org.changesSent()).hasSize(1);
  }

  @Test
  void aServiceUnavailableFromSomethingOtherThanOktaIsNotRepeatedForAChange() {
    // A 503 without Okta's error body may come from a proxy after Okta acted.
    org.sim.respondOnce("POST", RESET, new MockResponse.Builder().code(503).body("busy").build());

    CliRun reset = org.run("reset-password", ADA);

    assertThat(reset.code()).isEqualTo(9);
    assertThat(org.changesSent()).hasSize(1);
  }

  @Test
  void sessionsThatCannotBeEndedAfterThePasswordExpiredIsExit9SayingWhatHappened() {
    org.sim.respondOnce(
        "DELETE", ADA_LOOKUP + "/sessions", oktaError(500, "E0000009", "Internal Server Error"));

    CliRun reset = org.run("reset-password", ADA, "--mode", "expire", "--revoke-sessions");

    assertThat(reset.code()).isEqualTo(9);
    assertThat(reset.errorLine())
        .contains("the password of user " + ADA + " was expired, but ending the sessions failed");
    assertThat(org.directory().changes()).containsExactly("expire_password");
    assertThat(org.directory().status(ADA)).isEqualTo("PASSWORD_EXPIRED");
  }

  static MockResponse oktaError(int status, String code, String summary) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(
            "{\"errorCode\":\""
                + code
                + "\",\"errorSummary\":\""
                + summary
                + "\",\"errorLink\":\""
                + code
                + "\",\"errorId\":\"oaeFault\",\"errorCauses\":[]}")
        .build();
  }
}
