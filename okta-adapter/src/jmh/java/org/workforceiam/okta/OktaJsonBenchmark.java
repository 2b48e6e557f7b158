package org.workforceiam.okta;

import com.squareup.moshi.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okio.Okio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.workforceiam.core.Employee;
import org.workforceiam.http.Json;

/**
 * Decodes one page of 1000 Okta users into {@link Employee}s the way a sync does: streamed from an
 * {@code InputStream} through Okio into Moshi's {@code JsonReader}, as OkHttp hands over a response
 * body. One operation is one user, so the score is users per second and, with {@code -prof gc},
 * {@code gc.alloc.rate.norm} is bytes allocated per user. The setup prints the JSON bytes per user
 * to compare it with (target: allocation within 3x).
 *
 * <p>The users have the fields and sizes of the simulated Okta's users, which follow Okta's {@code
 * User} object: ids, status and five timestamps, the type, a profile with login, names, email and a
 * custom attribute, credentials and {@code _links.self}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(OktaJsonBenchmark.PAGE_SIZE)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OktaJsonBenchmark {
  static final int PAGE_SIZE = 1000;

  private byte[] page = new byte[0];

  @Setup
  public void writePage() {
    List<Object> users = new ArrayList<>();
    for (int i = 0; i < PAGE_SIZE; i++) {
      users.add(user(i));
    }
    page = Json.MOSHI.adapter(Object.class).toJson(users).getBytes(StandardCharsets.UTF_8);
    System.out.printf(
        "%nOktaJsonBenchmark: a page of %d users is %d bytes of JSON, %d bytes per user%n",
        PAGE_SIZE, page.length, page.length / PAGE_SIZE);
  }

  @Benchmark
  public List<Employee> decodePage() throws IOException {
    try (JsonReader reader =
        JsonReader.of(Okio.buffer(Okio.source(new ByteArrayInputStream(page))))) {
      return OktaJson.users(reader);
    }
  }

  /** One user as Okta lists it in a group's members (the simulated Okta's shape). */
  static Map<String, Object> user(int i) {
    String id = String.format("00u%07dAbCdEfGh697", i);
    String login = "user" + i + "@example.com";
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("login", login);
    profile.put("firstName", "First" + i);
    profile.put("lastName", "Last" + i);
    profile.put("email", login);
    profile.put("department", "Department " + (i % 40));
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", id);
    user.put("status", "ACTIVE");
    user.put("created", "2025-01-01T00:00:00.000Z");
    user.put("activated", "2025-01-01T00:00:00.000Z");
    user.put("statusChanged", "2026-01-15T10:00:00.000Z");
    user.put("lastLogin", null);
    user.put("lastUpdated", "2026-01-15T10:00:00.000Z");
    user.put("passwordChanged", null);
    user.put("type", Map.of("id", "otyDefaultUserType1"));
    user.put("profile", profile);
    user.put(
        "credentials",
        Map.of(
            "password",
            Map.of(),
            "recovery_question",
            Map.of("question", "Who's a major player in the cowboy scene?"),
            "provider",
            Map.of("type", "OKTA", "name", "OKTA")));
    user.put("_links", Map.of("self", Map.of("href", "https://acme.okta.com/api/v1/users/" + id)));
    return user;
  }
}
