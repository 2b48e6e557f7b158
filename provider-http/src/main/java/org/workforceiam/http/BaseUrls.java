package org.workforceiam.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;

/**
 * Validates a configured base URL, such as an Okta org URL or Microsoft's authority and Graph URLs,
 * by one rule for every provider: {@code https://}, plain {@code http://} only for a literal
 * loopback host ({@link #isLoopback}), no user name or password, no path, query or fragment. A
 * trailing slash and surrounding white space are dropped. Every refusal names the value and the
 * expected form.
 *
 * <pre>{@code
 * HttpUrl graph = BaseUrls.parse(
 *     "https://graph.microsoft.com", "the Graph URL", "Microsoft Graph",
 *     "the expected form is https://graph.microsoft.com", url -> Optional.empty());
 * }</pre>
 */
public final class BaseUrls {
  private BaseUrls() {}

  /**
   * Parses a base URL.
   *
   * @param value what the user configured
   * @param name the setting, for messages, such as {@code "the org URL"}
   * @param provider who requires https, for messages, such as {@code "Okta"}
   * @param expected the expected form, ending messages, such as {@code "the expected form is
   *     https://yourcompany.okta.com"}
   * @param hostCheck a provider's own refusal of a well-formed URL (Okta refuses its Admin
   *     Console's {@code -admin} host), run before the scheme is judged: the message, or empty to
   *     accept
   * @return the URL, with the path {@code /}
   * @throws IamException.InvalidConfiguration naming the value and the expected form
   */
  public static HttpUrl parse(
      String value,
      String name,
      String provider,
      String expected,
      Function<HttpUrl, Optional<String>> hostCheck) {
    Objects.requireNonNull(value, () -> name + " == null");
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw invalid(name + " is empty; " + expected);
    }
    if (!trimmed.contains("://")) {
      throw invalid(name + " '" + trimmed + "' has no scheme; " + expected);
    }
    HttpUrl url = HttpUrl.parse(trimmed);
    if (url == null) {
      throw invalid(name + " '" + trimmed + "' is not a valid http(s) URL; " + expected);
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw invalid(name + " must not contain a user name or password; " + expected);
    }
    Optional<String> refusal = hostCheck.apply(url);
    if (refusal.isPresent()) {
      throw invalid(refusal.get());
    }
    if (url.scheme().equals("http") && !isLoopback(url.host().toLowerCase(Locale.ROOT))) {
      throw invalid(
          name
              + " '"
              + trimmed
              + "' uses http://; "
              + provider
              + " requires https:// (plain http:// is allowed only for localhost and loopback"
              + " addresses); "
              + expected);
    }
    if (url.query() != null || url.fragment() != null) {
      throw invalid(name + " '" + trimmed + "' must not have a query or fragment; " + expected);
    }
    String path = url.encodedPath();
    if (!path.equals("/")) {
      throw invalid(
          name
              + " '"
              + trimmed
              + "' must not have a path ('"
              + path
              + "'); "
              + expected
              + " (the client adds the API's paths itself)");
    }
    return url;
  }

  /**
   * Whether the host is {@code localhost} or a literal loopback address (127.0.0.0/8, {@code ::1}),
   * checked without a DNS lookup. A name under {@code .localhost} is not: RFC 6761 asks resolvers
   * to keep such names on loopback, but nothing makes the system's resolver or a proxy do so, and
   * an {@code http://} request to it would carry client assertions and tokens in clear text.
   *
   * @param host the host, in lower case
   * @return whether plain http may be used with it
   */
  public static boolean isLoopback(String host) {
    Objects.requireNonNull(host, "host == null");
    if (host.equals("localhost")) {
      return true;
    }
    if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":")) {
      try {
        // A literal address: parsed without any lookup.
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  private static IamException.InvalidConfiguration invalid(String message) {
    return new IamException.InvalidConfiguration(message, ErrorDetails.none());
  }
}
