package org.workforceiam.okta;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.Page;
import org.workforceiam.http.Json;

/**
 * The call path of a sync, one page of a group's members through the real client (retry loop,
 * authorizing interceptor, decoding) from a MockWebServer on loopback, without an event listener
 * ({@code none}, the default) and with one that counts every event ({@code counting}). With {@code
 * -prof gc}, {@code gc.alloc.rate.norm} is what a page costs in allocation: the difference between
 * the two is the cost of the events, and {@code none} does no event work at all.
 *
 * <p>The org issues a Bearer token (DPoP off, so no proof is signed per request and the events'
 * share is not hidden behind a signature) valid for an hour: the token is fetched once, in the
 * setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EventListenerBenchmark {
  static final int PAGE_SIZE = 100;
  static final String GROUP = "00gEventsBench697";

  @Param({"none", "counting"})
  public String listener = "none";

  private MockWebServer server;
  private OkHttpClient http;
  private OktaClient client;

  /** Counts every event, as a metrics listener does at least. */
  static final class CountingListener implements IamEventListener {
    final LongAdder events = new LongAdder();

    @Override
    public void callStarted(CallStarted event) {
      events.increment();
    }

    @Override
    public void callEnded(CallEnded event) {
      events.increment();
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
      events.increment();
    }

    @Override
    public void rateLimitWait(RateLimitWait event) {
      events.increment();
    }

    @Override
    public void tokenFetched(TokenFetched event) {
      events.increment();
    }

    @Override
    public void pageFetched(PageFetched event) {
      events.increment();
    }
  }

  @Setup(Level.Trial)
  public void start() throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey key = generator.generateKeyPair().getPrivate();
    List<Object> users = new ArrayList<>();
    for (int i = 0; i < PAGE_SIZE; i++) {
      users.add(OktaJsonBenchmark.user(i));
    }
    String page = Json.MOSHI.adapter(Object.class).toJson(users);
    server = new MockWebServer();
    // Sockets that send at once, as SimulatedOkta's: without TCP_NODELAY each page waits some 40 ms
    // for a delayed ACK, which would hide everything else.
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().encodedPath().equals("/oauth2/v1/token")) {
              return json(
                  "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"t"
                      + "x".repeat(800)
                      + "\",\"scope\":\"okta.groups.read okta.users.manage\"}");
            }
            return json(page);
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
    http = new OkHttpClient();
    client =
        OktaClient.builder()
            .orgUrl("http://" + server.getHostName() + ":" + server.getPort())
            .clientId("0oaEventsBench")
            .privateKey(key)
            .dpopMode(DpopMode.OFF)
            .pageSize(PAGE_SIZE)
            .httpClient(http)
            .eventListener(
                listener.equals("counting") ? new CountingListener() : IamEventListener.NONE)
            .build();
    fetchPage(); // the token
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** Server sockets whose connections have TCP_NODELAY. */
  private static final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = createServerSocket();
      socket.bind(new InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = createServerSocket();
      socket.bind(new InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      ServerSocket socket = createServerSocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    client.close();
    server.close();
    http.connectionPool().evictAll();
    http.dispatcher().executorService().shutdown();
  }

  @Benchmark
  public Page<Employee> fetchPage() {
    return client.directory().membersPage(GroupId.of(GROUP));
  }
}
