package org.workforceiam.entra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.workforceiam.core.AuditEvent;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.core.Secret;
import org.workforceiam.core.UserId;
import org.workforceiam.entra.simulator.DemoTenant;
import org.workforceiam.entra.simulator.EntraTenant;
import org.workforceiam.entra.simulator.SimulatedEntra;
import org.workforceiam.http.Json;

/**
 * A simulated Entra tenant and a real {@link EntraClient} configured against it with a client
 * secret, its audit events recorded and its waits skipped: for the reset tests.
 */
final class SimTenant implements AutoCloseable {
  static final String SECRET = "sim~secret~0123456789-abcdefghij";
  static final GroupId EMPLOYEES = GroupId.of(DemoTenant.EMPLOYEES);

  final SimulatedEntra sim;
  final EntraClient client;
  final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  private SimTenant(SimulatedEntra sim, HttpLogging logging) {
    this.sim = sim;
    this.client =
        EntraClient.builder()
            .tenantId(sim.tenantId())
            .clientId(sim.clientId())
            .credential(EntraCredential.clientSecret(Secret.of(SECRET)))
            .authorityUrl(sim.authorityUrl())
            .graphUrl(sim.graphUrl())
            .retryPolicy(RetryPolicy.defaults())
            .httpLogging(logging)
            .sleeper(duration -> {})
            .jitter(() -> 0.5)
            .auditListener(events::add)
            .build();
  }

  /** The demo tenant, as {@link DemoTenant#builder()} makes it. */
  static SimTenant demo() {
    return start(DemoTenant.directory(), builder -> {});
  }

  /** A tenant with the demo app's settings, customised. */
  static SimTenant start(EntraTenant tenant, Consumer<SimulatedEntra.Builder> customize) {
    return start(tenant, customize, HttpLogging.NONE);
  }

  static SimTenant start(
      EntraTenant tenant, Consumer<SimulatedEntra.Builder> customize, HttpLogging logging) {
    SimulatedEntra.Builder builder = DemoTenant.builder().tenant(tenant).clientSecret(SECRET);
    customize.accept(builder);
    try {
      return new SimTenant(builder.start(), logging);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ResetService resets() {
    return client.resets(EMPLOYEES);
  }

  EntraTenant tenant() {
    return sim.tenant();
  }

  /** Graph's request lines (method, path and decoded query), in order. */
  List<String> graphLines() {
    return sim.graphCalls().stream().map(SimulatedEntra.Call::requestLine).toList();
  }

  /** Graph's requests that may change something: every request but GETs and membership checks. */
  List<String> writes() {
    return sim.graphCalls().stream()
        .filter(c -> !c.method().equals("GET") && !c.path().endsWith("/checkMemberGroups"))
        .map(c -> c.method() + " " + c.path())
        .toList();
  }

  /** The body sent with the only request whose line starts with {@code methodAndPath}. */
  String bodyOf(String methodAndPath) {
    List<SimulatedEntra.Call> calls =
        sim.graphCalls().stream()
            .filter(c -> (c.method() + " " + c.path()).equals(methodAndPath))
            .toList();
    if (calls.size() != 1) {
      throw new AssertionError(calls.size() + " requests " + methodAndPath + ": " + graphLines());
    }
    return calls.get(0).body();
  }

  /** Parses a JSON object; a test fails on a malformed one. */
  static java.util.Map<String, Object> json(String text) {
    try {
      return java.util.Objects.requireNonNull(Json.OBJECT.fromJson(text), "null JSON");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String user(String id) {
    return "/v1.0/users/" + id;
  }

  static UserId id(String id) {
    return UserId.of(id);
  }

  /**
   * Sends a write straight to the simulated Graph with an app token, bypassing the SDK: to prove
   * that Graph itself would let the app make a change the SDK refuses.
   *
   * @return the HTTP status
   */
  int rawWrite(String method, String path, String json) throws IOException {
    OkHttpClient http = new OkHttpClient();
    String token;
    try (Response response =
        http.newCall(
                new Request.Builder()
                    .url(sim.tokenUrl())
                    .post(
                        new FormBody.Builder()
                            .add("client_id", sim.clientId())
                            .add("scope", sim.scope())
                            .add("grant_type", "client_credentials")
                            .add("client_secret", SECRET)
                            .build())
                    .build())
            .execute()) {
      token = (String) Json.OBJECT.fromJson(response.body().string()).get("access_token");
    }
    Request.Builder request =
        new Request.Builder().url(sim.url(path)).header("Authorization", "Bearer " + token);
    okhttp3.RequestBody body =
        json == null
            ? null
            : okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json"));
    try (Response response = http.newCall(request.method(method, body).build()).execute()) {
      return response.code();
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public void close() {
    client.close();
    sim.close();
  }
}
