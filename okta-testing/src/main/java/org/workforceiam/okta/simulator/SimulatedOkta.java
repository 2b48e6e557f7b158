package org.workforceiam.okta.simulator;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
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
 * An Okta org on loopback for integration tests and demos, as {@code MockWebServer} is for HTTP: a
 * server whose dispatcher checks every request as Okta does and answers as Okta does, over a {@link
 * SimDirectory} of users, groups and factors that keeps real state (a reset changes the user's
 * status, an MFA reset removes the factors).
 *
 * <pre>{@code
 * KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
 * generator.initialize(256);
 * KeyPair keys = generator.generateKeyPair();
 * try (SimulatedOkta okta =
 *     SimulatedOkta.builder()
 *         .publicKey(keys.getPublic(), "my-key")            // the app's key, as registered in Okta
 *         .requireDpop(true)                                // Okta's default for API service apps
 *         .group("00gEmployees", "All Employees")
 *         .member("00gEmployees", SimUser.of("00u1ada", "ada@example.com", "LOCKED_OUT")
 *             .profile("firstName", "Ada").profile("lastName", "Lovelace")
 *             .profile("email", "ada@example.com"))
 *         .member("00gEmployees", SimUser.of("00u2root", "root@example.com", "ACTIVE")
 *             .privileged())                                // a Help Desk admin may not touch them
 *         .factor("00u1ada", new SimFactor("sms1", "sms", "OKTA", "ACTIVE"))
 *         .start()) {
 *   okta.rateLimitNext("POST", "/lifecycle/unlock", Duration.ofSeconds(2));
 *   // Point the code under test at okta.orgUrl() with okta.clientId() and keys.getPrivate(),
 *   // key id "my-key", then assert on what Okta received and on the state it left:
 *   assertThat(okta.apiCalls()).extracting(SimulatedOkta.Call::requestLine)
 *       .contains("POST /api/v1/users/00u1ada/lifecycle/unlock");
 *   assertThat(okta.directory().status("00u1ada")).isEqualTo("ACTIVE");
 * }
 * }</pre>
 *
 * <p>The token endpoint ({@code POST /oauth2/v1/token}) verifies the client assertion against the
 * registered public keys (signature, {@code iss}, {@code sub}, {@code aud}, {@code exp} at most an
 * hour ahead, single-use {@code jti}, {@code kid}) and, when the app requires DPoP, the proof
 * ({@code typ}, public {@code jwk}, {@code htm}, {@code htu}, {@code iat} freshness, single-use
 * {@code jti}, {@code nonce}). API calls check the token, its scopes and, for a DPoP-bound token,
 * the proof, its key binding and {@code ath}. Every violation is rejected with the status, error
 * and message Okta uses, and is recorded in {@link #rejections()} so tests can prove the fixture is
 * not one that accepts anything.
 *
 * <p>Faults are one-shot and deterministic: {@link #rateLimitNext}, {@link #failNext}, {@link
 * #loseNextAnswer}, {@link #dropConnectionOnNext} and, for any other answer, {@link #respondOnce}.
 * Each applies to the next request whose method and path match, the token endpoint included.
 *
 * <p>Every request is recorded, in arrival order, as a {@link Call} ({@link #calls()}, {@link
 * #apiCalls()}); what the org refused is in {@link #rejections()}; the directory's state and the
 * changes made are in {@link #directory()}. {@link RequestCheck}s may refuse requests before the
 * org handles them, for example to hold a client to Okta's published API.
 *
 * <p>Depends on no test framework. Thread-safe: any number of clients may call it at once.
 */
public final class SimulatedOkta implements AutoCloseable {
  /** Okta rejects DPoP proofs older than this. */
  static final Duration PROOF_MAX_AGE = Duration.ofMinutes(5);

  /** Clock skew tolerated for times in the future. */
  static final Duration SKEW = Duration.ofSeconds(60);

  static final Set<String> ASYMMETRIC_ALGORITHMS =
      Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512");

  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final MockWebServer server = new MockWebServer();
  private final String clientId;
  private final Map<String, PublicKey> keysById;
  private final List<PublicKey> keysWithoutId;
  private final boolean requireDpop;
  private final boolean ignoreProofsWhenNotRequired;
  private final boolean denyNetworkZone;
  private final boolean acceptAudienceArray;
  private final Set<String> grantedScopes;
  private final Clock clock;
  private final Duration tokenLifetime;
  private final SimDirectory directory;
  private final List<RequestCheck> checks;
  private final SecureRandom random = new SecureRandom();

  private final Object lock = new Object();
  private final Set<String> usedAssertionIds = new HashSet<>();
  private final Set<String> usedProofIds = new HashSet<>();
  private final Map<String, IssuedToken> tokens = new HashMap<>();
  private String tokenEndpointNonce;
  private String resourceNonce;
  private boolean challengeNextApiCall;

  private final List<Fault> faults = new ArrayList<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger requestIds = new AtomicInteger();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<String> rejections = new CopyOnWriteArrayList<>();

  private SimulatedOkta(Builder builder) {
    this.clientId = builder.clientId;
    this.keysById = Map.copyOf(builder.keysById);
    this.keysWithoutId = List.copyOf(builder.keysWithoutId);
    this.requireDpop = builder.requireDpop;
    this.ignoreProofsWhenNotRequired = builder.ignoreProofsWhenNotRequired;
    this.denyNetworkZone = builder.denyNetworkZone;
    this.acceptAudienceArray = builder.acceptAudienceArray;
    this.grantedScopes = Set.copyOf(builder.grantedScopes);
    this.clock = builder.clock;
    this.tokenLifetime = builder.tokenLifetime;
    this.directory = builder.directory;
    builder.seeding.forEach(seed -> seed.accept(directory));
    List<RequestCheck> allChecks = new ArrayList<>(SERVICE_CHECKS);
    allChecks.addAll(builder.checks);
    this.checks = List.copyOf(allChecks);
    this.tokenEndpointNonce = newNonce();
    this.resourceNonce = newNonce();
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return handle(request);
          }
        });
  }

  /**
   * Checks each request before the org handles it, and may refuse it: for example to hold a client
   * to Okta's published OpenAPI spec, or to rules of your own. A refused request is not handled; it
   * is answered {@code 400} with Okta's error body (error code {@code E0000001}) whose summary
   * names the problem, and recorded in {@link #rejections()} as {@code request_check: <problem>}.
   *
   * <p>Checks are given to {@link Builder#requestCheck}, or apply to every simulated org in the JVM
   * when listed in a {@code
   * META-INF/services/org.workforceiam.okta.simulator.SimulatedOkta$RequestCheck} file on the class
   * path (found with {@link ServiceLoader}, with a public no-argument constructor). Implementations
   * must be thread-safe: requests arrive on the server's threads.
   */
  @FunctionalInterface
  public interface RequestCheck {
    /**
     * Checks a request.
     *
     * @param method the HTTP method
     * @param url the request URL
     * @param headers the request headers
     * @return what is wrong with the request, or empty to let it through
     */
    Optional<String> check(String method, HttpUrl url, Headers headers);
  }

  /** The checks listed as services, applied to every org. */
  private static final List<RequestCheck> SERVICE_CHECKS =
      ServiceLoader.load(RequestCheck.class, SimulatedOkta.class.getClassLoader()).stream()
          .map(ServiceLoader.Provider::get)
          .toList();

  /**
   * Starts a builder for an org whose app requires DPoP, is granted {@code okta.groups.read},
   * {@code okta.users.read} and {@code okta.users.manage}, has the client id {@value
   * #DEFAULT_CLIENT_ID}, and whose directory is empty.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The client id of an org built without {@link Builder#clientId}. */
  public static final String DEFAULT_CLIENT_ID = "0oaSimulatedApp1234";

  private SimulatedOkta start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    return this;
  }

  /**
   * Returns the org URL, {@code http://127.0.0.1:port}: the URL to configure the client with.
   *
   * @return the org URL
   */
  public String orgUrl() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  /**
   * Returns the client id of the org's API service app: the {@code iss} and {@code sub} its token
   * endpoint expects in client assertions.
   *
   * @return the client id
   */
  public String clientId() {
    return clientId;
  }

  /**
   * Returns the URL of a path on this org.
   *
   * @param path the path, such as {@code /api/v1/users/00u1}
   * @return the URL
   */
  public HttpUrl url(String path) {
    return server.url(path);
  }

  /**
   * Returns the token endpoint URL: the audience a client assertion must name.
   *
   * @return the URL
   */
  public String tokenUrl() {
    return orgUrl() + "/oauth2/v1/token";
  }

  /**
   * Returns the directory behind the API: to seed more users, groups and factors while the org
   * runs, and to assert on statuses, factors and the changes made.
   *
   * @return the directory
   */
  public SimDirectory directory() {
    return directory;
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.close();
  }

  // ------------------------------------------------------------------ controls for tests

  /** Replaces the token endpoint's DPoP nonce; the old one is no longer accepted. */
  public void rotateTokenEndpointNonce() {
    synchronized (lock) {
      tokenEndpointNonce = newNonce();
    }
  }

  /**
   * Makes the next API call answer with a DPoP nonce challenge unless its proof has the new one.
   */
  public void challengeNextApiCallWithNonce() {
    synchronized (lock) {
      resourceNonce = newNonce();
      challengeNextApiCall = true;
    }
  }

  /** Revokes every token issued so far: API calls with them get 401 invalid_token. */
  public void revokeIssuedTokens() {
    synchronized (lock) {
      tokens.clear();
    }
  }

  /**
   * A one-shot fault for the next request matching a method and a path suffix: either a canned
   * answer (the request is not handled), or the usual handling with a delayed answer.
   */
  private record Fault(
      String method, String pathSuffix, @Nullable MockResponse response, Duration delay) {}

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

  private void addFault(Fault fault) {
    synchronized (faults) {
      faults.add(fault);
    }
  }

  /**
   * Answers the next request with this method and path suffix with the given response, without
   * authenticating or processing it: for outages and odd answers. The {@code X-Okta-Request-Id}
   * header is added.
   *
   * @param method the HTTP method, such as {@code POST}
   * @param pathSuffix the end of the encoded path, such as {@code /lifecycle/unlock}; {@code
   *     /oauth2/v1/token} for the token endpoint
   * @param response the answer
   */
  public void respondOnce(String method, String pathSuffix, MockResponse response) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(pathSuffix, "pathSuffix == null");
    Objects.requireNonNull(response, "response == null");
    addFault(new Fault(method, pathSuffix, response, Duration.ZERO));
  }

  /**
   * Answers the next request with this method and path suffix {@code 429 Too Many Requests} as Okta
   * does when a rate limit is spent: error {@code E0000047}, {@code X-Rate-Limit-Limit}, {@code
   * X-Rate-Limit-Remaining: 0}, and {@code X-Rate-Limit-Reset} {@code resetAfter} (rounded up to
   * whole seconds) past the {@code Date} header, which is the org's clock. The request is not
   * processed.
   *
   * @param method the HTTP method
   * @param pathSuffix the end of the encoded path
   * @param resetAfter how long until the rate-limit window resets
   */
  public void rateLimitNext(String method, String pathSuffix, Duration resetAfter) {
    Objects.requireNonNull(resetAfter, "resetAfter == null");
    if (resetAfter.isNegative()) {
      throw new IllegalArgumentException("resetAfter must not be negative: " + resetAfter);
    }
    // Whole seconds, as the headers carry them: the reset is resetAfter (rounded up) past the Date.
    Instant date = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    long reset = date.getEpochSecond() + resetAfter.plusNanos(999_999_999).toSeconds();
    MockResponse response =
        oktaError(429, "E0000047", "API call exceeded rate limit due to too many requests.", "")
            .newBuilder()
            .setHeader("Date", httpDate(date))
            .setHeader("X-Rate-Limit-Limit", "600")
            .setHeader("X-Rate-Limit-Remaining", "0")
            .setHeader("X-Rate-Limit-Reset", Long.toString(reset))
            .build();
    respondOnce(method, pathSuffix, response);
  }

  /**
   * Answers the next request with this method and path suffix with a server error and Okta's error
   * body ({@code E0000009}). The request is not processed.
   *
   * @param method the HTTP method
   * @param pathSuffix the end of the encoded path
   * @param status the status, from 500 to 599 (Okta answers 500, 502, 503 and 504)
   */
  public void failNext(String method, String pathSuffix, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be a server error (5xx): " + status);
    }
    respondOnce(
        method, pathSuffix, oktaError(status, "E0000009", "Internal Server Error (simulated)", ""));
  }

  /**
   * Processes the next request with this method and path suffix as usual, so its change happens,
   * but holds the answer back for {@code delay}: a client with a shorter read timeout cannot know
   * the outcome.
   *
   * @param method the HTTP method
   * @param pathSuffix the end of the encoded path
   * @param delay how long the answer is held back
   */
  public void loseNextAnswer(String method, String pathSuffix, Duration delay) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(pathSuffix, "pathSuffix == null");
    Objects.requireNonNull(delay, "delay == null");
    addFault(new Fault(method, pathSuffix, null, delay));
  }

  /**
   * Closes the connection of the next request with this method and path suffix once the request has
   * arrived, without answering and without processing it: the client sees an I/O error.
   *
   * @param method the HTTP method
   * @param pathSuffix the end of the encoded path
   */
  public void dropConnectionOnNext(String method, String pathSuffix) {
    respondOnce(
        method,
        pathSuffix,
        new MockResponse.Builder()
            .code(500)
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
  }

  /**
   * Returns how many token requests arrived.
   *
   * @return the count
   */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  /**
   * Returns every request, in arrival order.
   *
   * @return the calls
   */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /**
   * Returns the API calls (everything but the token endpoint), in arrival order.
   *
   * @return the calls
   */
  public List<Call> apiCalls() {
    return calls.stream().filter(c -> !c.path().equals(TOKEN_PATH)).toList();
  }

  /**
   * Returns why requests were rejected, as Okta's error names (for example {@code
   * client_assertion_already_used}), in order. Requests a {@link RequestCheck} refused appear as
   * {@code request_check: <problem>}; injected faults do not appear.
   *
   * @return the rejection reasons
   */
  public List<String> rejections() {
    return List.copyOf(rejections);
  }

  // ------------------------------------------------------------------ dispatch

  private static final String TOKEN_PATH = "/oauth2/v1/token";

  private MockResponse handle(RecordedRequest request) {
    String requestId = "sim-" + requestIds.incrementAndGet();
    MockResponse response;
    try {
      Optional<String> refused = refusal(request);
      Fault fault = refused.isPresent() ? null : takeFault(request);
      if (refused.isPresent()) {
        rejections.add("request_check: " + refused.get());
        response = oktaError(400, "E0000001", "Api validation failed: " + refused.get(), requestId);
      } else if (fault != null && fault.response() != null) {
        response = fault.response();
      } else {
        response = process(request, requestId);
        if (fault != null) {
          // Okta acted, but the answer never arrives in time.
          response =
              response.newBuilder().headersDelay(fault.delay().toMillis(), MILLISECONDS).build();
        }
      }
    } catch (RuntimeException e) {
      response = oktaError(500, "E0000009", "Internal Server Error: " + e, requestId);
    }
    response = response.newBuilder().setHeader("X-Okta-Request-Id", requestId).build();
    calls.add(new Call(request, response));
    return response;
  }

  private Optional<String> refusal(RecordedRequest request) {
    for (RequestCheck check : checks) {
      Optional<String> problem =
          check.check(request.getMethod(), request.getUrl(), request.getHeaders());
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private MockResponse process(RecordedRequest request, String requestId) {
    String path = request.getUrl().encodedPath();
    if (path.equals(TOKEN_PATH)) {
      tokenRequests.incrementAndGet();
      return token(request);
    }
    if (path.startsWith("/api/v1/")) {
      return api(request, requestId);
    }
    return oktaError(404, "E0000022", "The endpoint does not exist.", requestId);
  }

  private static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  // ------------------------------------------------------------------ token endpoint

  private MockResponse token(RecordedRequest request) {
    if (!request.getMethod().equals("POST")) {
      return oauthError(405, "invalid_request", "The token endpoint accepts only POST.");
    }
    if (request.getUrl().querySize() > 0) {
      return oauthError(
          400, "invalid_request", "Parameters must be sent in the body, not in the URL.");
    }
    String contentType = request.getHeaders().get("Content-Type");
    if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
      return oauthError(400, "invalid_request", "The request must be form-encoded.");
    }
    if (denyNetworkZone) {
      return oauthError(
          403,
          "access_denied",
          "Policy evaluation failed for this request, please check the"
              + " policy configurations.");
    }
    Map<String, String> form = parseForm(bodyText(request));
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return oauthError(400, "unsupported_grant_type", "The grant type is not supported.");
    }
    if (form.containsKey("client_secret") || form.containsKey("client_id")) {
      return oauthError(400, "invalid_request", "Cannot supply multiple client credentials.");
    }
    String assertion = form.get("client_assertion");
    if (assertion == null || !ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
      return oauthError(401, "invalid_client", "No client credentials found.");
    }
    String scope = form.get("scope");
    if (scope == null || scope.isBlank()) {
      return oauthError(400, "invalid_scope", "No scopes were requested.");
    }
    Set<String> requested = new LinkedHashSet<>(List.of(scope.trim().split("\\s+")));
    Set<String> notAllowed = new LinkedHashSet<>(requested);
    notAllowed.removeAll(grantedScopes);
    if (!notAllowed.isEmpty()) {
      return oauthError(
          400,
          "invalid_scope",
          "The following scopes are not allowed: " + String.join(", ", notAllowed));
    }

    String proof = request.getHeaders().get("DPoP");
    String jkt = null;
    synchronized (lock) {
      if (requireDpop) {
        if (proof == null) {
          return oauthReject(
              400,
              "invalid_dpop_proof",
              "The DPoP proof JWT header is missing.",
              "invalid_dpop_proof_missing_header");
        }
        ProofCheck checked = checkProof(proof, "POST", request.getUrl(), null);
        if (checked instanceof ProofFailed failed) {
          return oauthReject(400, "invalid_dpop_proof", failed.error(), failed.reason());
        }
        ProofPassed check = (ProofPassed) checked;
        if (!tokenEndpointNonce.equals(check.jws().claimString("nonce"))) {
          rejections.add("use_dpop_nonce");
          return new MockResponse.Builder()
              .code(400)
              .setHeader("Content-Type", "application/json")
              .setHeader("DPoP-Nonce", tokenEndpointNonce)
              .body(
                  json(
                      Map.of(
                          "error",
                          "use_dpop_nonce",
                          "error_description",
                          "Authorization server requires nonce in DPoP proof.")))
              .build();
        }
        jkt = check.thumbprint();
      } else if (proof != null && !ignoreProofsWhenNotRequired) {
        return oauthReject(
            400,
            "invalid_dpop_proof",
            "DPoP proof JWT was provided but the client is not configured for DPoP.",
            "dpop_not_configured");
      }

      Rejection refused = checkAssertion(assertion);
      if (refused != null) {
        return oauthReject(401, "invalid_client", refused.description(), refused.reason());
      }

      String accessToken = "sim." + randomToken();
      Instant expiresAt = clock.instant().plus(tokenLifetime);
      tokens.put(accessToken, new IssuedToken(accessToken, jkt, expiresAt, requested));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("token_type", jkt != null ? "DPoP" : "Bearer");
      body.put("expires_in", tokenLifetime.toSeconds());
      body.put("access_token", accessToken);
      body.put("scope", String.join(" ", requested));
      return new MockResponse.Builder()
          .code(200)
          .setHeader("Content-Type", "application/json")
          .setHeader("Cache-Control", "no-cache, no-store")
          .body(json(body))
          .build();
    }
  }

  /** Why a request was refused: Okta's precise reason and the description it sends. */
  private record Rejection(String reason, String description) {}

  /** Checks a client assertion; returns why it is refused, or null when it is valid. */
  private @Nullable Rejection checkAssertion(String assertion) {
    Jose.Jws jws;
    try {
      jws = Jose.parse(assertion);
    } catch (Jose.MalformedJwsException e) {
      return new Rejection("client_assertion_invalid", "The client_assertion is not a valid JWT.");
    }
    String alg = jws.headerString("alg");
    if (alg == null || !ASYMMETRIC_ALGORITHMS.contains(alg)) {
      return new Rejection(
          "client_assertion_invalid_alg",
          "The client_assertion signature algorithm is not supported.");
    }
    String kid = jws.headerString("kid");
    List<PublicKey> candidates;
    if (kid != null) {
      PublicKey key = keysById.get(kid);
      if (key == null) {
        return new Rejection(
            "client_assertion_invalid_kid", "The client_assertion token has an invalid kid.");
      }
      candidates = List.of(key);
    } else {
      candidates = new ArrayList<>(keysWithoutId);
      candidates.addAll(keysById.values());
    }
    if (candidates.stream().noneMatch(key -> Jose.verify(jws, key))) {
      return new Rejection(
          "client_assertion_invalid_signature", "The client_assertion signature is invalid.");
    }
    if (!clientId.equals(jws.claimString("iss")) || !clientId.equals(jws.claimString("sub"))) {
      return new Rejection(
          "client_assertion_invalid_issuer_or_subject",
          "The client_assertion token must have iss and sub equal to the client_id.");
    }
    Object aud = jws.claims().get("aud");
    boolean audienceIsTokenUrl =
        tokenUrl().equals(aud) || (acceptAudienceArray && List.of(tokenUrl()).equals(aud));
    if (!audienceIsTokenUrl) {
      return new Rejection(
          "client_assertion_invalid_audience",
          "The audience claim for client_assertion must be the endpoint invoked for the"
              + " request.");
    }
    Long exp = jws.claimLong("exp");
    long now = clock.instant().getEpochSecond();
    if (exp == null) {
      return new Rejection(
          "client_assertion_missing_exp", "The client_assertion token must have an expiration.");
    }
    if (exp <= now) {
      return new Rejection(
          "client_assertion_expired_token", "The client_assertion token is expired.");
    }
    if (exp > now + 3600) {
      return new Rejection(
          "client_assertion_expires_too_far_in_future",
          "The client_assertion token has an expiration too far into the future.");
    }
    Long iat = jws.claimLong("iat");
    if (iat != null && iat > now + SKEW.toSeconds()) {
      return new Rejection(
          "client_assertion_issued_at_in_future",
          "The client_assertion token has an issued at time in the future.");
    }
    String jti = jws.claimString("jti");
    if (jti != null && !usedAssertionIds.add(jti)) {
      return new Rejection(
          "client_assertion_already_used", "The client_assertion token has already been used.");
    }
    return null;
  }

  // ------------------------------------------------------------------ API calls

  private MockResponse api(RecordedRequest request, String requestId) {
    String authorization = request.getHeaders().get("Authorization");
    if (authorization == null || !authorization.contains(" ")) {
      rejections.add("missing_authorization");
      return invalidToken("Bearer", requestId);
    }
    String scheme = authorization.substring(0, authorization.indexOf(' '));
    String value = authorization.substring(authorization.indexOf(' ') + 1);
    IssuedToken token;
    synchronized (lock) {
      token = tokens.get(value);
      if (token == null || !clock.instant().isBefore(token.expiresAt())) {
        rejections.add("invalid_token");
        return invalidToken(token != null && token.jkt() != null ? "DPoP" : scheme, requestId);
      }
      if (token.jkt() != null) {
        if (!scheme.equals("DPoP")) {
          rejections.add("invalid_token_scheme");
          return invalidToken("DPoP", requestId);
        }
        String proof = request.getHeaders().get("DPoP");
        if (proof == null) {
          return dpopReject(
              400,
              "invalid_dpop_proof",
              "The DPoP proof JWT header is missing.",
              requestId,
              "invalid_dpop_proof_missing_header");
        }
        ProofCheck checked = checkProof(proof, request.getMethod(), request.getUrl(), value);
        if (checked instanceof ProofFailed failed) {
          return dpopReject(400, "invalid_dpop_proof", failed.error(), requestId, failed.reason());
        }
        ProofPassed check = (ProofPassed) checked;
        if (!token.jkt().equals(check.thumbprint())) {
          return dpopReject(
              400,
              "invalid_dpop_proof",
              "The DPoP proof key does not match the key the access token is bound to.",
              requestId,
              "invalid_access_token_dpop_binding");
        }
        if (challengeNextApiCall) {
          if (!resourceNonce.equals(check.jws().claimString("nonce"))) {
            rejections.add("use_dpop_nonce");
            return new MockResponse.Builder()
                .code(401)
                .setHeader(
                    "WWW-Authenticate",
                    "DPoP algs=\"ES256 RS256\", error=\"use_dpop_nonce\","
                        + " error_description=\"Resource server requires nonce in DPoP proof\"")
                .setHeader("DPoP-Nonce", resourceNonce)
                .build();
          }
          challengeNextApiCall = false;
        }
      } else if (!scheme.equals("Bearer")) {
        rejections.add("invalid_token_scheme");
        return invalidToken("Bearer", requestId);
      }
    }
    return directory.handle(request, token.scopes(), requestId);
  }

  /**
   * The result of checking a DPoP proof: the error, or the parsed proof and its key's thumbprint.
   */
  private sealed interface ProofCheck permits ProofFailed, ProofPassed {
    static ProofCheck failed(String error, String reason) {
      return new ProofFailed(error, reason);
    }
  }

  /** A refused proof: the description Okta sends and its precise reason. */
  private record ProofFailed(String error, String reason) implements ProofCheck {}

  /** An accepted proof and its key's thumbprint. */
  private record ProofPassed(Jose.Jws jws, String thumbprint) implements ProofCheck {}

  private ProofCheck checkProof(
      String proof, String method, HttpUrl requestUrl, @Nullable String accessToken) {
    Jose.Jws jws;
    try {
      jws = Jose.parse(proof);
    } catch (Jose.MalformedJwsException e) {
      return ProofCheck.failed("The DPoP proof JWT is malformed.", "invalid_dpop_proof_malformed");
    }
    if (!"dpop+jwt".equals(jws.headerString("typ"))) {
      return ProofCheck.failed(
          "The DPoP proof JWT header must have typ dpop+jwt.", "invalid_dpop_proof_invalid_type");
    }
    String alg = jws.headerString("alg");
    if (alg == null || !ASYMMETRIC_ALGORITHMS.contains(alg)) {
      return ProofCheck.failed(
          "The DPoP proof JWT must be signed with an asymmetric algorithm.",
          "invalid_dpop_proof_invalid_alg");
    }
    if (!(jws.header().get("jwk") instanceof Map<?, ?> jwk)) {
      return ProofCheck.failed(
          "The DPoP proof JWT header must have a jwk.", "invalid_dpop_proof_missing_jwk");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> jwkMembers = (Map<String, Object>) jwk;
    if (jwkMembers.containsKey("d") || jwkMembers.containsKey("p") || jwkMembers.containsKey("q")) {
      return ProofCheck.failed(
          "The DPoP proof JWT jwk must not contain a private key.",
          "invalid_dpop_proof_private_jwk");
    }
    PublicKey key;
    try {
      key = Jose.publicKey(jwkMembers);
    } catch (Jose.MalformedJwsException e) {
      return ProofCheck.failed("The DPoP proof JWT jwk is invalid.", "invalid_dpop_proof_jwk");
    }
    if (!Jose.verify(jws, key)) {
      return ProofCheck.failed(
          "The DPoP proof JWT signature is invalid.", "invalid_dpop_proof_signature");
    }
    if (!method.equals(jws.claimString("htm"))) {
      return ProofCheck.failed(
          "'htm' claim in the DPoP proof JWT is invalid.", "invalid_dpop_proof_htm");
    }
    String htu = jws.claimString("htu");
    if (htu == null || !sameResource(htu, requestUrl)) {
      return ProofCheck.failed(
          "'htu' claim in the DPoP proof JWT is invalid.", "invalid_dpop_proof_htu");
    }
    Long iat = jws.claimLong("iat");
    long now = clock.instant().getEpochSecond();
    if (iat == null) {
      return ProofCheck.failed(
          "The DPoP proof JWT must have an iat.", "invalid_dpop_proof_missing_iat");
    }
    if (iat < now - PROOF_MAX_AGE.toSeconds()) {
      return ProofCheck.failed("The DPoP proof JWT is too old.", "invalid_dpop_proof_jwt_too_old");
    }
    if (iat > now + SKEW.toSeconds()) {
      return ProofCheck.failed(
          "The DPoP proof JWT is issued in the future.", "invalid_dpop_proof_iat_in_future");
    }
    String jti = jws.claimString("jti");
    if (jti == null || !usedProofIds.add(jti)) {
      return ProofCheck.failed(
          "The DPoP proof JWT has already been used.", "dpop_proof_already_used");
    }
    if (accessToken != null) {
      if (!Jose.sha256Base64url(accessToken).equals(jws.claimString("ath"))) {
        return ProofCheck.failed(
            "'ath' claim in the DPoP proof JWT is invalid.", "dpop_proof_invalid_ath");
      }
    } else if (jws.claims().containsKey("ath")) {
      return ProofCheck.failed(
          "The DPoP proof JWT at the token endpoint must not have ath.", "invalid_dpop_proof_ath");
    }
    return new ProofPassed(jws, Jose.thumbprint(key));
  }

  /**
   * Compares an {@code htu} with the URL a request arrived at as Okta does: no query or fragment
   * allowed, scheme and authority case-insensitive, paths compared percent-decoded. The {@code htu}
   * is parsed as the WHATWG URL standard says (OkHttp's {@code HttpUrl}), as many servers do: a raw
   * {@code \} in its path reads as {@code /}, so a proof whose {@code htu} carries a backslash
   * unencoded names another path and is refused.
   */
  private static boolean sameResource(String htu, HttpUrl requestUrl) {
    if (htu.contains("?") || htu.contains("#")) {
      return false;
    }
    HttpUrl claimed = HttpUrl.parse(htu);
    if (claimed == null) {
      return false;
    }
    return claimed.scheme().equals(requestUrl.scheme())
        && claimed.host().equalsIgnoreCase(requestUrl.host())
        && claimed.port() == requestUrl.port()
        && decodedPath(claimed).equals(decodedPath(requestUrl));
  }

  /** The path percent-decoded; a {@code %} that starts no escape stays as it is. */
  private static String decodedPath(HttpUrl url) {
    return "/" + String.join("/", url.pathSegments());
  }

  // ------------------------------------------------------------------ responses

  private MockResponse oauthReject(int status, String error, String description, String reason) {
    rejections.add(reason);
    return oauthResponse(status, error, description);
  }

  private MockResponse oauthError(int status, String error, String description) {
    return oauthReject(status, error, description, error);
  }

  private static MockResponse oauthResponse(int status, String error, String description) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(json(Map.of("error", error, "error_description", description)))
        .build();
  }

  private MockResponse dpopReject(
      int status, String error, String description, String requestId, String reason) {
    rejections.add(reason);
    return new MockResponse.Builder()
        .code(status)
        .setHeader(
            "WWW-Authenticate",
            "DPoP algs=\"RS256 RS384 RS512 ES256 ES384 ES512\", realm=\""
                + orgUrl()
                + "\", error=\""
                + error
                + "\", error_description=\""
                + description.replace("\"", "'")
                + "\"")
        .setHeader("Content-Type", "application/json")
        .body(json(errorBody("E0000011", "Invalid token provided", requestId)))
        .build();
  }

  private MockResponse invalidToken(String scheme, String requestId) {
    return new MockResponse.Builder()
        .code(401)
        .setHeader(
            "WWW-Authenticate",
            scheme
                + " realm=\""
                + orgUrl()
                + "\", error=\"invalid_token\", error_description=\"The access token is invalid.\"")
        .setHeader("Content-Type", "application/json")
        .body(json(errorBody("E0000011", "Invalid token provided", requestId)))
        .build();
  }

  /**
   * Builds an Okta error response.
   *
   * @param status the HTTP status
   * @param errorCode Okta's error code, for example {@code E0000006}
   * @param summary the error summary
   * @param requestId the request id, which also seeds the error id
   * @return the response
   */
  static MockResponse oktaError(int status, String errorCode, String summary, String requestId) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(json(errorBody(errorCode, summary, requestId)))
        .build();
  }

  static Map<String, Object> errorBody(String errorCode, String summary, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errorCode", errorCode);
    body.put("errorSummary", summary);
    body.put("errorLink", errorCode);
    body.put("errorId", "oae" + requestId.replace("-", ""));
    body.put("errorCauses", List.of());
    return body;
  }

  static String json(Object value) {
    return JSON.toJson(value);
  }

  private static String bodyText(RecordedRequest request) {
    okio.ByteString body = request.getBody();
    return body == null ? "" : body.utf8();
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

  private String newNonce() {
    return "nonce-" + randomToken();
  }

  private String randomToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A token the simulator issued. */
  private record IssuedToken(
      String value, @Nullable String jkt, Instant expiresAt, Set<String> scopes) {}

  /**
   * One request as it arrived, with the status it got.
   *
   * @param method the HTTP method
   * @param path the encoded path
   * @param url the full URL
   * @param headers the request headers
   * @param body the request body as text
   * @param status the status of the answer
   * @param responseNonce the {@code DPoP-Nonce} header of the answer, or null when it had none
   * @param requestId the {@code X-Okta-Request-Id} the answer carried
   */
  public record Call(
      String method,
      String path,
      HttpUrl url,
      Headers headers,
      String body,
      int status,
      @Nullable String responseNonce,
      String requestId) {
    Call(RecordedRequest request, MockResponse response) {
      this(
          request.getMethod(),
          request.getUrl().encodedPath(),
          request.getUrl(),
          request.getHeaders(),
          bodyText(request),
          response.getCode(),
          response.getHeaders().get("DPoP-Nonce"),
          Objects.requireNonNullElse(response.getHeaders().get("X-Okta-Request-Id"), ""));
    }

    /**
     * Returns the method and the path with its query, as {@code POST /api/v1/users/00u1/…?a=b}.
     *
     * @return the request line without the protocol
     */
    public String requestLine() {
      return method + " " + path + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
    }

    /**
     * Returns a form field of the body.
     *
     * @param name the field
     * @return its value, or null
     */
    public @Nullable String formField(String name) {
      return parseForm(body).get(name);
    }

    /**
     * Returns the request line, the status and the request id; never the headers or the body, which
     * hold tokens, DPoP proofs and client assertions.
     *
     * @return a description without secrets
     */
    @Override
    public String toString() {
      return "Call[" + requestLine() + " -> " + status + ", " + requestId + "]";
    }
  }

  /**
   * Server sockets whose connections send at once (TCP_NODELAY), as a production HTTP server's do.
   * With Nagle's algorithm on, the last part of a response waits for the client's delayed ACK,
   * which on loopback held about a third of the pages back by some 40 ms each.
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

  /** Configures a {@link SimulatedOkta}. */
  public static final class Builder {
    private String clientId = DEFAULT_CLIENT_ID;
    private final Map<String, PublicKey> keysById = new LinkedHashMap<>();
    private final List<PublicKey> keysWithoutId = new ArrayList<>();
    private boolean requireDpop = true;
    private boolean ignoreProofsWhenNotRequired;
    private boolean denyNetworkZone;
    private boolean acceptAudienceArray;
    private final Set<String> grantedScopes =
        new LinkedHashSet<>(List.of("okta.groups.read", "okta.users.manage", "okta.users.read"));
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = Duration.ofHours(1);
    private SimDirectory directory = new SimDirectory();
    private final List<Consumer<SimDirectory>> seeding = new ArrayList<>();
    private final List<RequestCheck> checks = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the app's client id.
     *
     * @param clientId the client id
     * @return this
     */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId == null");
      return this;
    }

    /**
     * Registers a public key of the app under a key id, as an admin adds it to the app's Public
     * keys in Okta: client assertions whose header names this {@code kid} are verified with it.
     *
     * @param key the RSA or EC public key
     * @param kid its key id, or null for a key registered without one
     * @return this
     */
    public Builder publicKey(PublicKey key, @Nullable String kid) {
      Objects.requireNonNull(key, "key == null");
      if (kid == null) {
        keysWithoutId.add(key);
      } else {
        keysById.put(kid, key);
      }
      return this;
    }

    /**
     * Registers a public key of the app without a key id: client assertions without a {@code kid}
     * are verified with it.
     *
     * @param key the RSA or EC public key
     * @return this
     */
    public Builder publicKey(PublicKey key) {
      return publicKey(key, null);
    }

    /**
     * Registers a public key given as JWK JSON, exactly as an admin pastes it into the app's Public
     * keys in Okta; its {@code kid} is the key's id.
     *
     * @param json the public JWK
     * @return this
     */
    public Builder publicJwk(String json) {
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = (Map<String, Object>) JSON.fromJson(json);
        if (jwk == null || jwk.containsKey("d")) {
          throw new IllegalArgumentException("not a public JWK");
        }
        return publicKey(Jose.publicKey(jwk), (String) jwk.get("kid"));
      } catch (IOException | Jose.MalformedJwsException e) {
        throw new IllegalArgumentException("not a usable public JWK: " + e.getMessage(), e);
      }
    }

    /**
     * Sets whether the app requires DPoP (Okta's default for new API Services apps).
     *
     * @param requireDpop whether DPoP is required
     * @return this
     */
    public Builder requireDpop(boolean requireDpop) {
      this.requireDpop = requireDpop;
      return this;
    }

    /**
     * For an app without DPoP: accept token requests that carry a proof (and ignore it) instead of
     * rejecting them as {@code invalid_dpop_proof}.
     *
     * @return this
     */
    public Builder ignoreProofsWhenNotRequired() {
      this.ignoreProofsWhenNotRequired = true;
      return this;
    }

    /**
     * Refuses every token request with {@code 403 access_denied}, as Okta does for a request from
     * outside the app's permitted network zones.
     *
     * @return this
     */
    public Builder denyNetworkZone() {
      this.denyNetworkZone = true;
      return this;
    }

    /**
     * Accepts a client assertion whose {@code aud} is an array holding just the token URL, as
     * okta-sdk-java 24 sends it (jjwt's {@code audience().add(...)}); by default only a single
     * string is accepted. For the benchmark that compares the adapter with okta-sdk-java.
     *
     * @return this
     */
    public Builder acceptAudienceArray() {
      this.acceptAudienceArray = true;
      return this;
    }

    /**
     * Sets the scopes granted to the app under its Okta API Scopes.
     *
     * @param scopes the scopes
     * @return this
     */
    public Builder grantedScopes(String... scopes) {
      grantedScopes.clear();
      grantedScopes.addAll(List.of(scopes));
      return this;
    }

    /**
     * Sets the clock for token expiry and JWT time checks.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets how long issued tokens live; Okta's is one hour.
     *
     * @param lifetime the lifetime
     * @return this
     */
    public Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime == null");
      return this;
    }

    /**
     * Sets the directory the API serves.
     *
     * @param directory the directory
     * @return this
     */
    public Builder directory(SimDirectory directory) {
      this.directory = Objects.requireNonNull(directory, "directory == null");
      return this;
    }

    /**
     * Adds a group to the directory.
     *
     * @param id the group id, such as {@code 00gEmployees}
     * @param name its name
     * @return this
     * @see SimDirectory#group(String, String)
     */
    public Builder group(String id, String name) {
      Objects.requireNonNull(id, "id == null");
      Objects.requireNonNull(name, "name == null");
      seeding.add(d -> d.group(id, name));
      return this;
    }

    /**
     * Adds a user to the directory, in no group.
     *
     * @param user the user
     * @return this
     * @see SimDirectory#user(SimUser)
     */
    public Builder user(SimUser user) {
      Objects.requireNonNull(user, "user == null");
      seeding.add(d -> d.user(user));
      return this;
    }

    /**
     * Adds a user to the directory as a member of a group, creating the group (named as its id)
     * when it was not added before.
     *
     * @param groupId the group id
     * @param user the user
     * @return this
     * @see SimDirectory#member(String, SimUser)
     */
    public Builder member(String groupId, SimUser user) {
      Objects.requireNonNull(groupId, "groupId == null");
      Objects.requireNonNull(user, "user == null");
      seeding.add(d -> d.member(groupId, user));
      return this;
    }

    /**
     * Enrolls a factor for a user.
     *
     * @param userId the user's id
     * @param factor the factor
     * @return this
     * @see SimDirectory#factor(String, SimFactor)
     */
    public Builder factor(String userId, SimFactor factor) {
      Objects.requireNonNull(userId, "userId == null");
      Objects.requireNonNull(factor, "factor == null");
      seeding.add(d -> d.factor(userId, factor));
      return this;
    }

    /**
     * Adds a check every request must pass before the org handles it, after the checks listed as
     * services.
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
     * Builds the org, seeds its directory with the groups, users and factors given to this builder
     * (in the order given, after whatever the {@link #directory} already holds) and starts it on a
     * free loopback port. Close it when done.
     *
     * @return the running org
     * @throws IOException when the server cannot start
     * @throws IllegalStateException when no public key was registered
     */
    public SimulatedOkta start() throws IOException {
      if (keysById.isEmpty() && keysWithoutId.isEmpty()) {
        throw new IllegalStateException("register at least one public key");
      }
      return new SimulatedOkta(this).start();
    }
  }
}
