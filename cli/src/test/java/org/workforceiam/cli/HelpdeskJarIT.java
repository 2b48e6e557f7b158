package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workforceiam.cli.SimulatedOrg.AppKey;

/**
 * Runs the built {@code helpdesk.jar} as a process, as a user does: packaging faults (a lost
 * manifest entry, a dependency's module descriptor, the logging set-up) are invisible in-process.
 * The jar's path comes from the system property {@code helpdesk.jar}, set by failsafe after {@code
 * package}.
 */
class HelpdeskJarIT {
  @TempDir static Path dir;
  static Path jar;

  /** One run of the jar. */
  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @BeforeAll
  static void findTheJar() {
    jar =
        Path.of(
            Objects.requireNonNull(
                System.getProperty("helpdesk.jar"), "system property helpdesk.jar"));
    assertThat(jar).as("run 'mvn -B verify' at the root: package builds the jar").isRegularFile();
  }

  @Test
  void versionNamesTheReleaseFromTheJarsManifest() {
    Run version = helpdesk(Map.of(), "--version");

    assertThat(version.code()).isZero();
    assertThat(version.out().lines().findFirst().orElseThrow())
        .matches("helpdesk \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(workforce-iam\\)");
    assertThat(version.err()).isEmpty();
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    Run help = helpdesk(Map.of(), "--help");

    assertThat(help.code()).isZero();
    assertThat(help.out())
        .startsWith("Usage: helpdesk")
        .contains("keygen", "check", "sync", "find", "factors", "reset-password", "reset-mfa")
        .contains("unlock", "revoke-sessions", "issue-tap", "demo", "simulate", "bench")
        .contains("Exit codes:");
    assertThat(help.err()).isEmpty();
  }

  @Test
  void theJarHoldsTheToolAndTheSimulatorButNoTestCodeOrTestResources() throws Exception {
    Set<String> testClasses = testClassesOfThisModule();
    List<String> entries;
    String mainClass;
    try (JarFile file = new JarFile(jar.toFile())) {
      entries = file.stream().map(JarEntry::getName).toList();
      mainClass = file.getManifest().getMainAttributes().getValue("Main-Class");
    }

    assertThat(mainClass).isEqualTo("org.workforceiam.cli.Helpdesk");
    assertThat(entries)
        .contains(
            "org/workforceiam/cli/Helpdesk.class",
            "org/workforceiam/cli/SimulateCommand.class",
            "org/workforceiam/okta/simulator/SimulatedOkta.class",
            "org/workforceiam/okta/OktaClient.class",
            "org/workforceiam/entra/EntraClient.class",
            "org/workforceiam/entra/simulator/SimulatedEntra.class",
            "org/workforceiam/cli/EntraBenchTenant.class",
            "mockwebserver3/MockWebServer.class");
    assertThat(testClasses)
        .as("this module's test classes were found")
        .contains("org/workforceiam/cli/CliRun.class", "org/workforceiam/cli/SimulatedOrg.class");
    assertThat(entries)
        .as("test classes and test resources")
        .noneMatch(name -> name.matches("(.*/)?[^/$]*(Test|Tests|IT|TestCase)(\\$[^/]*)?\\.class"))
        .noneMatch(name -> name.endsWith("logback-test.xml") || name.endsWith("logback.xml"))
        .noneMatch(name -> name.contains("SpecRecorder"))
        .noneMatch(
            name -> name.contains("RequestListener") && name.startsWith("META-INF/services/"))
        .noneMatch(name -> name.startsWith("org/junit/") || name.startsWith("junit/"))
        .noneMatch(name -> name.startsWith("org/assertj/"))
        .noneMatch(name -> name.startsWith("org/opentest4j/"))
        .noneMatch(name -> name.startsWith("org/apiguardian/"))
        .noneMatch(name -> name.startsWith("META-INF/maven/org.junit"))
        .noneMatch(name -> name.startsWith("META-INF/maven/org.assertj"))
        .noneMatch(name -> name.startsWith("org/workforceiam/") && name.contains("/test/"))
        .noneMatch(testClasses::contains);
  }

  @Test
  void theJarStoresItsEntriesSoNoClassIsInflatedAtStartUp() throws IOException {
    List<JarEntry> deflated;
    try (JarFile file = new JarFile(jar.toFile())) {
      deflated = file.stream().filter(entry -> entry.getMethod() != JarEntry.STORED).toList();
    }

    assertThat(deflated).isEmpty();
  }

