package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.AuditEvent;
import org.workforceiam.core.BulkReset;
import org.workforceiam.core.BulkReset.Outcome;
import org.workforceiam.core.BulkReset.Report;
import org.workforceiam.core.BulkReset.Status;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimFactor;
import org.workforceiam.okta.simulator.SimUser;

/**
 * Real bulk runs over the simulated Okta, through the guarded and audited reset service, with
 * Okta's rate limits and failures in the middle: every requested user comes back exactly once with
 * what happened to them, and the simulated org agrees.
 */
class OktaBulkResetTest {
  private static final UserId ROOT = UserId.of("00u90Root");
  private static final UserId SAM = UserId.of("00u91Sam");
  private static final UserId LINUS = UserId.of("00u92Linus");
  private static final UserId BROKEN = UserId.of("00u93Broken");
  private static final UserId GHOST = UserId.of("00u94Ghost");

  /** Five attempts as by default, but an elapsed budget the virtual clock cannot exhaust. */
  private static final RetryPolicy POLICY =
      new RetryPolicy(5, Duration.ofHours(1), Duration.ofSeconds(60));

  private ResetOrgWiring org;

  @AfterEach
  void stop() {
    org.close();
  }

  /** Members 00u01… (active, one factor each) and one user in each situation a run meets. */
  private static SimDirectory directory(List<UserId> members) {
    String group = ResetOrgWiring.EMPLOYEES.value();
    SimDirectory directory = new SimDirectory();
    for (UserId user : members) {
      person(directory, user, "ACTIVE").member(group, user.value());
    }
    directory.user(SimUser.of(ROOT.value(), "root@example.com", "ACTIVE").privileged());
    directory.user(SimUser.of(SAM.value(), "sam@example.com", "SUSPENDED"));
    directory.user(SimUser.of(BROKEN.value(), "broken@example.com", "ACTIVE"));
    directory.user(SimUser.of(LINUS.value(), "linus@example.com", "ACTIVE"));
    for (UserId user : List.of(ROOT, SAM, BROKEN, LINUS)) {
      directory.factor(user.value(), factor(user));
    }
    directory.member(group, ROOT.value()).member(group, SAM.value()).member(group, BROKEN.value());
    return directory;
  }

  private static SimDirectory person(SimDirectory directory, UserId user, String status) {
    return directory
        .user(SimUser.of(user.value(), user.value() + "@example.com", status))
        .factor(user.value(), factor(user));
  }

  private static SimFactor factor(UserId user) {
    return new SimFactor("sms" + user.value(), "sms", "OKTA", "ACTIVE");
  }

