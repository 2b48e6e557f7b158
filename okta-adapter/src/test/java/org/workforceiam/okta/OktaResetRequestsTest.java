package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.okta.ResetOrg.ADA;
import static org.workforceiam.okta.ResetOrg.ADA_PUSH;
import static org.workforceiam.okta.ResetOrg.ADA_SMS;
import static org.workforceiam.okta.ResetOrg.GRACE;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.SimDirectory;

/**
 * Each reset operation of the Okta client sends exactly the request Okta documents, returns what
 * Okta answered (secrets as {@link org.workforceiam.core.Secret}s) and changes the user as Okta
 * does. Every change is preceded by the group guard's membership read.
 */
class OktaResetRequestsTest {
  private static final String ADA_GROUPS = "GET /api/v1/users/00u1Ada/groups";

  private ResetOrg org;
  private OktaClient okta;
  private ResetService resets;

  @BeforeEach
  void start() throws Exception {
    org = ResetOrg.start();
    okta = org.client();
    resets = okta.resets(ResetOrg.EMPLOYEES);
  }

  @AfterEach
  void stop() {
    okta.close();
    org.close();
  }

  // ------------------------------------------------------------------ passwords

  @Test
  void aResetLinkSendsSendEmailFalseExplicitlyAndReturnsTheLinkAsASecret() {
    ResetResult.Password result = resets.resetPassword(ADA, PasswordReset.link());

    assertThat(org.apiRequests())
        .containsExactly(
            ADA_GROUPS,
            "POST /api/v1/users/00u1Ada/lifecycle/reset_password?sendEmail=false&revokeSessions=false");
    assertThat(result.user()).isEqualTo(ADA);
    assertThat(result.operation()).isEqualTo(Operation.RESET_PASSWORD_LINK);
    assertThat(result.resetLink()).isPresent();
    String link = result.resetLink().get().reveal();
    assertThat(link).startsWith(org.sim.orgUrl() + "/reset_password/drp00u1Ada");
    assertThat(result.toString()).doesNotContain(link);
    assertThat(result.emailSent()).isFalse();
    assertThat(result.temporaryPassword()).isEmpty();
    assertThat(result.sessionsRevoked()).isFalse();
    assertThat(result.requestId()).contains(org.lastChangeRequestId());
    assertThat(org.status(ADA)).isEqualTo("RECOVERY");
    assertThat(org.sim.directory().changes()).containsExactly("reset_password");
  }

  @Test
  void anEmailedResetLinkSendsSendEmailTrueAndReturnsNoLink() {
    ResetResult.Password result = resets.resetPassword(ADA, PasswordReset.emailedLink());

    assertThat(org.changeRequests())
        .containsExactly(
            "POST /api/v1/users/00u1Ada/lifecycle/reset_password?sendEmail=true&revokeSessions=false");
    assertThat(result.resetLink()).isEmpty();
    assertThat(result.emailSent()).isTrue();
    assertThat(org.status(ADA)).isEqualTo("RECOVERY");
  }

  @Test
  void aResetLinkThatEndsTheSessionsAsksOktaInTheSameCall() {
    ResetResult.Password result =
        resets.resetPassword(ADA, PasswordReset.emailedLink().withRevokeSessions(true));

    assertThat(org.changeRequests())
        .containsExactly(
            "POST /api/v1/users/00u1Ada/lifecycle/reset_password?sendEmail=true&revokeSessions=true");
    assertThat(result.sessionsRevoked()).isTrue();
    assertThat(org.sim.directory().sessionRevocations()).isEmpty();
  }

  @Test
  void aTemporaryPasswordUsesTheCurrentOperationAndIsReturnedAsASecret() {
    ResetResult.Password result = resets.resetPassword(ADA, PasswordReset.temporaryPassword());

    assertThat(org.apiRequests())
        .containsExactly(
            ADA_GROUPS,
            "POST /api/v1/users/00u1Ada/lifecycle/expire_password_with_temp_password"
                + "?revokeSessions=false");
    assertThat(result.operation()).isEqualTo(Operation.SET_TEMPORARY_PASSWORD);
    assertThat(result.temporaryPassword()).isPresent();
    String password = result.temporaryPassword().get().reveal();
    assertThat(password).startsWith("Tmp-00u1Ada-");
    assertThat(result.toString()).doesNotContain(password);
    assertThat(result.resetLink()).isEmpty();
    assertThat(result.emailSent()).isFalse();
    assertThat(result.requestId()).contains(org.lastChangeRequestId());
    assertThat(org.status(ADA)).isEqualTo("PASSWORD_EXPIRED");
  }

