package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.workforceiam.entra.SimTenant.id;
import static org.workforceiam.entra.SimTenant.user;
import static org.workforceiam.entra.simulator.DemoTenant.ADA;

import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.IamException;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.TemporaryAccessPass;
import org.workforceiam.entra.simulator.DemoTenant;

/**
 * What a temporary password, a session revocation and a Temporary Access Pass send to Graph, in
 * order, and what they return, against the simulated tenant.
 */
class EntraResetRequestsTest {
  private static final String ADA_PATH = user(ADA);

  /** The reads every change makes first: membership, then the privileged-user check. */
  private static final java.util.List<String> CHECKS_OF_ADA =
      java.util.List.of(
          "POST " + ADA_PATH + "/checkMemberGroups",
          "GET "
              + ADA_PATH
              + "/transitiveMemberOf/microsoft.graph.directoryRole"
              + "?$select=id,displayName,roleTemplateId",
          "GET "
              + ADA_PATH
              + "/transitiveMemberOf/microsoft.graph.group"
              + "?$select=id,isAssignableToRole",
          "GET /v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '"
              + ADA
              + "'&$select=id,principalId,roleDefinitionId,directoryScopeId",
          "GET /v1.0/roleManagement/directory/roleEligibilitySchedules?$filter=principalId eq '"
              + ADA
              + "'&$select=id,principalId,roleDefinitionId,directoryScopeId");

  private final SimTenant entra = SimTenant.demo();

  @AfterEach
  void stop() {
    entra.close();
  }

  // ------------------------------------------------------------------ temporary password

  @Test
  void aTemporaryPasswordIsOnePatchOfThePasswordProfileAfterTheChecks() {
    ResetResult.Password result =
        entra.resets().resetPassword(id(ADA), PasswordReset.temporaryPassword());

    assertThat(entra.graphLines())
        .containsExactlyElementsOf(concat(CHECKS_OF_ADA, java.util.List.of("PATCH " + ADA_PATH)));
    Map<String, Object> body = SimTenant.json(entra.bodyOf("PATCH " + ADA_PATH));
    assertThat(body).containsOnlyKeys("passwordProfile");
    @SuppressWarnings("unchecked")
    Map<String, Object> profile = (Map<String, Object>) body.get("passwordProfile");
    String password = result.temporaryPassword().orElseThrow().reveal();
    assertThat(profile)
        .containsExactly(
            Map.entry("password", password), Map.entry("forceChangePasswordNextSignIn", true));
    assertThat(entra.tenant().password(ADA)).contains(password);
    assertThat(entra.tenant().mustChangePassword(ADA)).isTrue();
    assertThat(result.operation())
        .isEqualTo(org.workforceiam.core.Operation.SET_TEMPORARY_PASSWORD);
    assertThat(result.sessionsRevoked()).isFalse();
    assertThat(result.resetLink()).isEmpty();
    assertThat(result.requestId()).isPresent();
    assertThat(result.toString()).doesNotContain(password);
  }

  @Test
  void theTemporaryPasswordIsLongStrongAndNewEachTime() {
    String first =
        entra
            .resets()
            .resetPassword(id(ADA), PasswordReset.temporaryPassword())
            .temporaryPassword()
            .orElseThrow()
            .reveal();
    String second =
        entra
            .resets()
            .resetPassword(id(ADA), PasswordReset.temporaryPassword())
            .temporaryPassword()
            .orElseThrow()
            .reveal();

    assertThat(first).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(second);
    assertThat(first)
        .containsPattern("[A-Z]")
        .containsPattern("[a-z]")
        .containsPattern("[0-9]")
        .containsPattern("[^A-Za-z0-9]");
  }

  @Test
  void revokingSessionsWithTheTemporaryPasswordComesAfterTheChange() {
    ResetResult.Password result =
        entra
            .resets()
            .resetPassword(id(ADA), PasswordReset.temporaryPassword().withRevokeSessions(true));

    assertThat(entra.writes())
        .containsExactly("PATCH " + ADA_PATH, "POST " + ADA_PATH + "/revokeSignInSessions");
    assertThat(result.sessionsRevoked()).isTrue();
    assertThat(result.temporaryPassword()).isPresent();
    assertThat(entra.tenant().sessionRevocations()).containsExactly(ADA);
  }

