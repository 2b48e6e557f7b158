package org.workforceiam.okta;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;

/**
 * Validates and normalises an Okta org URL: {@code https://} (plain {@code http://} only for
 * loopback hosts), no path, query or fragment, no {@code -admin} host.
 */
final class OrgUrl {
  private static final String EXPECTED = "the expected form is https://yourcompany.okta.com";

  private OrgUrl() {}

  /**
   * Parses an org URL.
   *
   * @param value what the user configured
   * @return the URL with an empty path
   * @throws IamException.InvalidConfiguration naming the value and the expected form
   */
  public static HttpUrl parse(String value) {
    Objects.requireNonNull(value, "orgUrl == null");
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw invalid("the org URL is empty; " + EXPECTED);
    }
    if (!trimmed.contains("://")) {
      throw invalid("the org URL '" + trimmed + "' has no scheme; " + EXPECTED);
    }
    HttpUrl url = HttpUrl.parse(trimmed);
    if (url == null) {
      throw invalid("the org URL '" + trimmed + "' is not a valid http(s) URL; " + EXPECTED);
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw invalid("the org URL must not contain a user name or password; " + EXPECTED);
    }
    String host = url.host().toLowerCase(Locale.ROOT);
    if (host.endsWith("-admin.okta.com")
        || host.endsWith("-admin.oktapreview.com")
        || host.endsWith("-admin.okta-emea.com")) {
      throw invalid(
          "the org URL '"
              + trimmed
              + "' is the Admin Console's address; drop '-admin': https://"
              + host.replace("-admin.", ".")
              + hostPort(url));
    }
    if (url.scheme().equals("http") && !isLoopback(host)) {
      throw invalid(
          "the org URL '"
              + trimmed
              + "' uses http://; Okta requires https:// (plain http:// is allowed only for"
              + " localhost and loopback addresses); "
              + EXPECTED);
    }
    if (url.query() != null || url.fragment() != null) {
      throw invalid("the org URL '" + trimmed + "' must not have a query or fragment; " + EXPECTED);
    }
    String path = url.encodedPath();
    if (!path.equals("/")) {
      throw invalid(
          "the org URL '"
              + trimmed
              + "' must not have a path ('"
              + path
              + "'); "
              + EXPECTED
              + " (API paths such as /api/v1 and /oauth2 are added by the client)");
    }
    return url;
  }

  private static String hostPort(HttpUrl url) {
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port();
  }

  /**
   * Whether the host is {@code localhost} or a literal loopback address (127.0.0.0/8, {@code ::1}),
   * checked without a DNS lookup. A name under {@code .localhost} is not: RFC 6761 asks resolvers
   * to keep such names on loopback, but nothing makes the system's resolver or a proxy do so, and
   * an {@code http://} request to it would carry the client assertion and tokens in clear text.
   */
  static boolean isLoopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":")) {
      try {
        // A literal address: parsed without any lookup.
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  private static IamException.InvalidConfiguration invalid(String message) {
    return new IamException.InvalidConfiguration(message, ErrorDetails.none());
  }
}
