package org.workforceiam.okta.internal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.workforceiam.okta.DpopMode;
import org.workforceiam.okta.HttpLogging;

/**
 * Everything a client needs to talk to one Okta org as one service app: the HTTP clients, the token
 * source and the DPoP state. Thread-safe.
 */
public final class OktaConnection implements AutoCloseable {
  private final HttpUrl orgUrl;
  private final AccessTokens tokens;
  private final Transport api;
  private final OkHttpClient apiClient;
  private final boolean ownsHttpClient;

  /**
   * Wires a connection. Does no network I/O.
   *
   * @param orgUrl the validated org URL
   * @param clientId the app's client id
   * @param key the app's private key
   * @param scopes the scopes to request
   * @param httpClient the caller's HTTP client, or null to create one owned by this connection
   * @param clock the clock for token expiry and JWT times
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
    this.orgUrl = Objects.requireNonNull(orgUrl, "orgUrl == null");
    this.ownsHttpClient = httpClient == null;
    OkHttpClient base = httpClient != null ? httpClient : new OkHttpClient();
    HttpLogInterceptor log = new HttpLogInterceptor(logging);
    OkHttpClient tokenClient =
        base.newBuilder().retryOnConnectionFailure(false).addNetworkInterceptor(log).build();
    Dpop dpop = dpopMode == DpopMode.OFF ? null : new Dpop(clock);
    this.tokens =
        new AccessTokens(
            new SingleAttemptTransport(tokenClient),
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
            .addInterceptor(new AuthInterceptor(tokens))
            .addNetworkInterceptor(log)
            .build();
    this.api = new SingleAttemptTransport(apiClient);
  }

  /** {@return the org URL, with an empty path} */
  public HttpUrl orgUrl() {
    return orgUrl;
  }

  /** {@return the token source} */
  public AccessTokens tokens() {
    return tokens;
  }

  /** {@return the transport for API calls, which authorizes every request} */
  public Transport api() {
    return api;
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
