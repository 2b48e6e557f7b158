package org.workforceiam.okta.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated Okta as a user starts it from their own tests, with nothing but this module: a
 * plain OkHttp client plays the app, signing its own client assertion.
 */
class SimulatedOktaTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static KeyPair keys;

  private final MutableClock clock = new MutableClock(NOW);
  private final OkHttpClient http =
      new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  @BeforeAll
  static void makeTheAppKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    keys = generator.generateKeyPair();
  }

  @AfterEach
  void closeTheClient() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private SimulatedOkta.Builder org() {
    return SimulatedOkta.builder()
        .publicKey(keys.getPublic(), "k1")
        .requireDpop(false)
        .clock(clock);
  }

  @Test
  void theBuilderSeedsGroupsMembersWithCompleteAndIncompleteProfilesAndFactors() throws Exception {
    try (SimulatedOkta okta =
        org()
            .group("00gStaff", "Staff")
            .member(
                "00gStaff",
                SimUser.of("00u1ada", "ada@example.com", "ACTIVE")
                    .profile("firstName", "Ada")
                    .profile("lastName", "Lovelace")
                    .profile("email", "ada@example.com"))
            .member("00gStaff", SimUser.of("00u2bob", "bob", "ACTIVE"))
            .user(SimUser.of("00u3out", "out@example.com", "ACTIVE"))
            .factor("00u1ada", new SimFactor("sms1", "sms", "OKTA", "ACTIVE"))
            .start()) {
      assertThat(okta.clientId()).isEqualTo(SimulatedOkta.DEFAULT_CLIENT_ID);
      assertThat(okta.orgUrl()).startsWith("http://").doesNotEndWith("/");
      assertThat(okta.directory().memberIds("00gStaff")).containsExactly("00u1ada", "00u2bob");
      assertThat(okta.directory().factorIds("00u1ada")).containsExactly("sms1");

      String token = token(okta);
      String members = get(okta, token, "/api/v1/groups/00gStaff/users");
      assertThat(members)
          .contains("\"firstName\":\"Ada\"", "\"login\":\"bob\"")
          .doesNotContain("00u3out");
      assertThat(get(okta, token, "/api/v1/users/00u1ada/factors")).contains("\"sms1\"");
    }
  }

  @Test
  void aPrivilegedUserCannotBeTouchedAndKeepsTheirState() throws Exception {
    try (SimulatedOkta okta =
        org()
            .member("00gStaff", SimUser.of("00u9root", "root@example.com", "ACTIVE").privileged())
            .start()) {
      String token = token(okta);
      try (Response response =
          post(okta, token, "/api/v1/users/00u9root/lifecycle/reset_password?sendEmail=false")) {
        assertThat(response.code()).isEqualTo(403);
        assertThat(response.body().string()).contains("E0000006");
      }
      assertThat(okta.directory().status("00u9root")).isEqualTo("ACTIVE");
      assertThat(okta.directory().changes()).isEmpty();
    }
  }

  @Test
  void aLifecycleCallChangesTheUsersStatusAndIsRecordedAsACall() throws Exception {
    try (SimulatedOkta okta =
        org().member("00gStaff", SimUser.of("00u1ada", "ada@example.com", "LOCKED_OUT")).start()) {
      String token = token(okta);
      try (Response response = post(okta, token, "/api/v1/users/00u1ada/lifecycle/unlock")) {
        assertThat(response.code()).isEqualTo(200);
      }
      assertThat(okta.directory().status("00u1ada")).isEqualTo("ACTIVE");
      assertThat(okta.directory().changes()).containsExactly("unlock");
      assertThat(okta.tokenRequests()).isEqualTo(1);
      assertThat(okta.apiCalls())
          .singleElement()
          .satisfies(
              call -> {
                assertThat(call.requestLine())
                    .isEqualTo("POST /api/v1/users/00u1ada/lifecycle/unlock");
                assertThat(call.status()).isEqualTo(200);
                assertThat(call.requestId()).startsWith("sim-");
              });
    }
  }

  @Test
  void aRecordedCallShowsNoTokenOrAssertion() throws Exception {
    try (SimulatedOkta okta = org().start()) {
      String token = token(okta);
      assertThat(okta.calls().toString())
          .contains("POST /oauth2/v1/token")
          .doesNotContain(token)
          .doesNotContain("client_assertion")
          .doesNotContain("eyJ");
    }
  }

  @Test
  void anAppThatRequiresDpopRefusesATokenRequestWithoutAProof() throws Exception {
    try (SimulatedOkta okta =
        SimulatedOkta.builder().publicKey(keys.getPublic(), "k1").clock(clock).start()) {
      try (Response response = http.newCall(tokenRequest(okta)).execute()) {
        assertThat(response.code()).isEqualTo(400);
        assertThat(response.body().string()).contains("invalid_dpop_proof");
      }
      assertThat(okta.rejections()).containsExactly("invalid_dpop_proof_missing_header");
    }
  }

  @Test
  void rateLimitNextAnswers429WithAResetRelativeToTheDateHeader() throws Exception {
    try (SimulatedOkta okta = org().start()) {
      okta.rateLimitNext("GET", "/users", Duration.ofMillis(2_500));
      try (Response response = unauthenticatedGet(okta, "/api/v1/groups/00g1/users")) {
        assertThat(response.code()).isEqualTo(429);
        assertThat(response.header("X-Rate-Limit-Remaining")).isEqualTo("0");
        Instant date =
            ZonedDateTime.parse(response.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
        assertThat(date).isEqualTo(NOW);
        assertThat(Long.parseLong(response.header("X-Rate-Limit-Reset")))
            .isEqualTo(NOW.getEpochSecond() + 3);
        assertThat(response.body().string()).contains("E0000047");
        assertThat(response.header("X-Okta-Request-Id")).startsWith("sim-");
      }
      try (Response response = unauthenticatedGet(okta, "/api/v1/groups/00g1/users")) {
        assertThat(response.code()).as("a fault is one-shot").isEqualTo(401);
      }
    }
  }

  @Test
  void failNextAnswersAServerErrorOnceWithoutActing() throws Exception {
    try (SimulatedOkta okta =
        org().member("00gStaff", SimUser.of("00u1ada", "ada@example.com", "LOCKED_OUT")).start()) {
      String token = token(okta);
      okta.failNext("POST", "/lifecycle/unlock", 503);
      try (Response response = post(okta, token, "/api/v1/users/00u1ada/lifecycle/unlock")) {
        assertThat(response.code()).isEqualTo(503);
        assertThat(response.body().string()).contains("E0000009");
      }
      assertThat(okta.directory().status("00u1ada")).isEqualTo("LOCKED_OUT");
      assertThatThrownBy(() -> okta.failNext("GET", "/users", 429))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aFaultCanHitTheTokenEndpoint() throws Exception {
    try (SimulatedOkta okta = org().start()) {
      okta.failNext("POST", "/oauth2/v1/token", 500);
      try (Response response = http.newCall(tokenRequest(okta)).execute()) {
        assertThat(response.code()).isEqualTo(500);
      }
      assertThat(okta.tokenRequests()).as("the failed request was not handled").isZero();
    }
  }

  @Test
  void dropConnectionOnNextClosesTheConnectionWithoutAnAnswerOrAChange() throws Exception {
    try (SimulatedOkta okta =
        org().member("00gStaff", SimUser.of("00u1ada", "ada@example.com", "LOCKED_OUT")).start()) {
      String token = token(okta);
      okta.dropConnectionOnNext("POST", "/lifecycle/unlock");
      assertThatThrownBy(() -> post(okta, token, "/api/v1/users/00u1ada/lifecycle/unlock").close())
          .isInstanceOf(IOException.class);
      assertThat(okta.directory().status("00u1ada")).isEqualTo("LOCKED_OUT");
    }
  }

  @Test
  void loseNextAnswerActsButAnswersTooLateForAnImpatientClient() throws Exception {
    try (SimulatedOkta okta =
        org().member("00gStaff", SimUser.of("00u1ada", "ada@example.com", "LOCKED_OUT")).start()) {
      String token = token(okta);
      okta.loseNextAnswer("POST", "/lifecycle/unlock", Duration.ofSeconds(5));
      OkHttpClient impatient = http.newBuilder().readTimeout(Duration.ofMillis(200)).build();
      Request unlock =
          new Request.Builder()
              .url(okta.url("/api/v1/users/00u1ada/lifecycle/unlock"))
              .header("Authorization", "Bearer " + token)
              .post(RequestBody.create(new byte[0]))
              .build();
      assertThatThrownBy(() -> impatient.newCall(unlock).execute().close())
          .isInstanceOf(IOException.class);
      assertThat(okta.directory().status("00u1ada")).as("Okta did act").isEqualTo("ACTIVE");
    }
  }

  @Test
  void aRequestCheckRefusesARequestBeforeItIsHandled() throws Exception {
    try (SimulatedOkta okta =
        org()
            .requestCheck(
                (method, url, headers) ->
                    url.queryParameterNames().contains("pageSize")
                        ? Optional.of("pageSize is not an Okta parameter")
                        : Optional.empty())
            .start()) {
      try (Response response = unauthenticatedGet(okta, "/api/v1/groups/00g1/users?pageSize=2")) {
        assertThat(response.code()).isEqualTo(400);
        assertThat(response.body().string())
            .contains("E0000001", "pageSize is not an Okta parameter");
      }
      assertThat(okta.rejections())
          .containsExactly("request_check: pageSize is not an Okta parameter");
    }
  }

  @Test
  void misuseFailsFastWithAMessageNamingTheValue() {
    assertThatThrownBy(() -> SimulatedOkta.builder().start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("public key");
    SimDirectory directory = new SimDirectory();
    assertThatThrownBy(() -> directory.status("00uNobody"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("00uNobody");
    assertThatThrownBy(() -> directory.removeMember("00gNone", "00u1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("00gNone");
    assertThatThrownBy(() -> SimUser.of("00u1", "a", "ACTIVE").profile("login", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void endingSessionsForgetsDevicesUnlessTheRequestSaysNotAsOnAnIdentityEngineOrg()
      throws Exception {
    try (SimulatedOkta okta =
        org().member("00gStaff", SimUser.of("00u1ada", "ada@example.com", "ACTIVE")).start()) {
      String token = token(okta);
      for (String query : List.of("", "?forgetDevices=false", "?oauthTokens=true")) {
        try (Response response = delete(okta, token, "/api/v1/users/00u1ada/sessions" + query)) {
          assertThat(response.code()).isEqualTo(204);
        }
      }
      try (Response response =
          delete(okta, token, "/api/v1/users/00u1ada/sessions?forgetDevices=maybe")) {
        assertThat(response.code()).isEqualTo(400);
      }
      assertThat(okta.directory().revokedSessions())
          .containsExactly(
              new SimDirectory.RevokedSessions("00u1ada", false, true),
              new SimDirectory.RevokedSessions("00u1ada", false, false),
              new SimDirectory.RevokedSessions("00u1ada", true, true));
      assertThat(okta.directory().sessionRevocations())
          .containsExactly("00u1ada?", "00u1ada?forgetDevices=false", "00u1ada?oauthTokens=true");
    }
  }

  @Test
  void aUsersGroupsComeInPagesOf200LinkedByNext() throws Exception {
    SimDirectory directory = new SimDirectory().user(SimUser.of("00u1ada", "ada", "ACTIVE"));
    for (int i = 0; i < 450; i++) {
      directory.member(String.format(Locale.ROOT, "00g%04d", i), "00u1ada");
    }
    try (SimulatedOkta okta = org().directory(directory).start()) {
      String token = token(okta);
      List<Integer> sizes = new ArrayList<>();
      HttpUrl url = okta.url("/api/v1/users/00u1ada/groups");
      while (url != null) {
        Request request =
            new Request.Builder().url(url).header("Authorization", "Bearer " + token).build();
        try (Response response = http.newCall(request).execute()) {
          assertThat(response.code()).isEqualTo(200);
          sizes.add(response.body().string().split("\"objectClass\"", -1).length - 1);
          url =
              response.headers("link").stream()
                  .filter(link -> link.endsWith("rel=\"next\""))
                  .map(link -> HttpUrl.get(link.substring(1, link.indexOf('>'))))
                  .findFirst()
                  .orElse(null);
        }
      }
      assertThat(sizes).containsExactly(200, 200, 50);
      assertThat(okta.apiCalls().get(1).url().queryParameter("after")).isEqualTo("00g0199");
      assertThat(get(okta, token, "/api/v1/users/00u1ada/groups?limit=3"))
          .contains("00g0002")
          .doesNotContain("00g0003");
    }
  }

  // ------------------------------------------------------------------ the app's side

  private String token(SimulatedOkta okta) throws IOException {
    try (Response response = http.newCall(tokenRequest(okta)).execute()) {
      String body = response.body().string();
      assertThat(response.code()).as(body).isEqualTo(200);
      int start = body.indexOf("\"access_token\":\"") + "\"access_token\":\"".length();
      return body.substring(start, body.indexOf('"', start));
    }
  }

  private Request tokenRequest(SimulatedOkta okta) {
    return new Request.Builder()
        .url(okta.tokenUrl())
        .post(
            new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("scope", "okta.users.manage okta.groups.read")
                .add(
                    "client_assertion_type",
                    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .add("client_assertion", assertion(okta))
                .build())
        .build();
  }

  private String assertion(SimulatedOkta okta) {
    long now = clock.instant().getEpochSecond();
    String header = "{\"alg\":\"ES256\",\"kid\":\"k1\"}";
    String claims =
        String.format(
            "{\"iss\":\"%s\",\"sub\":\"%s\",\"aud\":\"%s\",\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}",
            okta.clientId(), okta.clientId(), okta.tokenUrl(), now, now + 300, UUID.randomUUID());
    String input = base64url(header) + "." + base64url(claims);
    return input + "." + sign(input, keys.getPrivate());
  }

  private static String sign(String input, PrivateKey key) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
      signature.initSign(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private String get(SimulatedOkta okta, String token, String path) throws IOException {
    Request request =
        new Request.Builder()
            .url(okta.url(path))
            .header("Authorization", "Bearer " + token)
            .build();
    try (Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      assertThat(response.code()).as(body).isEqualTo(200);
      return body;
    }
  }

  private Response post(SimulatedOkta okta, String token, String path) throws IOException {
    return http.newCall(
            new Request.Builder()
                .url(okta.url(path))
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(new byte[0]))
                .build())
        .execute();
  }

  private Response delete(SimulatedOkta okta, String token, String path) throws IOException {
    return http.newCall(
            new Request.Builder()
                .url(okta.url(path))
                .header("Authorization", "Bearer " + token)
                .delete()
                .build())
        .execute();
  }

  private Response unauthenticatedGet(SimulatedOkta okta, String path) throws IOException {
    return http.newCall(new Request.Builder().url(okta.url(path)).build()).execute();
  }
}
