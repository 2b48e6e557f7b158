package org.workforceiam.cli.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The report of one benchmarked sync, {@code name: value} a line in a fixed order that scripts (and
 * {@code benchmarks/summarize.py}) rely on. Both {@code helpdesk bench} and the okta-sdk-java
 * comparison print it, so their outputs compare line by line.
 */
public final class SyncReport {
  private SyncReport() {}

  /**
   * Returns the report lines.
   *
   * @param pageSize the page size asked for
   * @param result what the meter measured
   * @param before the org's counts just before the meter started
   * @param after the org's counts once the sync ended
   * @return the lines
   */
  public static List<String> lines(
      int pageSize,
      SyncMeter.Result result,
      SimulatedOrg.Counts before,
      SimulatedOrg.Counts after) {
    return lines(pageSize, result, before, after, "DPoP nonce handshake included");
  }

  /**
   * Returns the report lines, saying what the token requests include.
   *
   * @param pageSize the page size asked for
   * @param result what the meter measured
   * @param before the org's counts just before the meter started
   * @param after the org's counts once the sync ended
   * @param tokenNote what the token requests count, such as {@code DPoP nonce handshake included}
   * @return the lines
   */
  public static List<String> lines(
      int pageSize,
      SyncMeter.Result result,
      SimulatedOrg.Counts before,
      SimulatedOrg.Counts after,
      String tokenNote) {
    long expectedRequests = (result.members() + pageSize - 1L) / pageSize;
    List<String> lines = new ArrayList<>();
    lines.add("members: " + result.members());
    lines.add("page size: " + pageSize);
    lines.add(
        String.format(
            "requests: %d (list requests; ceil(N/P) = %d)",
            after.apiRequests() - before.apiRequests(), expectedRequests));
    lines.add(
        String.format(
            "token requests: %d (%s)", after.tokenRequests() - before.tokenRequests(), tokenNote));
    lines.addAll(result.lines());
    lines.add(
        after.cpuNanos() < 0
            ? "org cpu: shares this JVM"
            : String.format(
                "org cpu: %.3f s in the simulated org's JVM during the sync",
                (after.cpuNanos() - before.cpuNanos()) / 1e9));
    lines.add(
        "java: "
            + Runtime.version()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    return lines;
  }
}
