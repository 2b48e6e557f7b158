package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.workforceiam.okta.ResetOrg.ADA;
import static org.workforceiam.okta.ResetOrg.GRACE;
import static org.workforceiam.okta.ResetOrg.LINUS;
import static org.workforceiam.okta.ResetOrg.PHONE;
import static org.workforceiam.okta.ResetOrg.ROOT;
import static org.workforceiam.okta.ResetOrg.SAM;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.workforceiam.core.AuditEvent;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.core.SessionRevocation;

/**
 * What keeps a helpdesk change safe: Okta's refusals become typed errors that say what to do, the
 * group guard stops a change to a non-member before anything is sent, a change whose outcome cannot
 * be known is never repeated and says how to check it, and every attempt is audited once without
 * its secrets.
 */
class OktaResetSafetyTest {
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

  static Stream<Arguments> everyChange() {
    return ResetOrg.everyChange().stream();
  }

  // ------------------------------------------------------------------ Okta's refusals

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyChange")
  void aUserWithAHigherAdminRoleIsRefusedWithTheCausesAndTheFix(
      String name, ResetOrg.Change change) {
    assertThatThrownBy(() -> change.apply(resets, ROOT))
        .isInstanceOfSatisfying(
            IamException.PermissionDenied.class,
            e -> {
              assertThat(e.reason())
                  .isEqualTo(IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW);
              assertThat(e.errorCode()).contains("E0000006");
              assertThat(e.httpStatus()).hasValue(403);
              assertThat(e.requestId()).contains(org.lastChangeRequestId());
              assertThat(e.isRetryable()).isFalse();
            })
        .hasMessageContaining("the app's role does not allow this operation on this user")
        .hasMessageContaining("more privileged admin role")
        .hasMessageContaining("outside the role's groups")
        .hasMessageContaining("setting a temporary password for an active user")
        .hasMessageContaining("give the app a custom admin role with the needed permissions");

    assertThat(org.changeRequests()).as("one change was asked for and refused").hasSize(1);
    assertThat(org.sim.directory().changes()).isEmpty();
    assertThat(org.sim.directory().sessionRevocations()).isEmpty();
    assertThat(org.status(ROOT)).isEqualTo("ACTIVE");
    assertThat(org.factorIds(ROOT)).containsExactly(PHONE.value());
  }

  @ParameterizedTest(name = "{0} {1} on {2}")
  @CsvSource({
    "403, E0000038, reset_password",
    "403, E0000017, reset_password",
    "403, E0000032, unlock",
    "400, E0000001, expire_password",
    "403, E0000038, reset_factors",
    "400, E0000001, expire_password_with_temp_password"
  })
  void aWrongStatusAnswerOnALifecycleCallIsInvalidStateNamingTheUsersStatus(
      int status, String code, String operation) {
    org.sim.respondOnce(
        "POST", "/lifecycle/" + operation, oktaError(status, code, "Not allowed right now."));

    assertThatThrownBy(() -> change(operation))
        .isInstanceOfSatisfying(
            IamException.InvalidState.class,
            e -> {
              assertThat(e.currentStatus()).contains("ACTIVE");
              assertThat(e.errorCode()).contains(code);
              assertThat(e.httpStatus()).hasValue(status);
              assertThat(e.requestId()).contains(org.lastChangeRequestId());
            })
        .hasMessageContaining("for user 00u1Ada in status ACTIVE: Not allowed right now.")
        .hasMessageContaining("nothing was changed");
    assertThat(org.status(ADA)).isEqualTo("ACTIVE");
    assertThat(org.sim.directory().changes()).isEmpty();
  }

  private void change(String operation) {
    switch (operation) {
      case "reset_password" -> resets.resetPassword(ADA, PasswordReset.link());
      case "unlock" -> resets.unlock(ADA);
      case "expire_password" -> resets.resetPassword(ADA, PasswordReset.expire());
      case "expire_password_with_temp_password" ->
          resets.resetPassword(ADA, PasswordReset.temporaryPassword());
      case "reset_factors" -> resets.resetMfa(ADA, MfaReset.allFactors());
      default -> throw new AssertionError(operation);
    }
  }

  @Test
  void aSuspendedUserIsInvalidStateNamingSuspended() {
    assertThatThrownBy(() -> resets.resetPassword(SAM, PasswordReset.temporaryPassword()))
        .isInstanceOfSatisfying(
            IamException.InvalidState.class,
            e -> {
              assertThat(e.currentStatus()).contains("SUSPENDED");
              assertThat(e.errorCode()).contains("E0000038");
            })
        .hasMessageContaining(
            "Okta does not allow a temporary password for user 00u4Sam in status SUSPENDED");
    assertThat(org.status(SAM)).isEqualTo("SUSPENDED");
  }

