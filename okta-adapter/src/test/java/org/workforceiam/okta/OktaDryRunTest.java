package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.okta.ResetOrg.ADA;
import static org.workforceiam.okta.ResetOrg.ADA_SMS;
import static org.workforceiam.okta.ResetOrg.GRACE;
import static org.workforceiam.okta.ResetOrg.LINUS;
import static org.workforceiam.okta.ResetOrg.ROOT;
import static org.workforceiam.okta.ResetOrg.SAM;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;

/**
 * A dry run resolves the user, runs the guard and the capability check, asks Okta (through the
 * user's {@code _links}) whether it offers the operation now, and reports the exact requests it
 * would send, changing nothing.
 */
class OktaDryRunTest {
  private ResetOrg org;
  private OktaClient okta;

  @BeforeEach
  void start() throws Exception {
    org = ResetOrg.start();
    okta = org.client();
  }

  @AfterEach
  void stop() {
    okta.close();
    org.close();
  }

  @Test
  void aDryRunReportsTheExactRequestAndChangesNothing() {
    DryRun dryRun = okta.dryRun(ADA, PasswordReset.link());

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
    DryRun expire = okta.dryRun(ADA, PasswordReset.expire().withRevokeSessions(true));
    DryRun temporary = okta.dryRun(ADA, PasswordReset.temporaryPassword());
    DryRun emailed = okta.dryRun(ADA, PasswordReset.emailedLink().withRevokeSessions(true));
    DryRun factor = okta.dryRun(ADA, MfaReset.factor(ADA_SMS).withRemoveRecoveryEnrollment(true));
    DryRun factors = okta.dryRun(ADA, MfaReset.allFactors());
    DryRun sessions =
        okta.dryRun(
            ADA, SessionRevocation.sessionsOnly().withOauthTokens(true).withForgetDevices(true));
    DryRun unlock = okta.dryRunUnlock(GRACE);

    assertThat(expire.requests())
        .containsExactly(
            DryRun.Request.of("POST", "/api/v1/users/00u1Ada/lifecycle/expire_password"),
            DryRun.Request.of("DELETE", "/api/v1/users/00u1Ada/sessions"));
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
    assertThat(okta.dryRunUnlock(GRACE).available()).as("locked out").contains(true);
    assertThat(okta.dryRunUnlock(ADA).available()).as("not locked out").contains(false);
    assertThat(okta.dryRun(ADA, MfaReset.allFactors()).available())
        .as("factors enrolled")
        .contains(true);
    assertThat(okta.dryRun(GRACE, MfaReset.allFactors()).available())
        .as("no factor enrolled")
        .contains(false);
    assertThat(okta.dryRun(SAM, PasswordReset.link()).available()).as("suspended").contains(false);
    assertThat(okta.dryRun(ADA, PasswordReset.temporaryPassword()).available()).contains(true);
    assertThat(okta.dryRun(ADA, PasswordReset.expire()).available()).contains(true);
    assertThat(okta.dryRun(ROOT, PasswordReset.link()).available())
        .as("the app's role may not act on a more privileged admin")
        .contains(false);
  }

  @Test
  void aDryRunSaysNothingAboutAvailabilityWhereOktaShowsNoLink() {
    assertThat(okta.dryRun(ADA, MfaReset.factor(ADA_SMS)).available()).isEmpty();
    assertThat(okta.dryRun(ADA, SessionRevocation.sessionsOnly()).available()).isEmpty();
  }

  @Test
  void aDryRunForANonMemberIsStillARefusal() {
    assertThatThrownBy(() -> okta.dryRun(LINUS, PasswordReset.link()))
        .isInstanceOfSatisfying(
            IamException.PermissionDenied.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(IamException.PermissionDenied.Reason.OUTSIDE_GROUP))
        .hasMessageContaining("user 00u5Linus is not a member of group 00gEmployees");
    assertThatThrownBy(() -> okta.dryRunUnlock(LINUS))
        .isInstanceOf(IamException.PermissionDenied.class);

    assertThat(org.apiRequests())
        .containsExactly(
            "GET /api/v1/users/00u5Linus/groups", "GET /api/v1/users/00u5Linus/groups");
  }

  @Test
  void aDryRunForAnUnknownUserIsNotFound() {
    assertThatThrownBy(() -> okta.dryRun(UserId.of("00uNobody"), PasswordReset.link()))
        .isInstanceOf(IamException.NotFound.class);
  }

  @Test
  void aDryRunNeedsAClientWithAGroupLikeTheChangeItself() {
    try (OktaClient unscoped = org.unscopedBuilder().build()) {
      assertThatThrownBy(() -> unscoped.dryRun(ADA, PasswordReset.link()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("groupId(");
      assertThatThrownBy(() -> unscoped.dryRunUnlock(ADA))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(org.sim.calls()).isEmpty();
  }
}
