package org.workforceiam.okta;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.http.Events;
import org.workforceiam.http.HttpClients;
import org.workforceiam.http.HttpLogInterceptor;
import org.workforceiam.http.RateLimitPacer;
import org.workforceiam.http.RetryingTransport;
import org.workforceiam.http.ServiceAppKey;
import org.workforceiam.http.Sleeper;
import org.workforceiam.http.TokenCache;
import org.workforceiam.http.Transport;

/**
 * Everything a client needs to talk to one Okta org as one service app: the HTTP clients, the retry
 * loop, the token cache, the DPoP state and the directory. Thread-safe.
 *
 * <p>The wiring: one {@link RetryingTransport} runs every call, in one retry loop with one
 * deadline. Its HTTP client's {@link AuthInterceptor} authorizes each attempt, fetching a token
 * when needed as a step of that attempt ({@link TokenCache#current()}) through a second transport
 * on a client without the interceptor; that transport only sends ({@link Transport#send}) and never
 * retries on its own. Both use the org's {@link RateLimitPacer} ({@link RateLimitPacer#forOrg}),
 * which every connection to the same org in this JVM shares, and report to one {@link Events}.
 *
 * <p>Many connections in one JVM: building one does no network I/O, starts no thread and, given the
 * caller's {@link OkHttpClient}, shares its connection pool and dispatcher; what it holds of its
 * own is the parsed key, the token cache and, once it has called, its token and DPoP key.
 */
final class OktaConnection implements AutoCloseable {
  /** Okta's default page size for group members, and ours; see the README on page sizes. */
  static final int DEFAULT_PAGE_SIZE = 1000;

  /** The logger of HTTP exchanges, named in {@link HttpLogging}'s documentation. */
  static final String HTTP_LOGGER = "org.workforceiam.okta.http";

  private final HttpUrl orgUrl;
  private final Clock clock;
  private final List<String> scopes;
  private final @Nullable Dpop dpop;
  private final TokenCache tokens;
  private final Transport api;
  private final OktaDirectory directory;
  private final OkHttpClient apiClient;
  private final boolean ownsHttpClient;

