package org.workforceiam.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.workforceiam.entra.simulator.DemoTenant;
import org.workforceiam.entra.simulator.SimulatedEntra;
import org.workforceiam.okta.simulator.SimulatedOkta;
import picocli.CommandLine.Command;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start a simulated Okta org on loopback and walk through keygen, check, sync, find,"
          + " reset-password and reset-mfa with the real adapter, DPoP and all.",
      "The org stops when the demo ends; to try the commands by hand, use 'helpdesk simulate'.",
      "With --provider entra: a simulated Microsoft Entra ID tenant and Microsoft Graph instead,"
          + " through keygen, check, sync, find, factors, reset-password --mode temp, reset-mfa,"
          + " issue-tap, revoke-sessions and the refusals, with the real Entra adapter.",
      "Needs no connection settings."
    })
final class DemoCommand extends BaseCommand {
  private int failures;

  @Override
  public Integer call() {
    Path dir;
    try {
      dir = Files.createTempDirectory("helpdesk-demo");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the demo key", e);
    }
    try {
      return provider() == Provider.entra
          ? entraDemo(dir.resolve("entra-app.key.pem"), dir.resolve("entra-app.cert.pem"))
          : demo(dir.resolve("okta-app.pem"));
    } finally {
      deleteQuietly(dir);
    }
  }

  private int demo(Path keyFile) {
    PrintWriter out = out();
    out.println("helpdesk demo: the real Okta adapter against a simulated Okta org on loopback.");
    out.println("Every request is checked as Okta checks it: the client assertion, DPoP proofs,");
    out.println("scopes and the app's admin role.");

    narrate("1. Generate the app's key pair. The public JWK is what an admin pastes into Okta.");
    String jwk = step(new String[] {"keygen", "--out", keyFile.toString()}, Map.of(), 0);

    try (SimulatedOkta org = DemoOrg.start(jwk)) {
      Map<String, String> env = new HashMap<>();
      env.put("OKTA_ORG_URL", org.orgUrl());
      env.put("OKTA_CLIENT_ID", DemoOrg.CLIENT_ID);
      env.put("OKTA_PRIVATE_KEY_FILE", keyFile.toString());
      env.put("OKTA_GROUP_ID", DemoOrg.GROUP);
      // The demo's changes go to its own audit log, deleted with it, not the operator's.
      Path auditLog = keyFile.resolveSibling("audit.jsonl");
      env.put(AuditLog.ENV, auditLog.toString());
      narrate(
          "The simulated org now runs at "
              + org.orgUrl()
              + " with that key registered for app "
              + DemoOrg.CLIENT_ID
              + ", until the demo ends.");
      out.println(
          "  (To try the commands by hand, 'helpdesk simulate' keeps such an org running and"
              + " prints its settings.)");

      narrate(
          "2. Check the connection: token (DPoP), granted scopes, the group and its first page.");
      step(new String[] {"check"}, env, 0);

      narrate("3. Sync the group. Incomplete profiles are listed, not dropped.");
      step(new String[] {"sync", "--format", "table"}, env, 0);

      narrate("4. Find an employee by primary email.");
      step(new String[] {"find", "ada@example.com"}, env, 0);

      narrate("5. After verifying who she is, give Ada a one-time reset link.");
      step(new String[] {"reset-password", "ada@example.com"}, env, 0);

      narrate("6. Reset her MFA: every enrolled factor is removed.");
      step(new String[] {"reset-mfa", "ada@example.com"}, env, 0);

      narrate("7. A user outside the employees group is refused before any change is sent.");
      step(new String[] {"reset-password", "linus@contractor.example"}, env, 4);

      narrate("8. Okta refuses a member holding a higher admin role than Help Desk Administrator.");
      step(new String[] {"reset-mfa", "root.admin@example.com"}, env, 4);

      narrate("9. A dry run shows the exact request, and changes nothing.");
      step(new String[] {"unlock", "grace@example.com", "--dry-run"}, env, 0);

      narrate(
          "10. Okta's System Log names only the app, so every attempt above, refusals and dry"
              + " runs too, is in the helpdesk's own audit log: a line before it was sent, one"
              + " after (by default ~/.local/state/helpdesk/audit.jsonl; --audit-log to choose).");
      showOutcomes(auditLog);

      out.println();
      out.println(
          failures == 0
              ? "Demo complete: every step behaved as expected."
              : "Demo finished with " + failures + " unexpected step(s).");
      out.flush();
      return failures == 0 ? ExitCodes.OK : ExitCodes.UNEXPECTED;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the simulated Okta org", e);
    }
  }

