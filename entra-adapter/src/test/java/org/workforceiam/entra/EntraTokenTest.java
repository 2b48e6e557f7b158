package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Secret;
import org.workforceiam.http.AccessToken;

/** The token request, its client assertion, caching, and the token endpoint's refusals. */
class EntraTokenTest {
  private final ScriptedEntra entra = ScriptedEntra.start();

  @AfterEach
  void stop() {
    entra.close();
  }

  private static Map<String, String> form(RecordedRequest request) {
    HttpUrl parsed = HttpUrl.get("http://x/?" + request.getBody().utf8());
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (String name : parsed.queryParameterNames()) {
      fields.put(name, parsed.queryParameter(name));
    }
    return fields;
  }

  private EntraClient certificateClient(EntraCredential credential) {
    return entra.builder(credential).build();
  }

  @Test
  void theTokenRequestCarriesEverythingInTheFormBodyOfAPostToTheTenantsTokenUrl() {
    try (EntraClient client = certificateClient(TestCerts.MADE.credential())) {
      client.connection().tokens().get();
    }

    RecordedRequest request = entra.tokenRequests().get(0);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().toString()).isEqualTo(entra.tokenUrl());
    assertThat(request.getUrl().query()).isNull();
    assertThat(request.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = form(request);
    assertThat(form)
        .containsEntry("client_id", ScriptedEntra.CLIENT_ID)
        .containsEntry("scope", entra.origin() + "/.default")
        .containsEntry("grant_type", "client_credentials")
        .containsEntry(
            "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        .doesNotContainKey("client_secret");
    assertThat(form.get("client_assertion")).isNotBlank();
  }

  @Test
  void theAssertionNamesTheCertificateAndCarriesEveryClaimEntraChecks() throws Exception {
    try (EntraClient client = certificateClient(TestCerts.MADE.credential())) {
      client.connection().tokens().get();
    }

    Jws assertion = Jws.parse(form(entra.tokenRequests().get(0)).get("client_assertion"));
    byte[] der = TestCerts.MADE.certificate().getEncoded();
    Base64.Encoder b64url = Base64.getUrlEncoder().withoutPadding();
    assertThat(assertion.header())
        .containsEntry("alg", "PS256")
        .containsEntry("typ", "JWT")
        .containsEntry(
            "x5t#S256", b64url.encodeToString(MessageDigest.getInstance("SHA-256").digest(der)))
        .containsEntry(
            "x5t", b64url.encodeToString(MessageDigest.getInstance("SHA-1").digest(der)));
    long now = ScriptedEntra.NOW.getEpochSecond();
    assertThat(assertion.claims().get("aud")).isEqualTo(entra.tokenUrl());
    assertThat(assertion.claimString("iss")).isEqualTo(ScriptedEntra.CLIENT_ID);
    assertThat(assertion.claimString("sub")).isEqualTo(ScriptedEntra.CLIENT_ID);
    assertThat(assertion.claimLong("iat")).isEqualTo(now);
    assertThat(assertion.claimLong("nbf")).isEqualTo(now);
    assertThat(assertion.claimLong("exp")).isEqualTo(now + 300);
    assertThat(assertion.claimString("jti"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(assertion.verify(TestCerts.MADE.publicKey())).isTrue();
    assertThat(assertion.verify(TestCerts.OTHER.publicKey())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(EntraCredential.SigningAlgorithm.class)
  void bothAlgorithmsSignAnAssertionTheCertificatesPublicKeyVerifies(
      EntraCredential.SigningAlgorithm algorithm) {
    try (EntraClient client =
        certificateClient(TestCerts.MADE.credential().withSigningAlgorithm(algorithm))) {
      client.connection().tokens().get();
    }

    Jws assertion = Jws.parse(form(entra.tokenRequests().get(0)).get("client_assertion"));
    assertThat(assertion.headerString("alg")).isEqualTo(algorithm.name());
    assertThat(assertion.verify(TestCerts.MADE.publicKey())).isTrue();
  }

  @Test
  void everyTokenRequestSignsANewAssertionWithANewJti() {
    try (EntraClient client = certificateClient(TestCerts.MADE.credential())) {
      AccessToken first = client.connection().tokens().get();
      client.connection().tokens().invalidate(first);
      AccessToken second = client.connection().tokens().get();
      client.connection().tokens().invalidate(second);
      client.connection().tokens().get();
    }

    List<String> assertions = new ArrayList<>();
    List<String> jtis = new ArrayList<>();
    for (RecordedRequest request : entra.tokenRequests()) {
      String assertion = form(request).get("client_assertion");
      assertions.add(assertion);
      jtis.add(Jws.parse(assertion).claimString("jti"));
    }
    assertThat(jtis).hasSize(3).doesNotHaveDuplicates();
    assertThat(assertions).doesNotHaveDuplicates();
  }

  @Test
  void aClientSecretGoesInTheFormBodyInsteadOfAnAssertion() {
    try (EntraClient client =
        entra.builder(EntraCredential.clientSecret(Secret.of("s3cr3t~value"))).build()) {
      client.connection().tokens().get();
    }

    Map<String, String> form = form(entra.tokenRequests().get(0));
    assertThat(form)
        .containsEntry("client_secret", "s3cr3t~value")
        .containsEntry("client_id", ScriptedEntra.CLIENT_ID)
        .containsEntry("grant_type", "client_credentials")
        .doesNotContainKeys("client_assertion", "client_assertion_type");
  }

  @Test
  void theTokenIsCachedAcrossCallsAndRefreshedAheadOfItsExpiry() {
    try (EntraClient client = entra.client()) {
      entra.enqueue(200, "{\"value\":[]}").enqueue(200, "{\"value\":[]}");
      client.directory().membersPage(GroupId.of(ScriptedEntra.GROUP));
      client.directory().membersPage(GroupId.of(ScriptedEntra.GROUP));
      assertThat(entra.tokenRequests()).hasSize(1);

      // 3599 s issued; within the last three minutes it is refreshed before the next call.
      entra.clock.advance(java.time.Duration.ofSeconds(3599 - 170));
      entra.enqueue(200, "{\"value\":[]}");
      client.directory().membersPage(GroupId.of(ScriptedEntra.GROUP));
    }

    assertThat(entra.tokenRequests()).hasSize(2);
    List<String> authorizations =
        entra.graphRequests().stream().map(r -> r.getHeaders().get("Authorization")).toList();
    assertThat(authorizations.get(0)).startsWith("Bearer ").isEqualTo(authorizations.get(1));
    assertThat(authorizations.get(2)).startsWith("Bearer ").isNotEqualTo(authorizations.get(0));
  }

  @Test
  void aTokenGraphNoLongerAcceptsIsReplacedOnceAndTheCallSentAgain() {
    try (EntraClient client = entra.client()) {
      entra
          .enqueue(
              401,
              "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token has"
                  + " expired or is not yet valid.\"}}")
          .enqueue(200, "{\"value\":[]}");
      client.directory().membersPage(GroupId.of(ScriptedEntra.GROUP));
    }

    assertThat(entra.tokenRequests()).hasSize(2);
    assertThat(entra.graphRequests()).hasSize(2);
  }

  @Test
  void anotherUnauthorizedAnswerIsAnAuthenticationFailureWithoutANewToken() {
    try (EntraClient client = entra.client()) {
      entra.enqueue(401, "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"nope\"}}");
      assertThatThrownBy(() -> client.directory().membersPage(GroupId.of(ScriptedEntra.GROUP)))
          .isInstanceOf(IamException.AuthenticationFailed.class);
    }
    assertThat(entra.tokenRequests()).hasSize(1);
  }

  @ParameterizedTest(name = "AADSTS{0} is {2}")
  @CsvSource({
    "90002, invalid_request, InvalidConfiguration",
    "700016, unauthorized_client, InvalidConfiguration",
    "70011, invalid_scope, InvalidConfiguration",
    "700027, invalid_client, AuthenticationFailed",
    "700024, invalid_client, AuthenticationFailed",
    "7000215, invalid_client, AuthenticationFailed",
    "7000222, invalid_client, AuthenticationFailed",
    "50000, invalid_client, AuthenticationFailed"
  })
  void eachAadstsCodeMapsToWhatTheCallerMustFix(long code, String error, String kind) {
    entra.nextTokenResponse(
        ScriptedEntra.json(
            code == 70011 || code == 90002 ? 400 : 401,
            "{\"error\":\""
                + error
                + "\",\"error_description\":\"AADSTS"
                + code
                + ": something.\\r\\nTrace ID: 0b2c\\u001b[31m\",\"error_codes\":["
                + code
                + "],\"trace_id\":\"trace-"
                + code
                + "\",\"correlation_id\":\"c\"}"));
    try (EntraClient client = entra.client()) {
      assertThatThrownBy(() -> client.connection().tokens().get())
          .satisfies(
              e -> {
                assertThat(e.getClass().getSimpleName()).isEqualTo(kind);
                IamException iam = (IamException) e;
                assertThat(iam.errorCode()).hasValue("AADSTS" + code);
                assertThat(iam.requestId()).hasValue("trace-" + code);
                assertThat(iam.getMessage())
                    .contains("AADSTS" + code + ": something.")
                    .doesNotContain("\u001b")
                    .doesNotContain("\r")
                    .doesNotContain("s3cr3t");
              });
    }
  }

  @Test
  void theAadstsNumberIsReadFromTheDescriptionWhenErrorCodesIsMissing() {
    entra.nextTokenResponse(
        ScriptedEntra.json(
            400,
            "{\"error\":\"invalid_request\",\"error_description\":\"AADSTS90002: Tenant 'x' not"
                + " found.\"}"));
    try (EntraClient client = entra.client()) {
      assertThatThrownBy(() -> client.connection().tokens().get())
          .isInstanceOf(IamException.InvalidConfiguration.class)
          .hasMessageContaining("tenant id");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"token_type\":\"Bearer\",\"expires_in\":3599}",
        "{\"token_type\":\"pop\",\"expires_in\":3599,\"access_token\":\"a.b.c\"}",
        "{\"token_type\":\"Bearer\",\"access_token\":\"a.b.c\"}",
        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"a.b.c\"} trailing",
        "not json"
      })
  void aTokenAnswerThatIsNotOneIsAProtocolViolation(String body) {
    entra.nextTokenResponse(ScriptedEntra.json(200, body));
    try (EntraClient client = entra.client()) {
      assertThatThrownBy(() -> client.connection().tokens().get())
          .isInstanceOf(IamException.ProtocolViolation.class)
          .hasMessageContaining("token endpoint");
    }
  }

  @Test
  void expiresInMayBeAStringAsTheOldEndpointSendsIt() {
    entra.nextTokenResponse(
        ScriptedEntra.json(
            200,
            "{\"token_type\":\"bearer\",\"expires_in\":\"3599\",\"access_token\":\""
                + ScriptedEntra.accessToken(List.of("User.Read.All"), 9)
                + "\"}"));
    try (EntraClient client = entra.client()) {
      AccessToken token = client.connection().tokens().get();
      assertThat(token.expiresAt()).isEqualTo(ScriptedEntra.NOW.plusSeconds(3599));
      assertThat(token.grantedScopes()).containsExactly("User.Read.All");
    }
  }

  @Test
  void aThrottledTokenRequestWaitsForRetryAfterAndTriesAgain() {
    entra.nextTokenResponse(
        new mockwebserver3.MockResponse.Builder().code(429).setHeader("Retry-After", "7").build());
    try (EntraClient client = entra.client()) {
      client.connection().tokens().get();
    }
    assertThat(entra.tokenRequests()).hasSize(2);
    // 7 s, plus the 1 s margin and jitter 0.5 × 1 s.
    assertThat(entra.waits).containsExactly(java.time.Duration.ofMillis(8_500));
  }
}
