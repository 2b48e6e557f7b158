package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.workforceiam.entra.simulator.DemoTenant;
import org.workforceiam.entra.simulator.EntraTenant;
import org.workforceiam.entra.simulator.SimulatedEntra;

/**
 * The Entra demo's simulated tenant ({@link DemoTenant}) for end-to-end tests of the CLI with
 * {@code --provider entra}: its app holds the certificate that the CLI's own {@code keygen
 * --provider entra} wrote, and a client secret kept in a file, as {@code --client-secret-file}
 * reads it. Every run checks that no secret (the access tokens, client assertions and client secret
 * that went over the wire, the secret file's content, the private key) reaches stdout or stderr.
 */
final class SimulatedTenant implements AutoCloseable {
  static final String GROUP = DemoTenant.EMPLOYEES;
  static final String ADA = DemoTenant.ADA;
  static final String GRACE = DemoTenant.GRACE;
  static final String ALAN = DemoTenant.ALAN;
  static final String KATHERINE = DemoTenant.KATHERINE;
  static final String LINUS = DemoTenant.LINUS;
  static final String ADA_UPN = "ada@" + DemoTenant.DOMAIN;

  /** The app's client secret, as the portal shows its Value once. */
  static final String SECRET = "Qx8~SimulatedSecret.v4lue_9f2Kd0LmNpR7tUwYz3Ab";

  /** The members of {@link #GROUP}: users only, nested ones included. */
  static final List<String> MEMBERS =
      List.of(
          DemoTenant.ADA,
          DemoTenant.GRACE,
          DemoTenant.ALAN,
          DemoTenant.KATHERINE,
          DemoTenant.MARGARET,
          DemoTenant.EDSGER,
          DemoTenant.BARBARA);

