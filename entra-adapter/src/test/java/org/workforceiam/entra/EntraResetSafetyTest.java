package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.workforceiam.entra.SimTenant.id;
import static org.workforceiam.entra.simulator.DemoTenant.ADA;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.workforceiam.core.AuditEvent;
import org.workforceiam.core.Capabilities;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.TemporaryAccessPass;
import org.workforceiam.core.UserId;

/**
 * What Entra cannot do is refused before any request, not even the token's; a write is never sent
 * twice where Graph may have acted; ids are checked before anything is sent.
 */
class EntraResetSafetyTest {
  /** Okta's own option, by value: Entra must refuse it as it refuses any other provider's. */
  private static final OperationOption OKTA_FORGET_DEVICES =
      OperationOption.of("okta", "FORGET_DEVICES");

  private final SimTenant entra = SimTenant.demo();

  @AfterEach
  void stop() {
    entra.close();
  }

  @Test
  void theCapabilitiesAreExactlyWhatGraphCanDo() {
    assertThat(entra.resets().capabilities())
        .isEqualTo(
            Capabilities.builder()
                .operation(Operation.SET_TEMPORARY_PASSWORD, OperationOption.REVOKE_SESSIONS)
                .operation(Operation.RESET_ALL_FACTORS)
                .operation(Operation.RESET_FACTOR)
                .operation(Operation.REVOKE_SESSIONS, OperationOption.REVOKE_OAUTH_TOKENS)
                .operation(Operation.ISSUE_TEMPORARY_ACCESS_PASS)
                .build());
  }

  static Stream<Arguments> whatEntraCannotDo() {
    return Stream.of(
        refused("a reset link", r -> u -> r.resetPassword(u, PasswordReset.link()), "self-service"),
        refused(
            "an emailed link", r -> u -> r.resetPassword(u, PasswordReset.emailedLink()), "LINK"),
        refused(
            "expiring the password",
            r -> u -> r.resetPassword(u, PasswordReset.expire()),
            "SET_TEMPORARY_PASSWORD"),
        refused("an unlock", r -> u -> r.unlock(u), "lockout"),
        refused(
            "Okta's forget devices",
            r ->
                u ->
                    r.revokeSessions(u, SessionRevocation.sessionsOnly().with(OKTA_FORGET_DEVICES)),
            "okta:FORGET_DEVICES"),
        refused(
            "Okta's recovery enrollment",
            r ->
                u ->
                    r.resetMfa(
                        u,
                        MfaReset.allFactors()
                            .with(OperationOption.of("okta", "REMOVE_RECOVERY_ENROLLMENT"))),
            "REMOVE_RECOVERY_ENROLLMENT"),
        refused(
            "revoking sessions with an MFA reset",
            r -> u -> r.resetMfa(u, MfaReset.allFactors().with(OperationOption.REVOKE_SESSIONS)),
            "REVOKE_SESSIONS"));
  }

  private static Arguments refused(
      String name, Function<ResetService, Function<UserId, Object>> change, String named) {
    return Arguments.of(name, change, named);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("whatEntraCannotDo")
  void whatEntraCannotDoIsRefusedBeforeAnyRequestNotEvenTheToken(
      String name, Function<ResetService, Function<UserId, Object>> change, String named) {
    IamException.OperationNotSupported e =
        catchThrowableOfType(
            IamException.OperationNotSupported.class,
            () -> change.apply(entra.resets()).apply(id(ADA)));

    assertThat(e.getMessage()).contains(named).contains("nothing was sent");
    assertThat(entra.sim.calls()).isEmpty();
    assertThat(entra.sim.tokenRequests()).isZero();
    assertThat(entra.events)
        .singleElement()
        .satisfies(event -> assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.REFUSED));
  }

  @Test
  void aMalformedUserIdIsRefusedBeforeAnyRequest() {
    for (String bad : new String[] {"..", "%2e%2e", "ada@contoso.example", "00u1Ada"}) {
      assertThatThrownBy(
              () -> entra.resets().revokeSessions(UserId.of(bad), SessionRevocation.sessionsOnly()))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> entra.client.resets(org.workforceiam.core.GroupId.of("00gEmployees")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(entra.sim.calls()).isEmpty();
  }

  @Test
  void aPasswordChangeWhoseAnswerIsLostIsOutcomeUnknownAndSentOnce() {
    entra.sim.dropConnectionAfterNext("PATCH", "/users/" + ADA);

    assertThatThrownBy(
            () -> entra.resets().resetPassword(id(ADA), PasswordReset.temporaryPassword()))
        .isInstanceOf(IamException.OutcomeUnknown.class);
    assertThat(entra.writes()).containsExactly("PATCH /v1.0/users/" + ADA);
    // The change took effect; only its answer was lost.
    assertThat(entra.tenant().password(ADA)).isPresent();
    assertThat(entra.events)
        .singleElement()
        .satisfies(
            event -> assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.OUTCOME_UNKNOWN));
  }

  @Test
  void aPassWhoseAnswerIsLostIsOutcomeUnknownAndSentOnce() {
    entra.sim.dropConnectionAfterNext("POST", "/temporaryAccessPassMethods");

    assertThatThrownBy(
            () ->
                entra
                    .resets()
                    .issueTemporaryAccessPass(
                        id(ADA), TemporaryAccessPass.usableOnce(Duration.ofMinutes(60))))
        .isInstanceOf(IamException.OutcomeUnknown.class);
    assertThat(entra.writes())
        .containsExactly("POST /v1.0/users/" + ADA + "/authentication/temporaryAccessPassMethods");
  }

  @Test
  void aServerErrorAnsweringARevocationIsOutcomeUnknownAndNotRepeated() {
    entra.sim.failNext("POST", "/revokeSignInSessions", 502);

    assertThatThrownBy(
            () -> entra.resets().revokeSessions(id(ADA), SessionRevocation.sessionsOnly()))
        .isInstanceOf(IamException.OutcomeUnknown.class)
        .hasMessageContaining("may or may not have taken effect");
    assertThat(entra.writes()).containsExactly("POST /v1.0/users/" + ADA + "/revokeSignInSessions");
  }

  @Test
  void aThrottledWriteIsSentAgainSinceGraphDidNotAct() {
    entra.sim.throttleNext("POST", "/revokeSignInSessions", Duration.ofSeconds(1));

    entra.resets().revokeSessions(id(ADA), SessionRevocation.sessionsOnly());

    assertThat(entra.sim.graphCalls())
        .filteredOn(c -> c.path().endsWith("/revokeSignInSessions"))
        .extracting(c -> c.status())
        .containsExactly(429, 200);
    assertThat(entra.tenant().sessionRevocations()).containsExactly(ADA);
  }

  @Test
  void aDeletionWhoseConnectionWasNeverMadeIsNotTakenForADeletion() {
    entra.sim.dropConnectionBeforeNext("DELETE", "/fido2Methods/Q2pTZWN1cml0eUtleUFkYQ");

    assertThatThrownBy(() -> entra.resets().resetMfa(id(ADA), MfaReset.allFactors()))
        .isInstanceOf(IamException.class);
    assertThat(entra.tenant().methods(ADA)).hasSize(5);
  }
}
