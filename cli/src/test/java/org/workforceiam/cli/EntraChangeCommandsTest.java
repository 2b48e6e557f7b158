package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedTenant.ADA;
import static org.workforceiam.cli.SimulatedTenant.ADA_UPN;
import static org.workforceiam.cli.SimulatedTenant.ALAN;
import static org.workforceiam.cli.SimulatedTenant.GRACE;
import static org.workforceiam.cli.SimulatedTenant.GROUP;
import static org.workforceiam.cli.SimulatedTenant.KATHERINE;
import static org.workforceiam.cli.SimulatedTenant.LINUS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.entra.simulator.AuthMethod;
import org.workforceiam.entra.simulator.DemoTenant;
import org.workforceiam.entra.simulator.SimulatedEntra;

/**
 * The change commands with {@code --provider entra} through the CLI's entry point against the
 * simulated tenant and the real Entra adapter: what each prints, the exact requests it sends, its
 * exit code, its audit lines, and that no temporary password or access pass reaches stderr or the
 * audit log.
 */
class EntraChangeCommandsTest extends EntraTenantTest {
  private static final String GRACE_UPN = "grace@" + DemoTenant.DOMAIN;
  private static final String USERS = "/v1.0/users/";
  private static final List<String> PASSWORD_KEYS =
      List.of("userId", "action", "resetUrl", "emailSent", "tempPassword", "sessionsRevoked");

  @Test
  void aTemporaryPasswordIsSetWithOnePatchAndPrintedOnStdoutOnly() {
    CliRun reset = entra.run("reset-password", ADA_UPN, "--mode", "temp");

    assertThat(reset.code()).as("%s", reset).isZero();
    Map<String, Object> json = reset.json();
    assertThat(json)
        .containsOnlyKeys(PASSWORD_KEYS)
        .containsEntry("userId", ADA)
        .containsEntry("action", "set_temporary_password")
        .containsEntry("resetUrl", null)
        .containsEntry("emailSent", false)
        .containsEntry("sessionsRevoked", false);
    String password = (String) json.get("tempPassword");
    assertThat(entra.tenant().password(ADA)).contains(password);
    assertThat(entra.tenant().mustChangePassword(ADA)).isTrue();
    assertThat(writes()).containsExactly("PATCH " + USERS + ADA);
    assertNoSecretOutsideStdout(reset, password);
    List<Map<String, Object>> audit = audit();
    assertThat(audit).hasSize(2);
    assertThat(audit.get(0))
        .containsEntry("provider", "entra")
        .containsEntry("org", DemoTenant.TENANT_ID)
        .containsEntry("group", GROUP)
        .containsEntry("user", ADA_UPN)
        .containsEntry("operation", "set_temporary_password")
        .containsEntry("dryRun", false);
    assertThat(audit.get(1)).containsEntry("outcome", "SUCCEEDED").containsEntry("userId", ADA);
  }

  @Test
  void revokeSessionsWithTheTemporaryPasswordRevokesAfterThePatch() {
    CliRun reset = entra.run("reset-password", ADA_UPN, "--mode", "temp", "--revoke-sessions");

    assertThat(reset.code()).as("%s", reset).isZero();
    assertThat(reset.json()).containsEntry("sessionsRevoked", true);
    assertThat(writes())
        .containsExactly("PATCH " + USERS + ADA, "POST " + USERS + ADA + "/revokeSignInSessions");
    assertThat(entra.tenant().changes())
        .containsExactly("set_password " + ADA, "revoke_sessions " + ADA);
    assertNoSecretOutsideStdout(reset, (String) reset.json().get("tempPassword"));
  }

  @Test
  void aRevocationThatFailsAfterThePasswordWasSetIsExit9WithThePasswordInForcePrinted() {
    entra.sim.failNext("POST", "/revokeSignInSessions", 500);

    CliRun reset = entra.run("reset-password", ADA_UPN, "--mode", "temp", "--revoke-sessions");

    assertThat(reset.code()).as("%s", reset).isEqualTo(9);
    Map<String, Object> json = reset.json();
    assertThat(json)
        .containsOnlyKeys(PASSWORD_KEYS)
        .containsEntry("action", "set_temporary_password")
        .containsEntry("sessionsRevoked", false);
    String password = (String) json.get("tempPassword");
    assertThat(entra.tenant().password(ADA)).contains(password);
    assertThat(reset.errorLine()).contains("was set and is in force").contains("revok");
    assertNoSecretOutsideStdout(reset, password);
    assertThat(audit().get(1))
        .containsEntry("outcome", "PARTIALLY_APPLIED")
        .containsEntry("error", "PartiallyApplied");
  }

