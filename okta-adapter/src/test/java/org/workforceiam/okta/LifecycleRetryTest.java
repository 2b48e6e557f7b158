package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.AuditEvent;
import org.workforceiam.core.IamException;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * A lifecycle call is sent again only when Okta certainly did not act on it (a 429, a 503 with
 * Okta's error body), after the wait the retry policy computes, and the change is then made once.
 */
class LifecycleRetryTest {
  private static final UserId GRACE = UserId.of("00u2Grace");
  private static final UserId ADA = UserId.of("00u1Ada");

  private ResetOrgWiring org;

  @BeforeEach
  void start() throws Exception {
    org =
        new ResetOrgWiring(
            new SimDirectory()
                .user(SimUser.of(ADA.value(), "ada@example.com", "ACTIVE"))
                .user(SimUser.of(GRACE.value(), "grace@example.com", "LOCKED_OUT"))
                .member(ResetOrgWiring.EMPLOYEES.value(), ADA.value())
                .member(ResetOrgWiring.EMPLOYEES.value(), GRACE.value()));
  }

  @AfterEach
  void stop() {
    org.close();
  }

  @Test
  void a503WithOktasErrorBodyIsRetriedAndTheChangeIsMadeOnce() {
    org.sim.respondOnce(
        "POST",
        "/lifecycle/unlock",
        ResetOrgWiring.oktaError(503, "E0000010", "Service is in read-only mode"));

    ResetResult.Unlock result = org.resets.unlock(GRACE);

    List<SimulatedOkta.Call> posts = org.calls("POST", "/lifecycle/unlock");
    assertThat(posts).extracting(SimulatedOkta.Call::status).containsExactly(503, 200);
    assertThat(posts.get(1).headers().get("X-Okta-Retry-Count")).isEqualTo("1");
    assertThat(posts.get(1).headers().get("X-Okta-Retry-For")).isEqualTo(posts.get(0).requestId());
    assertThat(org.sleeper.waits()).containsExactly(Duration.ofMillis(337));
    assertThat(org.sim.directory().changes()).containsExactly("unlock");
    assertThat(org.sim.directory().status(GRACE.value())).isEqualTo("ACTIVE");
    assertThat(result.requestId()).contains(posts.get(1).requestId());
  }

  @Test
  void a429OnALifecycleCallWaitsUntilTheWindowResetsAndTheChangeIsMadeOnce() {
    org.sim.respondOnce(
        "POST", "/lifecycle/reset_password", org.rateLimited(Duration.ofSeconds(30)));

    ResetResult.Password result = org.resets.resetPassword(ADA, PasswordReset.link());

    List<SimulatedOkta.Call> posts = org.calls("POST", "/lifecycle/reset_password");
    assertThat(posts).extracting(SimulatedOkta.Call::status).containsExactly(429, 200);
    assertThat(posts)
        .extracting(SimulatedOkta.Call::requestLine)
        .containsOnly(
            "POST /api/v1/users/00u1Ada/lifecycle/reset_password?sendEmail=false&revokeSessions=false");
    // Until the reset by Okta's clock, plus a second's margin and half a second of jitter.
    assertThat(org.sleeper.waits()).containsExactly(Duration.ofMillis(31_500));
    assertThat(org.sim.directory().changes()).containsExactly("reset_password");
    assertThat(result.resetLink()).isPresent();
    assertThat(org.audit)
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED));
  }

  @Test
  void aLifecycleCallStillRateLimitedWhenTheRetryBudgetIsSpentChangesNothing() {
    for (int i = 0; i < 5; i++) {
      org.sim.respondOnce("POST", "/lifecycle/unlock", org.rateLimited(Duration.ofSeconds(50)));
    }

    assertThatThrownBy(() -> org.resets.unlock(GRACE))
        .isInstanceOfSatisfying(
            IamException.RateLimited.class,
            e -> {
              assertThat(e.errorCode()).contains("E0000047");
              assertThat(e.retryAfter()).isPresent();
            });

    assertThat(org.calls("POST", "/lifecycle/unlock"))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.status()).isEqualTo(429));
    assertThat(org.sim.directory().changes()).isEmpty();
    assertThat(org.sim.directory().status(GRACE.value())).isEqualTo("LOCKED_OUT");
    assertThat(org.audit)
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILED));
  }
}
