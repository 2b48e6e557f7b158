package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * {@code simulate}: an org that stays up, in-process through {@link Helpdesk#run} with a pipe as
 * standard input. Other commands run against it exactly as a person in a second terminal runs them,
 * with the settings it printed. {@code HelpdeskJarIT} does the same with the jar as a process.
 */
// The CLI logs to System.err, which CliRun swaps for the whole JVM: one class at a time.
@ResourceLock(Resources.SYSTEM_ERR)
class SimulateCommandTest {
  @TempDir Path auditDir;

  private final Lines out = new Lines();
  private final StringWriter err = new StringWriter();
  private PipedOutputStream stdin;
  private CompletableFuture<Integer> simulate;

  @BeforeEach
  void startSimulate() throws IOException {
    stdin = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(stdin);
    simulate =
        CompletableFuture.supplyAsync(
            () ->
                Helpdesk.run(
                    new String[] {"simulate", "--stop-on-eof"},
                    in,
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    Map.of()));
  }

  @AfterEach
  void stopSimulate() throws Exception {
    stdin.close();
    simulate.get(30, TimeUnit.SECONDS);
  }

  @Test
  void printsTheSettingsOfARunningOrgThatOtherCommandsUseAsIs() throws Exception {
    Map<String, String> exported = exports(out);
    Map<String, String> env = new java.util.HashMap<>(exported);
    env.put(AuditLog.ENV, auditDir.resolve("audit.jsonl").toString());

    CliRun sync = CliRun.of(env, "sync");
    CliRun dryRun = CliRun.of(env, "reset-password", "ada@example.com", "--dry-run");
    CliRun check = CliRun.of(env, "check");

    assertThat(exported)
        .containsOnlyKeys(
            "OKTA_ORG_URL", "OKTA_CLIENT_ID", "OKTA_PRIVATE_KEY_FILE", "OKTA_GROUP_ID")
        .containsEntry("OKTA_CLIENT_ID", DemoOrg.CLIENT_ID)
        .containsEntry("OKTA_GROUP_ID", DemoOrg.GROUP);
    assertThat(env.get("OKTA_ORG_URL")).matches("http://(localhost|127\\.0\\.0\\.1):\\d+");
    assertThat(sync.code()).as("%s", sync).isZero();
    assertThat(sync.jsonLines()).hasSize(8);
    assertThat(sync.err()).contains("8 members on 1 page; 2 with incomplete profiles");
    assertThat(dryRun.code()).as("%s", dryRun).isZero();
    assertThat(dryRun.json()).containsEntry("dryRun", true).containsEntry("userId", "00uDemo01Ada");
    assertThat(check.code()).as("%s", check).isZero();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void writesTheAppsKeyReadableOnlyByItsOwnerAndNamesIt() throws Exception {
    Path key = Path.of(exports(out).get("OKTA_PRIVATE_KEY_FILE"));

    assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Files.getPosixFilePermissions(key))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(out.text()).contains(key + " (mode 0600, deleted when the org stops)");
  }

  @Test
  void seedsThePrivilegedAdminAndTheIncompleteProfilesThatTheOrgRefusesOrReports()
      throws Exception {
    Map<String, String> env = exports(out);
    env.put(AuditLog.ENV, auditDir.resolve("audit.jsonl").toString());

    CliRun admin = CliRun.of(env, "reset-mfa", "root.admin@example.com");
    CliRun katherine = CliRun.of(env, "find", "katherine@example.com");
    CliRun outsider = CliRun.of(env, "reset-password", "linus@contractor.example");

    assertThat(admin.code()).isEqualTo(4);
    assertThat(admin.errorLine()).contains("E0000006");
    assertThat(katherine.json().get("missingFields"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactly("firstName");
    assertThat(outsider.code()).isEqualTo(4);
  }

  @Test
  void keepsItsUsersStateFromOneCommandToTheNext() throws Exception {
    Map<String, String> env = exports(out);
    env.put(AuditLog.ENV, auditDir.resolve("audit.jsonl").toString());

    CliRun unlock = CliRun.of(env, "unlock", "grace@example.com");
    CliRun again = CliRun.of(env, "unlock", "grace@example.com");

    assertThat(unlock.code()).as("%s", unlock).isZero();
    assertThat(again.code()).as("a second unlock finds her active: %s", again).isEqualTo(8);
  }

  @Test
  void stopsWhenStandardInputEndsClosingThePortAndDeletingTheKey() throws Exception {
    Map<String, String> env = exports(out);
    env.put(AuditLog.ENV, auditDir.resolve("audit.jsonl").toString());
    Path key = Path.of(env.get("OKTA_PRIVATE_KEY_FILE"));
    URI org = URI.create(env.get("OKTA_ORG_URL"));

    stdin.close();

    assertThat(simulate.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(key).doesNotExist();
    assertThat(key.getParent()).doesNotExist();
    assertThat(out.text()).endsWith("The simulated org has stopped; its key file is deleted.\n");
    assertThatThrownBy(() -> new Socket(org.getHost(), org.getPort()).close())
        .isInstanceOf(ConnectException.class);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void itsHelpSaysHowItStops() {
    CliRun help = CliRun.of(Map.of(), "simulate", "--help");

    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains("until", "interrupted (Ctrl-C)", "--stop-on-eof", "standard input ends")
        .doesNotContain("--org-url");
  }

  /** Reads the {@code export NAME=value} lines simulate prints, up to the last one. */
  static Map<String, String> exports(Lines out) throws InterruptedException {
    Map<String, String> env = new HashMap<>();
    while (!env.containsKey("OKTA_GROUP_ID")) {
      String line = out.next();
      if (line.startsWith("export ")) {
        int equals = line.indexOf('=');
        env.put(line.substring("export ".length(), equals), line.substring(equals + 1));
      }
    }
    return env;
  }

  /** Stdout of the running command, line by line as it prints. */
  static final class Lines extends Writer {
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        text.append(chars[i]);
        if (chars[i] == '\n') {
          lines.add(line.toString());
          line.setLength(0);
        } else {
          line.append(chars[i]);
        }
      }
    }

    /** The next line; fails after 30 seconds without one. */
    String next() throws InterruptedException {
      String next = lines.poll(30, TimeUnit.SECONDS);
      if (next == null) {
        throw new AssertionError("no line in 30 s; so far:\n" + text());
      }
      return next;
    }

    synchronized String text() {
      return text.toString();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
