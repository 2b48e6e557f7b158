package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.entra.SimTenant.id;
import static org.workforceiam.entra.simulator.DemoTenant.ADA;
import static org.workforceiam.entra.simulator.DemoTenant.LINUS;
import static org.workforceiam.entra.simulator.DemoTenant.MARGARET;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.TemporaryAccessPass;
import org.workforceiam.core.UserId;
import org.workforceiam.entra.simulator.AuthMethod;

/**
 * A dry run passes the same checks as the change (ids and capabilities, group guard, privileged
 * users), lists the requests that would change something, and changes nothing.
 */
class EntraDryRunTest {
  private static final String ADA_PATH = "/v1.0/users/" + ADA;

  private final SimTenant entra = SimTenant.demo();
  private final DryRuns dryRuns = entra.client.dryRuns(SimTenant.EMPLOYEES);

  @AfterEach
  void stop() {
    entra.close();
  }

  @Test
  void aTemporaryPasswordWithRevocationPlansThePatchThenThePost() {
    DryRun plan =
        dryRuns.resetPassword(id(ADA), PasswordReset.temporaryPassword().withRevokeSessions(true));

    assertThat(plan.user()).isEqualTo(id(ADA));
    assertThat(plan.operation()).isEqualTo(Operation.SET_TEMPORARY_PASSWORD);
    assertThat(plan.requests())
        .containsExactly(
            DryRun.Request.of("PATCH", ADA_PATH),
            DryRun.Request.of("POST", ADA_PATH + "/revokeSignInSessions"));
    assertThat(plan.available()).isEmpty();
    assertThat(entra.writes()).isEmpty();
    assertThat(entra.tenant().changes()).isEmpty();
    assertThat(entra.events).isEmpty();
  }

  @Test
  void anMfaResetReadsTheMethodsAndPlansEveryDeleteInOrder() {
    DryRun plan = dryRuns.resetMfa(id(ADA), MfaReset.allFactors());

    String auth = ADA_PATH + "/authentication/";
    assertThat(plan.requests())
        .containsExactly(
            DryRun.Request.of("DELETE", auth + "fido2Methods/Q2pTZWN1cml0eUtleUFkYQ"),
            DryRun.Request.of(
                "DELETE",
                auth + "microsoftAuthenticatorMethods/a1000000-0000-4000-8000-000000000001"),
            DryRun.Request.of(
                "DELETE", auth + "phoneMethods/" + AuthMethod.ALTERNATE_MOBILE_PHONE_ID),
            DryRun.Request.of("DELETE", auth + "phoneMethods/" + AuthMethod.MOBILE_PHONE_ID));
    assertThat(entra.graphLines()).contains("GET " + auth + "methods");
    assertThat(entra.writes()).isEmpty();
    assertThat(entra.tenant().methods(ADA)).hasSize(5);
  }

  @Test
  void oneMethodPlansItsDeleteAndAnUnknownOneIsNotFoundAsInTheChange() {
    DryRun plan =
        dryRuns.resetMfa(id(ADA), MfaReset.factor(FactorId.of(AuthMethod.MOBILE_PHONE_ID)));

    assertThat(plan.requests())
        .containsExactly(
            DryRun.Request.of(
                "DELETE", ADA_PATH + "/authentication/phoneMethods/" + AuthMethod.MOBILE_PHONE_ID));
    assertThatThrownBy(
            () ->
                dryRuns.resetMfa(
                    id(ADA), MfaReset.factor(FactorId.of("00000000-0000-4000-8000-00000000dead"))))
        .isInstanceOf(IamException.NotFound.class);
  }

  @Test
  void aUserWithoutMethodsPlansNoRequest() {
    entra.resets().resetMfa(id(ADA), MfaReset.allFactors());

    assertThat(dryRuns.resetMfa(id(ADA), MfaReset.allFactors()).requests()).isEmpty();
  }

