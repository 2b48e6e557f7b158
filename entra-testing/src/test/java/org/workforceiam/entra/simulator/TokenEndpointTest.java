package org.workforceiam.entra.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The token endpoint, played by a plain OkHttp client that signs its assertions with jjwt. */
class TokenEndpointTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);

  private SimulatedEntra.Builder tenant() {
    return SimulatedEntra.builder()
        .certificate(TestApp.CERTIFICATE)
        .clientSecret("s3cret~value")
        .clock(clock);
  }

  @ParameterizedTest
  @EnumSource(
      value = TestApp.Signing.class,
      names = {"RS256_WITH_S256", "PS256_WITH_S256", "PS256_WITH_SHA1_ONLY", "RS256_WITH_BOTH"})
  void anAssertionSignedWithTheRegisteredCertificateGetsATokenListingTheGrantedPermissions(
      TestApp.Signing signing) throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      GraphClient.Reply reply =
          client.token(client.form(TestApp.assertion(entra, NOW, signing, b -> b), null).build());

      assertThat(reply.code()).as(reply.body()).isEqualTo(200);
      Map<String, Object> body = reply.json();
      assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3599.0);
      Map<String, Object> claims = Jose.claims(String.valueOf(body.get("access_token")));
      assertThat(claims)
          .containsEntry("aud", entra.graphUrl())
          .containsEntry("tid", entra.tenantId())
          .containsEntry("appid", entra.clientId())
          .containsEntry("appidacr", "2")
          .containsEntry("exp", (double) NOW.plusSeconds(3599).getEpochSecond());
      assertThat(claims.get("roles"))
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
          .containsExactlyInAnyOrderElementsOf(SimulatedEntra.REQUIRED_PERMISSIONS);
      assertThat(reply.headers().get("request-id")).isNotBlank();
      assertThat(entra.tokenRequests()).isEqualTo(1);
      assertThat(entra.rejections()).isEmpty();
    }
  }

  @Test
  void aRegisteredClientSecretGetsATokenAndTheTenantMayBeNamedByItsVerifiedDomain()
      throws Exception {
    try (SimulatedEntra entra = tenant().grantedPermissions("User.Read.All").start();
        GraphClient client = new GraphClient(entra)) {
      GraphClient.Reply reply =
          client.token(
              entra.authorityUrl() + "/" + SimulatedEntra.DEFAULT_DOMAIN + "/oauth2/v2.0/token",
              client.form(null, "s3cret~value").build());

      assertThat(reply.code()).as(reply.body()).isEqualTo(200);
      Map<String, Object> claims = Jose.claims(String.valueOf(reply.json().get("access_token")));
      assertThat(claims)
          .containsEntry("appidacr", "1")
          .containsEntry("roles", List.of("User.Read.All"));
    }
  }

  @Test
  void anUnknownTenantIsAadsts90002() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      GraphClient.Reply reply =
          client.token(
              entra.authorityUrl() + "/11111111-2222-4333-8444-555555555555/oauth2/v2.0/token",
              client.form(null, "s3cret~value").build());

      assertError(reply, 400, "invalid_tenant", 90002);
      assertThat(reply.json().get("error_description").toString())
          .contains("Tenant '11111111-2222-4333-8444-555555555555' not found");
    }
  }

  @Test
  void anUnknownClientIdIsAadsts700016() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      RequestBody body =
          new FormBody.Builder()
              .add("client_id", "0f0f0f0f-0000-4000-8000-000000000000")
              .add("scope", entra.scope())
              .add("grant_type", "client_credentials")
              .add("client_secret", "s3cret~value")
              .build();

      assertError(client.token(body), 400, "unauthorized_client", 700016);
    }
  }

  @Test
  void aWrongScopeIsAadsts70011() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      RequestBody body =
          new FormBody.Builder()
              .add("client_id", entra.clientId())
              .add("scope", "https://graph.microsoft.com/.default")
              .add("grant_type", "client_credentials")
              .add("client_secret", "s3cret~value")
              .build();

      assertError(client.token(body), 400, "invalid_scope", 70011);
    }
  }

  @Test
  void aWrongSecretIsAadsts7000215AndTheRecordedCallShowsNoSecret() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      GraphClient.Reply reply = client.token(client.form(null, "not-the-secret").build());

      assertError(reply, 401, "invalid_client", 7000215);
      assertThat(entra.rejections()).containsExactly("AADSTS7000215");
      assertThat(entra.calls().toString())
          .contains("POST /" + entra.tenantId() + "/oauth2/v2.0/token -> 401")
          .doesNotContain("not-the-secret");
      assertThat(entra.calls().get(0).formField("client_secret")).contains("not-the-secret");
    }
  }

  @Test
  void anAssertionSignedWithAnUnregisteredCertificateIsAadsts700027KeyNotFound() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      String assertion =
          TestApp.assertion(
              entra,
              NOW,
              TestApp.Signing.PS256_WITH_S256,
              TestApp.Other.KEYS.getPrivate(),
              TestApp.Other.CERTIFICATE,
              b -> b);

      GraphClient.Reply reply = client.token(client.form(assertion, null).build());

      assertError(reply, 401, "invalid_client", 700027);
      assertThat(reply.json().get("error_description").toString())
          .contains("The key was not found");
    }
  }

  @Test
  void anAssertionNamingTheRegisteredCertificateButSignedWithAnotherKeyIsAadsts700027()
      throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      String assertion =
          TestApp.assertion(
              entra,
              NOW,
              TestApp.Signing.RS256_WITH_S256,
              TestApp.Other.KEYS.getPrivate(),
              TestApp.CERTIFICATE,
              b -> b);

      GraphClient.Reply reply = client.token(client.form(assertion, null).build());

      assertError(reply, 401, "invalid_client", 700027);
      assertThat(reply.json().get("error_description").toString())
          .contains("Key was found, but use of the key to verify the signature failed");
    }
  }

  @Test
  void anAssertionWithoutAThumbprintHeaderIsRefused() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      String assertion = TestApp.assertion(entra, NOW, TestApp.Signing.NO_THUMBPRINT, b -> b);

      assertError(client.token(client.form(assertion, null).build()), 401, "invalid_client", 50027);
    }
  }

  @Test
  void anAssertionSignedWithAnEllipticCurveKeyIsRefusedAsEntraAcceptsOnlyRsa() throws Exception {
    java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    java.security.KeyPair keys = ec.generateKeyPair();
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      String assertion =
          io.jsonwebtoken.Jwts.builder()
              .header()
              .add("x5t#S256", Jose.x5tS256(TestApp.CERTIFICATE))
              .and()
              .issuer(entra.clientId())
              .subject(entra.clientId())
              .id("1")
              .expiration(Date.from(NOW.plusSeconds(300)))
              .signWith(keys.getPrivate(), io.jsonwebtoken.Jwts.SIG.ES256)
              .json(TestApp.JSON)
              .compact();

      assertError(
          client.token(client.form(assertion, null).build()), 400, "invalid_request", 5002738);
    }
  }

  @Test
  void anExpiredAssertionIsAadsts700024() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      String assertion = TestApp.assertion(entra, NOW, TestApp.Signing.RS256_WITH_S256, b -> b);
      clock.advance(Duration.ofMinutes(6)); // its exp was five minutes after NOW

      assertError(
          client.token(client.form(assertion, null).build()), 401, "invalid_client", 700024);
    }
  }

  @Test
  void anAssertionValidOnlyInTheFutureIsAadsts700024ButSmallSkewIsTolerated() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      Instant later = NOW.plus(Duration.ofMinutes(10));
      String early =
          TestApp.assertion(
              entra,
              NOW,
              TestApp.Signing.RS256_WITH_S256,
              b ->
                  b.notBefore(Date.from(later))
                      .issuedAt(Date.from(later))
                      .expiration(Date.from(later.plusSeconds(300))));
      String skewed =
          TestApp.assertion(
              entra, NOW.plus(Duration.ofMinutes(4)), TestApp.Signing.RS256_WITH_S256, b -> b);

      assertError(client.token(client.form(early, null).build()), 401, "invalid_client", 700024);
      assertThat(client.token(client.form(skewed, null).build()).code()).isEqualTo(200);
    }
  }

  @Test
  @SuppressWarnings("deprecation") // jjwt's single(): see TestApp.assertion
  void anAssertionForAnotherAudienceOrIssuerOrWithoutJtiIsRefused() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      String audience =
          TestApp.assertion(
              entra,
              NOW,
              TestApp.Signing.RS256_WITH_S256,
              b -> b.audience().single("https://login.microsoftonline.com/x/oauth2/v2.0/token"));
      String issuer =
          TestApp.assertion(
              entra,
              NOW,
              TestApp.Signing.RS256_WITH_S256,
              b -> b.issuer("0f0f0f0f-0000-4000-8000-000000000000"));
      String noJti =
          TestApp.assertion(entra, NOW, TestApp.Signing.RS256_WITH_S256, b -> b.id(null));

      assertError(client.token(client.form(audience, null).build()), 401, "invalid_client", 50012);
      assertError(client.token(client.form(issuer, null).build()), 401, "invalid_client", 700021);
      assertError(client.token(client.form(noJti, null).build()), 401, "invalid_client", 50027);
    }
  }

  @Test
  @SuppressWarnings("deprecation") // jjwt's single(): see TestApp.assertion
  void anAssertionMayNameTheTokenUrlByTheVerifiedDomain() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      String domainUrl =
          entra.authorityUrl() + "/" + SimulatedEntra.DEFAULT_DOMAIN + "/oauth2/v2.0/token";
      String assertion =
          TestApp.assertion(
              entra, NOW, TestApp.Signing.RS256_WITH_S256, b -> b.audience().single(domainUrl));

      GraphClient.Reply reply = client.token(domainUrl, client.form(assertion, null).build());

      assertThat(reply.code()).as(reply.body()).isEqualTo(200);
    }
  }

  @Test
  void aReusedJtiIsAcceptedAsEntraAcceptsIt() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      String assertion = TestApp.assertion(entra, NOW, TestApp.Signing.RS256_WITH_S256, b -> b);

      assertThat(client.token(client.form(assertion, null).build()).code()).isEqualTo(200);
      assertThat(client.token(client.form(assertion, null).build()).code()).isEqualTo(200);
    }
  }

  @Test
  void parametersInTheQueryInsteadOfTheFormBodyAreNotRead() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      GraphClient.Reply reply =
          client.token(
              entra.tokenUrl()
                  + "?grant_type=client_credentials&client_id="
                  + entra.clientId()
                  + "&scope="
                  + entra.scope()
                  + "&client_secret=s3cret~value",
              RequestBody.create("", MediaType.get("application/x-www-form-urlencoded")));

      assertError(reply, 400, "invalid_request", 900144);
    }
  }

  @Test
  void aTokenRequestSentToTheGraphOriginIsRefused() throws Exception {
    try (SimulatedEntra entra = tenant().start();
        GraphClient client = new GraphClient(entra)) {
      GraphClient.Reply reply =
          client.token(
              entra.graphUrl() + "/" + entra.tenantId() + "/oauth2/v2.0/token",
              client.form(null, "s3cret~value").build());

      assertThat(reply.code()).isEqualTo(404);
      assertThat(entra.rejections()).containsExactly("wrong_origin_token_request");
      assertThat(entra.tokenRequests()).isZero();
    }
  }

  @Test
  void theBuilderRefusesAnAppWithoutCredentialsAndAnEcCertificate() throws Exception {
    assertThatThrownBy(() -> SimulatedEntra.builder().start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("certificate or a client secret");
    java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    java.security.cert.X509Certificate ecCertificate =
        TestApp.selfSigned(ec.generateKeyPair(), "ec-app");
    assertThatThrownBy(() -> SimulatedEntra.builder().certificate(ecCertificate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only RSA certificates");
  }

  static void assertError(GraphClient.Reply reply, int status, String error, int code)
      throws IOException {
    assertThat(reply.code()).as(reply.body()).isEqualTo(status);
    Map<String, Object> body = reply.json();
    assertThat(body).containsEntry("error", error);
    assertThat(body.get("error_description").toString()).startsWith("AADSTS" + code + ": ");
    assertThat(body.get("error_codes")).isEqualTo(List.of((double) code));
    assertThat(body.get("trace_id")).isEqualTo(reply.headers().get("request-id"));
  }
}
