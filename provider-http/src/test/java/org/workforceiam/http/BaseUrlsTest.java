package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.IamException;

class BaseUrlsTest {
  private static final String EXPECTED = "the expected form is https://graph.microsoft.com";

  private static HttpUrl parse(String value) {
    return BaseUrls.parse(
        value, "the Graph URL", "Microsoft Graph", EXPECTED, u -> Optional.empty());
  }

  @Test
  void acceptsAnHttpsOriginAndDropsATrailingSlashAndWhiteSpace() {
    assertThat(parse(" https://graph.microsoft.us/ ").toString())
        .isEqualTo("https://graph.microsoft.us/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:9000", "http://[::1]:81"})
  void allowsPlainHttpOnlyForLoopbackHosts(String url) {
    assertThat(parse(url).scheme()).isEqualTo("http");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://graph.microsoft.com", "http://10.0.0.1", "http://evil.localhost"})
  void refusesPlainHttpForOtherHostsNamingTheProvider(String url) {
    assertThatThrownBy(() -> parse(url))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("the Graph URL '" + url + "' uses http://")
        .hasMessageContaining("Microsoft Graph requires https://")
        .hasMessageContaining(EXPECTED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "graph.microsoft.com",
        "ftp://graph.microsoft.com",
        "https://u:p@graph.microsoft.com",
        "https://graph.microsoft.com/v1.0",
        "https://graph.microsoft.com/?x=1",
        "https://graph.microsoft.com/#top"
      })
  void refusesWhatIsNotABareOrigin(String url) {
    assertThatThrownBy(() -> parse(url))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageStartingWith("the Graph URL")
        .hasMessageContaining(EXPECTED);
  }

  @Test
  void aProvidersHostCheckRefusesBeforeTheSchemeIsJudged() {
    assertThatThrownBy(
            () ->
                BaseUrls.parse(
                    "http://admin.example.com",
                    "the org URL",
                    "Okta",
                    EXPECTED,
                    u -> Optional.of("not the admin console")))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessage("not the admin console");
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.localhost", "a.b.localhost", "localhost.", "127.0.0.1.nip.io"})
  void aNameThatMayResolveThroughDnsIsNotLoopback(String host) {
    assertThat(BaseUrls.isLoopback(host)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1", "127.255.255.254", "::1"})
  void literalLoopbackAddressesAreLoopback(String host) {
    assertThat(BaseUrls.isLoopback(host)).isTrue();
  }
}