  /**
   * The walk-through against a simulated Entra tenant ({@link DemoTenant}): the real Entra adapter,
   * its certificate made by {@code keygen} and uploaded to the simulated app registration, every
   * request checked as Entra and Graph check it.
   */
  private int entraDemo(Path keyFile, Path certFile) {
    PrintWriter out = out();
    out.println(
        "helpdesk demo --provider entra: the real Entra adapter against a simulated Microsoft"
            + " Entra ID tenant and Microsoft Graph on loopback.");
    out.println("Every request is checked as Entra and Graph check it: the client assertion and");
    out.println("the certificate it names, the application permissions in the token.");

    narrate(
        "1. Generate the app's key and a self-signed certificate. The certificate is what an"
            + " admin uploads to the app registration.");
    step(
        new String[] {
          "keygen",
          "--provider",
          "entra",
          "--out",
          keyFile.toString(),
          "--cert-out",
          certFile.toString()
        },
        Map.of(),
        0);

    try (SimulatedEntra tenant = EntraDemoTenant.start(EntraDemoTenant.readCertificate(certFile))) {
      Map<String, String> env = new HashMap<>();
      env.put(Provider.ENV, "entra");
      env.put("ENTRA_TENANT_ID", tenant.tenantId());
      env.put("ENTRA_CLIENT_ID", tenant.clientId());
      env.put("ENTRA_PRIVATE_KEY_FILE", keyFile.toString());
      env.put("ENTRA_CERTIFICATE_FILE", certFile.toString());
      env.put("ENTRA_GROUP_ID", DemoTenant.EMPLOYEES);
      env.put("ENTRA_AUTHORITY_URL", tenant.authorityUrl());
      env.put("ENTRA_GRAPH_URL", tenant.graphUrl());
      // The demo's changes go to its own audit log, deleted with it, not the operator's.
      Path auditLog = keyFile.resolveSibling("audit.jsonl");
      env.put(AuditLog.ENV, auditLog.toString());
      narrate(
          "The simulated tenant "
              + tenant.tenantId()
              + " now runs (authority "
              + tenant.authorityUrl()
              + ", Graph "
              + tenant.graphUrl()
              + ") with that certificate uploaded to app "
              + tenant.clientId()
              + ", until the demo ends. The steps below find it through IAM_PROVIDER=entra and"
              + " the ENTRA_ variables.");
      out.println(
          "  (To try the commands by hand, 'helpdesk simulate --provider entra' keeps such a"
              + " tenant running and prints its settings.)");

      narrate(
          "2. Check the connection: a token, the application permissions it grants (its roles),"
              + " the group and its first page.");
      step(new String[] {"check"}, env, 0);

      narrate(
          "3. Sync the group: nested groups are expanded, its device, contact and service"
              + " principal skipped. Alan has no mailbox, so no mail: an incomplete profile,"
              + " listed. Katherine's account is disabled.");
      step(new String[] {"sync", "--format", "table"}, env, 0);

      narrate(
          "4. Find an employee by her sign-in name (userPrincipalName); her mail address or"
              + " object id would do too.");
      step(new String[] {"find", "ada@" + DemoTenant.DOMAIN}, env, 0);

      narrate("5. List her authentication methods, all but the password.");
      step(new String[] {"factors", "ada@" + DemoTenant.DOMAIN}, env, 0);

      String ada = "ada@" + DemoTenant.DOMAIN;
      narrate(
          "6. After verifying who she is, set a temporary password for Ada; she must change it"
              + " at her next sign-in. Her sign-in sessions end too.");
      step(new String[] {"reset-password", ada, "--mode", "temp", "--revoke-sessions"}, env, 0);

      narrate(
          "7. Reset her MFA: every method but the password is deleted, her default method and"
              + " mobile phone last, as Graph requires.");
      step(new String[] {"reset-mfa", ada}, env, 0);

      narrate(
          "8. Issue her a Temporary Access Pass, good for one sign-in within 60 minutes, so she"
              + " can register new methods.");
      step(new String[] {"issue-tap", ada}, env, 0);

      narrate("9. A dry run shows the exact request, and changes nothing.");
      step(new String[] {"revoke-sessions", "grace@" + DemoTenant.DOMAIN, "--dry-run"}, env, 0);

      narrate("10. A user outside the employees group is refused before any change is sent.");
      step(new String[] {"reset-password", "linus@" + DemoTenant.DOMAIN, "--mode", "temp"}, env, 4);

      narrate(
          "11. Margaret is a member, but a Global Administrator: Graph's application permissions"
              + " would let the app change her too, so helpdesk itself refuses anyone holding a"
              + " directory role, active or eligible (PIM), before any change is sent.");
      step(new String[] {"reset-mfa", "margaret@" + DemoTenant.DOMAIN}, env, 4);

      narrate("12. Entra has no unlock API: refused before any request.");
      step(new String[] {"unlock", "grace@" + DemoTenant.DOMAIN}, env, 8);

      narrate(
          "13. Entra's audit logs name only the app, so every attempt above, refusals and dry"
              + " runs too, is in the helpdesk's own audit log: a line before it was sent, one"
              + " after (by default ~/.local/state/helpdesk/audit.jsonl; --audit-log to choose).");
      showOutcomes(auditLog);

      out.println();
      out.println(
          failures == 0
              ? "Demo complete: every step behaved as expected."
              : "Demo finished with " + failures + " unexpected step(s).");
      out.flush();
      return failures == 0 ? ExitCodes.OK : ExitCodes.UNEXPECTED;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the simulated Entra tenant", e);
    }
  }

