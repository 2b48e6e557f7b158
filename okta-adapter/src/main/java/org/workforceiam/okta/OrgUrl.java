package org.workforceiam.okta;

import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.workforceiam.core.IamException;
import org.workforceiam.http.BaseUrls;

/**
 * Validates and normalises an Okta org URL by the shared rule of {@link BaseUrls} ({@code
 * https://}, plain {@code http://} only for loopback hosts, no path, query or fragment), and
 * refuses the Admin Console's {@code -admin} host.
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
    return BaseUrls.parse(value, "the org URL", "Okta", EXPECTED, OrgUrl::adminConsole);
  }

  private static Optional<String> adminConsole(HttpUrl url) {
    String host = url.host().toLowerCase(Locale.ROOT);
    if (host.endsWith("-admin.okta.com")
        || host.endsWith("-admin.oktapreview.com")
        || host.endsWith("-admin.okta-emea.com")) {
      return Optional.of(
          "the org URL '"
              + url
              + "' is the Admin Console's address; drop '-admin': https://"
              + host.replace("-admin.", ".")
              + hostPort(url));
    }
    return Optional.empty();
  }

  private static String hostPort(HttpUrl url) {
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port();
  }
}
