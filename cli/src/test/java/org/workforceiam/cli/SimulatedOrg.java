package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * The demo's simulated Okta org for end-to-end tests of the CLI: started exactly as {@code demo}
 * starts it, with the public JWK that the CLI's own {@code keygen} printed registered as the app's
 * key, and seeded with {@link DemoOrg#directory()}. Every run checks that no secret that went over
 * the wire, nor the private key, nor a temporary password or reset link the CLI printed, reaches
 * stderr.
 */
final class SimulatedOrg implements AutoCloseable {
  static final String GROUP = DemoOrg.GROUP;
  static final String ADA = "00uDemo01Ada";
  static final String GRACE = "00uDemo02Grace";
  static final String ALAN = "00uDemo03Alan";
  static final String KATHERINE = "00uDemo04Katherine";
  static final String MARGARET = "00uDemo05Margaret";
  static final String EDSGER = "00uDemo06Edsger";
  static final String BARBARA = "00uDemo07Barbara";
  static final String ROOT = "00uDemo08Root";
  static final String LINUS = "00uDemo09Linus";

  /**
   * A key made by {@code helpdesk keygen}.
   *
   * @param file the private key file keygen wrote
   * @param publicJwk the public JWK keygen printed
   */
  record AppKey(Path file, String publicJwk) {
    /** Runs {@code keygen --out dir/name} and keeps what it wrote and printed. */
    static AppKey generate(Path dir, String name, String... options) {
      Path file = dir.resolve(name);
      String[] args = new String[options.length + 3];
      args[0] = "keygen";
      args[1] = "--out";
      args[2] = file.toString();
      System.arraycopy(options, 0, args, 3, options.length);
      CliRun keygen = CliRun.of(Map.of(), args);
      assertThat(keygen.code()).as("%s", keygen).isZero();
      return new AppKey(file, keygen.out());
    }

    /** The key id of the JWK. */
    String kid() {
      return (String) CliRun.object(publicJwk).get("kid");
    }
  }

  final SimulatedOkta sim;
  private final AppKey key;
  private final Path auditDir;
  private final Set<String> printedSecrets = new LinkedHashSet<>();

  private SimulatedOrg(SimulatedOkta sim, AppKey key, Path auditDir) {
    this.sim = sim;
    this.key = key;
    this.auditDir = auditDir;
  }

  /** Starts the demo's org with this app key, as {@link DemoOrg#start(String)} does. */
  static SimulatedOrg start(AppKey key) {
    return start(key, builder -> builder);
  }

  /** Starts the demo's org with this app key and some changes to the org's setup. */
  static SimulatedOrg start(AppKey key, UnaryOperator<SimulatedOkta.Builder> setup) {
    try {
      SimulatedOkta sim =
          setup
              .apply(
                  SimulatedOkta.builder()
                      .clientId(DemoOrg.CLIENT_ID)
                      .publicJwk(key.publicJwk())
                      .requireDpop(true)
                      .directory(DemoOrg.directory()))
              .start();
      return new SimulatedOrg(sim, key, Files.createTempDirectory("helpdesk-audit"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SimDirectory directory() {
    return sim.directory();
  }

  String orgUrl() {
    return sim.orgUrl();
  }

  /** The four settings every command but find and factors needs, as environment variables. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("OKTA_ORG_URL", sim.orgUrl());
    env.put("OKTA_CLIENT_ID", DemoOrg.CLIENT_ID);
    env.put("OKTA_PRIVATE_KEY_FILE", key.file().toString());
    env.put("OKTA_GROUP_ID", GROUP);
    return env;
  }

  /** The same settings as flags. */
  List<String> flags() {
    return List.of(
        "--org-url",
        sim.orgUrl(),
        "--client-id",
        DemoOrg.CLIENT_ID,
        "--private-key",
        key.file().toString(),
        "--group-id",
        GROUP);
  }

  /** Runs the CLI configured by {@link #env()}. */
  CliRun run(String... args) {
    return run(env(), args);
  }

  /**
   * The audit log of every run whose environment does not say where it goes ({@code
   * HELPDESK_AUDIT_LOG}, {@code XDG_STATE_HOME} or {@code HOME}): never the tester's own.
   */
  Path auditLog() {
    return auditDir.resolve("audit.jsonl");
  }

  /** The lines of {@link #auditLog()}, each a JSON object; none when it does not exist. */
  List<Map<String, Object>> auditLines() {
    return auditLines(auditLog());
  }

  static List<Map<String, Object>> auditLines(Path file) {
    try {
      return Files.exists(file)
          ? Files.readAllLines(file).stream().map(CliRun::object).toList()
          : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the CLI with this environment, and checks that no secret reached stderr, nor the audit
   * log.
   */
  CliRun run(Map<String, String> env, String... args) {
    Map<String, String> withAuditLog = new HashMap<>(env);
    if (!env.containsKey(AuditLog.ENV)
        && !env.containsKey("XDG_STATE_HOME")
        && !env.containsKey("HOME")) {
      withAuditLog.put(AuditLog.ENV, auditLog().toString());
    }
    CliRun run = CliRun.of(withAuditLog, args);
    for (String field : List.of("tempPassword", "resetUrl")) {
      run.out()
          .lines()
          .filter(line -> line.startsWith("{") && line.contains("\"" + field + "\""))
          .map(line -> CliRun.object(line).get(field))
          .filter(String.class::isInstance)
          .forEach(value -> printedSecrets.add((String) value));
    }
    assertNoSecretIn(run.allStderr());
    if (Files.exists(auditLog())) {
      try {
        assertNoSecretIn(Files.readString(auditLog()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return run;
  }

  /** Fails if any secret seen so far appears in the text, or any JWT at all. */
  void assertNoSecretIn(String stderr) {
    assertThat(stderr).as("no JWT (assertion, DPoP proof) on stderr").doesNotContain("eyJ");
    Set<String> secrets = secrets();
    assertThat(secrets).as("secrets were collected").isNotEmpty();
    for (String secret : secrets) {
      assertThat(stderr).as("stderr holds no secret").doesNotContain(secret);
    }
  }

  /**
   * Every secret so far: the access tokens, DPoP proofs and client assertions that went over the
   * wire, the private key's PEM body, and the temporary passwords and reset links printed.
   */
  Set<String> secrets() {
    Set<String> secrets = new LinkedHashSet<>(printedSecrets);
    for (SimulatedOkta.Call call : sim.calls()) {
      String authorization = call.headers().get("Authorization");
      if (authorization != null) {
        secrets.add(authorization);
        secrets.add(authorization.substring(authorization.indexOf(' ') + 1));
      }
      String proof = call.headers().get("DPoP");
      if (proof != null) {
        secrets.add(proof);
      }
      String assertion = call.formField("client_assertion");
      if (assertion != null) {
        secrets.add(assertion);
      }
    }
    secrets.addAll(pemBody(key.file()));
    return secrets;
  }

  /** The base64 lines of a PEM file: any of them on stderr would leak part of the key. */
  static List<String> pemBody(Path pem) {
    try {
      return Files.readAllLines(pem).stream()
          .filter(line -> !line.startsWith("-----") && line.length() >= 16)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The changes sent to Okta: every POST and DELETE, as {@code METHOD path?query}. */
  List<String> changesSent() {
    return sim.apiCalls().stream()
        .filter(call -> call.method().equals("POST") || call.method().equals("DELETE"))
        .map(call -> call.method() + " " + pathAndQuery(call))
        .toList();
  }

  /** Every API request, as {@code METHOD path?query}. */
  List<String> apiRequests() {
    return sim.apiCalls().stream().map(call -> call.method() + " " + pathAndQuery(call)).toList();
  }

  /** How many requests of any kind (token requests included) reached the org. */
  int requestsReceived() {
    return sim.calls().size();
  }

  private static String pathAndQuery(SimulatedOkta.Call call) {
    String query = call.url().encodedQuery();
    return call.path() + (query == null ? "" : "?" + query);
  }

  @Override
  public void close() {
    sim.close();
    try (var paths = Files.walk(auditDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }
}