  @Test
  void unlockingAUserWhoIsNotLockedOutIsInvalidStateNamingTheStatus() {
    assertThatThrownBy(() -> resets.unlock(ADA))
        .isInstanceOfSatisfying(
            IamException.InvalidState.class,
            e -> {
              assertThat(e.currentStatus()).contains("ACTIVE");
              assertThat(e.errorCode()).contains("E0000032");
            })
        .hasMessageContaining("Okta does not allow an unlock for user 00u1Ada in status ACTIVE");
  }

  // ------------------------------------------------------------------ the group guard

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyChange")
  void aNonMemberIsRefusedBeforeAnyChangeIsSent(String name, ResetOrg.Change change) {
    assertThatThrownBy(() -> change.apply(resets, LINUS))
        .isInstanceOfSatisfying(
            IamException.PermissionDenied.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(IamException.PermissionDenied.Reason.OUTSIDE_GROUP))
        .hasMessageStartingWith(
            "user 00u5Linus is not a member of group 00gEmployees, the only group this client may"
                + " change; nothing was changed");

    assertThat(org.apiRequests())
        .as("the only request: the membership read")
        .containsExactly("GET /api/v1/users/00u5Linus/groups");
    assertThat(org.status(LINUS)).isEqualTo("LOCKED_OUT");
    assertThat(org.factorIds(LINUS)).containsExactly(PHONE.value());
    assertThat(org.sim.directory().changes()).isEmpty();
    assertThat(org.sim.directory().sessionRevocations()).isEmpty();
    assertThat(org.audit)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.user()).isEqualTo(LINUS);
              assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.REFUSED);
              assertThat(event.errorType()).contains("PermissionDenied");
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyChange")
  void aServiceIsGuardedByTheGroupItWasAskedForAndNoOther(String name, ResetOrg.Change change) {
    ResetService contractors = okta.resets(GroupId.of("00gContractors"));

    assertThatThrownBy(() -> change.apply(contractors, ADA))
        .isInstanceOfSatisfying(
            IamException.PermissionDenied.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(IamException.PermissionDenied.Reason.OUTSIDE_GROUP))
        .hasMessageStartingWith("user 00u1Ada is not a member of group 00gContractors");
    assertThat(org.apiRequests()).containsExactly("GET /api/v1/users/00u1Ada/groups");
    assertThat(org.sim.directory().changes()).isEmpty();
    assertThat(org.sim.directory().sessionRevocations()).isEmpty();
    assertThat(org.audit)
        .singleElement()
        .satisfies(event -> assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.REFUSED));
  }

  @Test
  void aGroupIdThatIsNotOktasIsRefusedWhenTheServiceIsAskedForBeforeAnyCall() {
    assertThatThrownBy(() -> okta.resets(GroupId.of("not-okta")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'not-okta' is not an Okta group id")
        .hasMessageContaining("start with 00g");
    assertThatThrownBy(() -> okta.resets(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("group == null");

    assertThat(org.sim.calls()).isEmpty();
    assertThat(org.audit).isEmpty();
  }

  // ------------------------------------------------------------------ outcome unknown

  @Test
  void aLostAnswerToALifecycleCallIsOutcomeUnknownAndTheCallIsNotRepeated() {
    OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(250)).build();
    try (OktaClient client = org.client(impatient)) {
      client
          .directory()
          .findById(ADA); // the token and DPoP handshake, before the answer is held back
      org.sim.loseNextAnswer("POST", "/lifecycle/reset_password", Duration.ofMillis(1500));

      assertThatThrownBy(
              () -> client.resets(ResetOrg.EMPLOYEES).resetPassword(ADA, PasswordReset.link()))
          .isInstanceOf(IamException.OutcomeUnknown.class)
          .hasMessageContaining("POST /api/v1/users/00u1Ada/lifecycle/reset_password")
          .hasMessageContaining("may or may not have taken effect")
          .hasMessageContaining("check the user's current status and the Okta System Log")
          .hasMessageContaining("before repeating it");
    } finally {
      impatient.dispatcher().executorService().shutdown();
      impatient.connectionPool().evictAll();
    }

    assertThat(org.changeRequests())
        .as("sent once, never repeated")
        .containsExactly(
            "POST /api/v1/users/00u1Ada/lifecycle/reset_password?sendEmail=false&revokeSessions=false");
    assertThat(org.status(ADA)).as("Okta did act").isEqualTo("RECOVERY");
    assertThat(org.audit)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.operation()).isEqualTo(Operation.RESET_PASSWORD_LINK);
              assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.OUTCOME_UNKNOWN);
              assertThat(event.errorType()).contains("OutcomeUnknown");
            });
  }

  @Test
  void aServerErrorOnALifecycleCallIsOutcomeUnknownWithTheRequestIdToSearchFor() {
    org.sim.respondOnce("POST", "/lifecycle/unlock", oktaError(500, "E0000009", "Internal"));

    assertThatThrownBy(() -> resets.unlock(GRACE))
        .isInstanceOfSatisfying(
            IamException.OutcomeUnknown.class,
            e -> {
              assertThat(e.requestId()).contains(org.lastChangeRequestId());
              assertThat(e.isRetryable()).isFalse();
            })
        .hasMessageContaining("POST /api/v1/users/00u2Grace/lifecycle/unlock failed at Okta")
        .hasMessageContaining("may or may not have taken effect")
        .hasMessageContaining("check the user's status")
        .hasMessageContaining(
            "search the Okta System Log for request id " + org.lastChangeRequestId());

    assertThat(org.changeRequests())
        .containsExactly("POST /api/v1/users/00u2Grace/lifecycle/unlock");
    assertThat(org.audit)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.OUTCOME_UNKNOWN);
              assertThat(event.requestId()).contains(org.lastChangeRequestId());
              assertThat(event.errorCode()).contains("E0000009");
            });
  }

  @ParameterizedTest
  @CsvSource({"502", "503", "504"})
  void aGatewayFailureWithoutOktasBodyIsOutcomeUnknownAndNotRepeated(int status) {
    org.sim.respondOnce(
        "DELETE",
        "/factors/" + ResetOrg.ADA_SMS.value(),
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", "text/html")
            .body("<html>gateway</html>")
            .build());

    assertThatThrownBy(() -> resets.resetMfa(ADA, MfaReset.factor(ResetOrg.ADA_SMS)))
        .isInstanceOf(IamException.OutcomeUnknown.class)
        .hasMessageContaining("(HTTP " + status + ")");
    assertThat(org.changeRequests()).hasSize(1);
  }

  @Test
  void whenEndingTheSessionsFailsAfterTheExpiryTheErrorSaysThePasswordWasExpired() {
    org.sim.respondOnce("DELETE", "/sessions", oktaError(403, "E0000006", "No permission"));

    assertThatThrownBy(
            () -> resets.resetPassword(ADA, PasswordReset.expire().withRevokeSessions(true)))
        .isInstanceOfSatisfying(
            IamException.PartiallyApplied.class,
            e -> {
              assertThat(e.applied()).containsExactly("EXPIRE_PASSWORD");
              assertThat(e.failedStep()).isEqualTo("REVOKE_SESSIONS");
              assertThat(e.notAttempted()).isEmpty();
              assertThat(e.getCause())
                  .as("refused: the sessions were certainly not ended")
                  .isInstanceOf(IamException.PermissionDenied.class);
              assertThat(e.requestId()).contains(org.lastChangeRequestId());
            })
        .hasMessageContaining(
            "the password of user 00u1Ada was expired, but ending the sessions failed");

    assertThat(org.status(ADA)).isEqualTo("PASSWORD_EXPIRED");
    assertThat(org.audit)
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.outcome())
                    .as("not REFUSED or FAILED: those mean nothing changed")
                    .isEqualTo(AuditEvent.Outcome.PARTIALLY_APPLIED));
  }

  @Test
  void aSuccessWithoutTheResetLinkIsOutcomeUnknownNotAFailure() {
    org.sim.respondOnce(
        "POST",
        "/lifecycle/reset_password",
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body("{}")
            .build());

    assertThatThrownBy(() -> resets.resetPassword(ADA, PasswordReset.link()))
        .isInstanceOf(IamException.OutcomeUnknown.class)
        .hasMessageContaining("lacks resetPasswordUrl")
        .hasMessageContaining("check the user before repeating it");
    assertThat(org.audit)
        .singleElement()
        .satisfies(
            event -> assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.OUTCOME_UNKNOWN));
  }

  @Test
  void anOktaRefusalOf503IsNotOutcomeUnknown() {
    OktaClient once = org.builder().retryPolicy(RetryPolicy.none()).build();
    try (once) {
      org.sim.respondOnce(
          "POST", "/lifecycle/unlock", oktaError(503, "E0000010", "Service is in read-only mode"));

      assertThatThrownBy(() -> once.resets(ResetOrg.EMPLOYEES).unlock(GRACE))
          .isInstanceOf(IamException.ProviderUnavailable.class)
          .hasMessageContaining("read-only mode");
    }
    assertThat(org.status(GRACE)).isEqualTo("LOCKED_OUT");
    assertThat(org.audit)
        .singleElement()
        .satisfies(event -> assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.FAILED));
  }

  // ------------------------------------------------------------------ audit

  @Test
  void everyAttemptIsAuditedOnceWithItsTargetOptionsOutcomeAndOktasRequestId() {
    resets.resetPassword(ADA, PasswordReset.emailedLink().withRevokeSessions(true));
    String resetId = org.lastChangeRequestId();
    attempt(() -> resets.unlock(LINUS));
    attempt(() -> resets.resetPassword(ROOT, PasswordReset.link()));
    String refusedId = org.lastChangeRequestId();
    attempt(() -> resets.resetPassword(SAM, PasswordReset.link()));
    String invalidId = org.lastChangeRequestId();
    resets.revokeSessions(GRACE, SessionRevocation.sessionsOnly().with(OktaOptions.FORGET_DEVICES));
    String sessionsId = org.lastChangeRequestId();

    assertThat(org.audit)
        .extracting(
            AuditEvent::user,
            AuditEvent::operation,
            AuditEvent::options,
            AuditEvent::outcome,
            AuditEvent::errorCode,
            AuditEvent::requestId)
        .containsExactly(
            tuple(
                ADA,
                Operation.RESET_PASSWORD_LINK,
                Set.of(OperationOption.SEND_EMAIL, OperationOption.REVOKE_SESSIONS),
                AuditEvent.Outcome.SUCCEEDED,
                Optional.empty(),
                Optional.of(resetId)),
            tuple(
                LINUS,
                Operation.UNLOCK,
                Set.of(),
                AuditEvent.Outcome.REFUSED,
                Optional.empty(),
                Optional.empty()),
            tuple(
                ROOT,
                Operation.RESET_PASSWORD_LINK,
                Set.of(),
                AuditEvent.Outcome.REFUSED,
                Optional.of("E0000006"),
                Optional.of(refusedId)),
            tuple(
                SAM,
                Operation.RESET_PASSWORD_LINK,
                Set.of(),
                AuditEvent.Outcome.REFUSED,
                Optional.of("E0000038"),
                Optional.of(invalidId)),
            tuple(
                GRACE,
                Operation.REVOKE_SESSIONS,
                Set.of(OktaOptions.FORGET_DEVICES),
                AuditEvent.Outcome.SUCCEEDED,
                Optional.empty(),
                Optional.of(sessionsId)));
    assertThat(org.audit)
        .extracting(AuditEvent::errorType)
        .containsExactly(
            Optional.empty(),
            Optional.of("PermissionDenied"),
            Optional.of("PermissionDenied"),
            Optional.of("InvalidState"),
            Optional.empty());
  }

  @Test
  void auditEventsNeverHoldAResetLinkOrATemporaryPassword() {
    ResetResult.Password link = resets.resetPassword(ADA, PasswordReset.link());
    ResetResult.Password temporary = resets.resetPassword(GRACE, PasswordReset.temporaryPassword());
    List<String> secrets =
        List.of(
            link.resetLink().orElseThrow().reveal(),
            temporary.temporaryPassword().orElseThrow().reveal());

    assertThat(org.audit).hasSize(2);
    for (AuditEvent event : org.audit) {
      for (String secret : secrets) {
        assertThat(event.toString()).doesNotContain(secret);
        assertThat(event.requestId().orElseThrow()).doesNotContain(secret);
      }
    }
  }

  private static void attempt(Runnable change) {
    try {
      change.run();
    } catch (RuntimeException expected) {
      // audited either way
    }
  }

  static MockResponse oktaError(int status, String code, String summary) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(
            "{\"errorCode\":\""
                + code
                + "\",\"errorSummary\":\""
                + summary
                + "\",\"errorLink\":\""
                + code
                + "\",\"errorId\":\"oae"
                + code
                + "\",\"errorCauses\":[]}")
        .build();
  }
}
