package org.workforceiam.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.workforceiam.okta.OktaKeyPair;
import org.workforceiam.okta.simulator.SimulatedOkta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a simulated Okta org on loopback, seeded with the demo's employees, until"
          + " interrupted (Ctrl-C), and print the settings to use against it: try every other"
          + " command by hand from another terminal.",
      "It checks each request as Okta does (client assertion, DPoP, scopes, the app's admin"
          + " role) and keeps its users' state in memory while it runs. The app's private key is"
          + " written with mode 0600 to a new temporary folder, deleted when the org stops.",
      "Stops on Ctrl-C or SIGTERM; with --stop-on-eof also when standard input ends (Ctrl-D, or"
          + " the end of a pipe), as scripts and tests that start it as a child process need.",
      "Needs no connection settings."
    })
final class SimulateCommand extends BaseCommand {
  @Option(
      names = "--stop-on-eof",
      description = "Also stop when standard input ends (Ctrl-D, or a closed pipe).")
  boolean stopOnEof;

  @Override
  public Integer call() {
    Path dir;
    try {
      dir = Files.createTempDirectory("helpdesk-simulate");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the app's key", e);
    }
    Path keyFile = dir.resolve("okta-app.pem");
    Running running = new Running(dir);
    try {
      OktaKeyPair keys = OktaKeyPair.generate(OktaKeyPair.Algorithm.RS256);
      keys.writePrivateKeyPem(keyFile);
      running.started(DemoOrg.start(keys.publicJwkJson()));
    } catch (IOException e) {
      running.stop();
      throw new UncheckedIOException("cannot start the simulated Okta org", e);
    } catch (RuntimeException e) {
      running.stop();
      throw e;
    }
    // Ctrl-C ends the JVM: the hook stops the org and deletes the key on the way out.
    Thread hook = new Thread(running::stop, "helpdesk-simulate-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      printSettings(running.orgUrl(), keyFile);
      CountDownLatch stop = new CountDownLatch(1);
      if (stopOnEof) {
        Thread reader = new Thread(() -> drain(root.in, stop), "helpdesk-simulate-stdin");
        reader.setDaemon(true);
        reader.start();
      }
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running.stop();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs, or has run, already.
      }
    }
    out().println("The simulated org has stopped; its key file is deleted.");
    out().flush();
    return ExitCodes.OK;
  }

  private void printSettings(String orgUrl, Path keyFile) {
    PrintWriter out = out();
    out.println(
        "helpdesk simulate: a simulated Okta org runs at "
            + orgUrl
            + (stopOnEof
                ? " until interrupted (Ctrl-C) or standard input ends."
                : " until interrupted (Ctrl-C)."));
    out.println(
        "The app's private key is "
            + keyFile
            + " (mode 0600, deleted when the org stops). In another terminal, set:");
    out.println();
    out.println("export OKTA_ORG_URL=" + orgUrl);
    out.println("export OKTA_CLIENT_ID=" + DemoOrg.CLIENT_ID);
    out.println("export OKTA_PRIVATE_KEY_FILE=" + keyFile);
    out.println("export OKTA_GROUP_ID=" + DemoOrg.GROUP);
    out.println();
    out.println("then try, for example:");
    String helpdesk = invocation();
    out.println("  " + helpdesk + " check");
    out.println("  " + helpdesk + " sync --format table");
    out.println("  " + helpdesk + " find ada@example.com");
    out.println("  " + helpdesk + " reset-password ada@example.com --dry-run");
    out.println("  " + helpdesk + " unlock grace@example.com");
    out.println(
        "  "
            + helpdesk
            + " reset-mfa root.admin@example.com    (Okta refuses: a higher admin role)");
    out.println(
        "  "
            + helpdesk
            + " reset-password linus@contractor.example    (refused: not in the group)");
    out.println();
    out.println(
        "Group "
            + DemoOrg.GROUP
            + ": ada, grace (locked out), alan (no email), katherine (no first name), margaret"
            + " (password expired), edsger, barbara (suspended), root.admin (Super"
            + " Administrator), all @example.com; linus@contractor.example is outside it.");
    out.flush();
  }

  /** How this tool was started: {@code java -jar /path/helpdesk.jar}, or {@code helpdesk}. */
  private static String invocation() {
    try {
      Path location =
          Path.of(
              SimulateCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
        return "java -jar " + location;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // Not a jar on the local file system: the short name will do.
    }
    return "helpdesk";
  }

  /** Reads standard input to its end, then lets the org stop. */
  private static void drain(InputStream in, CountDownLatch stop) {
    byte[] buffer = new byte[512];
    try {
      while (in.read(buffer) != -1) {
        // What is typed is ignored: only the end counts.
      }
    } catch (IOException e) {
      // A broken stdin ends as its end does.
    }
    stop.countDown();
  }

  /** The running org and its key folder; stopped once, by whoever comes first. */
  private static final class Running {
    private final Path dir;
    private @Nullable SimulatedOkta org;
    private boolean stopped;

    Running(Path dir) {
      this.dir = dir;
    }

    synchronized void started(SimulatedOkta org) {
      this.org = org;
      if (stopped) {
        org.close();
      }
    }

    synchronized String orgUrl() {
      return Objects.requireNonNull(org).orgUrl();
    }

    synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      if (org != null) {
        org.close();
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A temporary folder left behind holds a key that no org accepts any more.
      }
    }
  }
}
