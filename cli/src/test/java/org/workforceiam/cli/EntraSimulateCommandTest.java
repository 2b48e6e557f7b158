package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.workforceiam.cli.SimulateCommandTest.Lines;
import org.workforceiam.entra.simulator.DemoTenant;

/**
 * {@code simulate --provider entra}: a tenant that stays up, in-process with a pipe as standard
 * input; other commands run against it with the settings it printed, as from a second terminal.
 */
// The CLI logs to System.err, which CliRun swaps for the whole JVM: one class at a time.
@ResourceLock(Resources.SYSTEM_ERR)
class EntraSimulateCommandTest {
  @TempDir Path auditDir;

  @Test
  void printsTheSettingsOfARunningTenantThatOtherCommandsUseAsIsThenStopsAndDeletesTheKey()
      throws Exception {
    Lines out = new Lines();
    StringWriter err = new StringWriter();
    PipedOutputStream stdin = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(stdin);
    CompletableFuture<Integer> simulate =
        CompletableFuture.supplyAsync(
            () ->
                Helpdesk.run(
                    new String[] {"simulate", "--provider", "entra", "--stop-on-eof"},
                    in,
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    Map.of()));
    try {
      Map<String, String> exported = exports(out);
      Map<String, String> env = new HashMap<>(exported);
      env.put(AuditLog.ENV, auditDir.resolve("audit.jsonl").toString());

      CliRun check = CliRun.of(env, "check");
      CliRun sync = CliRun.of(env, "sync");
      CliRun alan = CliRun.of(env, "find", "alan@" + DemoTenant.DOMAIN);

      assertThat(exported)
          .containsOnlyKeys(
              "IAM_PROVIDER",
              "ENTRA_TENANT_ID",
              "ENTRA_CLIENT_ID",
              "ENTRA_PRIVATE_KEY_FILE",
              "ENTRA_CERTIFICATE_FILE",
              "ENTRA_AUTHORITY_URL",
              "ENTRA_GRAPH_URL",
              "ENTRA_GROUP_ID")
          .containsEntry("IAM_PROVIDER", "entra")
          .containsEntry("ENTRA_TENANT_ID", DemoTenant.TENANT_ID)
          .containsEntry("ENTRA_GROUP_ID", DemoTenant.EMPLOYEES);
      Path key = Path.of(exported.get("ENTRA_PRIVATE_KEY_FILE"));
      assertThat(Files.getPosixFilePermissions(key))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(check.code()).as("%s", check).isZero();
      assertThat(sync.code()).as("%s", sync).isZero();
      assertThat(sync.jsonLines()).hasSize(7);
      assertThat(alan.json().get("missingFields")).isEqualTo(java.util.List.of("email"));

      stdin.close();

      assertThat(simulate.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(key).doesNotExist();
      assertThat(Path.of(exported.get("ENTRA_CERTIFICATE_FILE"))).doesNotExist();
      assertThat(out.text())
          .endsWith(
              "The simulated tenant has stopped; its key and certificate files are deleted.\n");
      assertThat(err.toString()).isEmpty();
    } finally {
      stdin.close();
      simulate.get(30, TimeUnit.SECONDS);
    }
  }

  /** Reads the {@code export NAME=value} lines simulate prints, up to the group's. */
  private static Map<String, String> exports(Lines out) throws InterruptedException, IOException {
    Map<String, String> env = new HashMap<>();
    while (!env.containsKey("ENTRA_GROUP_ID")) {
      String line = out.next();
      if (line.startsWith("export ")) {
        int equals = line.indexOf('=');
        env.put(line.substring("export ".length(), equals), line.substring(equals + 1));
      }
    }
    return env;
  }
}