  @Test
  void aPasswordChangeWhoseAnswerIsLostIsExit9WithNothingPrinted() {
    entra.sim.dropConnectionAfterNext("PATCH", "/users/" + ADA);

    CliRun reset = entra.run("reset-password", ADA_UPN, "--mode", "temp");

    assertThat(reset.code()).as("%s", reset).isEqualTo(9);
    assertThat(reset.out()).isEmpty();
    assertThat(writes()).containsExactly("PATCH " + USERS + ADA);
    assertThat(audit().get(1)).containsEntry("outcome", "OUTCOME_UNKNOWN");
    assertNoSecretOutsideStdout(reset, entra.tenant().password(ADA).orElseThrow());
  }

  @Test
  void aPasswordChangeThrottledThroughEveryRetryIsExit6AndNoPasswordIsSet() {
    Optional<String> before = entra.tenant().password(ADA);
    // Four 429s without Retry-After (each waited for with the shortest backoff), then a last one
    // with it: the retry policy's fifth attempt is its last, so that wait is never slept.
    throttle("PATCH", "/users/" + ADA, entra.sim::throttleNext);

    CliRun reset = entra.run("reset-password", ADA_UPN, "--mode", "temp");

    assertThat(reset.code()).as("%s", reset).isEqualTo(6);
    assertThat(reset.errorLine()).contains("HTTP 429").contains("TooManyRequests");
    assertThat(reset.out()).isEmpty();
    assertThat(writes()).hasSize(5).containsOnly("PATCH " + USERS + ADA);
    assertThat(entra.tenant().password(ADA)).isEqualTo(before);
    assertThat(entra.tenant().mustChangePassword(ADA)).isFalse();
    assertThat(entra.tenant().changes()).isEmpty();
    List<Map<String, Object>> audit = audit();
    assertThat(audit).hasSize(2);
    assertThat(audit.get(0)).containsEntry("operation", "set_temporary_password");
    assertThat(audit.get(1))
        .containsEntry("outcome", "FAILED")
        .containsEntry("error", "RateLimited");
  }

  @Test
  void aPassIssuedWhileGraphIsUnavailableThroughEveryRetryIsExit6AndNoPassExists() {
    // Throttled, then unavailable (503 with Graph's error body and Retry-After): Graph did not act.
    throttle("POST", "/authentication/temporaryAccessPassMethods", entra.sim::unavailableNext);

    CliRun tap = entra.run("issue-tap", ADA_UPN);

    assertThat(tap.code()).as("%s", tap).isEqualTo(6);
    assertThat(tap.errorLine()).contains("HTTP 503").contains("serviceNotAvailable");
    assertThat(tap.out()).isEmpty();
    assertThat(writes())
        .hasSize(5)
        .containsOnly("POST " + USERS + ADA + "/authentication/temporaryAccessPassMethods");
    assertThat(entra.tenant().temporaryAccessPass(ADA)).isEmpty();
    assertThat(entra.tenant().changes()).isEmpty();
    assertThat(audit().get(1))
        .containsEntry("outcome", "FAILED")
        .containsEntry("error", "ProviderUnavailable");
  }

  @Test
  void aRevocationThrottledThroughEveryRetryIsExit6AndNothingIsRevoked() {
    throttle("POST", "/revokeSignInSessions", entra.sim::throttleNext);

    CliRun revoke = entra.run("revoke-sessions", GRACE_UPN);

    assertThat(revoke.code()).as("%s", revoke).isEqualTo(6);
    assertThat(revoke.errorLine()).contains("HTTP 429");
    assertThat(revoke.out()).isEmpty();
    assertThat(writes()).hasSize(5).containsOnly("POST " + USERS + GRACE + "/revokeSignInSessions");
    assertThat(entra.tenant().sessionRevocations()).isEmpty();
    assertThat(audit().get(1))
        .containsEntry("outcome", "FAILED")
        .containsEntry("error", "RateLimited");
  }

