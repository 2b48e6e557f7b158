package org.workforceiam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.workforceiam.cli.bench.SimulatedOrg;
import org.workforceiam.cli.bench.SimulatorProcess;
import org.workforceiam.cli.bench.SyncMeter;
import org.workforceiam.cli.bench.SyncReport;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.entra.EntraCertificate;
import org.workforceiam.entra.EntraClient;
import org.workforceiam.entra.simulator.DemoTenant;
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
      "With --provider entra: a simulated Microsoft Entra ID tenant whose group has N generated"
          + " members (50000 by default), synced through the real Entra adapter (a certificate's"
          + " client assertion, Graph pages of $top members).",
      "Needs no connection settings."
    })
final class BenchCommand extends BaseCommand {
  @Option(
      names = "--members",
      paramLabel = "N",
      description = "Members in the group (default: 10000; 50000 with --provider entra).")
  @Nullable Integer members;

  @Option(
      names = "--page-size",
      paramLabel = "P",
      description =
          "Members per page, Okta's limit parameter, 1 to 10000 (default: 200, the page size Okta"
              + " recommends); with --provider entra Graph's $top, 1 to 999 (default: 999).")
  @Nullable Integer pageSize;

  @Option(
      names = "--in-process",
      description =
          "Run the simulated org in this JVM instead: quicker to start, but its memory and"
              + " collections then count in the figures.")
  boolean inProcess;

  @Override
  public Integer call() {
    boolean entra = provider() == Provider.entra;
    int members = this.members != null ? this.members : entra ? 50_000 : 10_000;
    int pageSize = this.pageSize != null ? this.pageSize : entra ? EntraClient.MAX_PAGE_SIZE : 200;
    int maxPageSize = entra ? EntraClient.MAX_PAGE_SIZE : 10_000;
    if (members < 1) {
      throw new UsageException("--members must be at least 1: " + members);
    }
    if (pageSize < 1 || pageSize > maxPageSize) {
      throw new UsageException("--page-size must be 1 to " + maxPageSize + ": " + pageSize);
    }
    return entra ? entra(members, pageSize) : okta(members, pageSize);
  }

  private int okta(int members, int pageSize) {
    KeyPair keys = SimulatedOrg.appKeyPair();
    String keyId = "bench-key";
    try (SimulatedOrg org = startOrg(members, keys, keyId)) {
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
      return checkCount(result, members);
    }
  }

  /**
   * The Entra bench: the simulated tenant serves {@link DemoTenant#bench(int)}'s generated group
   * with the app's certificate uploaded; the real Entra adapter pages through it.
   */
  private int entra(int members, int pageSize) {
    EntraCertificate certificate = EntraCertificate.builder().generate();
    EntraBenchTenant.Running tenant = startTenant(members, certificate);
    try (SimulatedOrg counted = tenant.counts()) {
      PrintWriter out = out();
      out.printf(
          "helpdesk bench --provider entra: %d members, page size %d, certificate credential,"
              + " simulated Entra tenant %s%n",
          members, pageSize, describe(counted));
      out.flush();

      SimulatedOrg.Counts before = counted.counts();
      EventSummary events = new EventSummary();
      SyncMeter meter = SyncMeter.start();
      try (EntraClient client =
              EntraClient.builder()
                  .tenantId(DemoTenant.TENANT_ID)
                  .clientId(DemoTenant.CLIENT_ID)
                  .credential(certificate.credential())
                  .authorityUrl(tenant.authorityUrl())
                  .graphUrl(tenant.graphUrl())
                  .pageSize(pageSize)
                  .eventListener(events)
                  .build();
          Stream<Employee> employees =
              client.directory().members(GroupId.of(DemoTenant.BENCH_GROUP))) {
        employees.forEach(employee -> meter.member());
      }
      SyncMeter.Result result = meter.stop();
      SyncReport.lines(
              pageSize, result, before, counted.counts(), "client assertions with the certificate")
          .forEach(out::println);
      out.flush();
      err().println(events.line());
      err().flush();
      return checkCount(result, members);
    }
  }

  private int checkCount(SyncMeter.Result result, int members) {
    if (result.members() != members) {
      err().println("error: synced " + result.members() + " members, expected " + members);
      return ExitCodes.UNEXPECTED;
    }
    return ExitCodes.OK;
  }

  private EntraBenchTenant.Running startTenant(int members, EntraCertificate certificate) {
    try {
      if (inProcess) {
        return EntraBenchTenant.inProcess(members, certificate.certificate());
      }
      return EntraBenchTenant.separate(
          members, certificate.certificate(), List.of("-Xmx512m", "-XX:+UseSerialGC"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the simulated Entra tenant", e);
    }
  }

  private SimulatedOrg startOrg(int members, KeyPair keys, String keyId) {
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
}
