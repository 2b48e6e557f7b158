package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.workforceiam.cli.SimulatedOrg.ADA;
import static org.workforceiam.cli.SimulatedOrg.GRACE;
import static org.workforceiam.cli.SimulatedOrg.LINUS;
import static org.workforceiam.cli.SimulatedOrg.ROOT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.okta.simulator.SimFactor;

/**
 * The helpdesk's own audit log: every change attempt, dry runs and refusals included, is one {@code
 * attempt} line written before anything is sent and one {@code outcome} line after, with who asked,
 * where, on whom, what and how it ended, and never a secret.
 */
class AuditLogTest extends DemoOrgTest {
  private static final String RESET = "/api/v1/users/" + ADA + "/lifecycle/reset_password";

  /** The values of these fields in each line, null where a line has none. */
  private static List<List<Object>> fields(List<Map<String, Object>> lines, String... names) {
    return lines.stream()
        .map(line -> Arrays.stream(names).map(line::get).collect(Collectors.toList()))
        .toList();
  }

  private static List<Object> tuple(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void aSuccessfulResetIsAnAttemptLineThenAnOutcomeLineWithWhoAskedAndOktasRequestId() {
    CliRun reset = org.run("reset-password", "ada@example.com", "--actor", "ticket HD-42");

    assertThat(reset.code()).as("%s", reset).isZero();
    List<Map<String, Object>> lines = org.auditLines();
    assertThat(lines).hasSize(2);
    Map<String, Object> attempt = lines.get(0);
    Map<String, Object> outcome = lines.get(1);
    assertThat(attempt)
        .containsEntry("event", "attempt")
        .containsEntry("operator", System.getProperty("user.name"))
        .containsEntry("actor", "ticket HD-42")
        .containsEntry("provider", "okta")
        .containsEntry("org", org.orgUrl())
        .containsEntry("group", SimulatedOrg.GROUP)
        .containsEntry("user", "ada@example.com")
        .containsEntry("userId", ADA)
        .containsEntry("operation", "reset_password")
        .containsEntry(
            "options", Map.of("mode", "link", "sendEmail", false, "revokeSessions", false))
        .containsEntry("dryRun", false)
        .doesNotContainKey("outcome");
    assertThat((String) attempt.get("host")).isNotBlank();
    assertThat((String) attempt.get("attemptId")).isNotBlank();
    assertThat(Instant.parse((String) attempt.get("time"))).isNotNull();
    assertThat(outcome)
        .containsEntry("event", "outcome")
        .containsEntry("attemptId", attempt.get("attemptId"))
        .containsEntry("userId", ADA)
        .containsEntry("actor", "ticket HD-42")
        .containsEntry("outcome", "SUCCEEDED")
        .containsEntry("error", null)
        .containsEntry("exitCode", 0.0);
    assertThat((String) outcome.get("requestId")).isNotBlank();
    assertThat(org.changesSent()).hasSize(1);
  }

  @Test
  void theFileHoldsNeitherTheResetLinkNorTheTemporaryPasswordNorAToken() throws IOException {
    CliRun link = org.run("reset-password", ADA);
    CliRun temp = org.run("reset-password", GRACE, "--mode", "temp");

    assertThat(link.code()).isZero();
    assertThat(temp.code()).isZero();
    String file = Files.readString(org.auditLog());
    assertThat(file)
        .doesNotContain((String) link.json().get("resetUrl"))
        .doesNotContain((String) temp.json().get("tempPassword"))
        .doesNotContain("reset_password/drp")
        .doesNotContain("Tmp-");
    org.assertNoSecretIn(file);
    assertThat(org.auditLines()).hasSize(4);
  }

  @Test
  void aRefusalOutsideTheGroupIsRecordedAndNothingIsSent() {
    CliRun refused = org.run("reset-password", "linus@contractor.example");

    assertThat(refused.code()).isEqualTo(4);
    assertThat(org.changesSent()).isEmpty();
    assertThat(fields(org.auditLines(), "event", "userId", "outcome", "error", "exitCode"))
        .containsExactly(
            tuple("attempt", LINUS, null, null, null),
            tuple("outcome", LINUS, "REFUSED", "PermissionDenied", 4.0));
  }

  @Test
  void oktasOwnRefusalIsRecordedWithItsErrorCodeAndRequestId() {
    org.directory().factor(ROOT, new SimFactor("smsRoot", "sms", "OKTA", "ACTIVE"));

    CliRun refused = org.run("reset-mfa", ROOT, "--factor", "smsRoot");

    assertThat(refused.code()).isEqualTo(4);
    Map<String, Object> outcome = org.auditLines().get(1);
    assertThat(outcome)
        .containsEntry("operation", "delete_factor")
        .containsEntry("options", Map.of("factor", "smsRoot"))
        .containsEntry("outcome", "REFUSED")
        .containsEntry("errorCode", "E0000006");
    assertThat((String) outcome.get("requestId")).isNotBlank();
  }

  @Test
  void aDryRunIsRecordedAsPlannedAndChangesNothing() {
    CliRun dryRun = org.run("unlock", "grace@example.com", "--dry-run");

    assertThat(dryRun.code()).isZero();
    assertThat(org.changesSent()).isEmpty();
    assertThat(fields(org.auditLines(), "event", "operation", "dryRun", "outcome"))
        .containsExactly(
            tuple("attempt", "unlock", true, null), tuple("outcome", "unlock", true, "PLANNED"));
  }

  @Test
  void aChangeOktaFailedOnIsRecordedAsOutcomeUnknownAfterItsAttempt() {
    org.sim.respondOnce(
        "POST", RESET, OktaFailuresTest.oktaError(500, "E0000009", "Internal Server Error"));

    CliRun reset = org.run("reset-password", ADA);

    assertThat(reset.code()).isEqualTo(9);
    assertThat(fields(org.auditLines(), "event", "outcome", "error", "errorCode", "exitCode"))
        .containsExactly(
            tuple("attempt", null, null, null, null),
            tuple("outcome", "OUTCOME_UNKNOWN", "OutcomeUnknown", "E0000009", 9.0));
  }

  @Test
  void aChangeMadeOnlyInPartIsRecordedAsPartiallyApplied() {
    org.sim.respondOnce(
        "DELETE",
        "/api/v1/users/" + ADA + "/sessions",
        OktaFailuresTest.oktaError(403, "E0000006", "You do not have permission"));

    CliRun reset = org.run("reset-password", ADA, "--mode", "expire", "--revoke-sessions");

    assertThat(reset.code()).as("check the user before repeating it").isEqualTo(9);
    assertThat(fields(org.auditLines(), "event", "outcome", "error", "errorCode", "exitCode"))
        .containsExactly(
            tuple("attempt", null, null, null, null),
            tuple("outcome", "PARTIALLY_APPLIED", "PartiallyApplied", "E0000006", 9.0));
  }

  @Test
  void aUserWhoCannotBeFoundIsAFailedAttemptOnNobody() {
    CliRun reset = org.run("revoke-sessions", "nobody@example.com");

    assertThat(reset.code()).isEqualTo(5);
    assertThat(fields(org.auditLines(), "event", "user", "userId", "outcome", "error"))
        .containsExactly(
            tuple("attempt", "nobody@example.com", null, null, null),
            tuple("outcome", "nobody@example.com", null, "FAILED", "NotFound"));
  }

  @Test
  void theFileIsCreatedForItsOwnerOnlyInAFolderForItsOwnerOnly() throws IOException {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    Path file = dir.resolve("state/helpdesk/audit.jsonl");

    CliRun reset = org.run("unlock", GRACE, "--audit-log", file.toString());

    assertThat(reset.code()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(SimulatedOrg.auditLines(file)).hasSize(2);
  }

  @Test
  void anExistingLogThatOthersMayReadOrWriteIsMadePrivateToItsOwnerWhenOpened() throws IOException {
    // Windows has no POSIX modes; there the folder's ACL decides, and nothing is tightened.
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    Path file = dir.resolve("shared.jsonl");
    Files.writeString(file, "");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

    CliRun unlock = org.run("unlock", GRACE, "--dry-run", "--audit-log", file.toString());

    assertThat(unlock.code()).as("%s", unlock).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(SimulatedOrg.auditLines(file)).hasSize(2);
  }

  @Test
  void whenTheOutcomeCannotBeWrittenAfterTheChangeTheCommandWarnsNamingTheFileAndExitsZero()
      throws IOException {
    Path file = dir.resolve("audit.jsonl");
    Path rotated = dir.resolve("audit.jsonl.1");
    // When Okta receives the change, the log's place is taken by a folder: the attempt line is
    // already written (it went with the file), the outcome line can have nowhere to go.
    try (SimulatedOrg rotating =
        SimulatedOrg.start(
            key,
            sim ->
                sim.requestCheck(
                    (method, url, headers) -> {
                      if (method.equals("POST") && url.encodedPath().endsWith("/unlock")) {
                        try {
                          Files.move(file, rotated);
                          Files.createDirectory(file);
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                      }
                      return Optional.empty();
                    }))) {
      CliRun unlock = rotating.run("unlock", GRACE, "--audit-log", file.toString());

      assertThat(unlock.code()).as("%s", unlock).isZero();
      assertThat(unlock.json()).containsEntry("userId", GRACE).containsEntry("action", "unlock");
      assertThat(rotating.directory().status(GRACE)).as("the change was made").isEqualTo("ACTIVE");
      List<Map<String, Object>> lines = SimulatedOrg.auditLines(rotated);
      assertThat(fields(lines, "event", "userId")).containsExactly(tuple("attempt", GRACE));
      assertThat(unlock.err().lines().toList())
          .singleElement()
          .asString()
          .startsWith(
              "warning: the change was made, but the outcome (SUCCEEDED) of this attempt was not"
                  + " recorded in the audit log "
                  + file)
          .contains("attemptId " + lines.get(0).get("attemptId"))
          .contains("add the outcome to the record by hand");
    }
  }

  @Test
  void linesAreAppendedToAnExistingLog() {
    org.run("unlock", GRACE, "--dry-run");
    org.run("unlock", GRACE);

    List<Map<String, Object>> lines = org.auditLines();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).get("attemptId"))
        .isEqualTo(lines.get(1).get("attemptId"))
        .isNotEqualTo(lines.get(2).get("attemptId"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a folder", "under a file"})
  void aLogThatCannotBeWrittenRefusesTheChangeBeforeAnythingIsSent(String where)
      throws IOException {
    Path file = dir.resolve("not-a-folder");
    Files.writeString(file, "x");
    Path log = where.equals("a folder") ? dir : file.resolve("audit.jsonl");

    CliRun reset = org.run("reset-password", ADA, "--audit-log", log.toString());

    assertThat(reset.code()).isEqualTo(2);
    assertThat(reset.errorLine())
        .contains("cannot write the audit log " + log)
        .contains("no change was sent")
        .contains("--audit-log or HELPDESK_AUDIT_LOG");
    assertThat(org.sim.apiCalls()).isEmpty();
    assertThat(org.directory().changes()).isEmpty();
    assertThat(org.directory().status(ADA)).isEqualTo("ACTIVE");
  }

  @Test
  void theEnvironmentVariableNamesTheLogAndTheFlagWinsOverIt() {
    Path fromEnv = dir.resolve("env.jsonl");
    Path fromFlag = dir.resolve("flag.jsonl");
    Map<String, String> env = new HashMap<>(org.env());
    env.put("HELPDESK_AUDIT_LOG", fromEnv.toString());

    org.run(env, "unlock", GRACE, "--dry-run");
    org.run(env, "unlock", GRACE, "--dry-run", "--audit-log", fromFlag.toString());

    assertThat(SimulatedOrg.auditLines(fromEnv)).hasSize(2);
    assertThat(SimulatedOrg.auditLines(fromFlag)).hasSize(2);
    assertThat(org.auditLines()).isEmpty();
  }

  @Test
  void byDefaultTheLogIsInTheXdgStateFolderElseUnderHome() {
    Map<String, String> xdg = new HashMap<>(org.env());
    xdg.put("XDG_STATE_HOME", dir.resolve("xdg").toString());
    xdg.put("HOME", dir.resolve("home1").toString());
    Map<String, String> home = new HashMap<>(org.env());
    home.put("HOME", dir.resolve("home2").toString());

    org.run(xdg, "unlock", GRACE, "--dry-run");
    org.run(home, "unlock", GRACE, "--dry-run");

    assertThat(SimulatedOrg.auditLines(dir.resolve("xdg/helpdesk/audit.jsonl"))).hasSize(2);
    assertThat(dir.resolve("home1")).doesNotExist();
    assertThat(SimulatedOrg.auditLines(dir.resolve("home2/.local/state/helpdesk/audit.jsonl")))
        .hasSize(2);
  }

  @Test
  void anActorThatCouldForgeALineIsAUsageErrorAndNothingIsSent() {
    CliRun reset = org.run("reset-password", ADA, "--actor", "eve\n{\"event\":\"outcome\"}");

    assertThat(reset.code()).isEqualTo(2);
    assertThat(reset.errorLine()).contains("--actor").contains("eve\\u000A");
    assertThat(org.sim.apiCalls()).isEmpty();
    assertThat(org.auditLines()).isEmpty();
  }

  @Test
  void theActorFromTheEnvironmentReachesTheLibrarysAuditEventToo() {
    Map<String, String> env = new HashMap<>(org.env());
    env.put("HELPDESK_ACTOR", "agent.smith");

    CliRun reset = org.run(env, "--verbose", "unlock", GRACE);

    assertThat(reset.code()).isZero();
    assertThat(org.auditLines().get(0)).containsEntry("actor", "agent.smith");
    assertThat(reset.logs())
        .contains("UNLOCK SUCCEEDED for user " + GRACE)
        .contains("actor=agent.smith");
  }
}