  /** The files of this module's test classes and resources, as jar entry names. */
  private static Set<String> testClassesOfThisModule() throws Exception {
    Path testClasses =
        Path.of(HelpdeskJarIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(testClasses)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> testClasses.relativize(file).toString().replace('\\', '/'))
          .collect(Collectors.toSet());
    }
  }

  @Test
  void simulateServesTheCommandsOfAnotherProcessUntilItsInputEndsThenDeletesItsKey()
      throws Exception {
    Process simulate = start(List.of("simulate", "--stop-on-eof"));
    try {
      StringBuilder printed = new StringBuilder();
      Map<String, String> env = settingsPrintedBy(simulate, printed);
      Path key = Path.of(env.get("OKTA_PRIVATE_KEY_FILE"));

      Run sync = helpdesk(env, "sync");
      Run dryRun = helpdesk(env, "reset-password", "ada@example.com", "--dry-run");

      assertThat(sync.code()).as("%s", sync).isZero();
      assertThat(sync.out().lines()).hasSize(8);
      assertThat(dryRun.code()).as("%s", dryRun).isZero();
      assertThat(CliRun.object(dryRun.out())).containsEntry("dryRun", true);
      assertThat(key).exists();
      assertThat(printed)
          .as("the commands to try name this jar")
          .contains("  java -jar " + jar.toAbsolutePath() + " sync --format table");

      simulate.getOutputStream().close();

      assertThat(simulate.waitFor(30, TimeUnit.SECONDS)).as("simulate stopped").isTrue();
      assertThat(simulate.exitValue()).isZero();
      assertThat(key).doesNotExist();
      assertThat(new String(simulate.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
          .isEmpty();
    } finally {
      simulate.destroyForcibly();
    }
  }

  @Test
  void simulateStopsCleanlyOnSigtermDeletingItsKey() throws Exception {
    Process simulate = start(List.of("simulate"));
    try {
      Path key =
          Path.of(settingsPrintedBy(simulate, new StringBuilder()).get("OKTA_PRIVATE_KEY_FILE"));
      assertThat(key).exists();

      simulate.destroy(); // SIGTERM, which ends the JVM as Ctrl-C's SIGINT does

      assertThat(simulate.waitFor(30, TimeUnit.SECONDS)).as("simulate stopped").isTrue();
      assertThat(key).doesNotExist();
    } finally {
      simulate.destroyForcibly();
    }
  }

  /** Whether a variable configures the tool: a tester's own must not reach these runs. */
  private static boolean isSetting(String name) {
    return name.startsWith("OKTA_") || name.startsWith("ENTRA_") || name.equals("IAM_PROVIDER");
  }

  /** Starts {@code java -jar helpdesk.jar args} with no settings variables, its stdin a pipe. */
  private static Process start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(HelpdeskJarIT::isSetting);
    return builder.start();
  }

  /**
   * Reads simulate's stdout up to the commands it suggests, and returns the settings of its {@code
   * export} lines, as a person copies them.
   */
  private static Map<String, String> settingsPrintedBy(Process simulate, StringBuilder seen)
      throws IOException {
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(simulate.getInputStream(), StandardCharsets.UTF_8));
    Map<String, String> env = new HashMap<>();
    while (!seen.toString().contains("Group 00gDemoEmployees:")) {
      String line = out.readLine();
      if (line == null) {
        throw new AssertionError("simulate ended before printing its settings:\n" + seen);
      }
      seen.append(line).append('\n');
      if (line.startsWith("export ")) {
        int equals = line.indexOf('=');
        env.put(line.substring("export ".length(), equals), line.substring(equals + 1));
      }
    }
    return env;
  }

  @Test
  void theDemoRunsEveryStepAsExpectedWithNothingOnStderr() {
    Run demo = helpdesk(Map.of(), "demo");

    assertThat(demo.code()).as("%s", demo).isZero();
    assertThat(demo.out())
        .startsWith(
            "helpdesk demo: the real Okta adapter against a simulated Okta org on loopback.")
        .contains("1. Generate the app's key pair.", "\"kty\": \"RSA\"")
        .contains("2. Check the connection", "\"tokenType\": \"DPoP\"", "\"firstPageCount\": 8")
        .contains("3. Sync the group.", "8 members on 1 page; 2 with incomplete profiles")
        .contains("4. Find an employee by primary email.", "\"id\":\"00uDemo01Ada\"")
        .contains("5. After verifying who she is", "\"action\":\"reset_password\"")
        .contains("6. Reset her MFA", "\"factorsReset\":[\"smsDemo01Ada\",\"opfDemo01Ada\"]")
        .contains("7. A user outside the employees group", "(exit 4)")
        .contains("8. Okta refuses a member holding a higher admin role", "E0000006")
        .contains("9. A dry run shows the exact request", "\"dryRun\":true")
        .doesNotContain(", expected ")
        .endsWith("Demo complete: every step behaved as expected.\n");
    assertThat(demo.err()).isEmpty();
  }

  @Test
  void theEntraDemoRunsEveryStepAsExpectedWithNothingOnStderr() {
    Run demo = helpdesk(Map.of(), "demo", "--provider", "entra");

    assertThat(demo.code()).as("%s", demo).isZero();
    assertThat(demo.out())
        .startsWith("helpdesk demo --provider entra: the real Entra adapter")
        .contains("1. Generate the app's key and a self-signed certificate.", "\"thumbprintSha1\"")
        .contains("2. Check the connection", "\"tokenType\": \"Bearer\"", "\"firstPageCount\": 7")
        .contains("3. Sync the group", "7 members on 1 page; 1 with incomplete profiles")
        .contains("4. Find an employee by her sign-in name", "\"login\":\"ada@contoso.example\"")
        .contains("5. List her authentication methods", "\"provider\":\"MICROSOFT\"")
        .contains("6. After verifying who she is", "\"action\":\"set_temporary_password\"")
        .contains("7. Reset her MFA", "\"action\":\"delete_methods\"")
        .contains("8. Issue her a Temporary Access Pass", "\"usableOnce\":true")
        .contains("11. Margaret is a member, but a Global Administrator", "(exit 4)")
        .contains("12. Entra has no unlock API", "(exit 8)")
        .doesNotContain(", expected ")
        .endsWith("Demo complete: every step behaved as expected.\n");
    assertThat(demo.err()).isEmpty();
  }

  @Test
  void theEntraBenchReportsASyncOfAGeneratedGroupFromASeparateJvm() {
    Run bench = helpdesk(Map.of("IAM_PROVIDER", "entra"), "bench", "--members", "3000");

    assertThat(bench.code()).as("%s", bench).isZero();
    assertThat(bench.out())
        .startsWith("helpdesk bench --provider entra: 3000 members, page size 999")
        .contains("in a separate JVM (pid ")
        .contains("members: 3000\n", "requests: 4 (list requests; ceil(N/P) = 4)");
  }

  @Test
  void theVerboseDemoShowsAnHttpSummaryOnStderrWithEverySecretRedacted() {
    Run demo = helpdesk(Map.of(), "demo", "--verbose");

    assertThat(demo.code()).as("%s", demo).isZero();
    assertThat(demo.err())
        .containsPattern(
            "<-- 400 POST http://localhost:\\d+/oauth2/v1/token .*: use_dpop_nonce, the server asks for a"
                + " DPoP nonce; the request is repeated with it, as expected")
        .containsPattern("<-- 200 POST http://localhost:\\d+/oauth2/v1/token")
        .containsPattern("<-- 200 GET http://localhost:\\d+/api/v1/groups/00gDemoEmployees/users")
        .containsPattern(
            "<-- 200 POST http://localhost:\\d+/api/v1/users/00uDemo01Ada/lifecycle/reset_factors")
        .contains("requestId sim-")
        .doesNotContain("eyJ")
        .doesNotContainIgnoringCase("authorization:")
        .doesNotContain("DPoP sim.")
        .doesNotContain("Bearer ")
        .doesNotContain("/reset_password/drp")
        .doesNotContain("PRIVATE KEY");
    assertThat(demo.out()).endsWith("Demo complete: every step behaved as expected.\n");
  }

  @Test
  void verboseRunsAgainstAnOrgLeaveNoSecretOnStderr() {
    AppKey key = AppKey.generate(dir, "okta-app.pem");
    try (SimulatedOrg org = SimulatedOrg.start(key)) {
      Run temp =
          helpdesk(org.env(), "reset-password", "ada@example.com", "--mode", "temp", "--verbose");
      Run link = helpdesk(org.env(), "--verbose", "reset-password", "grace@example.com");

      assertThat(temp.code()).as("%s", temp).isZero();
      assertThat(link.code()).as("%s", link).isZero();
      String tempPassword = (String) CliRun.object(temp.out()).get("tempPassword");
      String resetUrl = (String) CliRun.object(link.out()).get("resetUrl");
      assertThat(tempPassword).startsWith("Tmp-");
      for (Run run : List.of(temp, link)) {
        assertThat(run.err())
            .contains("<-- 200 POST " + org.orgUrl() + "/oauth2/v1/token")
            .doesNotContain(tempPassword)
            .doesNotContain(resetUrl);
        org.assertNoSecretIn(run.err());
      }
    }
  }

  @Test
  void anErrorIsOneLineOnStderrWithoutLogsOrStackTrace() throws IOException {
    AppKey key = AppKey.generate(dir, "okta-app-2.pem");
    Path snapshot = dir.resolve("corrupt.snapshot");
    Files.writeString(snapshot, "not a snapshot\n");
    try (SimulatedOrg org = SimulatedOrg.start(key)) {
      Run corrupt = helpdesk(org.env(), "sync", "--snapshot", snapshot.toString());
      Run nobody = helpdesk(org.env(), "find", "nobody@example.com");
      Run outsider = helpdesk(org.env(), "reset-mfa", "linus@contractor.example");

      assertThat(corrupt.code()).isEqualTo(2);
      assertThat(nobody.code()).isEqualTo(5);
      assertThat(outsider.code()).isEqualTo(4);
      for (Run run : List.of(corrupt, nobody, outsider)) {
        assertThat(run.err().lines().toList())
            .as("%s", run)
            .singleElement()
            .asString()
            .startsWith("error: ");
      }
      assertThat(Files.readString(snapshot)).isEqualTo("not a snapshot\n");
    }
  }

  @Test
  void syncShowsProgressByDefaultExactlyWhenStderrIsATerminal() throws IOException {
    Path script = Path.of("/usr/bin/script");
    assumeTrue(
        Files.isExecutable(script) && Files.isDirectory(Path.of("/proc/self/fd")),
        "needs util-linux script(1) for a terminal, and Linux");
    AppKey key = AppKey.generate(dir, "okta-app-3.pem");
    Path members = dir.resolve("members.jsonl");
    Path log = dir.resolve("sync.log");
    try (SimulatedOrg org = SimulatedOrg.start(key)) {
      // In a terminal, with stdout to a file: stderr is the terminal.
      Run toFile = inTerminal(org.env(), script, "sync > " + quote(members));
      // In a terminal, with stderr to a file.
      Run errToFile = inTerminal(org.env(), script, "sync 2> " + quote(log));

      assertThat(toFile.code()).as("%s", toFile).isZero();
      assertThat(toFile.out()).contains("\r8 members, 1 page").contains("8 members on 1 page");
      assertThat(Files.readAllLines(members)).hasSize(8);
      assertThat(errToFile.code()).as("%s", errToFile).isZero();
      assertThat(Files.readString(log))
          .isEqualTo("8 members on 1 page; 2 with incomplete profiles (see missingFields)\n");
    }
  }

  /** Runs {@code helpdesk} and a shell redirection in a new terminal; its transcript is stdout. */
  private static Run inTerminal(Map<String, String> env, Path script, String commandLine) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return run(
        env,
        List.of(
            script.toString(),
            "-qec",
            quote(Path.of(java)) + " -jar " + quote(jar) + " " + commandLine,
            "/dev/null"));
  }

  private static String quote(Path path) {
    return "'" + path.toString().replace("'", "'\\''") + "'";
  }

  /** Runs {@code java -jar helpdesk.jar args} with only these settings variables set. */
  private static Run helpdesk(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return run(env, command);
  }

  private static Run run(Map<String, String> env, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(HelpdeskJarIT::isSetting);
    builder.environment().putAll(env);
    // The changes these runs make go to a test's audit log, never the tester's own.
    builder.environment().remove("XDG_STATE_HOME");
    builder.environment().putIfAbsent(AuditLog.ENV, dir.resolve("audit.jsonl").toString());
    try {
      Path out = Files.createTempFile(dir, "stdout", ".txt");
      Path err = Files.createTempFile(dir, "stderr", ".txt");
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not end in 60 s");
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
