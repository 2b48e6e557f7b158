package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.workforceiam.okta.ResetOrg.ADA;
import static org.workforceiam.okta.ResetOrg.ADA_SMS;
import static org.workforceiam.okta.ResetOrg.GRACE;
import static org.workforceiam.okta.ResetOrg.LINUS;
import static org.workforceiam.okta.ResetOrg.PHONE;
import static org.workforceiam.okta.ResetOrg.ROOT;
import static org.workforceiam.okta.ResetOrg.SAM;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;

/**
 * A dry run resolves the user, runs the same guard as the change (capability, then membership),
 * asks Okta (through the user's {@code _links}) whether it offers the operation now, and reports
 * the exact requests it would send, changing nothing.
 */
class OktaDryRunTest {
  private ResetOrg org;
  private OktaClient okta;
  private DryRuns dryRuns;

  @BeforeEach
  void start() throws Exception {
    org = ResetOrg.start();
    okta = org.client();
    dryRuns = okta.dryRuns(ResetOrg.EMPLOYEES);
  }

  @AfterEach
  void stop() {
    okta.close();
    org.close();
  }

  @Test
  void aDryRunReportsTheExactRequestAndChangesNothing() {
    DryRun dryRun = dryRuns.resetPassword(ADA, PasswordReset.link());

    assertThat(dryRun.user()).isEqualTo(ADA);
    assertThat(dryRun.operation()).isEqualTo(Operation.RESET_PASSWORD_LINK);
    assertThat(dryRun.options()).isEmpty();
    assertThat(dryRun.requests())
        .containsExactly(
            DryRun.Request.of(
                "POST",
                "/api/v1/users/00u1Ada/lifecycle/reset_password?sendEmail=false&revokeSessions=false"));
    assertThat(dryRun.available()).contains(true);
    assertThat(org.apiRequests())
        .as("reads only: the guard's membership read and the user with its links")
        .containsExactly("GET /api/v1/users/00u1Ada/groups", "GET /api/v1/users/00u1Ada");
    assertThat(org.status(ADA)).isEqualTo("ACTIVE");
    assertThat(org.sim.directory().changes()).isEmpty();
    assertThat(org.audit).as("nothing was attempted").isEmpty();
  }

  @Test
  void aDryRunListsEveryRequestInOrder() {
    DryRun expire = dryRuns.resetPassword(ADA, PasswordReset.expire().withRevokeSessions(true));
    DryRun temporary = dryRuns.resetPassword(ADA, PasswordReset.temporaryPassword());
    DryRun emailed =
        dryRuns.resetPassword(ADA, PasswordReset.emailedLink().withRevokeSessions(true));
    DryRun factor =
        dryRuns.resetMfa(
            ADA, MfaReset.factor(ADA_SMS).with(OktaOptions.REMOVE_RECOVERY_ENROLLMENT));
    DryRun factors = dryRuns.resetMfa(ADA, MfaReset.allFactors());
    DryRun sessions =
        dryRuns.revokeSessions(
            ADA,
            SessionRevocation.sessionsOnly()
                .withOauthTokens(true)
                .with(OktaOptions.FORGET_DEVICES));
    DryRun unlock = dryRuns.unlock(GRACE);

    assertThat(expire.requests())
        .containsExactly(
            DryRun.Request.of("POST", "/api/v1/users/00u1Ada/lifecycle/expire_password"),
            DryRun.Request.of(
                "DELETE", "/api/v1/users/00u1Ada/sessions?oauthTokens=false&forgetDevices=false"));
    assertThat(expire.options()).containsExactly(OperationOption.REVOKE_SESSIONS);
    assertThat(temporary.requests())
        .containsExactly(
            DryRun.Request.of(
                "POST",
                "/api/v1/users/00u1Ada/lifecycle/expire_password_with_temp_password"
                    + "?revokeSessions=false"));
    assertThat(emailed.requests())
        .containsExactly(
            DryRun.Request.of(
                "POST",
                "/api/v1/users/00u1Ada/lifecycle/reset_password?sendEmail=true&revokeSessions=true"));
    assertThat(emailed.options())
        .isEqualTo(Set.of(OperationOption.SEND_EMAIL, OperationOption.REVOKE_SESSIONS));
    assertThat(factor.requests())
        .containsExactly(
            DryRun.Request.of(
                "DELETE", "/api/v1/users/00u1Ada/factors/sms1Ada?removeRecoveryEnrollment=true"));
    assertThat(factors.requests())
        .containsExactly(
            DryRun.Request.of("POST", "/api/v1/users/00u1Ada/lifecycle/reset_factors"));
    assertThat(sessions.requests())
        .containsExactly(
            DryRun.Request.of(
                "DELETE", "/api/v1/users/00u1Ada/sessions?oauthTokens=true&forgetDevices=true"));
    assertThat(unlock.requests())
        .containsExactly(DryRun.Request.of("POST", "/api/v1/users/00u2Grace/lifecycle/unlock"));

    assertThat(org.sim.apiCalls()).allSatisfy(c -> assertThat(c.method()).isEqualTo("GET"));
    assertThat(org.sim.directory().changes()).isEmpty();
    assertThat(org.sim.directory().sessionRevocations()).isEmpty();
    assertThat(org.factorIds(ADA)).hasSize(2);
    assertThat(org.status(GRACE)).isEqualTo("LOCKED_OUT");
  }

