package org.workforceiam.okta.internal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.workforceiam.okta.DpopMode;
import org.workforceiam.okta.HttpLogging;
import org.workforceiam.okta.RetryPolicy;

/**
 * Everything a client needs to talk to one Okta org as one service app: the HTTP clients, the retry
 * policy, the token source, the DPoP state and the directory. Thread-safe.
 */
public final class OktaConnection implements AutoCloseable {
  /** Okta's default page size for group members, and ours; see the README on page sizes. */
  public static final int DEFAULT_PAGE_SIZE = 1000;

  /** Sent with every request, so Okta's System Log shows which client made it. */
  static final String USER_AGENT =
      "workforce-iam/"
          + Objects.requireNonNullElse(
              OktaConnection.class.getPackage().getImplementationVersion(), "dev")
          + " okhttp/"
          + okhttp3.OkHttp.VERSION
          + " java/"
          + Runtime.version().feature();

  private final HttpUrl orgUrl;
  private final Clock clock;
  private final AccessTokens tokens;
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
  public OktaConnection(
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
  public OktaConnection(
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
    this.orgUrl = Objects.requireNonNull(orgUrl, "orgUrl == null");
    this.clock = clock;
    this.ownsHttpClient = httpClient == null;
    OkHttpClient base =
        (httpClient != null ? httpClient.newBuilder() : new OkHttpClient.Builder())
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain.request().newBuilder().header("User-Agent", USER_AGENT).build()))
            .build();
    HttpLogInterceptor log = new HttpLogInterceptor(logging);
    RateLimitPacer pacer = new RateLimitPacer(clock);
    // OkHttp's silent retries are off: the retry policy alone decides what is sent again.
    // Redirects are not followed: one would carry the assertion or the token to another URL.
    OkHttpClient tokenClient =
        base.newBuilder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .addNetworkInterceptor(log)
            .build();
    Dpop dpop = dpopMode == DpopMode.OFF ? null : new Dpop(clock);
    this.tokens =
        new AccessTokens(
            new RetryingTransport(tokenClient, retryPolicy, clock, sleeper, jitter, pacer),
            orgUrl,
            clientId,
            key,
            scopes,
            dpop,
            dpopMode,
            clock);
    this.apiClient =
        base.newBuilder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .followSslRedirects(false)
            .addInterceptor(new AuthInterceptor(tokens))
            .addNetworkInterceptor(log)
            .build();
    this.api = new RetryingTransport(apiClient, retryPolicy, clock, sleeper, jitter, pacer);
    this.directory = new OktaDirectory(orgUrl, api, pageSize, retryPolicy.maxAttempts(), sleeper);
  }

  /** {@return the org URL, with an empty path} */
  public HttpUrl orgUrl() {
    return orgUrl;
  }

  /** {@return the clock of this connection} */
  public Clock clock() {
    return clock;
  }

  /** {@return the token source} */
  public AccessTokens tokens() {
    return tokens;
  }

  /** {@return the transport for API calls, which authorizes and retries every request} */
  public Transport api() {
    return api;
  }

  /** {@return the org's users and groups} */
  public OktaDirectory directory() {
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
