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

/**
 * Runs {@code helpdesk bench} end to end with small groups: the simulated org (in its own JVM, or
 * in this one), the real adapter over loopback HTTP with DPoP, and the printed report. Checks the
 * counts the issue sets as targets, never timings: those belong to the benchmark's runs.
 */
// The CLI's libraries log to System.err, which other classes capture (CliRun): not meanwhile.
@ResourceLock(value = Resources.SYSTEM_ERR, mode = ResourceAccessMode.READ)
class BenchCommandTest {

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

  private static long leadingNumber(String value) {
    return Long.parseLong(value.replaceAll("^(\\d+).*$", "$1"));
  }

  @Test
  void syncsEveryMemberWithOneListRequestPerPageAndAtMostTwoTokenRequests() {
    Run run = helpdesk("bench", "--members", "2345", "--page-size", "200");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("helpdesk bench: 2345 members, page size 200, DPoP required");
    assertThat(run.out()).contains("in a separate JVM (pid ");
    Map<String, String> fields = run.fields();
    assertThat(fields)
        .containsOnlyKeys(
            "members",
            "page size",
            "requests",
            "token requests",
            "members/s",
            "wall time",
            "time to first employee",
            "peak heap used",
            "allocated",
            "heap after gc",
            "gc",
            "cpu",
            "org cpu",
            "java");
    assertThat(fields.get("members")).isEqualTo("2345");
    assertThat(fields.get("requests")).isEqualTo("12 (list requests; ceil(N/P) = 12)");
    assertThat(leadingNumber(fields.get("token requests"))).isBetween(1L, 2L);
    assertThat(leadingNumber(fields.get("members/s"))).isPositive();
    assertThat(fields.get("wall time")).matches("\\d+\\.\\d{3} s");
    assertThat(fields.get("time to first employee")).matches("\\d+ ms");
    assertThat(fields.get("peak heap used")).matches("\\d+\\.\\d MiB \\(sum of the heap pools'.*");
    assertThat(fields.get("allocated"))
        .matches("\\d+\\.\\d MiB by the syncing thread, \\d+ B/member");
    assertThat(fields.get("heap after gc")).matches("\\d+\\.\\d MiB \\(.*");
    assertThat(fields.get("cpu")).matches("\\d+\\.\\d{3} s in this JVM, .* us/member");
    assertThat(fields.get("org cpu")).matches("\\d+\\.\\d{3} s in the simulated org's JVM.*");
  }

  @Test
  void countsTheSameRequestsWithTheOrgInThisJvm() {
    Run run = helpdesk("bench", "--members", "2000", "--page-size", "1000", "--in-process");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("simulated org in this JVM");
    assertThat(run.fields().get("members")).isEqualTo("2000");
    assertThat(run.fields().get("requests")).startsWith("2 (list requests; ceil(N/P) = 2)");
    assertThat(leadingNumber(run.fields().get("token requests"))).isLessThanOrEqualTo(2);
    assertThat(run.fields().get("org cpu")).isEqualTo("shares this JVM");
    // The client's own count, from its events, on stderr: the same requests the org counted.
    assertThat(run.err())
        .containsPattern(
            "events: \\d+ requests \\(2 API, [12] token\\), 0 retries, 0 rate-limit waits"
                + " \\(0\\.0 s\\), tokens: 1 fetched, 0 refreshed");
  }

  @Test
  void describesItsOptions() {
    Run run = helpdesk("bench", "--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("--members=N", "--page-size=P", "--in-process", "MXBeans");
  }

  @Test
  void refusesAPageSizeOktaDoesNotServe() {
    Run run = helpdesk("bench", "--page-size", "0");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: --page-size must be 1 to 10000");
  }
}