  @Test
  void aDryRunSaysWhetherOktaOffersTheOperationForTheUserNow() {
    assertThat(dryRuns.unlock(GRACE).available()).as("locked out").contains(true);
    assertThat(dryRuns.unlock(ADA).available()).as("not locked out").contains(false);
    assertThat(dryRuns.resetMfa(ADA, MfaReset.allFactors()).available())
        .as("factors enrolled")
        .contains(true);
    assertThat(dryRuns.resetMfa(GRACE, MfaReset.allFactors()).available())
        .as("no factor enrolled")
        .contains(false);
    assertThat(dryRuns.resetPassword(SAM, PasswordReset.link()).available())
        .as("suspended")
        .contains(false);
    assertThat(dryRuns.resetPassword(ADA, PasswordReset.temporaryPassword()).available())
        .contains(true);
    assertThat(dryRuns.resetPassword(ADA, PasswordReset.expire()).available()).contains(true);
    assertThat(dryRuns.resetPassword(ROOT, PasswordReset.link()).available())
        .as("the app's role may not act on a more privileged admin")
        .contains(false);
  }

  @Test
  void aDryRunSaysNothingAboutAvailabilityWhereOktaShowsNoLink() {
    assertThat(dryRuns.resetMfa(ADA, MfaReset.factor(ADA_SMS)).available()).isEmpty();
    assertThat(dryRuns.revokeSessions(ADA, SessionRevocation.sessionsOnly()).available()).isEmpty();
  }

  @Test
  void aDryRunForANonMemberIsStillARefusal() {
    assertThatThrownBy(() -> dryRuns.resetPassword(LINUS, PasswordReset.link()))
        .isInstanceOfSatisfying(
            IamException.PermissionDenied.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(IamException.PermissionDenied.Reason.OUTSIDE_GROUP))
        .hasMessage(
            "user 00u5Linus is not a member of group 00gEmployees, the only group this client may"
                + " change; nothing was changed");
    assertThatThrownBy(() -> dryRuns.unlock(LINUS))
        .isInstanceOf(IamException.PermissionDenied.class);

    assertThat(org.apiRequests())
        .containsExactly(
            "GET /api/v1/users/00u5Linus/groups", "GET /api/v1/users/00u5Linus/groups");
    assertThat(org.audit).as("a dry run is never audited").isEmpty();
  }

  /** A dry run of one kind of change, named for parameterized tests. */
  interface Plan {
    DryRun apply(DryRuns dryRuns, UserId user);
  }