  /**
   * Wires a connection with the default page size and retry policy. Does no network I/O.
   *
   * @param orgUrl the validated org URL
   * @param clientId the app's client id
   * @param key the app's private key
   * @param scopes the scopes to request
   * @param httpClient the caller's HTTP client, or null to create one owned by this connection
   * @param clock the clock for token expiry, JWT times and rate-limit windows
   * @param dpopMode whether to use DPoP
   * @param logging how much HTTP traffic to log
   */
  OktaConnection(
      HttpUrl orgUrl,
      String clientId,
      ServiceAppKey key,
      List<String> scopes,
      @Nullable OkHttpClient httpClient,
      Clock clock,
      DpopMode dpopMode,
      HttpLogging logging) {
    this(
        orgUrl,
        clientId,
        key,
        scopes,
        httpClient,
        clock,
        dpopMode,
        logging,
        DEFAULT_PAGE_SIZE,
        RetryPolicy.defaults(),
        Sleeper.SYSTEM,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * Wires a connection. Does no network I/O.
   *
   * @param orgUrl the validated org URL
   * @param clientId the app's client id
   * @param key the app's private key
   * @param scopes the scopes to request
   * @param httpClient the caller's HTTP client, or null to create one owned by this connection
   * @param clock the clock for token expiry, JWT times and rate-limit windows
   * @param dpopMode whether to use DPoP
   * @param logging how much HTTP traffic to log
   * @param pageSize the {@code limit} for group member pages
   * @param retryPolicy when to retry and when to give up
   * @param sleeper how to wait between attempts
   * @param jitter random values in [0, 1) that spread retries out
   */
  OktaConnection(
      HttpUrl orgUrl,
      String clientId,
      ServiceAppKey key,
      List<String> scopes,
      @Nullable OkHttpClient httpClient,
      Clock clock,
      DpopMode dpopMode,
      HttpLogging logging,
      int pageSize,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      DoubleSupplier jitter) {
    this(
        orgUrl,
        clientId,
        key,
        scopes,
        httpClient,
        clock,
        dpopMode,
        logging,
        pageSize,
        retryPolicy,
        sleeper,
        jitter,
        IamEventListener.NONE,
        1.0);
  }

  /**
   * Wires a connection. Does no network I/O.
   *
   * @param orgUrl the validated org URL
   * @param clientId the app's client id
   * @param key the app's private key
   * @param scopes the scopes to request
   * @param httpClient the caller's HTTP client, or null to create one owned by this connection
   * @param clock the clock for token expiry, JWT times and rate-limit windows
   * @param dpopMode whether to use DPoP
   * @param logging how much HTTP traffic to log
   * @param pageSize the {@code limit} for group member pages
   * @param retryPolicy when to retry and when to give up
   * @param sleeper how to wait between attempts
   * @param jitter random values in [0, 1) that spread retries out
   * @param listener where the connection's events go
   * @param rateLimitShare the app's part of each of the org's rate-limit windows, in (0, 1]
   */
  OktaConnection(
      HttpUrl orgUrl,
      String clientId,
      ServiceAppKey key,
      List<String> scopes,
      @Nullable OkHttpClient httpClient,
      Clock clock,
      DpopMode dpopMode,
      HttpLogging logging,
      int pageSize,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      DoubleSupplier jitter,
      IamEventListener listener,
      double rateLimitShare) {
    this.orgUrl = Objects.requireNonNull(orgUrl, "orgUrl == null");
    this.clock = clock;
    this.ownsHttpClient = httpClient == null;
    // Only what the caller meant to share is kept (pool, proxy, TLS, DNS, timeouts); nothing of
    // theirs sees a credential, and OkHttp never repeats a request by itself: see HttpClients.
    OkHttpClient base =
        HttpClients.derive(httpClient).addInterceptor(HttpClients.userAgent()).build();
    HttpLogInterceptor log =
        new HttpLogInterceptor(logging, HTTP_LOGGER, OktaErrors.REQUEST_ID_HEADER);
    // The org's windows, shared with every other client of the org in this JVM; this app keeps
    // within its share of them.
    RateLimitPacer pacer =
        RateLimitPacer.forOrg(orgUrl, clock, OktaRules.INSTANCE).withShare(rateLimitShare);
    Events events = Events.of(listener, OktaRules.INSTANCE.name());
    // OkHttp's silent retries and redirects are off in base: the retry policy alone decides what
    // is sent again, and a redirect would carry the assertion or the token to another URL.
    OkHttpClient tokenClient = HttpClients.build(base.newBuilder().addNetworkInterceptor(log));
    this.scopes = List.copyOf(scopes);
    this.dpop = dpopMode == DpopMode.OFF ? null : new Dpop(clock);
    // Sends the token requests of an attempt; never retries on its own (see Transport#send).
    Transport tokenTransport =
        new RetryingTransport(
            tokenClient, retryPolicy, clock, sleeper, jitter, pacer, OktaRules.INSTANCE, events);
    this.tokens =
        new TokenCache(
            tokenTransport,
            new OktaTokens(tokenTransport, orgUrl, clientId, key, scopes, dpop, dpopMode, clock),
            clock,
            events);
    this.apiClient =
        HttpClients.build(
            base.newBuilder()
                .addInterceptor(new AuthInterceptor(tokens, dpop))
                .addNetworkInterceptor(log));
    this.api =
        new RetryingTransport(
            apiClient, retryPolicy, clock, sleeper, jitter, pacer, OktaRules.INSTANCE, events);
    this.directory = new OktaDirectory(orgUrl, api, pageSize);
  }

  /** {@return the org URL, with an empty path} */
  HttpUrl orgUrl() {
    return orgUrl;
  }

  /** {@return the clock of this connection} */
  Clock clock() {
    return clock;
  }

  /** {@return the token cache} */
  TokenCache tokens() {
    return tokens;
  }

  /** {@return the scopes this connection asks for, in the configured order} */
  List<String> requestedScopes() {
    return scopes;
  }

  /** {@return the DPoP state, when DPoP is not off} */
  @Nullable Dpop dpop() {
    return dpop;
  }

  /** {@return the transport for API calls, which authorizes and retries every request} */
  Transport api() {
    return api;
  }

  /** {@return the org's users and groups} */
  OktaDirectory directory() {
    return directory;
  }

  /** Releases the HTTP client's threads and connections if this connection created it. */
  @Override
  public void close() {
    if (ownsHttpClient) {
      apiClient.dispatcher().executorService().shutdown();
      apiClient.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "OktaConnection{orgUrl=" + orgUrl + ", tokens=" + tokens + "}";
  }
}
