package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedOrg.ADA;
import static org.workforceiam.cli.SimulatedOrg.BARBARA;
import static org.workforceiam.cli.SimulatedOrg.EDSGER;
import static org.workforceiam.cli.SimulatedOrg.GRACE;
import static org.workforceiam.cli.SimulatedOrg.LINUS;
import static org.workforceiam.cli.SimulatedOrg.ROOT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --dry-run} on every changing command: it resolves the user, runs the group check, prints
 * what would be done and whether Okta offers it now, and changes nothing.
 */
class DryRunTest extends DemoOrgTest {
  private static final String USERS = "/api/v1/users/";

  /** Command line, action, method, path, available (null when Okta shows no link for it). */
  static Stream<Arguments> dryRuns() {
    return Stream.of(
        Arguments.of(
            List.of("reset-password", ADA),
            "reset_password",
            "POST",
            USERS + ADA + "/lifecycle/reset_password?sendEmail=false&revokeSessions=false",
            true),
        Arguments.of(
            List.of("reset-password", ADA, "--send-email", "--revoke-sessions"),
            "reset_password",
            "POST",
            USERS + ADA + "/lifecycle/reset_password?sendEmail=true&revokeSessions=true",
            true),
        Arguments.of(
            List.of("reset-password", ADA, "--mode", "temp"),
            "expire_password_with_temp_password",
            "POST",
            USERS + ADA + "/lifecycle/expire_password_with_temp_password?revokeSessions=false",
            true),
        Arguments.of(
            List.of("reset-password", ADA, "--mode", "expire"),
            "expire_password",
            "POST",
            USERS + ADA + "/lifecycle/expire_password",
            true),
        Arguments.of(
            List.of("reset-password", BARBARA),
            "reset_password",
            "POST",
            USERS + BARBARA + "/lifecycle/reset_password?sendEmail=false&revokeSessions=false",
            false),
        Arguments.of(
            List.of("reset-password", ROOT, "--mode", "temp"),
            "expire_password_with_temp_password",
            "POST",
            USERS + ROOT + "/lifecycle/expire_password_with_temp_password?revokeSessions=false",
            false),
        Arguments.of(
            List.of("reset-mfa", ADA),
            "reset_factors",
            "POST",
            USERS + ADA + "/lifecycle/reset_factors",
            true),
        Arguments.of(
            List.of("reset-mfa", EDSGER),
            "reset_factors",
            "POST",
            USERS + EDSGER + "/lifecycle/reset_factors",
            false),
        Arguments.of(
            List.of("reset-mfa", ADA, "--factor", "smsDemo01Ada"),
            "delete_factor",
            "DELETE",
            USERS + ADA + "/factors/smsDemo01Ada",
            null),
        Arguments.of(
            List.of("unlock", GRACE), "unlock", "POST", USERS + GRACE + "/lifecycle/unlock", true),
        Arguments.of(
            List.of("unlock", ADA), "unlock", "POST", USERS + ADA + "/lifecycle/unlock", false),
        Arguments.of(
            List.of("revoke-sessions", ADA),
            "revoke_sessions",
            "DELETE",
            USERS + ADA + "/sessions?oauthTokens=false&forgetDevices=false",
            null),
        Arguments.of(
            List.of("revoke-sessions", ADA, "--oauth-tokens", "--forget-devices"),
            "revoke_sessions",
            "DELETE",
            USERS + ADA + "/sessions?oauthTokens=true&forgetDevices=true",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dryRuns")
  void printsWhatWouldBeDoneAndChangesNothing(
      List<String> command, String action, String method, String path, Boolean available) {
    List<String> args = new ArrayList<>(command);
    args.add("--dry-run");
    Map<String, String> statuses = statuses();
    Map<String, List<String>> factors = factors();

    CliRun dryRun = org.run(args.toArray(String[]::new));

    assertThat(dryRun.code()).as("%s", dryRun).isZero();
    Map<String, Object> json = dryRun.json();
    assertThat(json)
        .containsKeys("dryRun", "action", "request", "available")
        .containsEntry("dryRun", true)
        .containsEntry("userId", command.get(1))
        .containsEntry("action", action)
        .containsEntry("request", Map.of("method", method, "path", path))
        .containsEntry("available", available);
    assertThat(dryRun.err()).isEmpty();
    assertThat(org.changesSent()).isEmpty();
    assertThat(org.directory().changes()).isEmpty();
    assertThat(org.directory().sessionRevocations()).isEmpty();
    assertThat(statuses()).isEqualTo(statuses);
    assertThat(factors()).isEqualTo(factors);
  }

  @Test
  void aDryRunOfTwoCallsListsBoth() {
    CliRun dryRun =
        org.run("reset-password", ADA, "--mode", "expire", "--revoke-sessions", "--dry-run");

    assertThat(dryRun.code()).isZero();
    assertThat(dryRun.json())
        .containsEntry("action", "expire_password")
        .containsEntry(
            "request", Map.of("method", "POST", "path", USERS + ADA + "/lifecycle/expire_password"))
        .containsEntry(
            "requests",
            List.of(
                Map.of("method", "POST", "path", USERS + ADA + "/lifecycle/expire_password"),
                Map.of(
                    "method",
                    "DELETE",
                    "path",
                    USERS + ADA + "/sessions?oauthTokens=false&forgetDevices=false")))
        .containsEntry("available", true);
    assertThat(org.changesSent()).isEmpty();
  }

  static Stream<List<String>> changingCommands() {
    return Stream.of(
        List.of("reset-password"),
        List.of("reset-password", "--mode", "expire", "--revoke-sessions"),
        List.of("reset-mfa"),
        List.of("reset-mfa", "--factor", "smsLinus"),
        List.of("unlock"),
        List.of("revoke-sessions", "--oauth-tokens"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changingCommands")
  void aDryRunForAUserOutsideTheGroupIsStillRefusedWithExit4(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.add(1, "linus@contractor.example");
    args.add("--dry-run");

    CliRun dryRun = org.run(args.toArray(String[]::new));

    assertThat(dryRun.code()).isEqualTo(4);
    assertThat(dryRun.errorLine())
        .contains(LINUS)
        .contains(DemoOrg.GROUP)
        .endsWith("; nothing was changed");
    assertThat(dryRun.out()).isEmpty();
    assertThat(org.changesSent()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changingCommands")
  void aDryRunForAUserNobodyIsIsStillExit5(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.add(1, "nobody@example.com");
    args.add("--dry-run");

    CliRun dryRun = org.run(args.toArray(String[]::new));

    assertThat(dryRun.code()).isEqualTo(5);
    assertThat(dryRun.errorLine()).contains("nobody@example.com");
  }

  @Test
  void aDryRunWithSendEmailAndAnotherModeIsStillExit2() {
    CliRun dryRun = org.run("reset-password", ADA, "--mode", "temp", "--send-email", "--dry-run");

    assertThat(dryRun.code()).isEqualTo(2);
    assertThat(dryRun.errorLine()).contains("--send-email");
    assertThat(org.sim.calls()).isEmpty();
  }

  private Map<String, String> statuses() {
    return Map.of(
        ADA, org.directory().status(ADA),
        GRACE, org.directory().status(GRACE),
        BARBARA, org.directory().status(BARBARA),
        ROOT, org.directory().status(ROOT));
  }

  private Map<String, List<String>> factors() {
    return Map.of(ADA, org.directory().factorIds(ADA));
  }
}
