package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.workforceiam.cli.bench.SimulatorProcess;

/**
 * {@code bench --provider entra} end to end with small groups: the simulated tenant serving a
 * generated group (in its own JVM, or in this one), the real Entra adapter over loopback HTTP, the
 * printed report. Checks counts, never timings.
 */
// The CLI's libraries log to System.err, which other classes capture (CliRun): not meanwhile.
@ResourceLock(value = Resources.SYSTEM_ERR, mode = ResourceAccessMode.READ)
class EntraBenchCommandTest {
  private record Run(int code, String out, String err) {
    Map<String, String> fields() {
      Map<String, String> fields = new LinkedHashMap<>();
      out.lines()
          .skip(1)
          .forEach(
              line -> {
                int colon = line.indexOf(": ");
                fields.put(line.substring(0, colon), line.substring(colon + 2));
              });
      return fields;
    }
  }

  private static Run helpdesk(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Helpdesk.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void syncsEveryGeneratedMemberWithOneRequestPerPageOfAtMost999AndOneToken() {
    Run run = helpdesk("bench", "--provider", "entra", "--members", "2500", "--in-process");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .startsWith("helpdesk bench --provider entra: 2500 members, page size 999")
        .contains("in this JVM at http://");
    Map<String, String> fields = run.fields();
    assertThat(fields.get("members")).isEqualTo("2500");
    assertThat(fields.get("requests")).isEqualTo("3 (list requests; ceil(N/P) = 3)");
    assertThat(fields.get("token requests"))
        .isEqualTo("1 (client assertions with the certificate)");
    assertThat(fields).containsKeys("members/s", "peak heap used", "allocated", "java");
  }

  @Test
  void runsTheTenantInASeparateJvmByDefault() {
    Run run = helpdesk("bench", "--provider", "entra", "--members", "1200", "--page-size", "500");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("in a separate JVM (pid ");
    assertThat(run.fields().get("requests")).isEqualTo("3 (list requests; ceil(N/P) = 3)");
    assertThat(run.fields().get("org cpu")).contains("in the simulated org's JVM");
  }

  @Test
  void refusesAPageSizeGraphDoesNotServe() {
    Run run = helpdesk("bench", "--provider", "entra", "--page-size", "1000");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: --page-size must be 1 to 999");
  }

  @Test
  void theSimulatorProcessStartsTheTenantByThisMainClassName() {
    assertThat(SimulatorProcess.ENTRA_MAIN_CLASS).isEqualTo(EntraBenchTenant.class.getName());
  }
}
