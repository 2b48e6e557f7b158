package org.workforceiam.okta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * Simulated Okta orgs for the multi-tenant benchmarks, each with one generated group (members made
 * page by page, never stored, as {@code helpdesk bench} makes them) and DPoP required, running in a
 * JVM of their own so that their memory stays out of the client's figures.
 *
 * <p>The child runs {@link #main} from the same class path and talks over its standard streams: it
 * prints {@code ready URL...} once every org listens, answers {@code counts} with {@code counts API
 * TOKEN CPU_NANOS} (summed over the orgs), and stops when its standard input closes.
 */
final class TenantOrgs implements AutoCloseable {
  static final String GROUP = "00gTenantMembers697";
  static final String CLIENT_ID = "0oaTenantBench";
  static final String KEY_ID = "bench-key";

  private final Process process;
  private final PrintWriter commands;
  private final BufferedReader answers;
  private final List<String> orgUrls;

  private TenantOrgs(Process process) throws IOException {
    this.process = process;
    this.commands =
        new PrintWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    this.answers =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String ready = answers.readLine();
    if (ready == null || !ready.startsWith("ready ")) {
      process.destroy();
      throw new IOException("the simulated orgs did not start (they said " + ready + ")");
    }
    this.orgUrls = List.of(ready.substring("ready ".length()).split(" "));
  }

  /**
   * Starts the orgs in a new JVM and waits until they listen.
   *
   * @param orgs how many orgs
   * @param members members of each org's group
   * @param publicKey the app's public key, registered in every org under {@link #KEY_ID}
   * @param jvmOptions options of the child JVM
   * @return the running orgs
   * @throws IOException when they do not start
   */
  static TenantOrgs start(int orgs, int members, PublicKey publicKey, List<String> jvmOptions)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TenantOrgs.class.getName());
    command.add(Integer.toString(orgs));
    command.add(Integer.toString(members));
    command.add(publicKey.getAlgorithm());
    command.add(Base64.getEncoder().encodeToString(publicKey.getEncoded()));
    return new TenantOrgs(
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  List<String> orgUrls() {
    return orgUrls;
  }

  /** {@return API requests, token requests and CPU nanoseconds of the orgs' JVM so far} */
  long[] counts() {
    commands.println("counts");
    try {
      String line = answers.readLine();
      String[] parts = line == null ? new String[0] : line.split(" ");
      if (parts.length != 4 || !parts[0].equals("counts")) {
        throw new IOException("unexpected answer from the simulated orgs: " + line);
      }
      return Arrays.stream(parts, 1, 4).mapToLong(Long::parseLong).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    commands.close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
    }
  }

  /** The member at an index, the same every time: the shape of {@code helpdesk bench}'s members. */
  static SimUser member(int i) {
    String login = "user" + i + "@example.com";
    return SimUser.of(String.format("00u%07dAbCdEfGh697", i), login, "ACTIVE")
        .profile("firstName", "First" + i)
        .profile("lastName", "Last" + i)
        .profile("email", login)
        .profile("department", "Department " + (i % 40));
  }

  /**
   * Runs the orgs: {@code ORGS MEMBERS KEY_ALGORITHM BASE64_X509_PUBLIC_KEY}.
   *
   * @param args the arguments above
   * @throws Exception when an org cannot start
   */
  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    int members = Integer.parseInt(args[1]);
    PublicKey key =
        KeyFactory.getInstance(args[2])
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(args[3])));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<SimulatedOkta> orgs = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        orgs.add(
            SimulatedOkta.builder()
                .clientId(CLIENT_ID)
                .publicKey(key, KEY_ID)
                .requireDpop(true)
                .directory(new SimDirectory().generatedGroup(GROUP, members, TenantOrgs::member))
                .start());
      }
      out.println("ready " + String.join(" ", orgs.stream().map(SimulatedOkta::orgUrl).toList()));
      BufferedReader commands =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = commands.readLine(); line != null; line = commands.readLine()) {
        if (line.equals("counts")) {
          long api = orgs.stream().mapToLong(org -> org.apiCalls().size()).sum();
          long tokens = orgs.stream().mapToLong(SimulatedOkta::tokenRequests).sum();
          long cpu =
              ManagementFactory.getOperatingSystemMXBean()
                      instanceof com.sun.management.OperatingSystemMXBean os
                  ? os.getProcessCpuTime()
                  : -1;
          out.println("counts " + api + " " + tokens + " " + cpu);
        }
      }
    } finally {
      orgs.forEach(SimulatedOkta::close);
    }
  }
}