  static Stream<Arguments> everyChangeWithItsDryRun() {
    return Stream.of(
        both(
            "reset link",
            (d, u) -> d.resetPassword(u, PasswordReset.link()),
            (s, u) -> s.resetPassword(u, PasswordReset.link())),
        both(
            "temporary password",
            (d, u) -> d.resetPassword(u, PasswordReset.temporaryPassword()),
            (s, u) -> s.resetPassword(u, PasswordReset.temporaryPassword())),
        both(
            "expire and end sessions",
            (d, u) -> d.resetPassword(u, PasswordReset.expire().withRevokeSessions(true)),
            (s, u) -> s.resetPassword(u, PasswordReset.expire().withRevokeSessions(true))),
        both(
            "reset all factors",
            (d, u) -> d.resetMfa(u, MfaReset.allFactors()),
            (s, u) -> s.resetMfa(u, MfaReset.allFactors())),
        both(
            "remove one factor",
            (d, u) -> d.resetMfa(u, MfaReset.factor(PHONE)),
            (s, u) -> s.resetMfa(u, MfaReset.factor(PHONE))),
        both("unlock", DryRuns::unlock, ResetService::unlock),
        both(
            "end sessions",
            (d, u) -> d.revokeSessions(u, SessionRevocation.sessionsOnly().withOauthTokens(true)),
            (s, u) -> s.revokeSessions(u, SessionRevocation.sessionsOnly().withOauthTokens(true))));
  }

  private static Arguments both(String name, Plan plan, ResetOrg.Change change) {
    return Arguments.of(name, plan, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyChangeWithItsDryRun")
  void aDryRunOfANonMemberThrowsWhatTheChangeThrowsAndSendsNoChange(
      String name, Plan plan, ResetOrg.Change change) {
    IamException.PermissionDenied planned =
        catchThrowableOfType(IamException.PermissionDenied.class, () -> plan.apply(dryRuns, LINUS));
    assertThat(org.changeRequests()).as("the dry run sent no change").isEmpty();
    assertThat(org.audit).as("the dry run attempted nothing").isEmpty();

    IamException.PermissionDenied changed =
        catchThrowableOfType(
            IamException.PermissionDenied.class,
            () -> change.apply(okta.resets(ResetOrg.EMPLOYEES), LINUS));

    assertThat(planned).isNotNull();
    assertThat(changed).isNotNull();
    assertThat(planned.reason())
        .isEqualTo(changed.reason())
        .isEqualTo(IamException.PermissionDenied.Reason.OUTSIDE_GROUP);
    assertThat(planned).hasMessage(changed.getMessage());
    assertThat(planned.getMessage()).endsWith("; nothing was changed");
    assertThat(org.apiRequests())
        .as("each asked only whether the user is a member")
        .containsExactly(
            "GET /api/v1/users/00u5Linus/groups", "GET /api/v1/users/00u5Linus/groups");
    assertThat(org.status(LINUS)).isEqualTo("LOCKED_OUT");
    assertThat(org.factorIds(LINUS)).containsExactly(PHONE.value());
    assertThat(org.sim.directory().changes()).isEmpty();
    assertThat(org.sim.directory().sessionRevocations()).isEmpty();
  }

  @Test
  void aDryRunForAnUnknownUserIsNotFound() {
    assertThatThrownBy(() -> dryRuns.resetPassword(UserId.of("00uNobody"), PasswordReset.link()))
        .isInstanceOf(IamException.NotFound.class);
  }

  @Test
  void aDryRunIsGuardedByTheGroupItWasAskedForAndNoOther() {
    DryRuns contractors = okta.dryRuns(GroupId.of("00gContractors"));

    assertThat(contractors.unlock(LINUS).available()).as("a locked-out member").contains(true);
    assertThatThrownBy(() -> contractors.unlock(GRACE))
        .isInstanceOf(IamException.PermissionDenied.class)
        .hasMessageStartingWith("user 00u2Grace is not a member of group 00gContractors");
    assertThat(org.changeRequests()).isEmpty();
    assertThat(org.status(LINUS)).isEqualTo("LOCKED_OUT");
  }

  @Test
  void aDryRunNeedsAnOktaGroupIdLikeTheChangeItself() {
    assertThatThrownBy(() -> okta.dryRuns(GroupId.of("not-okta")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'not-okta' is not an Okta group id");
    assertThatThrownBy(() -> okta.dryRuns(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("group == null");
    assertThat(org.sim.calls()).isEmpty();
  }
}
