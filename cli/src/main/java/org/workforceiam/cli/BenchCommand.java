package org.workforceiam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.stream.Stream;
import org.workforceiam.cli.bench.SimulatedOrg;
import org.workforceiam.cli.bench.SimulatorProcess;
import org.workforceiam.cli.bench.SyncMeter;
import org.workforceiam.cli.bench.SyncReport;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.okta.OktaClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure a whole-group sync: start a simulated Okta org on loopback whose group has N"
          + " generated members (made page by page, never stored; DPoP required), sync every"
          + " member through the real adapter over HTTP, and print members/s, the requests made,"
          + " the token requests, the time to the first employee and the peak heap used by this"
          + " JVM (memory-pool MXBeans, peaks reset after a GC at the start). On stderr, a"
          + " summary of the client's own events: requests, retries, rate-limit waits and token"
          + " fetches.",
      "",
      "The org runs in a separate JVM by default, so its own memory (each page is built as"
          + " JSON before it is sent) stays out of the client's figures. Run it under the heap"
          + " you want to prove, for example: java -Xmx64m -jar helpdesk.jar bench --members"
          + " 100000.",
      "Needs no connection settings."
    })
final class BenchCommand extends BaseCommand {
  @Option(
      names = "--members",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Members in the group (default: ${DEFAULT-VALUE}).")
  int members = 10_000;

  @Option(
      names = "--page-size",
      paramLabel = "P",
      defaultValue = "200",
      description =
          "Members per page, Okta's limit parameter, 1 to 10000 (default: ${DEFAULT-VALUE},"
              + " the page size Okta recommends).")
  int pageSize = 200;

  @Option(
      names = "--in-process",
      description =
          "Run the simulated org in this JVM instead: quicker to start, but its memory and"
              + " collections then count in the figures.")
  boolean inProcess;

  @Override
  public Integer call() {
    if (members < 1) {
      throw new UsageException("--members must be at least 1: " + members);
    }
    if (pageSize < 1 || pageSize > 10_000) {
      throw new UsageException("--page-size must be 1 to 10000: " + pageSize);
    }
    KeyPair keys = rsaKeyPair();
    String keyId = "bench-key";
    try (SimulatedOrg org = startOrg(keys, keyId)) {
      PrintWriter out = out();
      out.printf(
          "helpdesk bench: %d members, page size %d, DPoP required, simulated org %s%n",
          members, pageSize, describe(org));
      out.flush();

      SimulatedOrg.Counts before = org.counts();
      EventSummary events = new EventSummary();
      SyncMeter meter = SyncMeter.start();
      try (OktaClient okta =
              OktaClient.builder()
                  .orgUrl(org.orgUrl())
                  .clientId(BenchOrg.CLIENT_ID)
                  .privateKey(keys.getPrivate())
                  .keyId(keyId)
                  .pageSize(pageSize)
                  .eventListener(events)
                  .build();
          Stream<Employee> employees = okta.directory().members(GroupId.of(BenchOrg.GROUP))) {
        employees.forEach(employee -> meter.member());
      }
      SyncMeter.Result result = meter.stop();
      SyncReport.lines(pageSize, result, before, org.counts()).forEach(out::println);
      out.flush();
      err().println(events.line());
      err().flush();
      if (result.members() != members) {
        err().println("error: synced " + result.members() + " members, expected " + members);
        return ExitCodes.UNEXPECTED;
      }
      return ExitCodes.OK;
    }
  }

  private SimulatedOrg startOrg(KeyPair keys, String keyId) {
    try {
      if (inProcess) {
        return BenchOrg.inProcess(members, keys.getPublic(), keyId);
      }
      return SimulatorProcess.start(
          System.getProperty("java.class.path"),
          new SimulatorProcess.Org(
              BenchOrg.GROUP, members, BenchOrg.CLIENT_ID, keys.getPublic(), keyId, true, false),
          List.of("-Xmx512m", "-XX:+UseSerialGC"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the simulated Okta org", e);
    }
  }

  private static String describe(SimulatedOrg org) {
    return org instanceof SimulatorProcess process
        ? "in a separate JVM (pid " + process.pid() + ") at " + org.orgUrl()
        : "in this JVM at " + org.orgUrl();
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate an RSA key pair", e);
    }
  }
}
