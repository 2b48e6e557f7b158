package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Secret;

class EntraClientBuilderTest {
  private static final EntraCredential SECRET =
      EntraCredential.clientSecret(Secret.of("s3cr3t~value"));

  private static EntraClient.Builder valid() {
    return EntraClient.builder()
        .tenantId(ScriptedEntra.TENANT)
        .clientId(ScriptedEntra.CLIENT_ID)
        .credential(SECRET);
  }

  @Test
  void buildingDoesNoIoAndToStringShowsNoSecret() {
    try (ScriptedEntra entra = ScriptedEntra.start();
        EntraClient client = entra.client()) {
      assertThat(client.toString())
          .contains(ScriptedEntra.TENANT)
          .contains(ScriptedEntra.CLIENT_ID)
          .doesNotContain("s3cr3t");
      assertThat(entra.tokenRequests()).isEmpty();
      assertThat(entra.graphRequests()).isEmpty();
    }
  }

  @Test
  void theDefaultsAreTheGlobalCloud() {
    try (EntraClient client = valid().build()) {
      assertThat(client.connection().graphUrl().toString())
          .isEqualTo("https://graph.microsoft.com/");
      assertThat(client.connection().endpoint().scope())
          .isEqualTo("https://graph.microsoft.com/.default");
      assertThat(client.connection().endpoint().toString())
          .contains(
              "https://login.microsoftonline.com/" + ScriptedEntra.TENANT + "/oauth2/v2.0/token");
    }
  }

  @Test
  void aSovereignCloudTakesItsOwnAuthorityAndGraph() {
    try (EntraClient client =
        valid()
            .authorityUrl("https://login.microsoftonline.us/")
            .graphUrl("https://graph.microsoft.us")
            .build()) {
      assertThat(client.connection().endpoint().scope())
          .isEqualTo("https://graph.microsoft.us/.default");
      assertThat(client.connection().endpoint().toString())
          .contains("https://login.microsoftonline.us/");
    }
  }

  @Test
  void missingSettingsNameTheCallThatSetsThem() {
    assertThatThrownBy(() -> EntraClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tenantId");
    assertThatThrownBy(() -> EntraClient.builder().tenantId(ScriptedEntra.TENANT).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientId");
    assertThatThrownBy(
            () ->
                EntraClient.builder()
                    .tenantId(ScriptedEntra.TENANT)
                    .clientId(ScriptedEntra.CLIENT_ID)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("credential");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "contoso.onmicrosoft.com",
        "CONTOSO.com",
        " 72F988BF-86F1-41AF-91AB-2D7CD011DB47 "
      })
  void aTenantIsAGuidOrAVerifiedDomain(String tenant) {
    try (EntraClient client = valid().tenantId(tenant).build()) {
      assertThat(client.connection().tenant())
          .isEqualTo(tenant.strip().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "common",
        "organizations",
        "consumers",
        "",
        "contoso",
        "a/b",
        "..",
        "x.y/../z",
        "-bad.com"
      })
  void aTenantThatNamesNoSingleTenantIsRefused(String tenant) {
    assertThatThrownBy(() -> valid().tenantId(tenant).build())
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("tenant");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "0oa1bcd2efGHIJ3kl4x7", "6731de76-14a6-49ae-97bc-6eba6914391", "../x"})
  void aClientIdThatIsNotAGuidIsRefused(String clientId) {
    assertThatThrownBy(() -> valid().clientId(clientId).build())
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("Application (client) ID");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://login.microsoftonline.com",
        "https://login.microsoftonline.com/common",
        "https://login.microsoftonline.com/?x",
        "login.microsoftonline.com"
      })
  void theAuthorityMustBeAnHttpsOrigin(String url) {
    assertThatThrownBy(() -> valid().authorityUrl(url).build())
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageStartingWith("the authority URL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://graph.microsoft.com", "https://graph.microsoft.com/v1.0"})
  void graphMustBeAnHttpsOrigin(String url) {
    assertThatThrownBy(() -> valid().graphUrl(url).build())
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageStartingWith("the Graph URL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:9", "http://[::1]:9"})
  void plainHttpIsAllowedForLoopbackOnly(String url) {
    valid().authorityUrl(url).graphUrl(url).build().close();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1000})
  void thePageSizeIsOneTo999(int size) {
    assertThatThrownBy(() -> EntraClient.builder().pageSize(size))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 999");
  }
}