  @Test
  void anMfaResetThrottledOnItsFirstDeletionIsExit6AndEveryMethodRemains() {
    List<AuthMethod> before = entra.tenant().methods(ADA);
    throttle("DELETE", "/fido2Methods/Q2pTZWN1cml0eUtleUFkYQ", entra.sim::throttleNext);

    CliRun reset = entra.run("reset-mfa", ADA_UPN);

    assertThat(reset.code()).as("%s", reset).isEqualTo(6);
    assertThat(reset.errorLine()).contains("HTTP 429");
    assertThat(reset.out()).isEmpty();
    assertThat(entra.tenant().methods(ADA)).isEqualTo(before);
    assertThat(entra.tenant().changes()).isEmpty();
    assertThat(audit().get(1)).containsEntry("outcome", "FAILED");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "reset-password|--mode|link",
        "reset-password|--mode|link|--send-email",
        "reset-password|--mode|expire",
        "reset-password|--mode|link|--dry-run",
        "unlock",
        "unlock|--dry-run",
        "revoke-sessions|--forget-devices",
        "revoke-sessions|--oauth-tokens|--forget-devices"
      })
  void whatEntraCannotDoIsExit8BeforeAnyRequestAndTheRefusalIsAudited(String command) {
    List<String> args = new ArrayList<>(List.of(command.split("\\|")));
    args.add(1, ADA_UPN);

    CliRun run = entra.run(args.toArray(String[]::new));

    assertThat(run.code()).as("%s", run).isEqualTo(8);
    assertThat(run.errorLine()).contains("does not support");
    assertThat(run.out()).isEmpty();
    assertThat(entra.sim.calls()).isEmpty();
    List<Map<String, Object>> audit = audit();
    assertThat(audit).hasSize(2);
    assertThat(audit.get(1)).containsEntry("outcome", "REFUSED");
  }

  @Test
  void resetMfaDeletesEveryMethodButThePasswordInAnOrderGraphAccepts() {
    CliRun reset = entra.run("reset-mfa", ADA_UPN);

    assertThat(reset.code()).as("%s", reset).isZero();
    assertThat(reset.json())
        .containsOnlyKeys("userId", "action", "factorsReset")
        .containsEntry("userId", ADA)
        .containsEntry("action", "delete_methods")
        .containsEntry(
            "factorsReset",
            List.of(
                "Q2pTZWN1cml0eUtleUFkYQ",
                "a1000000-0000-4000-8000-000000000001",
                AuthMethod.ALTERNATE_MOBILE_PHONE_ID,
                AuthMethod.MOBILE_PHONE_ID));
    String methods = "DELETE " + USERS + ADA + "/authentication/";
    assertThat(writes())
        .containsExactly(
            methods + "fido2Methods/Q2pTZWN1cml0eUtleUFkYQ",
            methods + "microsoftAuthenticatorMethods/a1000000-0000-4000-8000-000000000001",
            methods + "phoneMethods/" + AuthMethod.ALTERNATE_MOBILE_PHONE_ID,
            methods + "phoneMethods/" + AuthMethod.MOBILE_PHONE_ID);
    assertThat(entra.tenant().methods(ADA))
        .extracting(AuthMethod::id)
        .containsExactly(AuthMethod.PASSWORD_ID);
    assertThat(audit().get(0)).containsEntry("operation", "delete_methods");
  }

  @Test
  void resetMfaWithAFactorDeletesThatMethodAlone() {
    String oath = "a1000000-0000-4000-8000-000000000003";

    CliRun reset = entra.run("reset-mfa", GRACE_UPN, "--factor", oath);

    assertThat(reset.code()).as("%s", reset).isZero();
    assertThat(reset.json())
        .containsEntry("action", "delete_method")
        .containsEntry("factorsReset", List.of(oath));
    assertThat(writes())
        .containsExactly("DELETE " + USERS + GRACE + "/authentication/softwareOathMethods/" + oath);
    assertThat(audit().get(0))
        .containsEntry("operation", "delete_method")
        .containsEntry("options", Map.of("factor", oath));
  }

  @Test
  void aBase64urlMethodIdIsAcceptedForEntra() {
    CliRun reset = entra.run("reset-mfa", ADA_UPN, "--factor", "Q2pTZWN1cml0eUtleUFkYQ");

    assertThat(reset.code()).as("%s", reset).isZero();
    assertThat(writes())
        .containsExactly(
            "DELETE " + USERS + ADA + "/authentication/fido2Methods/Q2pTZWN1cml0eUtleUFkYQ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../me", "a/b", "a.b", "x y"})
  void aMethodIdOutsideEntrasFormIsExit2BeforeAnyRequest(String factor) {
    CliRun reset = entra.run("reset-mfa", ADA_UPN, "--factor", factor);

    assertThat(reset.code()).as("%s", reset).isEqualTo(2);
    assertThat(reset.errorLine()).contains("is not an Entra authentication method id");
    assertThat(entra.sim.calls()).isEmpty();
  }

  @Test
  void anUnknownMethodIsExit5() {
    CliRun reset =
        entra.run("reset-mfa", ADA_UPN, "--factor", "a1000000-0000-4000-8000-0000000000ff");

    assertThat(reset.code()).as("%s", reset).isEqualTo(5);
    assertThat(writes()).isEmpty();
  }

  @Test
  void thePasswordMethodIsExit8() {
    CliRun reset = entra.run("reset-mfa", ADA_UPN, "--factor", AuthMethod.PASSWORD_ID);

    assertThat(reset.code()).as("%s", reset).isEqualTo(8);
    assertThat(writes()).isEmpty();
  }

  @Test
  void theDefaultMethodWhileOthersRemainIsExit8() {
    CliRun reset =
        entra.run("reset-mfa", GRACE_UPN, "--factor", "a1000000-0000-4000-8000-000000000002");

    assertThat(reset.code()).as("%s", reset).isEqualTo(8);
    assertThat(entra.tenant().methods(GRACE)).hasSize(4);
    assertThat(audit().get(1)).containsEntry("outcome", "REFUSED");
  }

  @Test
  void anMfaResetThatStopsMidwayIsExit9PrintingWhatWasDeleted() {
    entra.sim.failNext(
        "DELETE", "/microsoftAuthenticatorMethods/a1000000-0000-4000-8000-000000000001", 500);

    CliRun reset = entra.run("reset-mfa", ADA_UPN);

    assertThat(reset.code()).as("%s", reset).isEqualTo(9);
    assertThat(reset.json())
        .containsEntry("action", "delete_methods")
        .containsEntry("factorsReset", List.of("Q2pTZWN1cml0eUtleUFkYQ"));
    assertThat(reset.errorLine()).contains("stopped midway");
    assertThat(audit().get(1)).containsEntry("outcome", "PARTIALLY_APPLIED");
  }

  @Test
  void aTemporaryAccessPassIsIssuedUsableOnceFor60MinutesByDefault() {
    CliRun tap = entra.run("issue-tap", ADA_UPN);

    assertThat(tap.code()).as("%s", tap).isZero();
    Map<String, Object> json = tap.json();
    assertThat(json)
        .containsOnlyKeys(
            "userId", "action", "temporaryAccessPass", "lifetimeMinutes", "usableOnce")
        .containsEntry("userId", ADA)
        .containsEntry("action", "issue_temporary_access_pass")
        .containsEntry("lifetimeMinutes", 60.0)
        .containsEntry("usableOnce", true);
    String pass = (String) json.get("temporaryAccessPass");
    assertThat(entra.tenant().temporaryAccessPass(ADA)).contains(pass);
    assertThat(writes())
        .containsExactly("POST " + USERS + ADA + "/authentication/temporaryAccessPassMethods");
    assertNoSecretOutsideStdout(tap, pass);
    List<Map<String, Object>> audit = audit();
    assertThat(audit.get(0))
        .containsEntry("operation", "issue_temporary_access_pass")
        .containsEntry("options", Map.of("lifetimeMinutes", 60.0, "usableOnce", true));
    assertThat(audit.get(1)).containsEntry("outcome", "SUCCEEDED");
  }

  @Test
  void withVerboseTheLogsShowNeitherTheTemporaryPasswordNorThePass() {
    CliRun reset = entra.run("--verbose", "reset-password", ADA_UPN, "--mode", "temp");
    CliRun tap = entra.run("--verbose", "issue-tap", ADA_UPN);

    assertThat(reset.code()).as("%s", reset).isZero();
    assertThat(tap.code()).as("%s", tap).isZero();
    assertThat(tap.logs()).as("the audit trail is logged with --verbose").isNotEmpty();
    String password = (String) reset.json().get("tempPassword");
    String pass = (String) tap.json().get("temporaryAccessPass");
    for (CliRun run : List.of(reset, tap)) {
      assertNoSecretOutsideStdout(run, password);
      assertNoSecretOutsideStdout(run, pass);
    }
  }

  @Test
  void aReusablePassWithItsLifetimeIsIssuedWhereThePolicyAllowsIt() {
    entra.tenant().temporaryAccessPassPolicy(10, 480, 60, false);

    CliRun tap = entra.run("issue-tap", ADA_UPN, "--lifetime-minutes", "120", "--reusable");

    assertThat(tap.code()).as("%s", tap).isZero();
    assertThat(tap.json())
        .containsEntry("lifetimeMinutes", 120.0)
        .containsEntry("usableOnce", false);
    assertNoSecretOutsideStdout(tap, (String) tap.json().get("temporaryAccessPass"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--lifetime-minutes|5", "--lifetime-minutes|50000", "--reusable"})
  void aPassOutsideTheTenantsPolicyIsExit8(String options) {
    List<String> args = new ArrayList<>(List.of("issue-tap", ADA_UPN));
    args.addAll(List.of(options.split("\\|")));

    CliRun tap = entra.run(args.toArray(String[]::new));

    assertThat(tap.code()).as("%s", tap).isEqualTo(8);
    assertThat(tap.out()).isEmpty();
    assertThat(entra.tenant().temporaryAccessPass(ADA)).isEmpty();
    assertThat(audit().get(1)).containsEntry("outcome", "REFUSED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5"})
  void aLifetimeThatIsNotPositiveIsExit2BeforeAnyRequest(String minutes) {
    CliRun tap = entra.run("issue-tap", ADA_UPN, "--lifetime-minutes=" + minutes);

    assertThat(tap.code()).as("%s", tap).isEqualTo(2);
    assertThat(tap.errorLine()).contains("--lifetime-minutes must be a positive number");
    assertThat(entra.sim.calls()).isEmpty();
  }

  @Test
  void revokeSessionsSendsOnePost() {
    CliRun revoke = entra.run("revoke-sessions", GRACE_UPN, "--oauth-tokens");

    assertThat(revoke.code()).as("%s", revoke).isZero();
    assertThat(revoke.json())
        .containsOnlyKeys("userId", "action")
        .containsEntry("userId", GRACE)
        .containsEntry("action", "revoke_sessions");
    assertThat(writes()).containsExactly("POST " + USERS + GRACE + "/revokeSignInSessions");
    assertThat(entra.tenant().sessionRevocations()).containsExactly(GRACE);
  }

  @Test
  void aRevocationWhoseAnswerIsLostIsExit9() {
    entra.sim.dropConnectionAfterNext("POST", "/revokeSignInSessions");

    CliRun revoke = entra.run("revoke-sessions", GRACE_UPN);

    assertThat(revoke.code()).as("%s", revoke).isEqualTo(9);
    assertThat(revoke.out()).isEmpty();
    assertThat(writes()).containsExactly("POST " + USERS + GRACE + "/revokeSignInSessions");
    assertThat(audit().get(1)).containsEntry("outcome", "OUTCOME_UNKNOWN");
  }

  @Test
  void aUserOutsideTheGroupIsExit4BeforeAnyWrite() {
    CliRun reset = entra.run("reset-password", LINUS, "--mode", "temp");

    assertThat(reset.code()).as("%s", reset).isEqualTo(4);
    assertThat(reset.errorLine()).contains(LINUS).contains("not a member of group " + GROUP);
    assertThat(writes()).isEmpty();
    assertThat(entra.tenant().changes()).isEmpty();
    assertThat(audit().get(1)).containsEntry("outcome", "REFUSED");
  }

  @Test
  void aGlobalAdministratorIsExit4NamingTheRoleBeforeAnyWrite() {
    CliRun reset = entra.run("issue-tap", DemoTenant.MARGARET);

    assertThat(reset.code()).as("%s", reset).isEqualTo(4);
    assertThat(reset.errorLine()).contains("Global Administrator (active)");
    assertThat(writes()).isEmpty();
    assertThat(entra.tenant().changes()).isEmpty();
  }

  @Test
  void aUserEligibleForARoleThroughPimIsExit4NamingTheRole() {
    CliRun reset = entra.run("reset-mfa", DemoTenant.EDSGER);

    assertThat(reset.code()).as("%s", reset).isEqualTo(4);
    assertThat(reset.errorLine()).contains("Privileged Role Administrator");
    assertThat(writes()).isEmpty();
  }

  @Test
  void aUserHoldingARoleThroughARoleAssignableGroupIsExit4() {
    CliRun reset = entra.run("revoke-sessions", DemoTenant.BARBARA);

    assertThat(reset.code()).as("%s", reset).isEqualTo(4);
    assertThat(reset.errorLine()).contains("Helpdesk Administrator");
    assertThat(writes()).isEmpty();
  }

  @Test
  void rolesThatCannotBeReadRefuseTheChangeWithExit4() {
    try (SimulatedTenant narrow =
        SimulatedTenant.start(
            app,
            builder ->
                builder.grantedPermissions(
                    "GroupMember.Read.All",
                    "User.Read.All",
                    "UserAuthenticationMethod.ReadWrite.All",
                    "User-PasswordProfile.ReadWrite.All",
                    "User.RevokeSessions.All"))) {
      CliRun reset = narrow.run("reset-mfa", ADA_UPN);

      assertThat(reset.code()).as("%s", reset).isEqualTo(4);
      assertThat(reset.errorLine()).contains("RoleManagement.Read.Directory");
      assertThat(narrow.tenant().changes()).isEmpty();
    }
  }

  @Test
  void aTenantWithoutPimHasNoEligibleRolesSoAMemberIsChanged() {
    entra.tenant().withoutPim();

    CliRun revoke = entra.run("revoke-sessions", GRACE_UPN);

    assertThat(revoke.code()).as("%s", revoke).isZero();
    assertThat(entra.tenant().sessionRevocations()).containsExactly(GRACE);
  }

  @Test
  void aWriteGraphForbidsIsExit4() {
    try (SimulatedTenant narrow =
        SimulatedTenant.start(
            app,
            builder ->
                builder.grantedPermissions(
                    "GroupMember.Read.All",
                    "User.Read.All",
                    "UserAuthenticationMethod.ReadWrite.All",
                    "User.RevokeSessions.All",
                    "RoleManagement.Read.Directory"))) {
      CliRun reset = narrow.run("reset-password", ADA_UPN, "--mode", "temp");

      assertThat(reset.code()).as("%s", reset).isEqualTo(4);
      assertThat(reset.out()).isEmpty();
      assertThat(narrow.tenant().changes()).isEmpty();
    }
  }

  @Test
  void anUnknownUserIsExit5() {
    CliRun reset = entra.run("reset-password", "nobody@" + DemoTenant.DOMAIN, "--mode", "temp");

    assertThat(reset.code()).as("%s", reset).isEqualTo(5);
    assertThat(writes()).isEmpty();
  }

  @Test
  void aDryRunOfTheTemporaryPasswordListsBothRequestsAndChangesNothing() {
    CliRun dry =
        entra.run("reset-password", ADA_UPN, "--mode", "temp", "--revoke-sessions", "--dry-run");

    assertThat(dry.code()).as("%s", dry).isZero();
    Map<String, Object> patch = Map.of("method", "PATCH", "path", USERS + ADA);
    assertThat(dry.json())
        .containsOnlyKeys("dryRun", "userId", "action", "request", "requests", "available")
        .containsEntry("dryRun", true)
        .containsEntry("action", "set_temporary_password")
        .containsEntry("request", patch)
        .containsEntry(
            "requests",
            List.of(patch, Map.of("method", "POST", "path", USERS + ADA + "/revokeSignInSessions")))
        .containsEntry("available", null);
    assertThat(writes()).isEmpty();
    assertThat(entra.tenant().changes()).isEmpty();
    assertThat(audit().get(1)).containsEntry("outcome", "PLANNED");
  }

  @Test
  void aDryRunOfAnMfaResetListsEveryDeletion() {
    CliRun dry = entra.run("reset-mfa", ALAN, "--dry-run");

    assertThat(dry.code()).as("%s", dry).isZero();
    Map<String, Object> delete =
        Map.of(
            "method",
            "DELETE",
            "path",
            USERS + ALAN + "/authentication/phoneMethods/" + AuthMethod.MOBILE_PHONE_ID);
    assertThat(dry.json())
        .containsEntry("action", "delete_methods")
        .containsEntry("request", delete)
        .containsEntry("requests", List.of(delete));
    assertThat(entra.tenant().changes()).isEmpty();
  }

  @Test
  void aDryRunOfAnMfaResetOfAUserWithoutMethodsHasNoRequest() {
    CliRun dry = entra.run("reset-mfa", KATHERINE, "--dry-run");

    assertThat(dry.code()).as("%s", dry).isZero();
    assertThat(dry.json())
        .containsEntry("action", "delete_methods")
        .containsEntry("request", null)
        .containsEntry("requests", List.of());
  }

  @Test
  void aDryRunOfATemporaryAccessPassShowsThePostAndIssuesNone() {
    CliRun dry = entra.run("issue-tap", ADA_UPN, "--dry-run");

    assertThat(dry.code()).as("%s", dry).isZero();
    assertThat(dry.json())
        .containsEntry("action", "issue_temporary_access_pass")
        .containsEntry(
            "request",
            Map.of(
                "method",
                "POST",
                "path",
                USERS + ADA + "/authentication/temporaryAccessPassMethods"))
        .doesNotContainKey("temporaryAccessPass");
    assertThat(entra.tenant().temporaryAccessPass(ADA)).isEmpty();
    assertThat(audit().get(0)).containsEntry("dryRun", true);
  }

  @Test
  void aDryRunIsRefusedLikeTheChangeForAPrivilegedUser() {
    CliRun dry = entra.run("revoke-sessions", DemoTenant.MARGARET, "--dry-run");

    assertThat(dry.code()).as("%s", dry).isEqualTo(4);
    assertThat(dry.out()).isEmpty();
  }

  /**
   * Answers the write's five attempts (the retry policy's default) with four 429s without {@code
   * Retry-After}, which the client waits out with its shortest backoff, then with the fault, which
   * asks for a minute that the client never waits since it gives up after that fifth attempt.
   */
  private void throttle(String method, String pathSuffix, Fault last) {
    for (int i = 0; i < 4; i++) {
      entra.sim.respondOnce(
          method, pathSuffix, EntraCommandsTest.graphError(429, "TooManyRequests"));
    }
    last.next(method, pathSuffix, Duration.ofMinutes(1));
  }

  /** {@link SimulatedEntra#throttleNext} or {@link SimulatedEntra#unavailableNext}. */
  private interface Fault {
    void next(String method, String pathSuffix, Duration retryAfter);
  }

  /** Every Graph write: a request that is neither a read nor the membership check. */
  private List<String> writes() {
    return entra.graphRequests().stream()
        .filter(line -> !line.startsWith("GET "))
        .filter(line -> !line.endsWith("/checkMemberGroups"))
        .toList();
  }

  private List<Map<String, Object>> audit() {
    return SimulatedOrg.auditLines(entra.auditLog());
  }

  /** The secret is on stdout, and nowhere else: not on stderr, not in the logs nor audit log. */
  private void assertNoSecretOutsideStdout(CliRun run, String secret) {
    assertThat(secret).isNotBlank();
    assertThat(run.allStderr()).doesNotContain(secret);
    try {
      assertThat(Files.readString(entra.auditLog())).doesNotContain(secret);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
