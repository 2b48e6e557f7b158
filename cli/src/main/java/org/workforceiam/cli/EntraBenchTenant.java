package org.workforceiam.cli;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.workforceiam.cli.bench.SimulatedOrg;
import org.workforceiam.cli.bench.SimulatorProcess;
import org.workforceiam.entra.simulator.DemoTenant;
import org.workforceiam.entra.simulator.SimulatedEntra;

/**
 * The benchmark's Entra tenant: the simulated Entra with one group, {@link DemoTenant#BENCH_GROUP},
 * whose members are generated page by page and never stored ({@link DemoTenant#bench(int)}), and
 * the app's certificate uploaded. Runs in this JVM ({@link #inProcess}) or as the main of a
 * separate process ({@link #separate}), as {@link BenchOrg} does for Okta.
 */
final class EntraBenchTenant {
  private EntraBenchTenant() {}

  /** A running tenant: what the benchmark measures with, and where its two origins are. */
  record Running(SimulatedOrg counts, String graphUrl, String authorityUrl) {}

  static SimulatedEntra start(int members, X509Certificate certificate) throws IOException {
    return SimulatedEntra.builder()
        .tenantId(DemoTenant.TENANT_ID)
        .clientId(DemoTenant.CLIENT_ID)
        .certificate(certificate)
        .tenant(DemoTenant.bench(members))
        .start();
  }

  /** The tenant in this JVM: its memory and collections then count in the client's figures. */
  static Running inProcess(int members, X509Certificate certificate) throws IOException {
    SimulatedEntra tenant = start(members, certificate);
    SimulatedOrg counts =
        new SimulatedOrg() {
          @Override
          public String orgUrl() {
            return tenant.graphUrl();
          }

          @Override
          public Counts counts() {
            return new Counts(tenant.graphCalls().size(), tenant.tokenRequests(), -1);
          }

          @Override
          public void close() {
            tenant.close();
          }
        };
    return new Running(counts, tenant.graphUrl(), tenant.authorityUrl());
  }

  /** The tenant in a JVM of its own, from this class path. */
  static Running separate(int members, X509Certificate certificate, List<String> jvmOptions)
      throws IOException {
    SimulatorProcess process =
        SimulatorProcess.startEntra(
            System.getProperty("java.class.path"), members, certificate, jvmOptions);
    List<String> urls = process.urls();
    return new Running(process, urls.get(0), urls.get(1));
  }

  /**
   * Runs the tenant as a process of its own: {@code MEMBERS BASE64_DER_CERTIFICATE}. Prints {@code
   * ready GRAPH_URL AUTHORITY_URL}, answers {@code counts} with {@code counts GRAPH TOKEN
   * CPU_NANOS} (this process's CPU time so far), and stops when standard input closes.
   *
   * @param args the arguments above
   * @throws Exception when the tenant cannot start
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: EntraBenchTenant MEMBERS BASE64_DER_CERTIFICATE");
      System.exit(2);
    }
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(args[1])));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (SimulatedEntra tenant = start(Integer.parseInt(args[0]), certificate);
        BufferedReader commands =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      out.println("ready " + tenant.graphUrl() + " " + tenant.authorityUrl());
      for (String line = commands.readLine(); line != null; line = commands.readLine()) {
        if (line.equals("counts")) {
          out.println(
              "counts "
                  + tenant.graphCalls().size()
                  + " "
                  + tenant.tokenRequests()
                  + " "
                  + processCpuNanos());
        }
      }
    }
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }
}
