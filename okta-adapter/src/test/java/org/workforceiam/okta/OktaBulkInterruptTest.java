package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.AuditEvent;
import org.workforceiam.core.BulkReset;
import org.workforceiam.core.BulkReset.Outcome;
import org.workforceiam.core.BulkReset.Report;
import org.workforceiam.core.BulkReset.Status;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;
import org.workforceiam.core.testing.Interrupts;
import org.workforceiam.okta.simulator.SimUser;

/**
 * A real bulk run through the Okta client, interrupted while two lifecycle calls are on their way
 * to Okta: the calls in flight finish (a change is never abandoned halfway), nothing else is
 * started, and every requested user is accounted for.
 */
class OktaBulkInterruptTest {

  @Test
  void aBulkRunInterruptedMidWayFinishesTheCallsInFlightAndReportsEveryUser() throws Exception {
    CountDownLatch inFlight = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    // The org holds the first two lifecycle calls as they arrive, before it acts on them. (A
    // caller's interceptor no longer sees our calls: issue 12, section 3.)
    try (ResetOrg org =
            ResetOrg.start(
                (method, url, headers) -> {
                  if (url.encodedPath().contains("/lifecycle/")) {
                    inFlight.countDown();
                    awaitUninterruptibly(release);
                  }
                  return java.util.Optional.empty();
                });
        OktaClient okta = org.client()) {
      ResetService resets = okta.resets(ResetOrg.EMPLOYEES);
      List<UserId> users = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        UserId user = UserId.of("00u7Staff" + i);
        org.sim
            .directory()
            .user(SimUser.of(user.value(), "staff" + i + "@example.com", "ACTIVE"))
            .member(ResetOrg.EMPLOYEES.value(), user.value());
        users.add(user);
      }
      AtomicReference<Report<ResetResult.Password>> report = new AtomicReference<>();
      AtomicBoolean interruptedAfter = new AtomicBoolean();
      Thread runner =
          new Thread(
              () -> {
                report.set(
                    BulkReset.withConcurrency(2)
                        .run(users, user -> resets.resetPassword(user, PasswordReset.expire())));
                interruptedAfter.set(Thread.currentThread().isInterrupted());
              },
              "bulk-runner");

      runner.start();
      inFlight.await();
      Interrupts.interruptAndAwaitCancellation(runner);
      release.countDown();
      runner.join();

      Report<ResetResult.Password> result = report.get();
      assertThat(result.outcomes()).extracting(Outcome::user).containsExactlyElementsOf(users);
      assertThat(result.cancelled()).isTrue();
      assertThat(result.outcomes())
          .extracting(Outcome::status)
          .containsExactly(
              Status.DONE,
              Status.DONE,
              Status.NOT_ATTEMPTED,
              Status.NOT_ATTEMPTED,
              Status.NOT_ATTEMPTED,
              Status.NOT_ATTEMPTED,
              Status.NOT_ATTEMPTED,
              Status.NOT_ATTEMPTED);
      assertThat(interruptedAfter).as("the runner's interrupt flag is set again").isTrue();

      // Okta saw exactly the two changes reported DONE, and nothing for the others.
      assertThat(org.changeRequests())
          .containsExactlyInAnyOrder(
              "POST /api/v1/users/00u7Staff1/lifecycle/expire_password",
              "POST /api/v1/users/00u7Staff2/lifecycle/expire_password");
      assertThat(users.subList(0, 2))
          .allSatisfy(u -> assertThat(org.status(u)).isEqualTo("PASSWORD_EXPIRED"));
      assertThat(users.subList(2, 8))
          .allSatisfy(u -> assertThat(org.status(u)).isEqualTo("ACTIVE"));
      assertThat(org.audit)
          .extracting(AuditEvent::user, AuditEvent::outcome)
          .containsExactlyInAnyOrder(
              tuple(users.get(0), AuditEvent.Outcome.SUCCEEDED),
              tuple(users.get(1), AuditEvent.Outcome.SUCCEEDED));
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