  @Test
  void sessionsAndAccessPassesPlanTheirPost() {
    assertThat(dryRuns.revokeSessions(id(ADA), SessionRevocation.sessionsOnly()).requests())
        .containsExactly(DryRun.Request.of("POST", ADA_PATH + "/revokeSignInSessions"));
    assertThat(
            dryRuns
                .issueTemporaryAccessPass(
                    id(ADA), TemporaryAccessPass.usableOnce(Duration.ofMinutes(60)))
                .requests())
        .containsExactly(
            DryRun.Request.of("POST", ADA_PATH + "/authentication/temporaryAccessPassMethods"));
    assertThat(entra.tenant().changes()).isEmpty();
  }

  @Test
  void whatGraphHasNoApiForIsRefusedBeforeAnyRequestAsInTheChange() {
    assertThatThrownBy(() -> dryRuns.unlock(id(ADA)))
        .isInstanceOf(IamException.OperationNotSupported.class);
    assertThatThrownBy(() -> dryRuns.resetPassword(id(ADA), PasswordReset.link()))
        .isInstanceOf(IamException.OperationNotSupported.class);
    assertThatThrownBy(() -> dryRuns.resetPassword(id(ADA), PasswordReset.expire()))
        .isInstanceOf(IamException.OperationNotSupported.class);
    assertThat(entra.sim.calls()).isEmpty();
  }

  static Stream<Arguments> everyChangeWithItsDryRun() {
    return Stream.of(
        both(
            "password",
            u -> d -> d.resetPassword(u, PasswordReset.temporaryPassword()),
            u -> r -> r.resetPassword(u, PasswordReset.temporaryPassword())),
        both(
            "mfa",
            u -> d -> d.resetMfa(u, MfaReset.allFactors()),
            u -> r -> r.resetMfa(u, MfaReset.allFactors())),
        both(
            "sessions",
            u -> d -> d.revokeSessions(u, SessionRevocation.sessionsOnly()),
            u -> r -> r.revokeSessions(u, SessionRevocation.sessionsOnly())),
        both(
            "pass",
            u ->
                d ->
                    d.issueTemporaryAccessPass(
                        u, TemporaryAccessPass.usableOnce(Duration.ofMinutes(60))),
            u ->
                r ->
                    r.issueTemporaryAccessPass(
                        u, TemporaryAccessPass.usableOnce(Duration.ofMinutes(60)))));
  }

  private static Arguments both(
      String name,
      Function<UserId, Function<DryRuns, Object>> dryRun,
      Function<UserId, Function<ResetService, Object>> change) {
    return Arguments.of(name, dryRun, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyChangeWithItsDryRun")
  void aDryRunRefusesAnAdministratorAndANonMemberExactlyAsTheChangeDoes(
      String name,
      Function<UserId, Function<DryRuns, Object>> dryRun,
      Function<UserId, Function<ResetService, Object>> change) {
    for (String user : new String[] {MARGARET, LINUS}) {
      Throwable planned = catchThrowable(() -> dryRun.apply(id(user)).apply(dryRuns));
      Throwable changed = catchThrowable(() -> change.apply(id(user)).apply(entra.resets()));

      assertThat(planned).isInstanceOf(IamException.PermissionDenied.class);
      assertThat(planned).hasSameClassAs(changed).hasMessage(changed.getMessage());
      assertThat(((IamException.PermissionDenied) planned).reason())
          .isEqualTo(((IamException.PermissionDenied) changed).reason());
    }
    assertThat(entra.writes()).isEmpty();
  }

  @Test
  void aDryRunForAnUnknownUserIsNotFound() {
    assertThatThrownBy(
            () ->
                dryRuns.revokeSessions(
                    UserId.of("00000000-0000-4000-8000-0000000000ff"),
                    SessionRevocation.sessionsOnly()))
        .isInstanceOf(IamException.NotFound.class);
  }

  @Test
  void aDryRunNeedsAnObjectIdLikeTheChange() {
    assertThatThrownBy(
            () ->
                dryRuns.revokeSessions(
                    UserId.of("ada@contoso.example"), SessionRevocation.sessionsOnly()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> entra.client.dryRuns(org.workforceiam.core.GroupId.of("00gEmployees")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(entra.sim.calls()).isEmpty();
  }

  private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
    return org.assertj.core.api.Assertions.catchThrowable(c);
  }
}
