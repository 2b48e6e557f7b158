package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamException;
import org.workforceiam.http.AccessToken;
import org.workforceiam.http.Json;
import org.workforceiam.http.Transport;
import org.workforceiam.okta.simulator.Jose;
import org.workforceiam.okta.simulator.MutableClock;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

class OktaClientBuilderTest {
  private static final String CLIENT_ID = "0oaBuilderTestApp12";
  private static final String USER_ID = "00u1Grace";
  private static final OktaKeyPair KEYS = OktaKeyPair.generate(OktaKeyPair.Algorithm.ES256);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

  private static OktaClient.Builder complete() {
    return OktaClient.builder()
        .orgUrl("https://acme.okta.com")
        .clientId(CLIENT_ID)
        .privateKey(KEYS.privateKey());
  }

  // ------------------------------------------------------------------ what is required

  @Test
  void aMissingOrgUrlNamesTheCallToMake() {
    assertThatThrownBy(
            () -> OktaClient.builder().clientId(CLIENT_ID).privateKey(KEYS.privateKey()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("orgUrl(\"https://yourcompany.okta.com\")");
  }

  @Test
  void aMissingClientIdNamesTheCallToMake() {
    assertThatThrownBy(
            () ->
                OktaClient.builder()
                    .orgUrl("https://acme.okta.com")
                    .privateKey(KEYS.privateKey())
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("clientId(");
  }

  @Test
  void aMissingKeyNamesTheCallsToMake() {
    assertThatThrownBy(
            () -> OktaClient.builder().orgUrl("https://acme.okta.com").clientId(CLIENT_ID).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("privateKeyFile(path)")
        .hasMessageContaining("privateKey(text)");
  }

  // ------------------------------------------------------------------ what is checked

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://acme.okta.com",
        "https://acme.okta.com/oauth2/default",
        "https://acme-admin.okta.com",
        "acme.okta.com"
      })
  void aBadOrgUrlIsAConfigurationErrorFromBuildNamingIt(String url) {
    OktaClient.Builder builder = complete().orgUrl(url); // accepted as given; checked by build()

    if (url.contains("-admin")) {
      assertThatThrownBy(builder::build)
          .isInstanceOf(IamException.InvalidConfiguration.class)
          .hasMessageContaining("drop '-admin': https://acme.okta.com");
    } else {
      assertThatThrownBy(builder::build)
          .isInstanceOf(IamException.InvalidConfiguration.class)
          .hasMessageContaining("'" + url + "'")
          .hasMessageContaining("https://yourcompany.okta.com");
    }
  }

  @Test
  void aTrailingSlashIsDropped() {
    try (OktaClient okta = complete().orgUrl("https://acme.okta.com/").build()) {
      assertThat(okta.connection().orgUrl().toString()).isEqualTo("https://acme.okta.com/");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "0oa Builder", "0oa\tBuilder"})
  void aBlankClientIdOrOneWithWhiteSpaceIsRefused(String clientId) {
    assertThatThrownBy(() -> complete().clientId(clientId).build())
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("client id")
        .hasMessageContaining("General tab");
  }

  @Test
  void surroundingWhiteSpaceIsTrimmedFromTheClientId() {
    try (OktaClient okta = complete().clientId("  " + CLIENT_ID + "\n").build()) {
      assertThat(okta.toString()).contains("clientId=" + CLIENT_ID + "}");
    }
  }

  @Test
  void noScopesAreRefused() {
    assertThatThrownBy(() -> complete().scopes(List.of()).build())
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("at least one scope")
        .hasMessageContaining("okta.groups.read");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "okta.users.read okta.users.manage"})
  void aBlankScopeOrSeveralInOneStringAreRefused(String scope) {
    assertThatThrownBy(() -> complete().scopes(List.of("okta.groups.read", scope)).build())
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("scope '" + scope + "'");
  }

  @Test
  void aBlankKeyIdIsRefused() {
    assertThatThrownBy(() -> complete().keyId("  ").build())
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("key id is blank");
  }

  @Test
  void anUnreadableKeyFileFailsInBuild(@TempDir Path dir) {
    OktaClient.Builder builder = complete().privateKeyFile(dir.resolve("missing.pem"));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("missing.pem")
        .hasMessageContaining("does not exist");
  }

  // ------------------------------------------------------------------ key id

  @Test
  void theJwkKidIsSentWhenNoKeyIdIsConfigured() throws Exception {
    assertThat(assertionKid(complete().privateKey(privateJwk("kid-from-the-jwk"))))
        .isEqualTo("kid-from-the-jwk");
  }

  @Test
  void aConfiguredKeyIdOverridesTheJwkKid() throws Exception {
    assertThat(
            assertionKid(
                complete().privateKey(privateJwk("kid-from-the-jwk")).keyId(" configured-kid ")))
        .isEqualTo("configured-kid");
  }

  @Test
  void aPemKeyWithoutKeyIdSendsNoKid(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("key.pem");
    KEYS.writePrivateKeyPem(pem);

    assertThat(assertionKid(complete().privateKeyFile(pem))).isNull();
  }

  /**
   * Builds against a simulated org knowing the key under both ids, gets a token, returns the kid.
   */
  private @org.jspecify.annotations.Nullable String assertionKid(OktaClient.Builder builder)
      throws Exception {
    try (SimulatedOkta sim =
            SimulatedOkta.builder()
                .clientId(CLIENT_ID)
                .publicKey(KEYS.publicKey(), "kid-from-the-jwk")
                .publicKey(KEYS.publicKey(), "configured-kid")
                .publicKey(KEYS.publicKey(), null)
                .clock(clock)
                .requireDpop(false)
                .start();
        OktaClient okta =
            builder.orgUrl(sim.orgUrl()).clock(clock).dpopMode(DpopMode.OFF).build()) {
      okta.connection().tokens().get();
      assertThat(sim.rejections()).isEmpty();
      return Jose.parse(sim.calls().get(0).formField("client_assertion")).headerString("kid");
    }
  }

  // ------------------------------------------------------------------ no I/O, HTTP client

  @ParameterizedTest
  @EnumSource(DpopMode.class)
  void buildDoesNoNetworkIo(DpopMode mode, @TempDir Path dir) throws IOException {
    Path pem = dir.resolve("key.pem");
    KEYS.writePrivateKeyPem(pem);
    try (MockWebServer server = new MockWebServer()) {
      server.start(java.net.InetAddress.getLoopbackAddress(), 0);
      String orgUrl = "http://" + server.getHostName() + ":" + server.getPort();

      OktaClient okta =
          OktaClient.builder()
              .orgUrl(orgUrl)
              .clientId(CLIENT_ID)
              .privateKeyFile(pem)
              .keyId(KEYS.keyId())
              .dpopMode(mode)
              .httpLogging(HttpLogging.HEADERS)
              .build();
      okta.close();

      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void aCallersHttpClientCarriesTheCallsThroughItsPoolUnseenByItsInterceptorsAndOutlivesIt()
      throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient callers =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  Request request = chain.request();
                  seen.add(
                      request.method()
                          + " "
                          + request.url().encodedPath()
                          + (request.header("Authorization") == null ? "" : " (authorized)"));
                  return chain.proceed(chain.request());
                })
            .build();
    try (SimulatedOkta sim = sim()) {
      try (OktaClient okta =
          complete().orgUrl(sim.orgUrl()).httpClient(callers).clock(clock).build()) {
        assertThat(get(okta, sim)).isEqualTo(200);
      }

      // The caller's pool carried the calls, but its interceptors saw none of them: they would
      // see tokens, proofs and assertions (issue 12, section 3).
      assertThat(callers.connectionPool().connectionCount()).isPositive();
      assertThat(seen).isEmpty();
      assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
      try (Response after =
          callers
              .newCall(new Request.Builder().url(sim.url("/api/v1/users/x")).build())
              .execute()) {
        assertThat(after.code()).isEqualTo(401); // the caller's client still works
      }
    } finally {
      callers.dispatcher().executorService().shutdown();
      callers.connectionPool().evictAll();
    }
  }