  @Test
  void aRevocationRefusedAfterThePasswordIsPartiallyAppliedAndStillHandsOverThePassword() {
    entra.sim.respondOnce(
        "POST",
        "/revokeSignInSessions",
        graphError(403, "Authorization_RequestDenied", "Insufficient privileges."));

    IamException.PartiallyApplied e =
        catchThrowableOfType(
            IamException.PartiallyApplied.class,
            () ->
                entra
                    .resets()
                    .resetPassword(
                        id(ADA), PasswordReset.temporaryPassword().withRevokeSessions(true)));

    assertThat(e.applied()).containsExactly("SET_TEMPORARY_PASSWORD");
    assertThat(e.failedStep()).isEqualTo("REVOKE_SESSIONS");
    assertThat(e.notAttempted()).isEmpty();
    assertThat(e.getCause()).isInstanceOf(IamException.PermissionDenied.class);
    ResetResult.Password set = (ResetResult.Password) e.result().orElseThrow();
    String password = set.temporaryPassword().orElseThrow().reveal();
    assertThat(entra.tenant().password(ADA)).contains(password);
    assertThat(set.sessionsRevoked()).isFalse();
    assertThat(set.user()).isEqualTo(id(ADA));
    assertThat(e.getMessage()).doesNotContain(password).contains("is in force");
    assertThat(entra.tenant().sessionRevocations()).isEmpty();
  }

  @Test
  void aRevocationWhoseAnswerIsLostIsSentOnceAndThePasswordStillReachesTheCaller() {
    entra.sim.dropConnectionAfterNext("POST", "/revokeSignInSessions");

    IamException.PartiallyApplied e =
        catchThrowableOfType(
            IamException.PartiallyApplied.class,
            () ->
                entra
                    .resets()
                    .resetPassword(
                        id(ADA), PasswordReset.temporaryPassword().withRevokeSessions(true)));

    assertThat(e.getCause()).isInstanceOf(IamException.OutcomeUnknown.class);
    assertThat(e.result()).isPresent();
    assertThat(entra.writes())
        .containsExactly("PATCH " + ADA_PATH, "POST " + ADA_PATH + "/revokeSignInSessions");
  }

  @Test
  void aPasswordChangeRefusedForWantOfADirectoryRoleIsPermissionDeniedAndChangesNothing() {
    try (SimTenant noRole = SimTenant.start(DemoTenant.directory(), b -> b.appRoles())) {
      IamException.PermissionDenied e =
          catchThrowableOfType(
              IamException.PermissionDenied.class,
              () ->
                  noRole
                      .resets()
                      .resetPassword(
                          id(ADA), PasswordReset.temporaryPassword().withRevokeSessions(true)));

      assertThat(e.reason()).isEqualTo(IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW);
      assertThat(e.getMessage()).contains("Helpdesk");
      assertThat(noRole.writes()).containsExactly("PATCH " + ADA_PATH);
      assertThat(noRole.tenant().password(ADA)).isEmpty();
    }
  }

  // ------------------------------------------------------------------ sessions

  @Test
  void revokingSessionsIsOnePostAndAlwaysRevokesTheRefreshTokens() {
    ResetResult.Sessions result =
        entra.resets().revokeSessions(id(ADA), SessionRevocation.sessionsOnly());

    assertThat(entra.graphLines())
        .containsExactlyElementsOf(
            concat(CHECKS_OF_ADA, java.util.List.of("POST " + ADA_PATH + "/revokeSignInSessions")));
    assertThat(entra.bodyOf("POST " + ADA_PATH + "/revokeSignInSessions")).isEmpty();
    assertThat(result.oauthTokensRevoked()).isTrue();
    assertThat(result.options()).containsExactly(OperationOption.REVOKE_OAUTH_TOKENS);
    assertThat(entra.tenant().sessionRevocations()).containsExactly(ADA);
  }

  @Test
  void revokingSessionsAcceptsTheOauthTokensOption() {
    ResetResult.Sessions result =
        entra
            .resets()
            .revokeSessions(id(ADA), SessionRevocation.sessionsOnly().withOauthTokens(true));

    assertThat(result.oauthTokensRevoked()).isTrue();
    assertThat(entra.writes()).containsExactly("POST " + ADA_PATH + "/revokeSignInSessions");
  }

  @Test
  void aRevocationAnsweredWithTheDocumented204IsASuccess() {
    entra.sim.respondOnce(
        "POST", "/revokeSignInSessions", new MockResponse.Builder().code(204).build());

    ResetResult.Sessions result =
        entra.resets().revokeSessions(id(ADA), SessionRevocation.sessionsOnly());

    assertThat(result.user()).isEqualTo(id(ADA));
  }

