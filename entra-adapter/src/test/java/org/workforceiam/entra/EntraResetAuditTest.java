package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.entra.SimTenant.id;
import static org.workforceiam.entra.simulator.DemoTenant.ADA;
import static org.workforceiam.entra.simulator.DemoTenant.MARGARET;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.AuditEvent;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.TemporaryAccessPass;

/** Every attempt reaches the audit listener with its actor and outcome, and no secret. */
class EntraResetAuditTest {
  private final SimTenant entra = SimTenant.demo();
  private final ResetService agent = entra.resets().withActor("helpdesk-agent-7");

  @AfterEach
  void stop() {
    entra.close();
  }

  @Test
  void aSuccessIsAuditedWithTheActorOptionsAndRequestIdButNotThePassword() {
    ResetResult.Password result =
        agent.resetPassword(id(ADA), PasswordReset.temporaryPassword().withRevokeSessions(true));

    AuditEvent event = entra.events.get(0);
    assertThat(entra.events).hasSize(1);
    assertThat(event.actor()).contains("helpdesk-agent-7");
    assertThat(event.user()).isEqualTo(id(ADA));
    assertThat(event.operation()).isEqualTo(Operation.SET_TEMPORARY_PASSWORD);
    assertThat(event.options()).containsExactly(OperationOption.REVOKE_SESSIONS);
    assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED);
    assertThat(event.requestId()).isPresent();
    assertThat(event.toString()).doesNotContain(result.temporaryPassword().orElseThrow().reveal());
  }

  @Test
  void aRefusedAdministratorIsAuditedAsRefusedWithTheActor() {
    assertThatThrownBy(
            () ->
                agent.issueTemporaryAccessPass(
                    id(MARGARET), TemporaryAccessPass.usableOnce(Duration.ofMinutes(60))))
        .isInstanceOf(IamException.PermissionDenied.class);

    AuditEvent event = entra.events.get(0);
    assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.REFUSED);
    assertThat(event.actor()).contains("helpdesk-agent-7");
    assertThat(event.operation()).isEqualTo(Operation.ISSUE_TEMPORARY_ACCESS_PASS);
    assertThat(event.errorType()).contains("PermissionDenied");
  }

  @Test
  void aResetStoppedMidwayIsAuditedAsPartiallyApplied() {
    entra.sim.failNext(
        "DELETE", "/microsoftAuthenticatorMethods/a1000000-0000-4000-8000-000000000001", 500);

    assertThatThrownBy(() -> agent.resetMfa(id(ADA), MfaReset.allFactors()))
        .isInstanceOf(IamException.PartiallyApplied.class);

    assertThat(entra.events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.PARTIALLY_APPLIED);
              assertThat(event.operation()).isEqualTo(Operation.RESET_ALL_FACTORS);
            });
  }

  @Test
  void aPassIsAuditedWithoutThePass() {
    ResetResult.AccessPass pass =
        agent.issueTemporaryAccessPass(
            id(ADA), TemporaryAccessPass.usableOnce(Duration.ofHours(1)));

    assertThat(entra.events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED);
              assertThat(event.toString()).doesNotContain(pass.pass().reveal());
            });
  }
}
