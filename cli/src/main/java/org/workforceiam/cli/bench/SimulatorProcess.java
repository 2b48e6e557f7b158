package org.workforceiam.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulated Okta org (or Entra tenant) in a JVM of its own, so that its memory (every page is
 * built as JSON before it is sent) and its garbage collections stay out of the client's figures.
 *
 * <p>The child runs {@value #MAIN_CLASS} (or another simulator's main, {@link #start(String,
 * String, List, List)}) from the given class path (the helpdesk jar has it) and talks over its
 * standard streams: it prints {@code ready URL [URL…]} once it listens, answers a line {@code
 * counts} with {@code counts API TOKEN CPU_NANOS}, and stops when its standard input closes. Its
 * standard error goes to this process's.
 */
public final class SimulatorProcess implements SimulatedOrg {
  /** The child's main class, in the examples module. */
  public static final String MAIN_CLASS = "org.workforceiam.cli.BenchOrg";

  /** The simulated Entra tenant's main class: {@code MEMBERS BASE64_DER_CERTIFICATE}. */
  public static final String ENTRA_MAIN_CLASS = "org.workforceiam.cli.EntraBenchTenant";

  private final Process process;
  private final PrintWriter commands;
  private final BufferedReader answers;
  private final String orgUrl;
  private final List<String> urls;

  private SimulatorProcess(Process process) throws IOException {
    this.process = process;
    this.commands =
        new PrintWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    this.answers =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String ready = answers.readLine();
    if (ready == null || !ready.startsWith("ready ")) {
      process.destroy();
      throw new IOException(
          "the simulated org's process did not start (it said " + ready + "); see its stderr");
    }
    this.urls = List.copyOf(Arrays.asList(ready.substring("ready ".length()).split(" ")));
    this.orgUrl = urls.get(0);
  }

  /**
   * The org to simulate.
   *
   * @param group the group id
   * @param members how many members the group has
   * @param clientId the app's client id
   * @param publicKey the app's public key (RSA or EC), registered under {@code keyId}
   * @param keyId the key's id
   * @param requireDpop whether the app requires DPoP
   * @param acceptAudienceArray whether a client assertion's {@code aud} may be a one-element array
   *     (okta-sdk-java sends one)
   */
  public record Org(
      String group,
      int members,
      String clientId,
      PublicKey publicKey,
      String keyId,
      boolean requireDpop,
      boolean acceptAudienceArray) {}

  /**
   * Starts the simulated org in a new JVM and waits until it listens.
   *
   * @param classPath the class path holding {@value #MAIN_CLASS} and the simulated Okta
   * @param org the org to simulate
   * @param jvmOptions options for the child JVM, such as {@code -Xmx512m}
   * @return the running org
   * @throws IOException when the process cannot start or does not report its URL
   */
  public static SimulatorProcess start(String classPath, Org org, List<String> jvmOptions)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(org.group());
    command.add(Integer.toString(org.members()));
    command.add(org.clientId());
    command.add(org.publicKey().getAlgorithm());
    command.add(Base64.getEncoder().encodeToString(org.publicKey().getEncoded()));
    command.add(org.keyId());
    command.add(Boolean.toString(org.requireDpop()));
    if (org.acceptAudienceArray()) {
      command.add("accept-audience-array");
    }
    return start(classPath, MAIN_CLASS, command, jvmOptions);
  }

  /**
   * Starts the benchmark's simulated Entra tenant in a new JVM and waits until it listens: one
   * generated group of {@code members} users, the app's certificate uploaded. Its {@link #urls()}
   * are Graph's, then the authority's.
   *
   * @param classPath the class path holding {@value #ENTRA_MAIN_CLASS} and the simulated Entra
   * @param members how many members the group has
   * @param certificate the app's certificate
   * @param jvmOptions options for the child JVM, such as {@code -Xmx512m}
   * @return the running tenant
   * @throws IOException when the process cannot start or does not report both URLs
   */
  public static SimulatorProcess startEntra(
      String classPath, int members, X509Certificate certificate, List<String> jvmOptions)
      throws IOException {
    String encoded;
    try {
      encoded = Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the certificate cannot be encoded", e);
    }
    SimulatorProcess process =
        start(classPath, ENTRA_MAIN_CLASS, List.of(Integer.toString(members), encoded), jvmOptions);
    if (process.urls().size() != 2) {
      process.close();
      throw new IOException("the simulated tenant's process did not report Graph and authority");
    }
    return process;
  }

  /**
   * Starts a simulator's main class in a new JVM and waits until it listens: the protocol above.
   *
   * @param classPath the class path holding the main class and its simulator
   * @param mainClass the main class
   * @param args its arguments
   * @param jvmOptions options for the child JVM, such as {@code -Xmx512m}
   * @return the running simulator
   * @throws IOException when the process cannot start or does not report its URL
   */
  public static SimulatorProcess start(
      String classPath, String mainClass, List<String> args, List<String> jvmOptions)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    return new SimulatorProcess(process);
  }

  /**
   * Returns the child's process id.
   *
   * @return the pid
   */
  public long pid() {
    return process.pid();
  }

  @Override
  public String orgUrl() {
    return orgUrl;
  }

  /**
   * Returns every URL the child reported as ready, its org URL first (a simulated Entra reports
   * Graph, then the authority).
   *
   * @return the URLs
   */
  public List<String> urls() {
    return urls;
  }

  @Override
  public Counts counts() {
    commands.println("counts");
    try {
      String line = answers.readLine();
      String[] parts = line == null ? new String[0] : line.split(" ");
      if (parts.length != 4 || !parts[0].equals("counts")) {
        throw new IOException("unexpected answer from the simulated org: " + line);
      }
      return new Counts(
          Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Long.parseLong(parts[3]));
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

  @Override
  public String toString() {
    return "SimulatorProcess{pid=" + process.pid() + ", orgUrl=" + orgUrl + "}";
  }
}