  @Test
  void aRevocationAnsweredFalseIsAProtocolViolationNotASuccess() {
    entra.sim.respondOnce(
        "POST",
        "/revokeSignInSessions",
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .setHeader("request-id", "req-false")
            .body("{\"@odata.context\":\"x\",\"value\":false}")
            .build());

    IamException.ProtocolViolation e =
        catchThrowableOfType(
            IamException.ProtocolViolation.class,
            () -> entra.resets().revokeSessions(id(ADA), SessionRevocation.sessionsOnly()));

    assertThat(e.getMessage()).contains("\"value\": false").contains("requestId");
    assertThat(entra.events)
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.outcome())
                    .isEqualTo(org.workforceiam.core.AuditEvent.Outcome.FAILED));
  }

  // ------------------------------------------------------------------ Temporary Access Pass

  @Test
  void aTemporaryAccessPassIsOnePostWithItsLifetimeAndComesBackOnce() {
    ResetResult.AccessPass pass =
        entra
            .resets()
            .issueTemporaryAccessPass(
                id(ADA), TemporaryAccessPass.usableOnce(Duration.ofMinutes(60)));

    String post = "POST " + ADA_PATH + "/authentication/temporaryAccessPassMethods";
    assertThat(entra.writes()).containsExactly(post);
    assertThat(SimTenant.json(entra.bodyOf(post)))
        .containsExactly(Map.entry("lifetimeInMinutes", 60.0), Map.entry("isUsableOnce", true));
    assertThat(entra.tenant().temporaryAccessPass(ADA)).contains(pass.pass().reveal());
    assertThat(pass.lifetime()).isEqualTo(Duration.ofMinutes(60));
    assertThat(pass.usableOnce()).isTrue();
    assertThat(pass.startsAt()).isPresent();
    assertThat(pass.requestId()).isPresent();
    assertThat(pass.toString()).doesNotContain(pass.pass().reveal());
  }

  @Test
  void aReusablePassWhereThePolicyAllowsOneIsReusable() {
    entra.tenant().temporaryAccessPassPolicy(10, 480, 60, false);

    ResetResult.AccessPass pass =
        entra
            .resets()
            .issueTemporaryAccessPass(id(ADA), TemporaryAccessPass.reusable(Duration.ofHours(8)));

    assertThat(pass.usableOnce()).isFalse();
    assertThat(pass.lifetime()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void aLifetimeOutsideTheTenantPolicyIsInvalidStateNamingThePolicyAndChangesNothing() {
    entra.tenant().temporaryAccessPassPolicy(60, 480, 60, true);

    IamException.InvalidState e =
        catchThrowableOfType(
            IamException.InvalidState.class,
            () ->
                entra
                    .resets()
                    .issueTemporaryAccessPass(
                        id(ADA), TemporaryAccessPass.usableOnce(Duration.ofMinutes(500))));

    assertThat(e.getMessage())
        .contains("Invalid LifetimeInMinutes specified. The valid range between 60 and 480.")
        .contains("Temporary Access Pass policy");
    assertThat(e.httpStatus()).hasValue(400);
    assertThat(entra.tenant().temporaryAccessPass(ADA)).isEmpty();
    assertThat(entra.tenant().changes()).isEmpty();
  }

  @Test
  void aReusablePassWhereThePolicyAllowsOnlyOneTimePassesIsInvalidState() {
    IamException.InvalidState e =
        catchThrowableOfType(
            IamException.InvalidState.class,
            () ->
                entra
                    .resets()
                    .issueTemporaryAccessPass(
                        id(ADA), TemporaryAccessPass.reusable(Duration.ofMinutes(60))));

    assertThat(e.getMessage()).contains("isUsableOnce must be true");
    assertThat(entra.tenant().temporaryAccessPass(ADA)).isEmpty();
  }

  @Test
  void aTemporaryAccessPassAnswerWithoutThePassIsOutcomeUnknown() {
    entra.sim.respondOnce(
        "POST",
        "/temporaryAccessPassMethods",
        new MockResponse.Builder()
            .code(201)
            .setHeader("Content-Type", "application/json")
            .body("{\"id\":\"x\",\"lifetimeInMinutes\":60}")
            .build());

    IamException.OutcomeUnknown e =
        catchThrowableOfType(
            IamException.OutcomeUnknown.class,
            () ->
                entra
                    .resets()
                    .issueTemporaryAccessPass(
                        id(ADA), TemporaryAccessPass.usableOnce(Duration.ofMinutes(60))));

    assertThat(e.getMessage()).contains("issue a new one");
  }

  // ------------------------------------------------------------------ helpers

  static MockResponse graphError(int status, String code, String message) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("request-id", "req-" + status)
        .body(
            "{\"error\":{\"code\":\""
                + code
                + "\",\"message\":\""
                + message
                + "\",\"innerError\":{\"request-id\":\"req-"
                + status
                + "\"}}}")
        .build();
  }

  private static java.util.List<String> concat(
      java.util.List<String> first, java.util.List<String> second) {
    java.util.List<String> all = new java.util.ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
