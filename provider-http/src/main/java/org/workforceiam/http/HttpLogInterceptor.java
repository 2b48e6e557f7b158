package org.workforceiam.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.HttpLogging;

/**
 * Logs HTTP exchanges as they go over the network, with every secret redacted: credential headers
 * show as {@code [redacted]} and bodies (token responses, reset links, temporary passwords) are
 * never logged.
 */
public final class HttpLogInterceptor implements Interceptor {
  /** The headers whose values are never logged, in lower case. */
  public static final Set<String> REDACTED =
      Set.of("authorization", "dpop", "dpop-nonce", "cookie", "set-cookie", "proxy-authorization");

  /** Said of the normal DPoP nonce handshake (RFC 9449), so an operator is not alarmed by it. */
  static final String NONCE_CHALLENGE =
      ": use_dpop_nonce, the server asks for a DPoP nonce; the request is repeated with it, as"
          + " expected";

  private static final long NONCE_PEEK_BYTES = 1024;

  private final Logger log;
  private final HttpLogging level;
  private final String requestIdHeader;

  /**
   * Creates the interceptor; add it as a network interceptor.
   *
   * @param level how much to log
   * @param loggerName the adapter's HTTP logger, such as {@code org.workforceiam.okta.http}
   * @param requestIdHeader the header with the provider's request id, logged with each answer
   */
  public HttpLogInterceptor(HttpLogging level, String loggerName, String requestIdHeader) {
    this.log = LoggerFactory.getLogger(loggerName);
    this.level = level;
    this.requestIdHeader = requestIdHeader;
  }

  /** Logs the exchange at the configured level, secrets redacted. */
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (level == HttpLogging.NONE || !log.isInfoEnabled()) {
      return chain.proceed(request);
    }
    if (level == HttpLogging.HEADERS) {
      log.info("--> {} {}{}", request.method(), request.url(), render(request.headers()));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log.info(
          "<-- {} {} failed: {}", request.method(), request.url(), e.getClass().getSimpleName());
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    log.info(
        "<-- {} {} {} ({} ms, requestId {}){}{}",
        response.code(),
        request.method(),
        request.url(),
        millis,
        response.header(requestIdHeader, "-"),
        isNonceChallenge(response) ? NONCE_CHALLENGE : "",
        level == HttpLogging.HEADERS ? render(response.headers()) : "");
    return response;
  }

  /**
   * Whether the answer is DPoP's nonce handshake, which every new connection goes through: a 400
   * {@code use_dpop_nonce} from the token endpoint or a 401 with {@code error="use_dpop_nonce"}
   * from the API, each with a {@code DPoP-Nonce} header. Said in the log line, as operators read a
   * bare 400 as a failure.
   */
  private static boolean isNonceChallenge(Response response) {
    if (response.header("DPoP-Nonce") == null) {
      return false;
    }
    if (response.code() == 401) {
      return String.join(" ", response.headers("WWW-Authenticate")).contains("use_dpop_nonce");
    }
    if (response.code() != 400) {
      return false;
    }
    try {
      // An error body is small; peeking leaves it whole for the token client to read.
      return response.peekBody(NONCE_PEEK_BYTES).string().contains("\"use_dpop_nonce\"");
    } catch (IOException e) {
      return false;
    }
  }

  private static String render(Headers headers) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value =
          REDACTED.contains(name.toLowerCase(Locale.ROOT)) ? "[redacted]" : headers.value(i);
      text.append("\n    ").append(name).append(": ").append(value);
    }
    return text.toString();
  }
}
