package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.okta.ResetOrg.ADA;
import static org.workforceiam.okta.ResetOrg.ADA_SMS;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.AuditEvent;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.TemporaryAccessPass;

/**
 * What Okta lacks (a Temporary Access Pass, an option in the wrong place, another provider's
 * option) is refused with {@link IamException.OperationNotSupported} before anything is sent: by
 * the client's guarded service, by its dry runs, and by Okta's reset service on its own, without
 * the guard.
 */
class OktaRefusesWhatItLacksTest {
  private static final TemporaryAccessPass PASS =
      TemporaryAccessPass.usableOnce(Duration.ofMinutes(60));

  /** Changes Okta does not support, each refused before any request. */
  private static final List<Consumer<ResetService>> UNSUPPORTED =
      List.of(
          resets -> resets.issueTemporaryAccessPass(ADA, PASS),
          resets ->
              resets.resetMfa(
                  ADA, MfaReset.allFactors().with(OktaOptions.REMOVE_RECOVERY_ENROLLMENT)),
          resets ->
              resets.revokeSessions(
                  ADA, SessionRevocation.sessionsOnly().with(OperationOption.of("entra", "X"))),
          resets ->
              resets.resetPassword(
                  ADA, PasswordReset.temporaryPassword().with(OktaOptions.FORGET_DEVICES)));

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
  void oktasCapabilitiesHaveNoTemporaryAccessPassAndOnlyItsOwnOptions() {
    ResetService resets = okta.resets(ResetOrg.EMPLOYEES);
    assertThat(resets.capabilities().supports(Operation.ISSUE_TEMPORARY_ACCESS_PASS)).isFalse();
    assertThat(
            resets.capabilities().supports(Operation.REVOKE_SESSIONS, OktaOptions.FORGET_DEVICES))
        .isTrue();
    assertThat(OktaOptions.FORGET_DEVICES).hasToString("okta:FORGET_DEVICES");
    assertThat(OktaOptions.REMOVE_RECOVERY_ENROLLMENT.provider()).contains("okta");
  }

  @Test
  void theGuardedServiceRefusesBeforeAnyRequestAndAuditsTheRefusal() {
    ResetService resets = okta.resets(ResetOrg.EMPLOYEES);

    for (Consumer<ResetService> change : UNSUPPORTED) {
      assertThatThrownBy(() -> change.accept(resets))
          .isInstanceOf(IamException.OperationNotSupported.class)
          .hasMessageContaining("does not support");
    }

    assertThat(org.sim.calls()).as("not even a token or a membership check").isEmpty();
    assertThat(org.audit)
        .hasSize(UNSUPPORTED.size())
        .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.REFUSED));
    assertThat(org.audit.get(0).operation()).isEqualTo(Operation.ISSUE_TEMPORARY_ACCESS_PASS);
  }

  @Test
  void oktasOwnResetServiceRefusesWithoutTheGuardBeforeAnyRequest() {
    OktaConnection connection = okta.connection();
    ResetService plain =
        new OktaResets(connection.orgUrl(), connection.api(), connection.directory());

    for (Consumer<ResetService> change : UNSUPPORTED) {
      assertThatThrownBy(() -> change.accept(plain))
          .isInstanceOf(IamException.OperationNotSupported.class);
    }

    assertThat(org.sim.calls()).isEmpty();
    assertThat(org.factorIds(ADA)).contains(ADA_SMS.value());
  }

  @Test
  void aDryRunOfATemporaryAccessPassIsRefusedAsTheChangeIs() {
    assertThatThrownBy(() -> okta.dryRuns(ResetOrg.EMPLOYEES).issueTemporaryAccessPass(ADA, PASS))
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessageContaining("ISSUE_TEMPORARY_ACCESS_PASS");
    assertThat(org.sim.calls()).isEmpty();
  }
}