  @Test
  void aTemporaryPasswordThatEndsTheSessionsAsksOktaInTheSameCall() {
    ResetResult.Password result =
        resets.resetPassword(ADA, PasswordReset.temporaryPassword().withRevokeSessions(true));

    assertThat(org.changeRequests())
        .containsExactly(
            "POST /api/v1/users/00u1Ada/lifecycle/expire_password_with_temp_password"
                + "?revokeSessions=true");
    assertThat(result.sessionsRevoked()).isTrue();
  }

  @Test
  void expiringThePasswordSendsExpirePasswordWithoutParameters() {
    ResetResult.Password result = resets.resetPassword(ADA, PasswordReset.expire());

    assertThat(org.apiRequests())
        .containsExactly(ADA_GROUPS, "POST /api/v1/users/00u1Ada/lifecycle/expire_password");
    assertThat(result.operation()).isEqualTo(Operation.EXPIRE_PASSWORD);
    assertThat(result.resetLink()).isEmpty();
    assertThat(result.temporaryPassword()).isEmpty();
    assertThat(result.sessionsRevoked()).isFalse();
    assertThat(org.status(ADA)).isEqualTo("PASSWORD_EXPIRED");
    assertThat(org.sim.directory().sessionRevocations()).isEmpty();
  }

  @Test
  void expiringThePasswordAndEndingTheSessionsIsTwoCallsInOrder() {
    ResetResult.Password result =
        resets.resetPassword(ADA, PasswordReset.expire().withRevokeSessions(true));

    assertThat(org.apiRequests())
        .containsExactly(
            ADA_GROUPS,
            "POST /api/v1/users/00u1Ada/lifecycle/expire_password",
            "DELETE /api/v1/users/00u1Ada/sessions?oauthTokens=false&forgetDevices=false");
    assertThat(result.sessionsRevoked()).isTrue();
    assertThat(org.status(ADA)).isEqualTo("PASSWORD_EXPIRED");
    assertThat(org.sim.directory().revokedSessions())
        .containsExactly(new SimDirectory.RevokedSessions("00u1Ada", false, false));
  }

  // ------------------------------------------------------------------ MFA

  @Test
  void resettingAllFactorsListsThemResetsThemAndSaysWhich() {
    ResetResult.Mfa result = resets.resetMfa(ADA, MfaReset.allFactors());

    assertThat(org.apiRequests())
        .containsExactly(
            ADA_GROUPS,
            "GET /api/v1/users/00u1Ada/factors",
            "POST /api/v1/users/00u1Ada/lifecycle/reset_factors");
    assertThat(result.operation()).isEqualTo(Operation.RESET_ALL_FACTORS);
    assertThat(result.factorsReset()).containsExactly(ADA_SMS, ADA_PUSH);
    assertThat(result.requestId()).contains(org.lastChangeRequestId());
    assertThat(org.factorIds(ADA)).isEmpty();
    assertThat(org.status(ADA)).isEqualTo("ACTIVE");
  }

  @Test
  void removingOneFactorDeletesOnlyThatFactor() {
    ResetResult.Mfa result = resets.resetMfa(ADA, MfaReset.factor(ADA_PUSH));

    assertThat(org.apiRequests())
        .containsExactly(ADA_GROUPS, "DELETE /api/v1/users/00u1Ada/factors/opf1Ada");
    assertThat(result.operation()).isEqualTo(Operation.RESET_FACTOR);
    assertThat(result.factorsReset()).containsExactly(ADA_PUSH);
    assertThat(org.factorIds(ADA)).containsExactly(ADA_SMS.value());
  }

  @Test
  void removingAnSmsFactorCanAlsoRemoveThePhoneAsARecoveryMethod() {
    ResetResult.Mfa result =
        resets.resetMfa(ADA, MfaReset.factor(ADA_SMS).with(OktaOptions.REMOVE_RECOVERY_ENROLLMENT));

    assertThat(org.changeRequests())
        .containsExactly(
            "DELETE /api/v1/users/00u1Ada/factors/sms1Ada?removeRecoveryEnrollment=true");
    assertThat(result.factorsReset()).containsExactly(ADA_SMS);
    assertThat(org.factorIds(ADA)).containsExactly(ADA_PUSH.value());
  }

  // ------------------------------------------------------------------ unlock and sessions

