package org.workforceiam.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.workforceiam.entra.EntraCertificate;
import org.workforceiam.entra.simulator.DemoTenant;
import org.workforceiam.entra.simulator.SimulatedEntra;
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
      "With --provider entra: a simulated Microsoft Entra ID tenant and Microsoft Graph, seeded"
          + " with the Entra demo's users, checked as Entra and Graph check requests; the app's"
          + " key and its certificate are written to the temporary folder.",
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
    boolean entra = provider() == Provider.entra;
    Running running = new Running(dir);
    Runnable settings;
    try {
      if (entra) {
        Path keyFile = dir.resolve("entra-app.key.pem");
        Path certFile = dir.resolve("entra-app.cert.pem");
        EntraCertificate certificate = EntraCertificate.builder().generate();
        certificate.writePrivateKeyPem(keyFile);
        certificate.writeCertificatePem(certFile);
        SimulatedEntra tenant = EntraDemoTenant.start(certificate.certificate());
        running.started(tenant::close);
        settings = () -> printEntraSettings(tenant, keyFile, certFile);
      } else {
        Path keyFile = dir.resolve("okta-app.pem");
        OktaKeyPair keys = OktaKeyPair.generate(OktaKeyPair.Algorithm.RS256);
        keys.writePrivateKeyPem(keyFile);
        SimulatedOkta org = DemoOrg.start(keys.publicJwkJson());
        running.started(org::close);
        settings = () -> printSettings(org.orgUrl(), keyFile);
      }
    } catch (IOException e) {
      running.stop();
      throw new UncheckedIOException(
          entra ? "cannot start the simulated Entra tenant" : "cannot start the simulated Okta org",
          e);
    } catch (RuntimeException e) {
      running.stop();
      throw e;
    }
    // Ctrl-C ends the JVM: the hook stops the org and deletes the key on the way out.
    Thread hook = new Thread(running::stop, "helpdesk-simulate-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      settings.run();
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
    out()
        .println(
            entra
                ? "The simulated tenant has stopped; its key and certificate files are deleted."
                : "The simulated org has stopped; its key file is deleted.");
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

  private void printEntraSettings(SimulatedEntra tenant, Path keyFile, Path certFile) {
    PrintWriter out = out();
    out.println(
        "helpdesk simulate --provider entra: a simulated Microsoft Entra ID tenant runs with its"
            + " authority at "
            + tenant.authorityUrl()
            + " and Microsoft Graph at "
            + tenant.graphUrl()
            + (stopOnEof
                ? " until interrupted (Ctrl-C) or standard input ends."
                : " until interrupted (Ctrl-C)."));
    out.println(
        "The app's private key is "
            + keyFile
            + " (mode 0600) and its certificate, uploaded to the app, "
            + certFile
            + "; both are deleted when the tenant stops. In another terminal, set:");
    out.println();
    out.println("export " + Provider.ENV + "=entra");
    out.println("export ENTRA_TENANT_ID=" + tenant.tenantId());
    out.println("export ENTRA_CLIENT_ID=" + tenant.clientId());
    out.println("export ENTRA_PRIVATE_KEY_FILE=" + keyFile);
    out.println("export ENTRA_CERTIFICATE_FILE=" + certFile);
    out.println("export ENTRA_AUTHORITY_URL=" + tenant.authorityUrl());
    out.println("export ENTRA_GRAPH_URL=" + tenant.graphUrl());
    out.println("export ENTRA_GROUP_ID=" + DemoTenant.EMPLOYEES);
    out.println();
    out.println("then try, for example:");
    String helpdesk = invocation();
    String domain = "@" + DemoTenant.DOMAIN;
    out.println("  " + helpdesk + " check");
    out.println("  " + helpdesk + " sync --format table");
    out.println("  " + helpdesk + " find ada" + domain);
    out.println("  " + helpdesk + " factors grace" + domain);
    out.println("  " + helpdesk + " find alan" + domain + "    (no mailbox: no email)");
    out.println("  " + helpdesk + " find linus" + domain + "    (found, though outside the group)");
    out.println();
    out.println(
        "Group "
            + DemoTenant.EMPLOYEES
            + " (All Employees, with Engineering nested in it): ada, grace (Engineering), alan"
            + " (no mailbox), katherine (disabled, Engineering), margaret (Global"
            + " Administrator), edsger (eligible for a role through PIM, Engineering), barbara"
            + " (a role through a role-assignable group), all"
            + domain
            + "; linus"
            + domain
            + " is outside it. Changes in Entra are not in this version of helpdesk.");
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

  /** The running org or tenant and its key folder; stopped once, by whoever comes first. */
  private static final class Running {
    private final Path dir;
    private @Nullable Runnable close;
    private boolean stopped;

    Running(Path dir) {
      this.dir = dir;
    }

    /** The simulator has started; this is how it stops. */
    synchronized void started(Runnable close) {
      this.close = close;
      if (stopped) {
        close.run();
      }
    }

    synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      if (close != null) {
        close.run();
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A temporary folder left behind holds a key that no org accepts any more.
      }
    }
  }
}
