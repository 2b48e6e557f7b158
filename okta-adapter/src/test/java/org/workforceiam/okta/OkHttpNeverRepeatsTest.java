package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.IamException;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * Nothing in OkHttp sends a request a second time on its own: a {@code 503} with {@code
 * Retry-After: 0}, a {@code 401} with an authenticator, a redirect, a {@code 421}. The retry policy
 * alone decides, and its own documented repeats stay as they are.
 */
class OkHttpNeverRepeatsTest {
  private static final UserId ADA = UserId.of("00u1Ada");

  private static final MockResponse HTML_503_RETRY_NOW =
      new MockResponse.Builder()
          .code(503)
          .setHeader("Retry-After", "0")
          .setHeader("Content-Type", "text/html")
          .body("<html><body>Service Unavailable</body></html>")
          .build();

  private ResetOrgWiring org;

  @BeforeEach
  void start() throws Exception {
    org =
        new ResetOrgWiring(
            new SimDirectory()
                .user(SimUser.of(ADA.value(), "ada@example.com", "ACTIVE"))
                .member(ResetOrgWiring.EMPLOYEES.value(), ADA.value()));
  }

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void aWriteAnswered503RetryNowWithHtmlBeforeApplyingIsSentOnceAndNotRetried() {
    org.sim.respondOnce("POST", "/lifecycle/reset_password", HTML_503_RETRY_NOW);

    // An HTML 503 comes from whatever stands in front of Okta and does not prove that Okta did
    // not act: not repeated, and not a plain failure that invites the caller to repeat it.
    assertThatThrownBy(() -> org.resets.resetPassword(ADA, PasswordReset.link()))
        .isExactlyInstanceOf(IamException.OutcomeUnknown.class)
        .hasMessageContaining("(HTTP 503)")
        .hasMessageContaining("may or may not have taken effect")
        .satisfies(
            e -> {
              IamException outcome = (IamException) e;
              assertThat(outcome.httpStatus()).hasValue(503);
              assertThat(outcome.isRetryable()).isFalse();
            });

    assertThat(org.calls("POST", "/lifecycle/reset_password"))
        .extracting(SimulatedOkta.Call::status)
        .containsExactly(503);
    assertThat(org.sim.directory().changes()).isEmpty();
    assertThat(org.sleeper.waits()).isEmpty();
  }

  @Test
  void aWriteAnswered503RetryNowWithHtmlAfterApplyingIsSentOnce() throws Exception {
    try (ScriptedOkta okta = new ScriptedOkta();
        OktaConnection connection =
            okta.connect(
                SimFixture.clock(),
                new RecordingSleeper(SimFixture.clock()),
                RetryPolicy.defaults(),
                200,
                new OkHttpClient())) {
      // The change was made; the answer that says so is lost behind a proxy's 503. A second
      // send would get the 200 queued after it.
      okta.enqueue(HTML_503_RETRY_NOW)
          .enqueue(ScriptedOkta.json(200, "{\"resetPasswordUrl\":\"https://x/reset\"}"));
      OktaResets resets =
          new OktaResets(connection.orgUrl(), connection.api(), connection.directory());

      assertThatThrownBy(() -> resets.resetPassword(ADA, PasswordReset.link()))
          .isExactlyInstanceOf(IamException.OutcomeUnknown.class)
          .satisfies(e -> assertThat(((IamException) e).httpStatus()).hasValue(503));

      assertThat(okta.apiRequests()).hasSize(1);
    }
  }

