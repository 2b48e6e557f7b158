package org.workforceiam.entra;

import java.time.Clock;
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
import org.workforceiam.http.Sleeper;
import org.workforceiam.http.TokenCache;
import org.workforceiam.http.Transport;

/**
 * Everything a client needs to talk to one tenant as one app registration: the HTTP clients, the
 * retry loops, the token cache and the directory. Thread-safe.
 *
 * <p>The wiring, as for Okta: one {@link RetryingTransport} (rules {@link EntraRules#GRAPH}) runs
 * every Graph call in one retry loop with one deadline; its client's {@link GraphAuthInterceptor}
 * authorizes each attempt, fetching a token when needed as a step of that attempt through a second
 * transport (rules {@link EntraRules#LOGIN}) on a client without the interceptor, which only sends
 * ({@link Transport#send}) and never retries on its own. Both clients are derived from the caller's
 * by {@link HttpClients} (nothing of the caller's sees a credential; OkHttp repeats nothing) and
 * log through {@link HttpLogInterceptor} with secrets redacted.
 *
 * <p>The reset service ({@link EntraResets}) sends its requests with {@link #graph()}, whose {@link
 * GraphApi#send} declares every write not repeatable by itself; builds its URLs from {@link
 * GraphPaths} templates on {@link #graphUrl()}, its ids checked by {@link EntraIds}; reads Graph's
 * refusals with {@link GraphErrors#fromResponse}; and membership is checked with {@link
 * #directory()}'s {@code isMember} by {@code ResetService.groupScoped}.
 */
final class EntraConnection implements AutoCloseable {
  /** The logger of HTTP exchanges. */
  static final String HTTP_LOGGER = "org.workforceiam.entra.http";

  private final String tenant;
  private final HttpUrl graphUrl;
  private final Clock clock;
  private final EntraCredential credential;
  private final EntraTokens endpoint;
  private final TokenCache tokens;
  private final GraphApi graph;
  private final EntraDirectory directory;
  private final OkHttpClient apiClient;
  private final boolean ownsHttpClient;

  /**
   * Wires a connection. Does no network I/O.
   *
   * @param authorityUrl the validated authority, such as {@code https://login.microsoftonline.com/}
   * @param graphUrl the validated Graph origin, such as {@code https://graph.microsoft.com/}
   * @param tenant the validated tenant id or domain
   * @param clientId the validated application (client) id
   * @param credential the certificate or secret
   * @param httpClient the caller's HTTP client, or null to create one owned by this connection
   * @param clock the clock of token expiry, assertion times and retry deadlines
   * @param logging how much HTTP traffic to log
   * @param pageSize the {@code $top} of member pages
   * @param retryPolicy when to retry and when to give up
   * @param sleeper how to wait between attempts
   * @param jitter random values in [0, 1) that spread retries out
   * @param listener where the client's telemetry goes
   */
  EntraConnection(
      HttpUrl authorityUrl,
      HttpUrl graphUrl,
      String tenant,
      String clientId,
      EntraCredential credential,
      @Nullable OkHttpClient httpClient,
      Clock clock,
      HttpLogging logging,
      int pageSize,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      DoubleSupplier jitter,
      IamEventListener listener) {
    this.tenant = tenant;
    this.graphUrl = graphUrl;
    this.clock = clock;
    this.credential = credential;
    this.ownsHttpClient = httpClient == null;
    OkHttpClient base =
        HttpClients.derive(httpClient).addInterceptor(HttpClients.userAgent()).build();
    // Graph throttles per app and tenant, not per host: every tenant shares graph.microsoft.com,
    // so the pacer is this client's own, not RateLimitPacer.forOrg's shared one.
    RateLimitPacer pacer = new RateLimitPacer(clock, EntraRules.GRAPH);
    Events events = Events.of(listener, EntraRules.LOGIN.name());
    OkHttpClient tokenClient =
        HttpClients.build(
            base.newBuilder()
                .addNetworkInterceptor(
                    new HttpLogInterceptor(logging, HTTP_LOGGER, LoginErrors.REQUEST_ID_HEADER)));
    Transport tokenTransport =
        new RetryingTransport(
            tokenClient, retryPolicy, clock, sleeper, jitter, pacer, EntraRules.LOGIN, events);
    this.endpoint =
        new EntraTokens(
            tokenTransport,
            EntraTokens.tokenUrl(authorityUrl, tenant),
            clientId,
            scope(graphUrl),
            credential,
            clock);
    this.tokens = new TokenCache(tokenTransport, endpoint, clock, events);
    this.apiClient =
        HttpClients.build(
            base.newBuilder()
                .addInterceptor(new GraphAuthInterceptor(tokens))
                .addNetworkInterceptor(
                    new HttpLogInterceptor(logging, HTTP_LOGGER, GraphErrors.REQUEST_ID_HEADER)));
    this.graph =
        new GraphApi(
            new RetryingTransport(
                apiClient, retryPolicy, clock, sleeper, jitter, pacer, EntraRules.GRAPH, events));
    this.directory = new EntraDirectory(graphUrl, graph, pageSize);
  }

  /** The scope of an app-only Graph token: the Graph origin's {@code /.default}. */
  static String scope(HttpUrl graphUrl) {
    return graphUrl.newBuilder().encodedPath("/.default").build().toString();
  }

  /** {@return the tenant id or domain} */
  String tenant() {
    return tenant;
  }

  /** {@return the Graph origin, with the path {@code /}} */
  HttpUrl graphUrl() {
    return graphUrl;
  }

  /** {@return the clock of this connection} */
  Clock clock() {
    return clock;
  }

  /** {@return the credential} */
  EntraCredential credential() {
    return credential;
  }

  /** {@return the token endpoint} */
  EntraTokens endpoint() {
    return endpoint;
  }

  /** {@return the token cache} */
  TokenCache tokens() {
    return tokens;
  }

  /** {@return Graph, through the authorizing, retrying transport} */
  GraphApi graph() {
    return graph;
  }

  /** {@return the tenant's directory} */
  EntraDirectory directory() {
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
    return "EntraConnection{tenant="
        + tenant
        + ", graphUrl="
        + graphUrl
        + ", tokens="
        + tokens
        + "}";
  }
}
