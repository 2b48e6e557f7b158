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
        "<-- {} {} {} ({} ms, requestId {}){}",
        response.code(),
        request.method(),
        request.url(),
        millis,
        response.header(requestIdHeader, "-"),
        level == HttpLogging.HEADERS ? render(response.headers()) : "");
    return response;
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