  @Test
  void closeReleasesTheClientsOwnHttpClientButTheCallerCanStillBuildAnother() throws Exception {
    try (SimulatedOkta sim = sim()) {
      OktaClient first = complete().orgUrl(sim.orgUrl()).clock(clock).build();
      assertThat(get(first, sim)).isEqualTo(200);
      first.close();

      try (OktaClient second = complete().orgUrl(sim.orgUrl()).clock(clock).build()) {
        assertThat(get(second, sim)).isEqualTo(200);
      }
    }
  }

  // ------------------------------------------------------------------ secrets

  @Test
  void toStringShowsTheOrgAndClientButNoSecret(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("key.pem");
    KEYS.writePrivateKeyPem(pem);
    try (SimulatedOkta sim = sim();
        OktaClient okta =
            complete().orgUrl(sim.orgUrl()).privateKeyFile(pem).clock(clock).build()) {
      AccessToken token = okta.connection().tokens().get();

      String text = okta.toString();

      assertThat(text).contains(sim.orgUrl()).contains(CLIENT_ID);
      assertThat(text).doesNotContain(token.value());
      for (String line : Files.readAllLines(pem)) {
        if (!line.startsWith("-----")) {
          assertThat(text).doesNotContain(line.substring(0, 16));
        }
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private SimulatedOkta sim() throws IOException {
    return SimulatedOkta.builder()
        .clientId(CLIENT_ID)
        .publicKey(KEYS.publicKey(), null)
        .clock(clock)
        .directory(new SimDirectory().user(SimUser.of(USER_ID, "grace@example.com", "ACTIVE")))
        .start();
  }

  private static int get(OktaClient okta, SimulatedOkta sim) throws IOException {
    try (Response response =
        okta.connection()
            .api()
            .execute(
                () -> new Request.Builder().url(sim.url("/api/v1/users/" + USER_ID)).build(),
                Transport.Safety.REPEATABLE)) {
      response.body().string();
      return response.code();
    }
  }

  /** The generated EC key as a JWK private key with a kid, as Okta's console offers it. */
  private static String privateJwk(String kid) {
    ECPrivateKey key = (ECPrivateKey) KEYS.privateKey();
    ECPublicKey pub = (ECPublicKey) KEYS.publicKey();
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kty", "EC");
    jwk.put("kid", kid);
    jwk.put("crv", "P-256");
    jwk.put("x", coordinate(pub.getW().getAffineX()));
    jwk.put("y", coordinate(pub.getW().getAffineY()));
    jwk.put("d", coordinate(key.getS()));
    return Json.OBJECT.toJson(jwk);
  }

  private static String coordinate(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }
}