  private static List<UserId> members(int count) {
    List<UserId> users = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      users.add(UserId.of(String.format("00u%02d", i)));
    }
    return users;
  }

  @Test
  void aBulkMfaResetUnderRateLimitsAndFailuresAccountsForEveryUser() throws Exception {
    List<UserId> members = members(8);
    org = new ResetOrgWiring(directory(members), POLICY);
    Instant start = org.clock.instant();
    // BROKEN's reset gets a 500 (outcome unknown); two other resets are rate-limited first.
    org.sim.respondOnce(
        "POST",
        "/" + BROKEN.value() + "/lifecycle/reset_factors",
        ResetOrgWiring.oktaError(500, "E0000009", "Internal Server Error"));
    org.sim.respondOnce("POST", "/lifecycle/reset_factors", org.rateLimited(Duration.ofSeconds(5)));
    org.sim.respondOnce(
        "POST", "/lifecycle/reset_factors", org.rateLimited(Duration.ofSeconds(10)));
    List<UserId> requested = new ArrayList<>(members.subList(0, 4));
    requested.addAll(List.of(ROOT, SAM, LINUS, BROKEN, GHOST));
    requested.addAll(members.subList(4, 8));
    requested.add(members.get(0)); // a duplicate

    Report<ResetResult.Mfa> report =
        BulkReset.withConcurrency(3)
            .run(requested, user -> org.resets.resetMfa(user, MfaReset.allFactors()));

    List<UserId> distinct = requested.subList(0, requested.size() - 1);
    assertThat(report.outcomes()).extracting(Outcome::user).containsExactlyElementsOf(distinct);
    assertThat(report.cancelled()).isFalse();
    for (UserId member : members) {
      Outcome<ResetResult.Mfa> outcome = outcomeOf(report, member);
      assertThat(outcome.status()).as("%s", member).isEqualTo(Status.DONE);
      assertThat(outcome.result().orElseThrow().factorsReset())
          .containsExactly(FactorId.of("sms" + member.value()));
      assertThat(org.sim.directory().factorIds(member.value())).isEmpty();
    }
    assertThat(List.of(ROOT, SAM, LINUS, BROKEN, GHOST))
        .map(user -> outcomeOf(report, user))
        .extracting(Outcome::status, o -> o.error().orElseThrow().getClass().getSimpleName())
        .containsExactly(
            tuple(Status.REFUSED, "PermissionDenied"),
            tuple(Status.REFUSED, "InvalidState"),
            tuple(Status.REFUSED, "PermissionDenied"),
            tuple(Status.FAILED, "OutcomeUnknown"),
            tuple(Status.FAILED, "NotFound"));
    assertThat(
            ((IamException.PermissionDenied) outcomeOf(report, ROOT).error().orElseThrow())
                .reason())
        .isEqualTo(IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW);
    assertThat(
            ((IamException.InvalidState) outcomeOf(report, SAM).error().orElseThrow())
                .currentStatus())
        .contains("SUSPENDED");
    assertThat(
            ((IamException.PermissionDenied) outcomeOf(report, LINUS).error().orElseThrow())
                .reason())
        .isEqualTo(IamException.PermissionDenied.Reason.OUTSIDE_GROUP);

    // The org agrees: eight resets made, once each; nothing for the others.
    assertThat(org.sim.directory().changes()).hasSize(8).containsOnly("reset_factors");
    for (UserId user : List.of(ROOT, SAM, LINUS, BROKEN)) {
      assertThat(org.sim.directory().factorIds(user.value())).hasSize(1);
    }
    assertThat(org.calls("POST", "/lifecycle/reset_factors"))
        .as("8 resets, 2 rate-limited, ROOT, SAM and BROKEN once each; LINUS never")
        .hasSize(13)
        .noneMatch(c -> c.path().contains(LINUS.value()));
    assertThat(org.calls("POST", "/" + BROKEN.value() + "/lifecycle/reset_factors")).hasSize(1);
    // The client waited out both windows instead of failing the rate-limited users. Workers wait
    // at once on the shared virtual clock, so the exact waits depend on the interleaving; what
    // does not: each 429 waited at least the margin and jitter, and no rate-limited call was sent
    // again before its window (the later one resets 10 s after the start) had reset.
    assertThat(org.sleeper.waits())
        .filteredOn(wait -> wait.compareTo(Duration.ofMillis(1_500)) >= 0)
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(org.clock.instant()).isAfterOrEqualTo(start.plusSeconds(10));
    assertThat(org.audit).hasSize(distinct.size());
    assertThat(org.audit)
        .extracting(AuditEvent::outcome)
        .filteredOn(o -> o == AuditEvent.Outcome.SUCCEEDED)
        .hasSize(8);
  }

  @Test
  void aBulkPasswordResetUnderRateLimitsAndOktaRefusalsAccountsForEveryUser() throws Exception {
    List<UserId> members = members(6);
    org = new ResetOrgWiring(directory(members), POLICY);
    org.sim.respondOnce(
        "POST", "/lifecycle/reset_password", org.rateLimited(Duration.ofSeconds(10)));
    org.sim.respondOnce(
        "POST",
        "/lifecycle/reset_password",
        ResetOrgWiring.oktaError(503, "E0000010", "Service is in read-only mode"));
    List<UserId> requested = new ArrayList<>(members);
    requested.addAll(List.of(ROOT, SAM));

    Report<ResetResult.Password> report =
        BulkReset.withConcurrency(2)
            .run(requested, user -> org.resets.resetPassword(user, PasswordReset.emailedLink()));

    assertThat(report.outcomes()).extracting(Outcome::user).containsExactlyElementsOf(requested);
    assertThat(report.count(Status.DONE)).isEqualTo(6);
    assertThat(report.count(Status.REFUSED)).isEqualTo(2);
    for (UserId member : members) {
      ResetResult.Password result = outcomeOf(report, member).result().orElseThrow();
      assertThat(result.emailSent()).isTrue();
      assertThat(result.resetLink()).isEmpty();
      assertThat(org.sim.directory().status(member.value())).isEqualTo("RECOVERY");
    }
    assertThat(org.sim.directory().changes()).hasSize(6);
    assertThat(org.sim.directory().status(ROOT.value())).isEqualTo("ACTIVE");
    assertThat(org.sim.directory().status(SAM.value())).isEqualTo("SUSPENDED");
    assertThat(org.calls("POST", "/lifecycle/reset_password"))
        .as("6 resets, ROOT and SAM, and the two answered 429 and 503 before their retry")
        .hasSize(10)
        .allSatisfy(c -> assertThat(c.url().queryParameter("sendEmail")).isEqualTo("true"));
  }

  private static <R extends org.workforceiam.core.ResetResult> Outcome<R> outcomeOf(
      Report<R> report, UserId user) {
    Optional<Outcome<R>> outcome =
        report.outcomes().stream().filter(o -> o.user().equals(user)).findFirst();
    assertThat(outcome).as("outcome of %s", user).isPresent();
    return outcome.get();
  }
}
