package org.workforceiam.http;

import java.io.IOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.CookieJar;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Derives the HTTP clients an adapter uses from a caller's {@link OkHttpClient}, keeping what the
 * caller meant to share and nothing that could observe, store or replay a credential, and making
 * sure OkHttp never sends a request a second time on its own.
 *
 * <p><b>Kept from the caller's client:</b> the connection pool, dispatcher, proxy and proxy
 * selector, proxy authenticator (a 407 comes from the caller's proxy, which did not forward the
 * request), socket and TLS socket factories and trust manager, hostname verifier, certificate
 * pinner, DNS, connection specs, protocols and timeouts.
 *
 * <p><b>Dropped:</b> application and network interceptors, the event listener factory, the cache,
 * the cookie jar and the authenticator. Each of them sees requests or responses carrying access
 * tokens, DPoP proofs, client assertions or reset links (a logging interceptor at {@code HEADERS}
 * would log them), and an authenticator would re-send a request after a 401.
 *
 * <p><b>One send per call:</b> redirects are not followed, connection failures are not retried, the
 * authenticator is {@link Authenticator#NONE}, a {@code 503}'s {@code Retry-After} is hidden from
 * OkHttp's follow-up logic (which would repeat the request at once after {@code Retry-After: 0})
 * and shown again to the adapter, and a guard refuses any second exchange of one call (a {@code
 * 421} on a coalesced HTTP/2 connection, or any follow-up OkHttp may add) with an {@link
 * IOException} before it reaches the network. Only a {@code 407} answered by the caller's proxy
 * authenticator may be followed. The adapter's retry policy is then the only thing that repeats a
 * request.
 *
 * <p><b>Bounded in time:</b> a client without a call timeout gets {@link #DEFAULT_CALL_TIMEOUT}, so
 * a server that trickles its answer a byte at a time cannot hold a call for longer.
 */
public final class HttpClients {
  /** The call timeout of a client whose caller set none: the longest one exchange may take. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  /**
   * The {@code User-Agent} every adapter sends, so the provider's logs show which client made a
   * request: {@code workforce-iam/<version> okhttp/<version> java/<feature version>}.
   */
  public static final String USER_AGENT =
      "workforce-iam/"
          + Objects.requireNonNullElse(
              HttpClients.class.getPackage().getImplementationVersion(), "dev")
          + " okhttp/"
          + okhttp3.OkHttp.VERSION
          + " java/"
          + Runtime.version().feature();

  /** Where the guard moves a {@code 503}'s {@code Retry-After} while OkHttp decides follow-ups. */
  static final String HIDDEN_RETRY_AFTER = "X-Workforce-Iam-Retry-After";

  private HttpClients() {}

  /**
   * Starts a builder for an adapter's client from the caller's client, or from a new one. Add the
   * adapter's interceptors, then make the client with {@link #build(OkHttpClient.Builder)}.
   *
   * @param caller the caller's client, or null
   * @return a builder with the caller's shared settings and the guards described above
   */
  public static OkHttpClient.Builder derive(@Nullable OkHttpClient caller) {
    OkHttpClient.Builder builder =
        caller == null ? new OkHttpClient.Builder() : caller.newBuilder();
    builder.interceptors().clear();
    builder.networkInterceptors().clear();
    builder
        .eventListener(EventListener.NONE)
        .cache(null)
        .cookieJar(CookieJar.NO_COOKIES)
        .authenticator(Authenticator.NONE)
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .addNetworkInterceptor(HttpClients::guardExchange);
    if (caller == null || caller.callTimeoutMillis() == 0) {
      builder.callTimeout(DEFAULT_CALL_TIMEOUT);
    }
    return builder;
  }

  /**
   * Returns an application interceptor that sets {@link #USER_AGENT} on every request.
   *
   * @return the interceptor
   */
  public static Interceptor userAgent() {
    return chain ->
        chain.proceed(chain.request().newBuilder().header("User-Agent", USER_AGENT).build());
  }

  /**
   * Builds a client from a builder made by {@link #derive}, after the adapter added its own
   * interceptors: adds, as the last application interceptor, the one that starts each send's count
   * of exchanges, so an adapter's interceptor may itself send again (a refreshed token after a
   * {@code 401}) while OkHttp may not.
   *
   * @param builder a builder from {@link #derive}
   * @return the client
   */
  public static OkHttpClient build(OkHttpClient.Builder builder) {
    return builder.addInterceptor(HttpClients::oneSendPerCall).build();
  }

  /**
   * Counts the exchanges of one call and knows the call; carried as a request tag into the network
   * interceptor and onto the response.
   */
  private static final class Exchanges {
    final Call call;
    final AtomicInteger count = new AtomicInteger();
    volatile int lastStatus;

    Exchanges(Call call) {
      this.call = call;
    }
  }

  /**
   * Stops a response's body from being read any further: cancels the call, which closes its
   * connection, so that closing the response does not make OkHttp read the rest of the body to
   * reuse the connection (it would read for up to 100 ms, megabytes on a fast link). For a body the
   * SDK gave up on: larger than its bound, not the JSON expected. The connection is not reused. A
   * response of a client not built by {@link #build} is left as it is.
   *
   * @param response the response whose body is abandoned
   */
  static void abandon(Response response) {
    Exchanges exchanges = response.request().tag(Exchanges.class);
    if (exchanges != null) {
      exchanges.call.cancel();
    }
  }

  private static Response oneSendPerCall(Interceptor.Chain chain) throws IOException {
    Request request =
        chain.request().newBuilder().tag(Exchanges.class, new Exchanges(chain.call())).build();
    Response response = chain.proceed(request);
    String hidden = response.header(HIDDEN_RETRY_AFTER);
    if (hidden == null) {
      return response;
    }
    return response
        .newBuilder()
        .removeHeader(HIDDEN_RETRY_AFTER)
        .header("Retry-After", hidden)
        .build();
  }

  private static Response guardExchange(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    Exchanges exchanges = request.tag(Exchanges.class);
    if (exchanges != null) {
      int number = exchanges.count.incrementAndGet();
      if (number > 1 && exchanges.lastStatus != 407) {
        throw new FollowUpRefused(
            "refused to send "
                + RetryingTransport.describe(request)
                + " a second time in one call after HTTP "
                + exchanges.lastStatus
                + ": only the retry policy repeats a request");
      }
    }
    Response response = chain.proceed(request);
    if (exchanges != null) {
      exchanges.lastStatus = response.code();
    }
    String retryAfter = response.header("Retry-After");
    if (response.code() == 503 && retryAfter != null) {
      return response
          .newBuilder()
          .removeHeader("Retry-After")
          .header(HIDDEN_RETRY_AFTER, retryAfter)
          .build();
    }
    return response;
  }

  /** OkHttp tried to repeat a request by itself, which the guard does not allow. */
  static final class FollowUpRefused extends ProtocolException {
    private static final long serialVersionUID = 1L;

    FollowUpRefused(String message) {
      super(message);
    }
  }
}
