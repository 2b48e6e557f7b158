package org.workforceiam.entra.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A Microsoft Entra ID tenant and Microsoft Graph on loopback, for integration tests and demos, as
 * {@code MockWebServer} is for HTTP: two servers (the authority, with the token endpoint, and
 * Graph) whose dispatcher checks every request as Entra and Graph do and answers as they do, over
 * an {@link EntraTenant} that keeps real state (a password set is recorded, a deleted method is
 * gone). The authority and Graph listen on two ports, two origins as in Entra, so a client that
 * derives one URL from the other, or follows a next link to the wrong origin, fails here as it
 * would there.
 *
 * <pre>{@code
 * try (SimulatedEntra entra =
 *     SimulatedEntra.builder()
 *         .certificate(certificate)                  // the app's certificate, as uploaded
 *         .appRoles(DirectoryRole.HELPDESK_ADMINISTRATOR)
 *         .tenant(new EntraTenant()
 *             .group(EMPLOYEES, "All Employees")
 *             .user(EntraUser.of(ADA, "ada@contoso.example").mail("ada@contoso.example"))
 *             .member(EMPLOYEES, ADA)
 *             .method(ADA, AuthMethod.mobilePhone("+1 2065550100")))
 *         .start()) {
 *   entra.throttleNext("GET", "/transitiveMembers", Duration.ofSeconds(2));
 *   // Point the code under test at entra.authorityUrl(), entra.graphUrl(), entra.tenantId()
 *   // and entra.clientId() with the certificate's private key, then assert on what Graph received
 *   // and on the state it left:
 *   assertThat(entra.graphCalls()).extracting(SimulatedEntra.Call::requestLine)
 *       .contains("DELETE /v1.0/users/" + ADA + "/authentication/phoneMethods/"
 *           + AuthMethod.MOBILE_PHONE_ID);
 *   assertThat(entra.tenant().methods(ADA)).hasSize(1); // the password is left
 * }
 * }</pre>
 *
 * <p>The token endpoint ({@code POST {authority}/{tenant}/oauth2/v2.0/token}, client credentials,
 * form body only) checks the tenant, the client id, the scope ({@code {graph}/.default}) and the
 * credential: a client secret registered on the app, or a client assertion (RS256 or PS256) whose
 * signature verifies with a registered certificate named by its {@code x5t#S256} or {@code x5t}
 * header, with {@code aud} the token URL, {@code iss} and {@code sub} the client id, {@code exp} in
 * the future, {@code nbf} and {@code iat} not in the future (five minutes of skew) and a {@code
 * jti}. Refusals carry Entra's {@code AADSTS} codes. The access token is a JWT whose {@code roles}
 * are the application permissions granted to the app. Graph calls check the token and the
 * permission each endpoint needs; see {@link EntraTenant} for what they do.
 *
 * <p>Faults are one-shot and deterministic, each for the next request whose method and path suffix
 * match: {@link #throttleNext}, {@link #unavailableNext}, {@link #failNext}, {@link
 * #dropConnectionBeforeNext}, {@link #dropConnectionAfterNext}, {@link #malformedBodyNext}, {@link
 * #foreignNextLinkNext}, {@link #nextLinkCycleNext}, {@link #endlessEmptyPagesNext}, and {@link
 * #respondOnce} for any other answer.
 *
 * <p>Every request is recorded, in arrival order, as a {@link Call} ({@link #calls()}, {@link
 * #graphCalls()}); refusals are named in {@link #rejections()}. {@link RequestCheck}s may refuse
 * requests before the simulator handles them. Every answer carries a {@code request-id} header.
 *
 * <p>Depends on no test framework. Thread-safe: any number of clients may call it at once.
 */
public final class SimulatedEntra implements AutoCloseable {
  /** The tenant id of a simulator built without {@link Builder#tenantId}. */
  public static final String DEFAULT_TENANT_ID = "5f1c7a3e-0d2b-4c8e-9a61-2b7d4e8f9c10";

  /** The client id of a simulator built without {@link Builder#clientId}. */
  public static final String DEFAULT_CLIENT_ID = "9a3b5c7d-1e2f-4a6b-8c0d-e1f2a3b4c5d6";

  /** The verified domain of a simulator built without {@link Builder#verifiedDomain}. */
  public static final String DEFAULT_DOMAIN = "simulated.onmicrosoft.com";

  /**
   * The application permissions the workforce-iam Entra adapter needs, granted by default: {@code
   * GroupMember.Read.All}, {@code User.Read.All}, {@code UserAuthenticationMethod.ReadWrite.All},
   * {@code User-PasswordProfile.ReadWrite.All}, {@code User.RevokeSessions.All}, {@code
   * RoleManagement.Read.Directory}.
   */
  public static final List<String> REQUIRED_PERMISSIONS =
      List.of(
          "GroupMember.Read.All",
          "User.Read.All",
          "UserAuthenticationMethod.ReadWrite.All",
          "User-PasswordProfile.ReadWrite.All",
          "User.RevokeSessions.All",
          "RoleManagement.Read.Directory");

  /** Clock skew tolerated for an assertion's {@code nbf} and {@code iat}. */
  static final Duration SKEW = Duration.ofMinutes(5);

  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final String TOKEN_SUFFIX = "/oauth2/v2.0/token";
  private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
  private static final DateTimeFormatter STS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** The key that signs access tokens: one per JVM, as cheap to share as Entra's signing keys. */
  private static final KeyPair TOKEN_KEY = tokenKey();

  private final MockWebServer authority = new MockWebServer();
  private final MockWebServer graph = new MockWebServer();
  private final String tenantId;
  private final Set<String> domains;
  private final String clientId;
  private final String servicePrincipalId;
  private final List<String> secrets;
  private final List<X509Certificate> certificates;
  private final Set<String> grantedPermissions;
  private final Clock clock;
  private final Duration tokenLifetime;
  private final EntraTenant tenant;
  private final GraphApi api;
  private final List<RequestCheck> checks;

  private final List<Fault> faults = new ArrayList<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger requestIds = new AtomicInteger();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<String> rejections = new CopyOnWriteArrayList<>();

  private SimulatedEntra(Builder builder) {
    this.tenantId = builder.tenantId;
    this.domains = Set.copyOf(builder.domains);
    this.clientId = builder.clientId;
    this.servicePrincipalId = Guids.of(0x5e1f_a5e1_0000_4000L, clientId.hashCode());
    this.secrets = List.copyOf(builder.secrets);
    this.certificates = List.copyOf(builder.certificates);
    this.grantedPermissions = Set.copyOf(builder.grantedPermissions);
    this.clock = builder.clock;
    this.tokenLifetime = builder.tokenLifetime;
    this.tenant = builder.tenant;
    builder.seeding.forEach(seed -> seed.accept(tenant));
    this.api = new GraphApi(tenant, builder.appRoles);
    List<RequestCheck> allChecks = new ArrayList<>(SERVICE_CHECKS);
    allChecks.addAll(builder.checks);
    this.checks = List.copyOf(allChecks);
    Dispatcher dispatcher =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return handle(request);
          }
        };
    for (MockWebServer server : List.of(authority, graph)) {
      server.setServerSocketFactory(new NoDelayServerSockets());
      server.setDispatcher(dispatcher);
    }
  }

  /**
   * Checks each request before the simulator handles it, and may refuse it: for example to hold a
   * client to Graph's published API, or to rules of your own. A refused request is not handled; it
   * is answered {@code 400} with Graph's error body (code {@code Request_BadRequest}) whose message
   * names the problem, and recorded in {@link #rejections()} as {@code request_check: <problem>}.
   *
   * <p>Checks are given to {@link Builder#requestCheck}, or apply to every simulator in the JVM
   * when listed in a {@code
   * META-INF/services/org.workforceiam.entra.simulator.SimulatedEntra$RequestCheck} file on the
   * class path (found with {@link ServiceLoader}, with a public no-argument constructor).
   * Implementations must be thread-safe: requests arrive on the servers' threads.
   */
  @FunctionalInterface
  public interface RequestCheck {
    /**
     * Checks a request.
     *
     * @param method the HTTP method
     * @param url the request URL
     * @param headers the request headers
     * @param body the request body as text, empty when it has none
     * @return what is wrong with the request, or empty to let it through
     */
    Optional<String> check(String method, HttpUrl url, Headers headers, String body);
  }

  /** The checks listed as services, applied to every simulator. */
  private static final List<RequestCheck> SERVICE_CHECKS =
      ServiceLoader.load(RequestCheck.class, SimulatedEntra.class.getClassLoader()).stream()
          .map(ServiceLoader.Provider::get)
          .toList();

  /**
   * Starts a builder for a tenant {@value #DEFAULT_TENANT_ID} whose app {@value #DEFAULT_CLIENT_ID}
   * is granted {@link #REQUIRED_PERMISSIONS} and holds the Helpdesk Administrator role, with an
   * empty directory. Register a certificate or a secret before starting it.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private SimulatedEntra start() throws IOException {
    authority.start(InetAddress.getLoopbackAddress(), 0);
    try {
      graph.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      authority.close();
      throw e;
    }
    return this;
  }

  /**
   * Returns the authority URL, {@code http://127.0.0.1:port}: where the token endpoint is.
   *
   * @return the authority URL, without a trailing slash
   */
  public String authorityUrl() {
    return origin(authority);
  }

  /**
   * Returns the Graph URL, {@code http://127.0.0.1:port} (another port than the authority's): the
   * Graph API is under {@code /v1.0}.
   *
   * @return the Graph URL, without a trailing slash
   */
  public String graphUrl() {
    return origin(graph);
  }

  private static String origin(MockWebServer server) {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  /**
   * Returns the token endpoint: {@code {authority}/{tenantId}/oauth2/v2.0/token}, the audience a
   * client assertion must name.
   *
   * @return the URL
   */
  public String tokenUrl() {
    return authorityUrl() + "/" + tenantId + TOKEN_SUFFIX;
  }

  /**
   * Whether a client assertion's {@code aud} names this tenant's token endpoint: addressed by the
   * tenant id or by one of its verified domains, as the token request itself may be (Microsoft's
   * certificate-credentials page shows a domain in {@code aud}).
   */
  private boolean isTokenUrl(@Nullable String aud) {
    if (aud == null) {
      return false;
    }
    if (aud.equals(tokenUrl())) {
      return true;
    }
    String prefix = authorityUrl() + "/";
    if (!aud.startsWith(prefix) || !aud.endsWith(TOKEN_SUFFIX)) {
      return false;
    }
    String tenant = aud.substring(prefix.length(), aud.length() - TOKEN_SUFFIX.length());
    return domains.contains(tenant.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns the scope a token request must ask for: {@code {graph}/.default}.
   *
   * @return the scope
   */
  public String scope() {
    return graphUrl() + "/.default";
  }

  /**
   * Returns the tenant id.
   *
   * @return the tenant id, a GUID
   */
  public String tenantId() {
    return tenantId;
  }

  /**
   * Returns the app's client (application) id.
   *
   * @return the client id, a GUID
   */
  public String clientId() {
    return clientId;
  }

  /**
   * Returns the URL of a path on Graph.
   *
   * @param pathAndQuery the path, such as {@code /v1.0/users/…}, with its query if any
   * @return the URL
   */
  public HttpUrl url(String pathAndQuery) {
    return Objects.requireNonNull(HttpUrl.parse(graphUrl() + pathAndQuery), "bad path");
  }

  /**
   * Returns the tenant's directory: to seed more objects while the simulator runs, and to assert on
   * passwords, methods, revocations and the changes made.
   *
   * @return the tenant
   */
  public EntraTenant tenant() {
    return tenant;
  }

  /** Stops both servers. */
  @Override
  public void close() {
    try {
      graph.close();
    } finally {
      authority.close();
    }
  }

  // ------------------------------------------------------------------ faults

  /** What a fault does to the next matching request. */
  private enum FaultKind {
    RESPOND,
    DROP_AFTER,
    FOREIGN_LINK,
    CYCLE,
    ENDLESS
  }

  private record Fault(
      String method, String pathSuffix, FaultKind kind, @Nullable MockResponse response) {}

  private @Nullable Fault takeFault(RecordedRequest request) {
    synchronized (faults) {
      for (int i = 0; i < faults.size(); i++) {
        Fault fault = faults.get(i);
        if (fault.method().equals(request.getMethod())
            && request.getUrl().encodedPath().endsWith(fault.pathSuffix())) {
          return faults.remove(i);
        }
      }
      return null;
    }
  }

  private void addFault(
      String method, String pathSuffix, FaultKind kind, @Nullable MockResponse r) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(pathSuffix, "pathSuffix == null");
    synchronized (faults) {
      faults.add(new Fault(method, pathSuffix, kind, r));
    }
  }

  /**
   * Answers the next request with this method and path suffix with the given response, without
   * authenticating or processing it. The {@code request-id} header is added.
   *
   * @param method the HTTP method, such as {@code POST}
   * @param pathSuffix the end of the encoded path, such as {@code /revokeSignInSessions}; {@code
   *     /oauth2/v2.0/token} for the token endpoint
   * @param response the answer
   */
  public void respondOnce(String method, String pathSuffix, MockResponse response) {
    addFault(method, pathSuffix, FaultKind.RESPOND, Objects.requireNonNull(response, "response"));
  }

  /**
   * Answers the next matching request {@code 429 Too Many Requests} with {@code Retry-After} in
   * whole seconds (rounded up) and Graph's error body ({@code TooManyRequests}). The request is not
   * processed.
   *
   * @param method the HTTP method
   * @param pathSuffix the end of the encoded path
   * @param retryAfter how long Graph asks the client to wait
   */
  public void throttleNext(String method, String pathSuffix, Duration retryAfter) {
    respondOnce(
        method, pathSuffix, cannedError(429, "TooManyRequests", "Too many requests.", retryAfter));
  }

  /**
   * Answers the next matching request {@code 503 Service Unavailable} with {@code Retry-After} in
   * whole seconds and Graph's error body ({@code serviceNotAvailable}). The request is not
   * processed.
   *
   * @param method the HTTP method
   * @param pathSuffix the end of the encoded path
   * @param retryAfter how long Graph asks the client to wait
   */
  public void unavailableNext(String method, String pathSuffix, Duration retryAfter) {
    respondOnce(
        method,
        pathSuffix,
        cannedError(
            503,
            "serviceNotAvailable",
            "The service is temporarily unavailable. Please retry later.",
            retryAfter));
  }

  /**
   * Answers the next matching request with a server error and Graph's error body, without {@code
   * Retry-After}. The request is not processed.
   *
   * @param method the HTTP method
   * @param pathSuffix the end of the encoded path
   * @param status the status, from 500 to 599
   */
  public void failNext(String method, String pathSuffix, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be a server error (5xx): " + status);
    }
    respondOnce(
        method, pathSuffix, cannedError(status, "generalException", "Simulated failure.", null));
  }

  private MockResponse cannedError(
      int status, String code, String message, @Nullable Duration retryAfter) {
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    // The request id is set when the answer goes out; the body's copy is filled in then too.
    MockResponse.Builder response =
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", Exchange.GRAPH_JSON)
            .body(
                Exchange.json(
                    Map.of(
                        "error",
                        Map.of("code", code, "message", message, "innerError", Map.of()))));
    if (retryAfter != null) {
      response.setHeader(
          "Retry-After", Long.toString(retryAfter.plusNanos(999_999_999).toSeconds()));
    }
    return response.build();
  }

  /**
   * Closes the connection of the next matching request once it has arrived, without processing it
   * or answering: the client sees an I/O error, and nothing changed.
   *
   * @param method the HTTP method
   * @param pathSuffix the end of the encoded path
   */
  public void dropConnectionBeforeNext(String method, String pathSuffix) {
    respondOnce(method, pathSuffix, dropped());
  }

  /**
   * Processes the next matching request as usual, so a write takes effect, then closes the
   * connection without answering: the client cannot know the outcome.
   *
   * @param method the HTTP method
   * @param pathSuffix the end of the encoded path
   */
  public void dropConnectionAfterNext(String method, String pathSuffix) {
    addFault(method, pathSuffix, FaultKind.DROP_AFTER, null);
  }

  private static MockResponse dropped() {
    return new MockResponse.Builder()
        .code(500)
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
        .build();
  }

  /**
   * Answers the next matching request {@code 200} with a truncated JSON body, without processing
   * it.
   *
   * @param method the HTTP method
   * @param pathSuffix the end of the encoded path
   */
  public void malformedBodyNext(String method, String pathSuffix) {
    respondOnce(
        method,
        pathSuffix,
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", Exchange.GRAPH_JSON)
            .body("{\"@odata.context\":\"x\",\"value\":[{\"id\":\"")
            .build());
  }

  /**
   * Answers the next matching list request as usual, but with an {@code @odata.nextLink} to another
   * origin (the authority's, which records any request that follows it as {@code
   * foreign_origin_request}).
   *
   * @param pathSuffix the end of the encoded path of a list, such as {@code /transitiveMembers}
   */
  public void foreignNextLinkNext(String pathSuffix) {
    addFault("GET", pathSuffix, FaultKind.FOREIGN_LINK, null);
  }

  /**
   * Answers the next matching list request as usual, but with an {@code @odata.nextLink} back to
   * the list's first page (the request's own URL without {@code $skiptoken}): a client that follows
   * it loops.
   *
   * @param pathSuffix the end of the encoded path of a list
   */
  public void nextLinkCycleNext(String pathSuffix) {
    addFault("GET", pathSuffix, FaultKind.CYCLE, null);
  }

  /**
   * Answers the next matching list request with an empty page whose {@code @odata.nextLink} leads
   * to another empty page, and so on without end: a client must give up at some bound.
   *
   * @param pathSuffix the end of the encoded path of a list
   */
  public void endlessEmptyPagesNext(String pathSuffix) {
    addFault("GET", pathSuffix, FaultKind.ENDLESS, null);
  }

  // ------------------------------------------------------------------ state for assertions

  /**
   * Returns how many token requests the token endpoint handled, refused ones included; requests
   * answered by an injected fault are not counted.
   *
   * @return the count
   */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  /**
   * Returns every request to either server, in arrival order.
   *
   * @return the calls
   */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /**
   * Returns the requests to the Graph server, in arrival order.
   *
   * @return the calls
   */
  public List<Call> graphCalls() {
    String graphOrigin = graphUrl();
    return calls.stream().filter(c -> origin(c.url()).equals(graphOrigin)).toList();
  }

  private static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  /**
   * Returns why requests were refused, in order: {@code AADSTS<code>} for the token endpoint, the
   * Graph error code (such as {@code InvalidAuthenticationToken}, {@code
   * Authorization_RequestDenied}) for a refused token or permission, {@code request_check:
   * <problem>} for a {@link RequestCheck}'s refusal, {@code foreign_origin_request} for a Graph
   * request sent to the authority, {@code wrong_origin_token_request} for a token request sent to
   * Graph. Injected faults and Graph's answers about the directory (404, 400) do not appear.
   *
   * @return the rejection reasons
   */
  public List<String> rejections() {
    return List.copyOf(rejections);
  }

  // ------------------------------------------------------------------ dispatch

  private MockResponse handle(RecordedRequest request) {
    int n = requestIds.incrementAndGet();
    String requestId =
        Guids.of(0x51a0_0000_0000_4000L | ((long) n << 16), 0x8000_0000_0000_0000L | n);
    String clientRequestId =
        Objects.requireNonNullElse(request.getHeaders().get("client-request-id"), requestId);
    Exchange exchange =
        new Exchange(request, requestId, clientRequestId, clock.instant(), graphUrl());
    MockResponse response;
    try {
      Optional<String> refused = refusal(request);
      Fault fault = refused.isPresent() ? null : takeFault(request);
      if (refused.isPresent()) {
        rejections.add("request_check: " + refused.get());
        response = exchange.error(400, "Request_BadRequest", "request check: " + refused.get());
      } else if (fault != null && fault.kind() == FaultKind.RESPOND) {
        response = withRequestIdInBody(Objects.requireNonNull(fault.response()), exchange);
      } else if (fault != null && fault.kind() == FaultKind.ENDLESS) {
        Optional<MockResponse> unauthorized = authorize(exchange).refusal();
        response = unauthorized.orElseGet(() -> Odata.endlessEmptyPage(exchange));
      } else {
        response = process(exchange);
        if (fault != null) {
          response = apply(fault, response, exchange);
        }
      }
    } catch (RuntimeException e) {
      response = exchange.error(500, "generalException", "Simulator failure: " + e);
    }
    response =
        response
            .newBuilder()
            .setHeader("request-id", requestId)
            .setHeader("client-request-id", clientRequestId)
            .build();
    if (isTokenPath(request.getUrl())) {
      response = response.newBuilder().setHeader("x-ms-request-id", requestId).build();
    }
    calls.add(new Call(request, response, requestId));
    return response;
  }

  /** Fills in the request ids of a canned Graph error body. */
  private static MockResponse withRequestIdInBody(MockResponse response, Exchange exchange) {
    okio.Buffer body = new okio.Buffer();
    try {
      var bodyOf = response.getBody();
      if (bodyOf == null) {
        return response;
      }
      bodyOf.writeTo(body);
    } catch (IOException e) {
      return response;
    }
    String text = body.readUtf8();
    if (!text.contains("\"innerError\":{}")) {
      return response;
    }
    Object parsed = Exchange.parseJson(text);
    if (!(parsed instanceof Map<?, ?> map) || !(map.get("error") instanceof Map<?, ?> error)) {
      return response;
    }
    Map<String, Object> rebuilt =
        exchange.errorBody(
            String.valueOf(error.get("code")), String.valueOf(error.get("message")), false);
    return response.newBuilder().body(Exchange.json(rebuilt)).build();
  }

  private MockResponse apply(Fault fault, MockResponse response, Exchange exchange) {
    switch (fault.kind()) {
      case DROP_AFTER -> {
        return dropped();
      }
      case FOREIGN_LINK, CYCLE -> {
        if (response.getCode() != 200) {
          return response;
        }
        return withNextLink(response, nextLinkFor(fault.kind(), exchange.url()));
      }
      default -> {
        return response;
      }
    }
  }

  private String nextLinkFor(FaultKind kind, HttpUrl url) {
    if (kind == FaultKind.CYCLE) {
      return url.newBuilder().removeAllQueryParameters("$skiptoken").build().toString();
    }
    HttpUrl foreign = Objects.requireNonNull(HttpUrl.parse(authorityUrl()));
    return url.newBuilder().host(foreign.host()).port(foreign.port()).build().toString();
  }

  private static MockResponse withNextLink(MockResponse response, String link) {
    okio.Buffer body = new okio.Buffer();
    try {
      var bodyOf = Objects.requireNonNull(response.getBody());
      bodyOf.writeTo(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Object parsed = Exchange.parseJson(body.readUtf8());
    if (!(parsed instanceof Map<?, ?> map) || !map.containsKey("value")) {
      return response;
    }
    Map<String, Object> page = new LinkedHashMap<>();
    map.forEach((k, v) -> page.put(String.valueOf(k), v));
    page.remove("value");
    page.put("@odata.nextLink", link);
    page.put("value", map.get("value"));
    return response.newBuilder().body(Exchange.json(page)).build();
  }

  private Optional<String> refusal(RecordedRequest request) {
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    for (RequestCheck check : checks) {
      Optional<String> problem =
          check.check(request.getMethod(), request.getUrl(), request.getHeaders(), body);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private boolean isTokenPath(HttpUrl url) {
    return url.encodedPath().endsWith(TOKEN_SUFFIX) && url.pathSize() == 4;
  }

  private MockResponse process(Exchange exchange) {
    HttpUrl url = exchange.url();
    boolean onGraph = url.port() == graph.getPort();
    if (isTokenPath(url)) {
      if (onGraph) {
        rejections.add("wrong_origin_token_request");
        return exchange.error(
            404, "BadRequest", "The token endpoint is on the authority, not on Graph.");
      }
      tokenRequests.incrementAndGet();
      return new TokenEndpoint(exchange).answer();
    }
    if (!onGraph) {
      rejections.add("foreign_origin_request");
      return new MockResponse.Builder().code(404).body("Not Found").build();
    }
    List<String> segments = url.pathSegments();
    if (segments.isEmpty() || !segments.get(0).equals("v1.0")) {
      return exchange.error(
          404, "BadRequest", "The simulated Graph serves /v1.0 only: " + url.encodedPath());
    }
    Authorization authorization = authorize(exchange);
    if (authorization.refusal().isPresent()) {
      return authorization.refusal().get();
    }
    return api.handle(exchange, segments.subList(1, segments.size()), authorization.roles());
  }

  // ------------------------------------------------------------------ Graph's token check

  /** Either the roles of a valid token or the answer refusing the request. */
  private record Authorization(Set<String> roles, Optional<MockResponse> refusal) {}

  private Authorization authorize(Exchange exchange) {
    String header = exchange.request.getHeaders().get("Authorization");
    if (header == null || header.isBlank()) {
      return refused(exchange, "Access token is empty.");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return refused(exchange, "Access token validation failure. Invalid scheme.");
    }
    Jose.Jws jws;
    try {
      jws = Jose.parse(header.substring(7).trim());
    } catch (IllegalArgumentException e) {
      return refused(exchange, "IDX14100: JWT is not well formed.");
    }
    if (!"RS256".equals(jws.headerString("alg")) || !Jose.verify(jws, TOKEN_KEY.getPublic())) {
      return refused(exchange, "Access token validation failure. Invalid signature.");
    }
    if (!graphUrl().equals(jws.claimString("aud")) || !tenantId.equals(jws.claimString("tid"))) {
      return refused(exchange, "Access token validation failure. Invalid audience.");
    }
    Long exp = jws.claimLong("exp");
    if (exp == null || exchange.now.getEpochSecond() >= exp) {
      return refused(exchange, "Lifetime validation failed, the token is expired.");
    }
    Set<String> roles = new LinkedHashSet<>();
    if (jws.claims().get("roles") instanceof List<?> list) {
      list.forEach(role -> roles.add(String.valueOf(role)));
    }
    return new Authorization(roles, Optional.empty());
  }

  private Authorization refused(Exchange exchange, String message) {
    rejections.add("InvalidAuthenticationToken");
    MockResponse response =
        exchange
            .error(401, "InvalidAuthenticationToken", message)
            .newBuilder()
            .setHeader(
                "WWW-Authenticate",
                "Bearer realm=\"\", authorization_uri=\""
                    + authorityUrl()
                    + "/common/oauth2/authorize\", client_id=\""
                    + GRAPH_APP_ID
                    + "\"")
            .build();
    return new Authorization(Set.of(), Optional.of(response));
  }

  // ------------------------------------------------------------------ the token endpoint

  /** One token request. */
  private final class TokenEndpoint {
    private final Exchange exchange;

    TokenEndpoint(Exchange exchange) {
      this.exchange = exchange;
    }

    MockResponse answer() {
      if (!exchange.method().equals("POST")) {
        return sts(405, "invalid_request", 900561, "The endpoint only accepts POST requests.");
      }
      String tenant = exchange.url().pathSegments().get(0);
      if (!tenant.equalsIgnoreCase(tenantId)
          && !domains.contains(tenant.toLowerCase(Locale.ROOT))) {
        return sts(
            400,
            "invalid_tenant",
            90002,
            "Tenant '"
                + tenant
                + "' not found. Check to make sure you have the correct tenant ID and are"
                + " signing into the correct cloud. Check with your subscription administrator,"
                + " this may happen if there are no active subscriptions for the tenant.");
      }
      String contentType = exchange.request.getHeaders().get("Content-Type");
      Map<String, String> form =
          contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
              ? parseForm(exchange.body())
              : Map.of();
      for (String required : List.of("grant_type", "client_id", "scope")) {
        if (form.get(required) == null) {
          return sts(
              400,
              "invalid_request",
              900144,
              "The request body must contain the following parameter: '" + required + "'.");
        }
      }
      String grantType = form.getOrDefault("grant_type", "");
      if (!grantType.equals("client_credentials")) {
        return sts(
            400,
            "unsupported_grant_type",
            70003,
            "The app requested an unsupported grant type '" + grantType + "'.");
      }
      String client = form.getOrDefault("client_id", "");
      if (!client.equalsIgnoreCase(clientId)) {
        return sts(
            400,
            "unauthorized_client",
            700016,
            "Application with identifier '"
                + client
                + "' was not found in the directory '"
                + tenant
                + "'. This can happen if the application has not been installed by the"
                + " administrator of the tenant or consented to by any user in the tenant. You may"
                + " have sent your authentication request to the wrong tenant.");
      }
      String scope = form.getOrDefault("scope", "");
      if (!scope.equals(scope())) {
        return sts(
            400,
            "invalid_scope",
            70011,
            "The provided value for the input parameter 'scope' is not valid. The scope "
                + scope
                + " is not valid. A client credentials request asks for "
                + scope()
                + ".");
      }
      boolean hasSecret = form.containsKey("client_secret");
      boolean hasAssertion = form.containsKey("client_assertion");
      if (hasSecret && hasAssertion) {
        // Which code Entra gives a request with both credentials is not documented.
        return sts(
            400,
            "invalid_request",
            9002313,
            "Invalid request. Request is malformed or invalid: send client_secret or"
                + " client_assertion, not both.");
      }
      if (!hasSecret && !hasAssertion) {
        return sts(
            401,
            "invalid_client",
            7000218,
            "The request body must contain the following parameter: 'client_assertion' or"
                + " 'client_secret'.");
      }
      boolean certificate;
      if (hasSecret) {
        if (!secrets.contains(form.get("client_secret"))) {
          return sts(
              401,
              "invalid_client",
              7000215,
              "Invalid client secret provided. Ensure the secret being sent in the request is the"
                  + " client secret value, not the client secret ID, for a secret added to app '"
                  + clientId
                  + "'.");
        }
        certificate = false;
      } else {
        if (!ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
          return sts(
              400,
              "invalid_request",
              9002313,
              "Invalid request. Request is malformed or invalid: client_assertion_type must be "
                  + ASSERTION_TYPE
                  + ".");
        }
        MockResponse refused = checkAssertion(form.getOrDefault("client_assertion", ""));
        if (refused != null) {
          return refused;
        }
        certificate = true;
      }
      return issue(certificate);
    }

    private @Nullable MockResponse checkAssertion(String assertion) {
      Jose.Jws jws;
      try {
        jws = Jose.parse(assertion);
      } catch (IllegalArgumentException e) {
        return sts(400, "invalid_request", 50027, "JWT token is invalid or malformed.");
      }
      String alg = jws.headerString("alg");
      if (!"RS256".equals(alg) && !"PS256".equals(alg)) {
        return sts(
            400,
            "invalid_request",
            5002738,
            "Invalid JWT token. '" + alg + "' is not a supported signature algorithm.");
      }
      String s256 = jws.headerString("x5t#S256");
      String s1 = jws.headerString("x5t");
      String named = s256 != null ? s256 : s1;
      if (named == null) {
        return sts(
            401,
            "invalid_client",
            50027,
            "Invalid JWT token. No certificate thumbprint specified in token header.");
      }
      X509Certificate found = null;
      for (X509Certificate candidate : certificates) {
        if (named.equals(s256 != null ? Jose.x5tS256(candidate) : Jose.x5t(candidate))) {
          found = candidate;
        }
      }
      String thumbprint = thumbprintHex(named);
      if (found == null) {
        return sts(
            401,
            "invalid_client",
            700027,
            "Client assertion contains an invalid signature. [Reason - The key was not found.,"
                + " Thumbprint of key used by client: '"
                + thumbprint
                + "', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see"
                + " configured keys for app Id '"
                + clientId
                + "'.]");
      }
      PublicKey key = found.getPublicKey();
      if (!Jose.verify(jws, key)) {
        return sts(
            401,
            "invalid_client",
            700027,
            "Client assertion contains an invalid signature. [Reason - Key was found, but use of"
                + " the key to verify the signature failed., Thumbprint of key used by client: '"
                + thumbprint
                + "']");
      }
      if (!clientId.equalsIgnoreCase(String.valueOf(jws.claimString("iss")))
          || !clientId.equalsIgnoreCase(String.valueOf(jws.claimString("sub")))) {
        return sts(
            401,
            "invalid_client",
            700021,
            "Client assertion application identifier doesn't match 'client_id' parameter:"
                + " its iss and sub must both be the client id.");
      }
      if (!isTokenUrl(jws.claimString("aud"))) {
        return sts(
            401,
            "invalid_client",
            50012,
            "Client assertion audience claim does not match Realm issuer: aud must be "
                + tokenUrl()
                + ".");
      }
      long now = exchange.now.getEpochSecond();
      Long exp = jws.claimLong("exp");
      Long nbf = jws.claimLong("nbf");
      Long iat = jws.claimLong("iat");
      boolean future =
          (nbf != null && nbf > now + SKEW.toSeconds())
              || (iat != null && iat > now + SKEW.toSeconds());
      if (exp == null || exp <= now || future) {
        return sts(
            401,
            "invalid_client",
            700024,
            "Client assertion is not within its valid time range. Current time: "
                + Instant.ofEpochSecond(now)
                + ", assertion valid from "
                + (nbf == null ? "(no nbf)" : Instant.ofEpochSecond(nbf))
                + ", expiry time of assertion "
                + (exp == null ? "(no exp)" : Instant.ofEpochSecond(exp))
                + ".");
      }
      String jti = jws.claimString("jti");
      if (jti == null || jti.isBlank()) {
        // Entra's answer to an assertion without jti is not documented; the code is the
        // simulator's choice.
        return sts(
            401, "invalid_client", 50027, "Invalid JWT token. The token has no 'jti' claim.");
      }
      return null;
    }

    /** Entra shows the thumbprint it looked for in upper-case hex. */
    private String thumbprintHex(String base64url) {
      try {
        return Jose.hex(Jose.decode(base64url));
      } catch (IllegalArgumentException e) {
        return base64url;
      }
    }

    private MockResponse issue(boolean certificate) {
      Instant now = exchange.now;
      long iat = now.getEpochSecond();
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("typ", "JWT");
      header.put("alg", "RS256");
      header.put("kid", "simulated-entra");
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("aud", graphUrl());
      claims.put("iss", "https://sts.windows.net/" + tenantId + "/");
      claims.put("iat", iat);
      claims.put("nbf", iat);
      claims.put("exp", iat + tokenLifetime.toSeconds());
      claims.put("app_displayname", "workforce-iam (simulated)");
      claims.put("appid", clientId);
      claims.put("appidacr", certificate ? "2" : "1");
      claims.put("idp", "https://sts.windows.net/" + tenantId + "/");
      claims.put("idtyp", "app");
      claims.put("oid", servicePrincipalId);
      if (!grantedPermissions.isEmpty()) {
        claims.put("roles", List.copyOf(grantedPermissions));
      }
      claims.put("sub", servicePrincipalId);
      claims.put("tid", tenantId);
      claims.put("uti", UUID.randomUUID().toString().replace("-", ""));
      claims.put("ver", "1.0");
      String token = Jose.signRs256(header, claims, TOKEN_KEY.getPrivate());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("token_type", "Bearer");
      body.put("expires_in", tokenLifetime.toSeconds());
      body.put("ext_expires_in", tokenLifetime.toSeconds());
      body.put("access_token", token);
      return new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "application/json; charset=utf-8")
          .setHeader("Cache-Control", "no-store, no-cache")
          .body(Exchange.json(body))
          .build();
    }

    /** Entra's error answer, with its AADSTS code in the description. */
    private MockResponse sts(int status, String error, int code, String message) {
      rejections.add("AADSTS" + code);
      String timestamp = STS_TIME.format(exchange.now);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", error);
      body.put(
          "error_description",
          "AADSTS"
              + code
              + ": "
              + message
              + " Trace ID: "
              + exchange.requestId
              + " Correlation ID: "
              + exchange.clientRequestId
              + " Timestamp: "
              + timestamp);
      body.put("error_codes", List.of(code));
      body.put("timestamp", timestamp);
      body.put("trace_id", exchange.requestId);
      body.put("correlation_id", exchange.clientRequestId);
      body.put("error_uri", authorityUrl() + "/error?code=" + code);
      return new MockResponse.Builder()
          .code(status)
          .setHeader("Content-Type", "application/json; charset=utf-8")
          .body(Exchange.json(body))
          .build();
    }
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      form.put(name, value);
    }
    return form;
  }

  private static KeyPair tokenKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is missing from the JDK", e);
    }
  }

  /**
   * One request as it arrived, with the status of its answer.
   *
   * @param method the HTTP method
   * @param path the encoded path
   * @param url the full URL
   * @param headers the request headers
   * @param body the request body as text
   * @param status the status of the answer (500 for a dropped connection)
   * @param requestId the {@code request-id} the answer carried
   */
  public record Call(
      String method,
      String path,
      HttpUrl url,
      Headers headers,
      String body,
      int status,
      String requestId) {
    Call(RecordedRequest request, MockResponse response, String requestId) {
      this(
          request.getMethod(),
          request.getUrl().encodedPath(),
          request.getUrl(),
          request.getHeaders(),
          request.getBody() == null ? "" : request.getBody().utf8(),
          response.getCode(),
          requestId);
    }

    /**
     * Returns the method and the path with its query, as {@code GET /v1.0/users?$filter=…}, the
     * query decoded for reading.
     *
     * @return the request line without the protocol
     */
    public String requestLine() {
      String query = url.query();
      return method + " " + path + (query == null ? "" : "?" + query);
    }

    /**
     * Returns a form field of the body, such as a token request's {@code client_assertion}.
     *
     * @param name the field
     * @return its value, or empty
     */
    public Optional<String> formField(String name) {
      return Optional.ofNullable(parseForm(body).get(name));
    }

    /**
     * Returns the request line, the status and the request id; never the headers or the body, which
     * hold tokens, client assertions, client secrets and passwords.
     *
     * @return a description without secrets
     */
    @Override
    public String toString() {
      return "Call[" + requestLine() + " -> " + status + ", " + requestId + "]";
    }
  }

  /**
   * Server sockets whose connections send at once (TCP_NODELAY), as a production HTTP server's do:
   * with Nagle's algorithm on, the end of an answer waits for the client's delayed ACK.
   */
  private static final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {}

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  /** Configures a {@link SimulatedEntra}. */
  public static final class Builder {
    private String tenantId = DEFAULT_TENANT_ID;
    private final Set<String> domains = new LinkedHashSet<>(List.of(DEFAULT_DOMAIN));
    private String clientId = DEFAULT_CLIENT_ID;
    private final List<String> secrets = new ArrayList<>();
    private final List<X509Certificate> certificates = new ArrayList<>();
    private final Set<String> grantedPermissions = new LinkedHashSet<>(REQUIRED_PERMISSIONS);
    private final Set<DirectoryRole> appRoles = EnumSet.of(DirectoryRole.HELPDESK_ADMINISTRATOR);
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = Duration.ofSeconds(3599);
    private EntraTenant tenant = new EntraTenant();
    private final List<Consumer<EntraTenant>> seeding = new ArrayList<>();
    private final List<RequestCheck> checks = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the tenant (directory) id.
     *
     * @param tenantId a GUID
     * @return this
     */
    public Builder tenantId(String tenantId) {
      this.tenantId = Guids.require(tenantId, "tenantId");
      return this;
    }

    /**
     * Adds a verified domain: the token endpoint accepts it in place of the tenant id, as Entra
     * does ({@value #DEFAULT_DOMAIN} is one by default).
     *
     * @param domain the domain, such as {@code contoso.example}
     * @return this
     */
    public Builder verifiedDomain(String domain) {
      Objects.requireNonNull(domain, "domain == null");
      domains.add(domain.toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Sets the app registration's client (application) id.
     *
     * @param clientId a GUID
     * @return this
     */
    public Builder clientId(String clientId) {
      this.clientId = Guids.require(clientId, "clientId");
      return this;
    }

    /**
     * Adds a client secret to the app registration.
     *
     * @param secret the secret's value
     * @return this
     */
    public Builder clientSecret(String secret) {
      Objects.requireNonNull(secret, "secret == null");
      if (secret.isBlank()) {
        throw new IllegalArgumentException("a client secret must not be blank");
      }
      secrets.add(secret);
      return this;
    }

    /**
     * Uploads a certificate to the app registration: client assertions signed by its key and naming
     * its thumbprint ({@code x5t#S256} or {@code x5t}) are accepted.
     *
     * @param certificate an X.509 certificate with an RSA key (Entra accepts only RSA)
     * @return this
     * @throws IllegalArgumentException when its key is not RSA
     */
    public Builder certificate(X509Certificate certificate) {
      Objects.requireNonNull(certificate, "certificate == null");
      if (!"RSA".equals(certificate.getPublicKey().getAlgorithm())) {
        throw new IllegalArgumentException(
            "Entra accepts only RSA certificates for client assertions, not "
                + certificate.getPublicKey().getAlgorithm());
      }
      certificates.add(certificate);
      return this;
    }

    /**
     * Sets the application permissions granted to the app with admin consent, which its tokens list
     * in {@code roles}; {@link #REQUIRED_PERMISSIONS} by default.
     *
     * @param permissions the permissions, such as {@code User.Read.All}
     * @return this
     */
    public Builder grantedPermissions(String... permissions) {
      grantedPermissions.clear();
      for (String permission : permissions) {
        grantedPermissions.add(Objects.requireNonNull(permission, "permission == null"));
      }
      return this;
    }

    /**
     * Sets the directory roles held by the app's service principal; Helpdesk Administrator by
     * default. Setting a password needs one: Helpdesk, Password, User or Authentication
     * Administrator for users without a role, Privileged Authentication Administrator or Global
     * Administrator for users holding one. None: every password change is refused.
     *
     * @param roles the roles
     * @return this
     */
    public Builder appRoles(DirectoryRole... roles) {
      appRoles.clear();
      for (DirectoryRole role : roles) {
        appRoles.add(Objects.requireNonNull(role, "role == null"));
      }
      return this;
    }

    /**
     * Sets the clock for token lifetimes, assertion time checks and error dates.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets how long access tokens live; 3,599 seconds by default, as Entra's {@code expires_in}.
     *
     * @param lifetime the lifetime
     * @return this
     */
    public Builder tokenLifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "lifetime == null");
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /**
     * Sets the tenant's directory.
     *
     * @param tenant the directory
     * @return this
     */
    public Builder tenant(EntraTenant tenant) {
      this.tenant = Objects.requireNonNull(tenant, "tenant == null");
      return this;
    }

    /**
     * Adds a user to the directory.
     *
     * @param user the user
     * @return this
     * @see EntraTenant#user(EntraUser)
     */
    public Builder user(EntraUser user) {
      Objects.requireNonNull(user, "user == null");
      seeding.add(t -> t.user(user));
      return this;
    }

    /**
     * Adds a security group to the directory.
     *
     * @param id the group's object id
     * @param displayName its name
     * @return this
     * @see EntraTenant#group(String, String)
     */
    public Builder group(String id, String displayName) {
      Objects.requireNonNull(id, "id == null");
      Objects.requireNonNull(displayName, "displayName == null");
      seeding.add(t -> t.group(id, displayName));
      return this;
    }

    /**
     * Makes an object a member of a group.
     *
     * @param groupId the group
     * @param memberId the member, added before
     * @return this
     * @see EntraTenant#member(String, String)
     */
    public Builder member(String groupId, String memberId) {
      Objects.requireNonNull(groupId, "groupId == null");
      Objects.requireNonNull(memberId, "memberId == null");
      seeding.add(t -> t.member(groupId, memberId));
      return this;
    }

    /**
     * Registers an authentication method for a user.
     *
     * @param userId the user
     * @param method the method
     * @return this
     * @see EntraTenant#method(String, AuthMethod)
     */
    public Builder method(String userId, AuthMethod method) {
      Objects.requireNonNull(userId, "userId == null");
      Objects.requireNonNull(method, "method == null");
      seeding.add(t -> t.method(userId, method));
      return this;
    }

    /**
     * Adds a check every request must pass before the simulator handles it, after the checks listed
     * as services.
     *
     * @param check the check
     * @return this
     * @see RequestCheck
     */
    public Builder requestCheck(RequestCheck check) {
      checks.add(Objects.requireNonNull(check, "check == null"));
      return this;
    }

    /**
     * Builds the simulator, seeds its tenant with what was given to this builder (in order, after
     * what the {@link #tenant} already holds) and starts both servers on free loopback ports. Close
     * it when done.
     *
     * @return the running simulator
     * @throws IOException when a server cannot start
     * @throws IllegalStateException when the app has neither a certificate nor a secret
     */
    public SimulatedEntra start() throws IOException {
      if (certificates.isEmpty() && secrets.isEmpty()) {
        throw new IllegalStateException(
            "register a certificate or a client secret on the app before starting");
      }
      return new SimulatedEntra(this).start();
    }
  }
}