  /** One line per attempt of the demo's audit log: who, what, on whom, and how it ended. */
  private void showOutcomes(Path auditLog) {
    try (Stream<String> lines = Files.lines(auditLog)) {
      lines
          .filter(line -> line.contains("\"event\":\"outcome\""))
          .map(line -> Output.fromJson(line))
          .forEach(
              line ->
                  out()
                      .println(
                          "  "
                              + line.get("operator")
                              + " "
                              + line.get("operation")
                              + (Boolean.TRUE.equals(line.get("dryRun")) ? " (dry run)" : "")
                              + " "
                              + line.get("user")
                              + ": "
                              + line.get("outcome")));
    } catch (IOException e) {
      out().println("  (cannot read the audit log: " + e.getMessage() + ")");
      failures++;
    }
  }

  private void narrate(String text) {
    out().println();
    out().println(text);
  }

  /** Runs one command as a user would, shows what it printed, and returns its stdout. */
  private String step(String[] args, Map<String, String> env, int expected) {
    out().println("$ helpdesk " + String.join(" ", args));
    // demo --verbose shows each step's HTTP summary (and the stack traces of its errors) too.
    String[] command = verbose() ? withVerbose(args) : args;
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code =
        Helpdesk.run(command, new PrintWriter(stdout, true), new PrintWriter(stderr, true), env);
    out().print(stdout);
    stderr.toString().strip().lines().forEach(line -> out().println("  [stderr] " + line));
    out().println("  (exit " + code + (code == expected ? "" : ", expected " + expected) + ")");
    out().flush();
    if (code != expected) {
      failures++;
    }
    return stdout.toString();
  }

  private static String[] withVerbose(String[] args) {
    String[] verbose = new String[args.length + 1];
    verbose[0] = "--verbose";
    System.arraycopy(args, 0, verbose, 1, args.length);
    return verbose;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
