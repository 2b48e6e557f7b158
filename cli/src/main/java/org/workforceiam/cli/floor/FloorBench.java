package org.workforceiam.cli.floor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.workforceiam.cli.bench.SimulatedOrg;
import org.workforceiam.cli.bench.SimulatorProcess;
import org.workforceiam.entra.EntraCertificate;
import org.workforceiam.entra.EntraClient;
import org.workforceiam.entra.simulator.DemoTenant;

/**
 * The SDK's sync beside its floor ({@link OktaFloor}, or {@link EntraFloor} with {@code --provider
 * entra}), on one simulated Okta org or Entra tenant (in its own JVM), with the same key (and
 * certificate), token, group and page size, run alternately so that every figure is a ratio of two
 * runs made side by side: rounds of {@code sdk, floor} then {@code floor, sdk}, each run in a fresh
 * JVM with the same JVM options. The org serves one unmeasured sync of each first, so its JIT is
 * warm for both.
 *
 * <ul>
 *   <li><b>embedded</b>: {@link MeteredSync}, the sync in a JVM with no output: wall time and the
 *       syncing thread's allocation per member ({@code SyncMeter}).
 *   <li><b>process</b>: {@code java -jar helpdesk.jar sync --format jsonl > FILE} against {@code
 *       java -cp helpdesk.jar ...FloorSync}, default JVM options: wall time from start to exit,
 *       peak RSS (GNU time's {@code %M}), the time until the output file first holds a byte (the
 *       first employee printed; the floor prints a line when its first bytes arrive). The CLI pages
 *       by the adapter's default, 1000 for Okta and 999 for Entra, so the mode runs only at that
 *       page size. With Entra the CLI runs as {@code helpdesk sync --format jsonl --provider entra}
 *       with the tenant's flags.
 *   <li><b>startup</b>: {@code helpdesk --help} and {@code helpdesk sync --help} against {@link
 *       JvmFloor}, a main that prints one line; three runs of each a round.
 * </ul>
 *
 * <p>Usage: {@code java -cp helpdesk.jar org.workforceiam.cli.floor.FloorBench [--members N]
 * [--provider okta|entra] [--page-size P] [--rounds R] [--no-dpop] [--only
 * embedded|process|startup]... [--jvm-option OPTION]... [--profile DIR] [--tokenize]}: page size
 * 1000 (Okta's largest) or 999 (Graph's) unless given; DPoP is Okta's only. With {@code --tokenize}
 * the embedded and process modes run the tokenizing floor ({@link Floor#walk}: every JSON token of
 * every page read through Moshi's {@code JsonReader}, nothing built) in place of the bytes-only
 * floor. Prints every run's raw figures with the load average at its start, then the medians and
 * the ratios.
 */
final class FloorBench {
  private static final String CLIENT_ID = "0oaHelpdeskBench";
  private static final String GROUP = "00gBenchEmployees697";
  private static final String KEY_ID = "bench-key";
  private static final Path GNU_TIME = Path.of("/usr/bin/time");
  private static final List<String> HELP = List.of("--help", "sync --help");
  private static final int STARTUP_RUNS = 3;

  enum Mode {
    embedded,
    process,
    startup
  }

  private final String jar;
  private final boolean entra;
  private final int members;
  private final int pageSize;
  private final int rounds;
  private final boolean dpop;
  private final boolean tokenize;
  private final Set<Mode> modes;
  private final List<String> jvmOptions;
  private final Path work;
  private final @Nullable Path profiles;
  private final Map<String, List<Double>> figures = new LinkedHashMap<>();
  private String runName = "";

  private FloorBench(
      String jar,
      boolean entra,
      int members,
      int pageSize,
      int rounds,
      boolean dpop,
      boolean tokenize,
      Set<Mode> modes,
      List<String> jvmOptions,
      Path work,
      @Nullable Path profiles) {
    this.jar = jar;
    this.entra = entra;
    this.members = members;
    this.pageSize = pageSize;
    this.rounds = rounds;
    this.dpop = dpop;
    this.tokenize = tokenize;
    this.modes = modes;
    this.jvmOptions = jvmOptions;
    this.work = work;
    this.profiles = profiles;
  }

