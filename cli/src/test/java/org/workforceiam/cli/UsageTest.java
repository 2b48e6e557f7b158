package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedOrg.ADA;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code --help}, {@code --version}, usage errors, and what errors look like on stderr. */
class UsageTest extends DemoOrgTest {
  private static final List<String> SETTINGS =
      List.of("--org-url", "--client-id", "--private-key", "--key-id", "--group-id", "--verbose");
  private static final List<String> CONNECTION =
      List.of("--org-url", "--client-id", "--private-key", "--key-id", "--group-id");
  private static final List<String> VARIABLES =
      List.of(
          "OKTA_ORG_URL",
          "OKTA_CLIENT_ID",
          "OKTA_PRIVATE_KEY_FILE",
          "OKTA_KEY_ID",
          "OKTA_GROUP_ID");

  /** Each command and the options and parameters its help must show. */
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("keygen", List.of("--out=FILE", "--alg=ALG", "RS256", "ES256")),
        Arguments.of("check", SETTINGS),
        Arguments.of(
            "sync",
            List.of(
                "--format=FORMAT", "jsonl", "csv", "table", "--snapshot=FILE", "--[no-]progress")),
        Arguments.of("find", List.of("USER")),
        Arguments.of("factors", List.of("USER")),
        Arguments.of(
            "reset-password",
            List.of(
                "USER",
                "--mode=MODE",
                "link",
                "temp",
                "expire",
                "--send-email",
                "--revoke-sessions",
                "--dry-run")),
        Arguments.of("reset-mfa", List.of("USER", "--factor=FACTOR_ID", "--dry-run")),
        Arguments.of("unlock", List.of("USER", "--dry-run")),
        Arguments.of(
            "revoke-sessions", List.of("USER", "--oauth-tokens", "--forget-devices", "--dry-run")),
        Arguments.of(
            "issue-tap",
            List.of("USER", "--lifetime-minutes=N", "--reusable", "--dry-run", "Entra ID only")),
        Arguments.of("demo", List.of("--help", "helpdesk simulate")),
        Arguments.of("simulate", List.of("--stop-on-eof", "Ctrl-C")),
        Arguments.of("bench", List.of("--members=N", "--page-size=P", "--in-process")));
  }

  @ParameterizedTest(name = "{0} --help")
  @MethodSource("commands")
  void everyCommandExplainsItselfWithHelpAndExits0(String command, List<String> shown) {
    CliRun help = CliRun.of(Map.of(), command, "--help");

    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("Usage: helpdesk " + command);
    assertThat(help.out().replaceAll("\\s+", " ")).contains(shown);
    assertThat(help.err()).isEmpty();
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(
      strings = {
        "check",
        "sync",
        "reset-password",
        "reset-mfa",
        "unlock",
        "revoke-sessions",
        "issue-tap",
        "find",
        "factors"
      })
  void everyCommandThatTalksToOktaShowsTheSettingsAndWhichItNeeds(String command) {
    CliRun help = CliRun.of(Map.of(), command, "--help");

    String needs =
        command.equals("find") || command.equals("factors")
            ? "Needs --org-url, --client-id and --private-key (or their environment variables);"
                + " --key-id is optional, and --group-id is not used."
            : "Needs --org-url, --client-id, --private-key and --group-id (or their environment"
                + " variables); --key-id is optional.";
    assertThat(help.out())
        .contains(SETTINGS)
        .contains(VARIABLES)
        .contains("Connection settings (a flag, before or after the command");
    assertThat(help.out().replaceAll("\\s+", " ")).endsWith(needs + " ");
  }

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"keygen", "demo", "simulate", "bench"})
  void aCommandThatNeedsNoConnectionShowsOnlyItsOwnOptions(String command) {
    CliRun help = CliRun.of(Map.of(), command, "--help");

    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Needs no connection settings.").contains("--verbose");
    for (String setting : CONNECTION) {
      assertThat(help.out()).doesNotContain(setting);
    }
    assertThat(help.out()).doesNotContain("OKTA_").doesNotContain("Connection settings");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "simulate", "bench"})
  void aConnectionFlagAfterACommandThatNeedsNoneIsAUsageError(String command) {
    CliRun run = CliRun.of(Map.of(), command, "--org-url", "https://acme.okta.com");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("--org-url").contains("helpdesk " + command + " --help");
  }

  @Test
  void theToolsHelpListsEveryCommandAndTheExitCodes() {
    CliRun help = CliRun.of(Map.of(), "--help");

    assertThat(help.code()).isZero();
    assertThat(help.out())
        .startsWith("Usage: helpdesk")
        .contains(
            "keygen",
            "check",
            "sync",
            "find",
            "factors",
            "reset-password",
            "reset-mfa",
            "unlock",
            "revoke-sessions",
            "issue-tap",
            "demo",
            "simulate",
            "bench")
        .contains("keygen, demo, simulate and bench need none")
        .contains("Exit codes:", "9 outcome unknown")
        .contains("OKTA_ORG_URL", "OKTA_CLIENT_ID", "OKTA_PRIVATE_KEY_FILE", "OKTA_KEY_ID")
        .contains("OKTA_GROUP_ID");
  }

  @Test
  void versionNamesTheToolAndExits0() {
    CliRun version = CliRun.of(Map.of(), "--version");

    assertThat(version.code()).isZero();
    assertThat(version.out().lines().findFirst().orElseThrow())
        .matches("helpdesk \\S+ \\(workforce-iam\\)");
    assertThat(version.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sync", "reset-password", "demo"})
  void everyCommandsVersionOptionPrintsTheToolsVersion(String command) {
    CliRun version = CliRun.of(Map.of(), command, "--version");

    assertThat(version.code()).isZero();
    assertThat(version.out()).isEqualTo(CliRun.of(Map.of(), "--version").out());
  }

  @Test
  void noCommandIsAUsageErrorOfOneLine() {
    CliRun run = CliRun.of(Map.of());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("sync").contains("--help");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aFlagValueThatNamesACommandIsReadAsWhenEveryCommandIsRegistered() {
    // Only the commands named on the command line are registered with picocli; a value that names
    // one registers it too, so picocli still sees a command where a value was expected.
    CliRun run = CliRun.of(Map.of(), "--client-id", "find", "sync", "--format", "csv");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine())
        .isEqualTo(
            "error: Expected parameter for option '--client-id' but found 'find'"
                + " (see 'helpdesk --help')");
    assertThat(Helpdesk.commandsFor(new String[] {"--client-id", "find", "sync"}))
        .containsExactly(SyncCommand.class, FindCommand.class);
    assertThat(Helpdesk.commandsFor(new String[] {"--help"})).isEmpty();
  }

  @Test
  void theToolsHelpListsTheCommandsExactlyAsTheirFullModelsWould() {
    // Without a command named, each is registered as its summary (name and description only).
    CommandLine full = new CommandLine(new Helpdesk(Map.of(), InputStream.nullInputStream()));
    Helpdesk.COMMANDS.forEach(full::addSubcommand);

    assertThat(CliRun.of(Map.of(), "--help").out()).isEqualTo(full.getUsageMessage());
  }

  @Test
  void aCommandNamedInAnArgumentFileRunsWithItsFullModel(@TempDir Path dir) throws IOException {
    // picocli reads @FILE as the arguments in FILE: every command may be named there.
    Path arguments = Files.writeString(dir.resolve("arguments"), "find\n" + ADA + "\n");

    CliRun run = org.run("@" + arguments);

    assertThat(run.code()).isZero();
    assertThat(run.json()).containsEntry("id", ADA);
  }

  @Test
  void anUnknownCommandIsAUsageErrorOfOneLine() {
    CliRun run = CliRun.of(org.env(), "reset-everything");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("reset-everything");
  }

  @Test
  void anUnknownOptionIsAUsageErrorOfOneLineNamingIt() {
    CliRun run = org.run("sync", "--formats", "csv");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("--formats").contains("helpdesk sync --help");
    assertThat(org.sim.calls()).isEmpty();
  }

  @Test
  void aMissingUserIsAUsageError() {
    CliRun run = org.run("reset-password");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("USER");
  }

  @Test
  void anErrorIsOneLineWithoutAStackTrace() {
    CliRun run = org.run("find", "nobody@example.com");

    assertThat(run.code()).isEqualTo(5);
    assertThat(run.errorLine())
        .isEqualTo(
            "error: no user matches 'nobody@example.com' as an id, a login or a primary email");
    assertThat(run.logs()).doesNotContain("\tat ");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void verboseAddsTheStackTraceAfterTheErrorLineBeforeOrAfterTheCommand(boolean before) {
    CliRun run =
        before
            ? org.run("--verbose", "find", "nobody@example.com")
            : org.run("find", "nobody@example.com", "--verbose");

    assertThat(run.code()).isEqualTo(5);
    List<String> lines = run.err().lines().toList();
    assertThat(lines.get(0)).startsWith("error: no user matches 'nobody@example.com'");
    assertThat(lines.get(1)).startsWith("org.workforceiam.core.IamException$NotFound: ");
    assertThat(lines.subList(2, lines.size())).allSatisfy(line -> assertThat(line).contains("at "));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void verboseLogsAnHttpSummaryWithoutSecrets(boolean before) {
    CliRun run =
        before
            ? org.run("--verbose", "reset-password", ADA, "--mode", "temp")
            : org.run("reset-password", ADA, "--mode", "temp", "--verbose");

    assertThat(run.code()).isZero();
    String http = org.orgUrl();
    assertThat(run.logs())
        .contains("<-- 200 POST " + http + "/oauth2/v1/token")
        .contains("<-- 200 GET " + http + "/api/v1/users/" + ADA)
        .contains(
            "<-- 200 POST "
                + http
                + "/api/v1/users/"
                + ADA
                + "/lifecycle/expire_password_with_temp_password?revokeSessions=false")
        .doesNotContain("Authorization")
        .doesNotContain((String) run.json().get("tempPassword"));
    // SimulatedOrg.run has checked every secret that went over the wire too.
  }

  private static final String NONCE_NOTE =
      ": use_dpop_nonce, the server asks for a DPoP nonce; the request is repeated with it, as"
          + " expected";

  @Test
  void verboseSaysTheTokenEndpointsNonceHandshakeIsExpected() {
    CliRun run = org.run("--verbose", "sync");

    assertThat(run.code()).isZero();
    String token = org.orgUrl() + "/oauth2/v1/token";
    assertThat(run.logs().lines())
        .filteredOn(line -> line.contains("<-- 400 POST " + token))
        .singleElement()
        .asString()
        .endsWith(NONCE_NOTE);
    assertThat(run.logs().lines())
        .filteredOn(line -> line.contains("<-- 200 "))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).doesNotContain("use_dpop_nonce"));
  }

  @Test
  void verboseSaysTheApisNonceChallengeIsExpected() {
    org.sim.challengeNextApiCallWithNonce();

    CliRun run = org.run("--verbose", "find", ADA);

    assertThat(run.code()).as("%s", run).isZero();
    assertThat(run.logs().lines())
        .filteredOn(line -> line.contains("<-- 401 GET " + org.orgUrl() + "/api/v1/users/"))
        .singleElement()
        .asString()
        .endsWith(NONCE_NOTE);
  }

  @Test
  void verboseShowsAnyOtherRefusalAsItIs() {
    CliRun run = org.run("--verbose", "sync", "--key-id", "not-registered");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.logs().lines())
        .filteredOn(line -> line.contains("<-- ") && !line.contains("<-- 400 POST"))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).doesNotContain("use_dpop_nonce"));
  }

  @Test
  void withoutVerboseNoHttpSummaryIsShown() {
    CliRun run = org.run("reset-password", ADA);

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.logs()).doesNotContain("<-- ");
  }
}
