package org.workforceiam.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.workforceiam.cli.bench.SimulatedOrg;
import org.workforceiam.cli.bench.SimulatorProcess;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * The benchmark's Okta org: the simulated Okta with one group whose members are generated page by
 * page, never stored, so the org's memory does not grow with the group. Runs in this JVM ({@link
 * #inProcess}) or as the main of a separate process ({@link SimulatorProcess}).
 */
final class BenchOrg {
  static final String CLIENT_ID = "0oaHelpdeskBench";
  static final String GROUP = "00gBenchEmployees697";

  private BenchOrg() {}

  /** The member at an index; the same one every time (the JMH decoding benchmark's shape). */
  static SimUser member(int i) {
    String login = "user" + i + "@example.com";
    return SimUser.of(String.format("00u%07dAbCdEfGh697", i), login, "ACTIVE")
        .profile("firstName", "First" + i)
        .profile("lastName", "Last" + i)
        .profile("email", login)
        .profile("department", "Department " + (i % 40));
  }

  static SimulatedOkta start(
      String group,
      int members,
      String clientId,
      PublicKey publicKey,
      String keyId,
      boolean requireDpop,
      boolean acceptAudienceArray)
      throws IOException {
    SimulatedOkta.Builder org =
        SimulatedOkta.builder()
            .clientId(clientId)
            .publicKey(publicKey, keyId)
            .requireDpop(requireDpop)
            .directory(new SimDirectory().generatedGroup(group, members, BenchOrg::member));
    if (acceptAudienceArray) {
      org.acceptAudienceArray();
    }
    return org.start();
  }

  /** The org in this JVM: its memory and collections then count in the client's figures. */
  static SimulatedOrg inProcess(int members, PublicKey publicKey, String keyId) throws IOException {
    SimulatedOkta org = start(GROUP, members, CLIENT_ID, publicKey, keyId, true, false);
    return new SimulatedOrg() {
      @Override
      public String orgUrl() {
        return org.orgUrl();
      }

      @Override
      public Counts counts() {
        return new Counts(org.apiCalls().size(), org.tokenRequests(), -1);
      }

      @Override
      public void close() {
        org.close();
      }
    };
  }

  /**
   * Runs the org as a process of its own: {@code GROUP MEMBERS CLIENT_ID KEY_ALGORITHM
   * BASE64_X509_PUBLIC_KEY KEY_ID REQUIRE_DPOP [accept-audience-array]}. Prints {@code ready URL},
   * answers {@code counts} with {@code counts API TOKEN CPU_NANOS} (this process's CPU time so
   * far), and stops when standard input closes.
   *
   * @param args the arguments above
   * @throws Exception when the org cannot start
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 7) {
      System.err.println(
          "usage: BenchOrg GROUP MEMBERS CLIENT_ID KEY_ALGORITHM BASE64_X509_PUBLIC_KEY KEY_ID"
              + " REQUIRE_DPOP [accept-audience-array]");
      System.exit(2);
    }
    PublicKey key = publicKey(args[3], args[4]);
    boolean acceptAudienceArray = args.length > 7 && args[7].equals("accept-audience-array");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (SimulatedOkta org =
            start(
                args[0],
                Integer.parseInt(args[1]),
                args[2],
                key,
                args[5],
                Boolean.parseBoolean(args[6]),
                acceptAudienceArray);
        BufferedReader commands =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      out.println("ready " + org.orgUrl());
      for (String line = commands.readLine(); line != null; line = commands.readLine()) {
        if (line.equals("counts")) {
          out.println(
              "counts "
                  + org.apiCalls().size()
                  + " "
                  + org.tokenRequests()
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

  private static PublicKey publicKey(String algorithm, String base64) {
    try {
      return KeyFactory.getInstance(algorithm)
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a " + algorithm + " public key: " + e, e);
    }
  }
}
