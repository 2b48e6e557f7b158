package org.workforceiam.okta.internal;

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
import org.workforceiam.okta.HttpLogging;

/**
 * Logs HTTP exchanges as they go over the network, with every secret redacted: credential headers
 * show as {@code [redacted]} and bodies (token responses, reset links, temporary passwords) are
 * never logged.
 */
final class HttpLogInterceptor implements Interceptor {
  static final String LOGGER = "org.workforceiam.okta.http";
  static final Set<String> REDACTED =
      Set.of("authorization", "dpop", "dpop-nonce", "cookie", "set-cookie", "proxy-authorization");
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final HttpLogging level;

  HttpLogInterceptor(HttpLogging level) {
    this.level = level;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (level == HttpLogging.NONE || !LOG.isInfoEnabled()) {
      return chain.proceed(request);
    }
    if (level == HttpLogging.HEADERS) {
      LOG.info("--> {} {}{}", request.method(), request.url(), render(request.headers()));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      LOG.info(
          "<-- {} {} failed: {}", request.method(), request.url(), e.getClass().getSimpleName());
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    LOG.info(
        "<-- {} {} {} ({} ms, requestId {}){}",
        response.code(),
        request.method(),
        request.url(),
        millis,
        response.header(OktaErrors.REQUEST_ID_HEADER, "-"),
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