  @Test
  void unlockingSendsUnlockAndTheUserIsActiveAgain() {
    ResetResult.Unlock result = resets.unlock(GRACE);

    assertThat(org.apiRequests())
        .containsExactly(
            "GET /api/v1/users/00u2Grace/groups", "POST /api/v1/users/00u2Grace/lifecycle/unlock");
    assertThat(result.user()).isEqualTo(GRACE);
    assertThat(result.status()).isEqualTo(EmployeeStatus.ACTIVE);
    assertThat(result.requestId()).contains(org.lastChangeRequestId());
    assertThat(org.status(GRACE)).isEqualTo("ACTIVE");
  }

  static Stream<Arguments> sessionRevocations() {
    return Stream.of(
        Arguments.of(
            SessionRevocation.sessionsOnly(),
            "DELETE /api/v1/users/00u1Ada/sessions?oauthTokens=false&forgetDevices=false"),
        Arguments.of(
            SessionRevocation.sessionsOnly().withOauthTokens(true),
            "DELETE /api/v1/users/00u1Ada/sessions?oauthTokens=true&forgetDevices=false"),
        Arguments.of(
            SessionRevocation.sessionsOnly().with(OktaOptions.FORGET_DEVICES),
            "DELETE /api/v1/users/00u1Ada/sessions?oauthTokens=false&forgetDevices=true"),
        Arguments.of(
            SessionRevocation.sessionsOnly().withOauthTokens(true).with(OktaOptions.FORGET_DEVICES),
            "DELETE /api/v1/users/00u1Ada/sessions?oauthTokens=true&forgetDevices=true"));
  }

  @ParameterizedTest
  @MethodSource("sessionRevocations")
  void endingSessionsStatesBothOptionsAndOktaDoesExactlyThat(
      SessionRevocation revocation, String request) {
    ResetResult.Sessions result = resets.revokeSessions(ADA, revocation);

    assertThat(org.apiRequests()).containsExactly(ADA_GROUPS, request);
    assertThat(result.user()).isEqualTo(ADA);
    assertThat(result.oauthTokensRevoked()).isEqualTo(revocation.oauthTokens());
    assertThat(result.options()).isEqualTo(revocation.options());
    assertThat(result.requestId()).contains(org.lastChangeRequestId());
    assertThat(org.sim.directory().revokedSessions())
        .containsExactly(
            new SimDirectory.RevokedSessions(
                "00u1Ada",
                revocation.oauthTokens(),
                revocation.options().contains(OktaOptions.FORGET_DEVICES)));
  }

  // ------------------------------------------------------------------ who is changed

  @Test
  void aLoginIsResolvedToTheUsersIdWithOneLookupAndTheResetUsesTheId() {
    UserId resolved = okta.directory().find("ada@example.com").map(Employee::id).orElseThrow();

    assertThat(org.apiRequests()).containsExactly("GET /api/v1/users/ada%40example.com");
    resets.resetPassword(resolved, PasswordReset.expire());
    assertThat(org.changeRequests())
        .containsExactly("POST /api/v1/users/00u1Ada/lifecycle/expire_password");
  }

  // ------------------------------------------------------------------ capabilities

  @Test
  void theCapabilitiesAreExactlyTheOperationsOktaOffers() {
    Map<Operation, Set<OperationOption>> expected = new EnumMap<>(Operation.class);
    expected.put(
        Operation.RESET_PASSWORD_LINK,
        Set.of(OperationOption.SEND_EMAIL, OperationOption.REVOKE_SESSIONS));
    expected.put(Operation.SET_TEMPORARY_PASSWORD, Set.of(OperationOption.REVOKE_SESSIONS));
    expected.put(Operation.EXPIRE_PASSWORD, Set.of(OperationOption.REVOKE_SESSIONS));
    expected.put(Operation.RESET_ALL_FACTORS, Set.of());
    expected.put(Operation.RESET_FACTOR, Set.of(OktaOptions.REMOVE_RECOVERY_ENROLLMENT));
    expected.put(Operation.UNLOCK, Set.of());
    expected.put(
        Operation.REVOKE_SESSIONS,
        Set.of(OperationOption.REVOKE_OAUTH_TOKENS, OktaOptions.FORGET_DEVICES));

    assertThat(resets.capabilities().operations()).isEqualTo(expected);
    assertThat(org.sim.calls()).as("capabilities are known without asking Okta").isEmpty();
  }
}
