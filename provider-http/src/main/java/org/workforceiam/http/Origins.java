package org.workforceiam.http;

import okhttp3.HttpUrl;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;

/**
 * The same-origin guard for paging: a {@code next} link or a caller's cursor is followed only to
 * the origin the client was configured with, so credentials never go to another host.
 */
public final class Origins {
  private Origins() {}

  /**
   * Returns whether two URLs have the same origin: scheme, host (ignoring case) and port.
   *
   * @param url a URL
   * @param origin the configured URL
   * @return whether they share the origin
   */
  public static boolean sameOrigin(HttpUrl url, HttpUrl origin) {
    return url.scheme().equals(origin.scheme())
        && url.host().equalsIgnoreCase(origin.host())
        && url.port() == origin.port();
  }

  /**
   * Refuses a URL of another origin before any request is sent to it.
   *
   * @param url the URL to follow
   * @param origin the configured URL
   * @param what what the URL is, for the message, for example {@code "page cursor"}
   * @param expected what the origin is, for the message, for example {@code "the org
   *     https://acme.okta.com/"}
   * @return the URL
   * @throws IamException.ProtocolViolation when the origins differ
   */
  public static HttpUrl requireSameOrigin(
      HttpUrl url, HttpUrl origin, String what, String expected) {
    if (!sameOrigin(url, origin)) {
      throw new IamException.ProtocolViolation(
          what
              + " points to "
              + url.scheme()
              + "://"
              + url.host()
              + ":"
              + url.port()
              + ", not to "
              + expected
              + "; refusing to send credentials there",
          ErrorDetails.none());
    }
    return url;
  }
}
