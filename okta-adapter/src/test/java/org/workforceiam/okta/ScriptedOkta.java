package org.workforceiam.okta;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.http.Sleeper;
import org.workforceiam.okta.simulator.MutableClock;
import org.workforceiam.okta.spec.SpecConformance;

/**
 * A MockWebServer that issues Bearer tokens at {@code /oauth2/v1/token} and answers every other
 * request from a script of responses, recording what arrived: for tests of HTTP behaviour (paging,
 * retries, error bodies) that need exact control of each answer. Like the simulated Okta, it
 * refuses a request of the adapter that is not in Okta's OpenAPI spec ({@link SpecConformance}).
 */
final class ScriptedOkta implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  private final Deque<MockResponse> script = new ArrayDeque<>();
  private final List<RecordedRequest> apiRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final List<String> tokenRequestBodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private final Deque<MockResponse> tokenScript = new ArrayDeque<>();

  ScriptedOkta() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            Optional<String> outsideSpec =
                SpecConformance.problem(
                    request.getMethod(), request.getUrl(), request.getHeaders());
            if (outsideSpec.isPresent()) {
              // Fails the test that sent it, as the simulated Okta does.
              return json(
                  400,
                  "{\"errorCode\":\"E0000001\",\"errorSummary\":\"Api validation failed: "
                      + outsideSpec.get().replace("\\", "\\\\").replace("\"", "\\\"")
                      + "\"}");
            }
            if (request.getUrl().encodedPath().equals("/oauth2/v1/token")) {
              tokenRequests.incrementAndGet();
              tokenRequestBodies.add(request.getBody() == null ? "" : request.getBody().utf8());
              synchronized (script) {
                MockResponse once = tokenScript.poll();
                if (once != null) {
                  return once;
                }
              }
              return json(
                  200,
                  "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"t"
                      + tokens.incrementAndGet()
                      + "\",\"scope\":\"okta.groups.read okta.users.manage\"}");
            }
            apiRequests.add(request);
            synchronized (script) {
              MockResponse next = script.poll();
              return next != null
                  ? next
                  : json(500, "{\"errorCode\":\"E0000009\",\"errorSummary\":\"script ran out\"}");
            }
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  /** Queues the answer to the next API request. */
  ScriptedOkta enqueue(MockResponse response) {
    synchronized (script) {
      script.add(response);
    }
    return this;
  }

  /** Answers the next token request not yet scripted with this instead of a token. */
  ScriptedOkta nextTokenResponse(MockResponse response) {
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

  String orgUrl() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  HttpUrl url(String path) {
    return server.url(path);
  }

  List<RecordedRequest> apiRequests() {
    return List.copyOf(apiRequests);
  }

  List<String> tokenRequestBodies() {
    return List.copyOf(tokenRequestBodies);
  }

  int tokenRequests() {
    return tokenRequests.get();
  }

  OktaConnection connect(
      MutableClock clock, Sleeper sleeper, RetryPolicy policy, int pageSize, OkHttpClient http) {
    return connect(clock, sleeper, policy, pageSize, http, IamEventListener.NONE, 1.0);
  }

  OktaConnection connect(
      MutableClock clock,
      Sleeper sleeper,
      RetryPolicy policy,
      int pageSize,
      OkHttpClient http,
      IamEventListener listener,
      double rateLimitShare) {
    return new OktaConnection(
        OrgUrl.parse(orgUrl()),
        SimFixture.CLIENT_ID,
        SimFixture.key(),
        OktaClient.DEFAULT_SCOPES,
        http,
        clock,
        DpopMode.OFF,
        HttpLogging.NONE,
        pageSize,
        policy,
        sleeper,
        () -> 0.5,
        listener,
        rateLimitShare);
  }

  @Override
  public void close() {
    server.close();
  }
}
