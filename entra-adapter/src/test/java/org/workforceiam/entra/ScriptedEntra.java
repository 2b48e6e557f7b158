package org.workforceiam.entra;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.http.Json;

/**
 * A MockWebServer playing both Microsoft's token endpoint ({@code /{tenant}/oauth2/v2.0/token},
 * answering with a JWT-shaped token whose {@code roles} are configurable) and Microsoft Graph,
 * which answers from a script: for tests of the real adapter's HTTP behaviour that need exact
 * control of each answer. Every request is recorded.
 */
final class ScriptedEntra implements AutoCloseable {
  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
  static final String GROUP = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
  static final String OTHER_GROUP = "11111111-2222-3333-4444-555555555555";
  static final String USER = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  final MockWebServer server = new MockWebServer();
  private final Deque<MockResponse> script = new ArrayDeque<>();
  private final Deque<MockResponse> tokenScript = new ArrayDeque<>();
  private final List<RecordedRequest> graphRequests = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private volatile List<String> roles = EntraClient.REQUIRED_PERMISSIONS;
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final MutableClock clock = new MutableClock(NOW);

  /** Starts a server; an I/O failure fails the test. */
  static ScriptedEntra start() {
    try {
      return new ScriptedEntra();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ScriptedEntra() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().encodedPath().endsWith("/oauth2/v2.0/token")) {
              tokenRequests.add(request);
              synchronized (script) {
                MockResponse once = tokenScript.poll();
                if (once != null) {
                  return once;
                }
              }
              return json(
                  200,
                  "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                      + "\"access_token\":\""
                      + accessToken(roles, tokens.incrementAndGet())
                      + "\"}");
            }
            graphRequests.add(request);
            synchronized (script) {
              MockResponse next = script.poll();
              return next != null
                  ? next
                  : json(
                      500,
                      "{\"error\":{\"code\":\"generalException\",\"message\":\"script ran out\"}}");
            }
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  /** An unsigned JWT-shaped token with these roles; the number makes each one different. */
  static String accessToken(List<String> roles, int number) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("aud", "https://graph.microsoft.com");
    claims.put("tid", TENANT);
    claims.put("n", number);
    claims.put("roles", roles);
    return b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}")
        + "."
        + b64(Json.OBJECT.toJson(claims))
        + ".c2ln";
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Issues tokens with these roles from now on. */
  ScriptedEntra roles(List<String> granted) {
    this.roles = List.copyOf(granted);
    return this;
  }

  /** Queues the answer to the next Graph request. */
  ScriptedEntra enqueue(MockResponse response) {
    synchronized (script) {
      script.add(response);
    }
    return this;
  }

  /** Queues a JSON answer to the next Graph request. */
  ScriptedEntra enqueue(int status, String body) {
    return enqueue(json(status, body));
  }

  /** Answers the next token request with this instead of a token. */
  ScriptedEntra nextTokenResponse(MockResponse response) {
    synchronized (script) {
      tokenScript.add(response);
    }
    return this;
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** The server's origin, used as both the authority and the Graph URL. */
  String origin() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  HttpUrl url(String pathAndQuery) {
    return HttpUrl.get(origin() + pathAndQuery);
  }

  String tokenUrl() {
    return origin() + "/" + TENANT + "/oauth2/v2.0/token";
  }

  List<RecordedRequest> graphRequests() {
    return List.copyOf(graphRequests);
  }

  List<RecordedRequest> tokenRequests() {
    return List.copyOf(tokenRequests);
  }

  /** A builder pointed at this server, with the fixed clock and a sleeper that only records. */
  EntraClient.Builder builder(EntraCredential credential) {
    return EntraClient.builder()
        .tenantId(TENANT)
        .clientId(CLIENT_ID)
        .credential(credential)
        .authorityUrl(origin())
        .graphUrl(origin())
        .clock(clock)
        .retryPolicy(RetryPolicy.defaults())
        .jitter(() -> 0.5)
        .sleeper(
            duration -> {
              waits.add(duration);
              clock.advance(duration);
            });
  }

  /** A client with a client secret. */
  EntraClient client() {
    return builder(EntraCredential.clientSecret(org.workforceiam.core.Secret.of("s3cr3t~value")))
        .build();
  }

  @Override
  public void close() {
    server.close();
  }

  /** A clock that moves only when told. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