  /**
   * Runs the benchmark.
   *
   * @param args the options above
   * @throws Exception when a run fails
   */
  public static void main(String[] args) throws Exception {
    int members = 50_000;
    boolean entra = false;
    @Nullable Integer pageSizeOption = null;
    int rounds = 5;
    boolean dpop = true;
    boolean tokenize = false;
    Set<Mode> modes = EnumSet.noneOf(Mode.class);
    List<String> jvmOptions = new ArrayList<>();
    Path profiles = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--members" -> members = Integer.parseInt(args[++i]);
        case "--provider" -> entra = provider(args[++i]);
        case "--page-size" -> pageSizeOption = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--no-dpop" -> dpop = false;
        case "--tokenize" -> tokenize = true;
        case "--only" -> modes.add(Mode.valueOf(args[++i]));
        case "--jvm-option" -> jvmOptions.add(args[++i]);
        case "--profile" -> profiles = Path.of(args[++i]);
        default -> {
          usage();
        }
      }
    }
    int maxPageSize = entra ? EntraClient.MAX_PAGE_SIZE : 10_000;
    int pageSize =
        pageSizeOption != null ? pageSizeOption : entra ? EntraClient.MAX_PAGE_SIZE : 1000;
    if (pageSize < 1 || pageSize > maxPageSize) {
      System.err.println("--page-size must be 1 to " + maxPageSize + ": " + pageSize);
      usage();
    }
    if (members < 1) {
      System.err.println("--members must be at least 1: " + members);
      usage();
    }
    if (entra && !dpop) {
      System.err.println("--no-dpop is Okta's: Entra's tokens are bearer tokens");
      usage();
    }
    if (modes.isEmpty()) {
      modes = EnumSet.allOf(Mode.class);
    }
    Path work = Files.createTempDirectory("floor-bench");
    try {
      new FloorBench(
              System.getProperty("java.class.path"),
              entra,
              members,
              pageSize,
              rounds,
              dpop,
              tokenize,
              modes,
              jvmOptions,
              work,
              profiles)
          .run();
    } finally {
      try (Stream<Path> files = Files.list(work)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(work);
    }
  }

  private static boolean provider(String name) {
    return switch (name) {
      case "okta" -> false;
      case "entra" -> true;
      default -> {
        System.err.println("--provider okta or entra, not " + name);
        usage();
        yield false;
      }
    };
  }

  private static void usage() {
    System.err.println(
        "usage: FloorBench [--members N] [--provider okta|entra] [--page-size P] [--rounds R]"
            + " [--no-dpop] [--only embedded|process|startup]... [--jvm-option OPTION]..."
            + " [--profile DIR] [--tokenize]");
    System.exit(2);
  }

  /** The simulated org or tenant, in its own JVM, and the target the clients sync. */
  private record Simulator(SimulatorProcess org, Target target) {}

  /**
   * Starts the simulated Okta org (the app's RSA key registered) or Entra tenant ({@link
   * DemoTenant#bench}'s generated group, the app's certificate uploaded), and writes the key (and
   * the certificate) where both clients read them.
   */
  private Simulator startSimulator() throws IOException {
    List<String> simulatorJvm = List.of("-Xmx512m", "-XX:+UseSerialGC");
    if (entra) {
      EntraCertificate certificate = EntraCertificate.builder().generate();
      Path key = work.resolve("bench-key.pem");
      Path cert = work.resolve("bench-certificate.pem");
      certificate.writePrivateKeyPem(key);
      certificate.writeCertificatePem(cert);
      SimulatorProcess tenant =
          SimulatorProcess.startEntra(jar, members, certificate.certificate(), simulatorJvm);
      Target.EntraApp app = new Target.EntraApp(DemoTenant.TENANT_ID, tenant.urls().get(1), cert);
      return new Simulator(
          tenant,
          new Target(
              tenant.orgUrl(),
              DemoTenant.CLIENT_ID,
              key,
              DemoTenant.BENCH_GROUP,
              pageSize,
              members,
              app,
              tokenize));
    }
    KeyPair keys = SimulatedOrg.appKeyPair();
    Path pem = writeKey(keys);
    SimulatorProcess org =
        SimulatorProcess.start(
            jar,
            new SimulatorProcess.Org(
                GROUP, members, CLIENT_ID, keys.getPublic(), KEY_ID, dpop, false),
            simulatorJvm);
    return new Simulator(
        org,
        new Target(
            org.orgUrl(),
            CLIENT_ID,
            pem,
            GROUP,
            pageSize,
            members,
            new Target.OktaApp(KEY_ID, dpop),
            tokenize));
  }

  private void run() throws IOException, InterruptedException {
    Simulator simulator = startSimulator();
    try (SimulatorProcess org = simulator.org()) {
      Target target = simulator.target();
      System.out.printf(
          "floor bench: %s, %s, %d members, page size %d, %s, %d rounds, JVM options %s,"
              + " simulated %s in a separate JVM (pid %d) at %s%n",
          entra ? "Entra" : "Okta",
          tokenize
              ? "tokenizing floor (every JSON token walked with Moshi's JsonReader)"
              : "bytes-only floor",
          members,
          pageSize,
          target.app().describe(),
          rounds,
          jvmOptions.isEmpty() ? "none (defaults)" : String.join(" ", jvmOptions),
          entra ? "tenant" : "org",
          org.pid(),
          org.orgUrl());
      System.out.printf(
          "date: %s%njava: %s, %d cores%njar: %s%n",
          Instant.now(), Runtime.version(), Runtime.getRuntime().availableProcessors(), jar);
      int cliPageSize = target.app().cliPageSize();
      if (modes.contains(Mode.process) && pageSize != cliPageSize) {
        System.out.println(
            "process: skipped, the CLI pages by the adapter's default, "
                + cliPageSize
                + ", not "
                + pageSize);
      }
      if (modes.contains(Mode.embedded) || modes.contains(Mode.process)) {
        for (String client : List.of("sdk", "floor")) {
          System.out.println(
              "=== warm-up of the "
                  + (entra ? "tenant" : "org")
                  + ", embedded, "
                  + client
                  + " | load: "
                  + load());
          runName = "warm-up-embedded-" + client;
          embedded(client, target, org, false);
        }
      }
      for (int round = 1; round <= rounds; round++) {
        List<String> order = round % 2 == 1 ? List.of("sdk", "floor") : List.of("floor", "sdk");
        for (Mode mode : modes) {
          if (mode == Mode.process && pageSize != cliPageSize) {
            continue;
          }
          for (String client : order) {
            System.out.println(
                "=== round " + round + ", " + mode + ", " + client + " | load: " + load());
            runName = "round" + round + "-" + mode + "-" + client;
            switch (mode) {
              case embedded -> embedded(client, target, org, true);
              case process -> process(client, target, org);
              case startup -> startup(client);
            }
          }
        }
      }
    }
    summary();
  }

  // ------------------------------------------------------------------ the runs

  private void embedded(String client, Target target, SimulatedOrg org, boolean measured)
      throws IOException, InterruptedException {
    List<String> command = java(runName);
    command.addAll(List.of("-cp", jar, MeteredSync.class.getName(), client));
    command.addAll(target.args());
    SimulatedOrg.Counts before = org.counts();
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> lines;
    try (var out = process.inputReader(StandardCharsets.UTF_8)) {
      lines = out.lines().toList();
    }
    requireExit(process, command);
    lines.stream().filter(line -> !line.startsWith("figures: ")).forEach(System.out::println);
    reportOrg(before, org.counts());
    String figuresLine =
        lines.stream()
            .filter(line -> line.startsWith("figures: "))
            .findFirst()
            .orElseThrow(() -> new IOException("no figures from " + command));
    String[] parts = figuresLine.substring("figures: ".length()).split(" ", -1);
    if (measured) {
      record("embedded", "wall time (s)", client, Long.parseLong(parts[0]) / 1e9);
      record(
          "embedded",
          "allocated (B/member)",
          client,
          (double) Long.parseLong(parts[1]) / Long.parseLong(parts[3]));
      record("embedded", "time to first member (ms)", client, Long.parseLong(parts[2]) / 1e6);
      record("embedded", "client cpu (s)", client, Long.parseLong(parts[4]) / 1e9);
    }
  }

  private void process(String client, Target target, SimulatedOrg org)
      throws IOException, InterruptedException {
    List<String> command = java(runName);
    if (client.equals("sdk")) {
      command.addAll(List.of("-jar", jar, "sync", "--format", "jsonl"));
      command.addAll(target.app().cliArgs(target));
    } else {
      command.addAll(List.of("-cp", jar, FloorSync.class.getName()));
      command.addAll(target.args());
    }
    SimulatedOrg.Counts before = org.counts();
    Timed run = timed(command, client + ".out");
    System.out.println(
        "command: " + String.join(" ", command) + " > " + run.output().getFileName());
    reportTimed(run);
    if (client.equals("sdk")) {
      long lines;
      try (Stream<String> output = Files.lines(run.output(), StandardCharsets.UTF_8)) {
        lines = output.count();
      }
      System.out.println("output: " + lines + " lines");
      if (lines != members) {
        throw new IOException("the sync printed " + lines + " lines, not " + members);
      }
    } else {
      System.out.println("output: " + Files.readString(run.output()).strip().replace('\n', ';'));
    }
    reportOrg(before, org.counts());
    record("process", "wall time (s)", client, run.wallNanos() / 1e9);
    if (run.peakRssKib() >= 0) {
      record("process", "peak RSS (MiB)", client, run.peakRssKib() / 1024.0);
    }
    if (run.firstOutputNanos() >= 0) {
      record(
          "process",
          "first employee printed, or first bytes (ms)",
          client,
          run.firstOutputNanos() / 1e6);
    }
  }

  /**
   * The helpdesk's help, or the JVM floor, whose time stands beside both help commands; {@value
   * #STARTUP_RUNS} times each round, since a run this short is at the mercy of the scheduler.
   */
  private void startup(String client) throws IOException, InterruptedException {
    for (int i = 0; i < STARTUP_RUNS; i++) {
      startupOnce(client);
    }
  }

  private void startupOnce(String client) throws IOException, InterruptedException {
    if (client.equals("floor")) {
      List<String> command = java(runName);
      command.addAll(List.of("-cp", jar, JvmFloor.class.getName()));
      Timed run = timed(command, "floor.out");
      System.out.println("command: " + String.join(" ", command));
      reportTimed(run);
      for (String help : HELP) {
        record("startup", "helpdesk " + help + " (ms)", "floor", run.wallNanos() / 1e6);
      }
      return;
    }
    for (String help : HELP) {
      List<String> command = java(runName + "-" + help);
      command.addAll(List.of("-jar", jar));
      command.addAll(List.of(help.split(" ", -1)));
      Timed run = timed(command, "sdk.out");
      System.out.println("command: " + String.join(" ", command));
      reportTimed(run);
      record("startup", "helpdesk " + help + " (ms)", "sdk", run.wallNanos() / 1e6);
    }
  }

  /** A process run: wall time, peak RSS, and when its output file first held a byte. */
  private record Timed(Path output, long wallNanos, long peakRssKib, long firstOutputNanos) {}

  private Timed timed(List<String> command, String outputName)
      throws IOException, InterruptedException {
    Path output = work.resolve(outputName);
    Path rss = work.resolve("rss.txt");
    Files.deleteIfExists(output);
    Files.deleteIfExists(rss);
    List<String> wrapped = new ArrayList<>();
    boolean gnuTime = Files.isExecutable(GNU_TIME);
    if (gnuTime) {
      wrapped.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
    }
    wrapped.addAll(command);
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(wrapped)
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    long first = -1;
    while (process.isAlive() && first < 0) {
      if (Files.size(output) > 0) {
        first = System.nanoTime() - start;
      } else {
        Thread.sleep(1);
      }
    }
    requireExit(process, command);
    long wall = System.nanoTime() - start;
    if (first < 0 && Files.size(output) > 0) {
      first = wall;
    }
    long peak = -1;
    if (gnuTime) {
      List<String> lines = Files.readAllLines(rss);
      peak = Long.parseLong(lines.get(lines.size() - 1).strip());
    }
    return new Timed(output, wall, peak, first);
  }

  private static void reportTimed(Timed run) {
    System.out.printf(Locale.ROOT, "wall time: %.3f s%n", run.wallNanos() / 1e9);
    System.out.println(
        run.peakRssKib() < 0
            ? "peak rss: unknown (needs GNU time at " + GNU_TIME + ")"
            : String.format(Locale.ROOT, "peak rss: %.1f MiB", run.peakRssKib() / 1024.0));
    System.out.println(
        run.firstOutputNanos() < 0
            ? "first output: none"
            : String.format(Locale.ROOT, "first output: %.0f ms", run.firstOutputNanos() / 1e6));
  }

  private void reportOrg(SimulatedOrg.Counts before, SimulatedOrg.Counts after) {
    System.out.printf(
        Locale.ROOT,
        "%s: %d list requests (ceil(N/P) = %d), %d token requests, %.3f s of %s cpu%n",
        entra ? "tenant" : "org",
        after.apiRequests() - before.apiRequests(),
        (members + pageSize - 1) / pageSize,
        after.tokenRequests() - before.tokenRequests(),
        (after.cpuNanos() - before.cpuNanos()) / 1e9,
        entra ? "tenant" : "org");
  }

  /** The java command with the benchmark's JVM options, and a flight recording with --profile. */
  private List<String> java(String runName) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    if (profiles != null) {
      command.add(
          "-XX:StartFlightRecording=settings=profile,filename="
              + profiles.resolve(runName.replaceAll("[^A-Za-z0-9-]+", "-") + ".jfr"));
      command.add("-Xlog:jfr+startup=off");
    }
    return command;
  }

  private static void requireExit(Process process, List<String> command)
      throws IOException, InterruptedException {
    int code = process.waitFor();
    if (code != 0) {
      throw new IOException("exit code " + code + " from " + String.join(" ", command));
    }
  }

  // ------------------------------------------------------------------ figures

  private void record(String mode, String measure, String client, double value) {
    figures.computeIfAbsent(mode + "|" + measure + "|" + client, k -> new ArrayList<>()).add(value);
  }

  private void summary() {
    System.out.println();
    System.out.println(
        "--- medians of "
            + rounds
            + " rounds (startup: "
            + STARTUP_RUNS
            + " runs a round); ratio = sdk / floor, the median of the ratios of the runs made"
            + " side by side");
    System.out.println("| mode | measure | sdk | floor | ratio | ratios of the runs |");
    System.out.println("|---|---|---|---|---|---|");
    for (String key : figures.keySet()) {
      String[] parts = key.split("\\|", -1);
      if (!parts[2].equals("sdk")) {
        continue;
      }
      List<Double> sdk = figures.get(key);
      List<Double> floor = figures.get(parts[0] + "|" + parts[1] + "|floor");
      if (floor == null || floor.size() != sdk.size()) {
        System.out.printf("| %s | %s | %s | - | - | - |%n", parts[0], parts[1], median(sdk));
        continue;
      }
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < sdk.size(); i++) {
        ratios.add(sdk.get(i) / floor.get(i));
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %.2f | %s |%n",
          parts[0],
          parts[1],
          format(median(sdk)),
          format(median(floor)),
          median(ratios),
          ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList());
    }
  }

  private static String format(double value) {
    return value >= 100
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.3f", value);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  // ------------------------------------------------------------------ set-up

  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ", -1);
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The app's private key as a PKCS#8 PEM file that only this user can read. */
  private Path writeKey(KeyPair keys) {
    Path pem = work.resolve("bench-key.pem");
    try {
      Files.createFile(
          pem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer out = Files.newBufferedWriter(pem, StandardCharsets.US_ASCII)) {
        out.write("-----BEGIN PRIVATE KEY-----\n");
        out.write(
            Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keys.getPrivate().getEncoded()));
        out.write("\n-----END PRIVATE KEY-----\n");
      }
      return pem;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