  @Test
  void aWriteAnswered421MisdirectedRequestIsSentOnceAndEndsAsAProtocolViolation() {
    // OkHttp itself repeats a 421 only on a coalesced HTTP/2 connection, which HttpClients' guard
    // refuses (see HttpClientsTest); on any other connection the 421 reaches the adapter: Okta
    // (or something in front of it) says it did not handle the request, which is unexpected.
    org.sim.respondOnce(
        "POST",
        "/lifecycle/reset_password",
        new MockResponse.Builder()
            .code(421)
            .setHeader("Content-Type", "text/html")
            .body("<html>Misdirected Request</html>")
            .build());

    assertThatThrownBy(() -> org.resets.resetPassword(ADA, PasswordReset.link()))
        .isExactlyInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("unexpected HTTP 421")
        .satisfies(e -> assertThat(((IamException) e).httpStatus()).hasValue(421));

    assertThat(org.calls("POST", "/lifecycle/reset_password"))
        .extracting(SimulatedOkta.Call::status)
        .containsExactly(421);
    assertThat(org.sim.directory().changes()).isEmpty();
    assertThat(org.sleeper.waits()).isEmpty();
  }

  @Test
  void theRetryPolicyStillRepeatsAWriteAfterA503WithOktasBodyEvenWithRetryAfterZero() {
    org.sim.respondOnce(
        "POST",
        "/lifecycle/reset_password",
        ResetOrgWiring.oktaError(503, "E0000010", "Service is in read-only mode")
            .newBuilder()
            .setHeader("Retry-After", "0")
            .build());

    org.resets.resetPassword(ADA, PasswordReset.link());

    assertThat(org.calls("POST", "/lifecycle/reset_password"))
        .extracting(SimulatedOkta.Call::status)
        .containsExactly(503, 200);
    assertThat(org.sleeper.waits()).hasSize(1);
    assertThat(org.sim.directory().changes()).containsExactly("reset_password");
  }

  @Test
  void aReadAnswered503RetryNowIsRepeatedOnlyByThePolicy() {
    org.sim.respondOnce("GET", "/groups", HTML_503_RETRY_NOW);

    org.resets.resetPassword(ADA, PasswordReset.link());

    // One repeat, by the policy after its backoff; OkHttp's immediate one would make it three.
    assertThat(org.calls("GET", "/groups"))
        .extracting(SimulatedOkta.Call::status)
        .containsExactly(503, 200);
    assertThat(org.sleeper.waits()).hasSize(1);
  }

  @Test
  void aWriteAnswered401IsNeverResentByTheCallersAuthenticator() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    OkHttpClient caller =
        new OkHttpClient.Builder()
            .authenticator(
                (route, response) -> {
                  asked.incrementAndGet();
                  return response.request().newBuilder().header("X-Again", "1").build();
                })
            .build();
    try (ResetOrg reset = ResetOrg.start();
        OktaClient okta = reset.client(caller)) {
      reset.sim.respondOnce(
          "POST",
          "/lifecycle/reset_password",
          ResetOrgWiring.oktaError(401, "E0000011", "Invalid token provided"));
      ResetService resets = okta.resets(ResetOrg.EMPLOYEES);

      resets.resetPassword(ResetOrg.ADA, PasswordReset.link());

      // The caller's authenticator is never asked; the one repeat is the adapter's own, with a
      // fresh token after Okta refused the old one (a 401 is answered before Okta acts).
      assertThat(asked).hasValue(0);
      assertThat(reset.changeRequests()).hasSize(2);
      assertThat(reset.sim.directory().changes()).containsExactly("reset_password");
    }
  }

  @Test
  void aWriteAnsweredWithARedirectIsNotFollowed() throws Exception {
    try (ResetOrg reset = ResetOrg.start();
        OktaClient okta = reset.client(new OkHttpClient())) {
      reset.sim.respondOnce(
          "POST",
          "/lifecycle/reset_password",
          new MockResponse.Builder()
              .code(307)
              .setHeader("Location", reset.sim.url("/api/v1/users/00u1Ada/lifecycle/unlock"))
              .build());

      assertThatThrownBy(
              () ->
                  okta.resets(ResetOrg.EMPLOYEES).resetPassword(ResetOrg.ADA, PasswordReset.link()))
          .isInstanceOf(IamException.class);

      List<String> changes = reset.changeRequests();
      assertThat(changes).hasSize(1);
      assertThat(changes.get(0)).contains("reset_password");
    }
  }
}