  /**
   * A key and certificate made by {@code helpdesk keygen --provider entra}.
   *
   * @param key the private key file
   * @param certificate the certificate file
   * @param printed the JSON object keygen printed
   */
  record AppCertificate(Path key, Path certificate, Map<String, Object> printed) {
    /** Runs {@code keygen --provider entra --out dir/name.key.pem --cert-out dir/name.cert.pem}. */
    static AppCertificate generate(Path dir, String name, String... options) {
      Path key = dir.resolve(name + ".key.pem");
      Path certificate = dir.resolve(name + ".cert.pem");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "keygen",
                  "--provider",
                  "entra",
                  "--out",
                  key.toString(),
                  "--cert-out",
                  certificate.toString()));
      args.addAll(List.of(options));
      CliRun keygen = CliRun.of(Map.of(), args.toArray(String[]::new));
      assertThat(keygen.code()).as("%s", keygen).isZero();
      return new AppCertificate(key, certificate, keygen.json());
    }

    /** The certificate, as the portal reads the uploaded file. */
    X509Certificate x509() {
      return EntraDemoTenant.readCertificate(certificate);
    }
  }

  final SimulatedEntra sim;
  private final AppCertificate app;
  private final Path dir;
  private final Path secretFile;

  private SimulatedTenant(SimulatedEntra sim, AppCertificate app, Path dir) {
    this.sim = sim;
    this.app = app;
    this.dir = dir;
    this.secretFile = dir.resolve("client-secret.txt");
    try {
      Files.writeString(secretFile, SECRET + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the demo tenant with this certificate uploaded and {@link #SECRET} registered. */
  static SimulatedTenant start(AppCertificate app) {
    return start(app, builder -> builder);
  }

  /** Starts the demo tenant with some changes to its setup. */
  static SimulatedTenant start(AppCertificate app, UnaryOperator<SimulatedEntra.Builder> setup) {
    try {
      SimulatedEntra sim =
          setup.apply(DemoTenant.builder().certificate(app.x509()).clientSecret(SECRET)).start();
      return new SimulatedTenant(sim, app, Files.createTempDirectory("helpdesk-entra"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  EntraTenant tenant() {
    return sim.tenant();
  }

  Path secretFile() {
    return secretFile;
  }

  /** Every setting as an environment variable, the provider too, with the certificate. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("IAM_PROVIDER", "entra");
    env.put("ENTRA_TENANT_ID", sim.tenantId());
    env.put("ENTRA_CLIENT_ID", sim.clientId());
    env.put("ENTRA_PRIVATE_KEY_FILE", app.key().toString());
    env.put("ENTRA_CERTIFICATE_FILE", app.certificate().toString());
    env.put("ENTRA_GROUP_ID", GROUP);
    env.put("ENTRA_AUTHORITY_URL", sim.authorityUrl());
    env.put("ENTRA_GRAPH_URL", sim.graphUrl());
    return env;
  }

  /** As {@link #env()}, with the client secret file instead of the key and certificate. */
  Map<String, String> secretEnv() {
    Map<String, String> env = env();
    env.remove("ENTRA_PRIVATE_KEY_FILE");
    env.remove("ENTRA_CERTIFICATE_FILE");
    env.put("ENTRA_CLIENT_SECRET_FILE", secretFile.toString());
    return env;
  }

  /** The settings of {@link #env()} as flags, {@code --provider entra} first. */
  List<String> flags() {
    return List.of(
        "--provider",
        "entra",
        "--tenant-id",
        sim.tenantId(),
        "--client-id",
        sim.clientId(),
        "--private-key",
        app.key().toString(),
        "--certificate",
        app.certificate().toString(),
        "--group-id",
        GROUP,
        "--authority-url",
        sim.authorityUrl(),
        "--graph-url",
        sim.graphUrl());
  }

  /** Runs the CLI configured by {@link #env()}. */
  CliRun run(String... args) {
    return run(env(), args);
  }

  /**
   * Runs the CLI with this environment, its audit log in this tenant's folder unless the
   * environment says otherwise, and checks that no secret reached stdout or stderr.
   */
  CliRun run(Map<String, String> env, String... args) {
    Map<String, String> withAuditLog = new HashMap<>(env);
    withAuditLog.putIfAbsent(AuditLog.ENV, auditLog().toString());
    CliRun run = CliRun.of(withAuditLog, args);
    assertNoSecretIn(run.out());
    assertNoSecretIn(run.allStderr());
    return run;
  }

  Path auditLog() {
    return dir.resolve("audit.jsonl");
  }

  /** Fails if any secret seen so far appears in the text, or any JWT at all. */
  void assertNoSecretIn(String text) {
    assertThat(text).as("no JWT (assertion, access token)").doesNotContain("eyJ");
    for (String secret : secrets()) {
      assertThat(text).as("no secret").doesNotContain(secret);
    }
  }

  /**
   * Every secret so far: the access tokens, client assertions and client secrets that went over the
   * wire, the client secret, and the private key's PEM body.
   */
  Set<String> secrets() {
    Set<String> secrets = new LinkedHashSet<>();
    secrets.add(SECRET);
    for (SimulatedEntra.Call call : sim.calls()) {
      String authorization = call.headers().get("Authorization");
      if (authorization != null) {
        secrets.add(authorization);
        secrets.add(authorization.substring(authorization.indexOf(' ') + 1));
      }
      // Only token requests carry a form; a Graph write's JSON body (a temporary password with a
      // '%' in it) is no form to decode.
      if (call.path().endsWith("/oauth2/v2.0/token")) {
        call.formField("client_assertion").ifPresent(secrets::add);
        call.formField("client_secret").ifPresent(secrets::add);
      }
    }
    secrets.addAll(SimulatedOrg.pemBody(app.key()));
    return secrets;
  }

  /** Every Graph request, as {@code METHOD path?query}. */
  List<String> graphRequests() {
    return sim.graphCalls().stream().map(SimulatedEntra.Call::requestLine).toList();
  }

  @Override
  public void close() {
    sim.close();
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
