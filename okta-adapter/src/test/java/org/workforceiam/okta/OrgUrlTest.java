package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.IamException;

class OrgUrlTest {

  @Test
  void acceptsAnHttpsOrgUrl() {
    assertThat(OrgUrl.parse("https://acme.okta.com").toString())
        .isEqualTo("https://acme.okta.com/");
  }

  @Test
  void dropsATrailingSlashAndSurroundingWhiteSpace() {
    assertThat(OrgUrl.parse("  https://acme.okta.com/ ").toString())
        .isEqualTo("https://acme.okta.com/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080",
        "http://127.0.0.1:9000",
        "http://127.5.6.7",
        "http://127.255.255.254",
        "http://[::1]:81",
        "http://LOCALHOST:8080"
      })
  void allowsPlainHttpOnlyForLoopbackHosts(String url) {
    assertThat(OrgUrl.parse(url).scheme()).isEqualTo("http");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://acme.okta.com",
        "http://10.0.0.1",
        "http://128.0.0.1",
        "http://[::2]",
        "http://localhost.example.com",
        "http://evil.localhost",
        "http://acme.okta.com.localhost:8080",
        "http://127.0.0.1.nip.io"
      })
  void refusesPlainHttpForOtherHosts(String url) {
    assertThatThrownBy(() -> OrgUrl.parse(url))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining(url)
        .hasMessageContaining("https://")
        .hasMessageContaining("https://yourcompany.okta.com");
  }

  @Test
  void refusesAPathNamingItAndTheExpectedForm() {
    assertThatThrownBy(() -> OrgUrl.parse("https://acme.okta.com/oauth2/default"))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("'/oauth2/default'")
        .hasMessageContaining("https://yourcompany.okta.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://acme.okta.com/?x=1", "https://acme.okta.com/#top"})
  void refusesAQueryOrFragment(String url) {
    assertThatThrownBy(() -> OrgUrl.parse(url))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("query or fragment");
  }

  @Test
  void tellsToDropAdminFromAnAdminConsoleUrl() {
    assertThatThrownBy(() -> OrgUrl.parse("https://acme-admin.okta.com"))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("drop '-admin'")
        .hasMessageContaining("https://acme.okta.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"acme.okta.com", "", "ftp://acme.okta.com", "https://user:pw@acme.okta.com"})
  void refusesWhatIsNotAnOrgUrl(String url) {
    assertThatThrownBy(() -> OrgUrl.parse(url))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("https://yourcompany.okta.com");
  }

  @Test
  void namesUnderLocalhostStillWorkOverHttps() {
    assertThat(OrgUrl.parse("https://okta.localhost:8443").host()).isEqualTo("okta.localhost");
  }
}
