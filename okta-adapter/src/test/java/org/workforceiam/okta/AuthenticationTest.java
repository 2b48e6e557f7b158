package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.okta.SimFixture.CLIENT_ID;
import static org.workforceiam.okta.SimFixture.KID;
import static org.workforceiam.okta.SimFixture.LOGIN;
import static org.workforceiam.okta.SimFixture.USER_ID;
import static org.workforceiam.okta.SimFixture.connect;
import static org.workforceiam.okta.SimFixture.get;
import static org.workforceiam.okta.SimFixture.userUrl;

import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamException;
import org.workforceiam.http.AccessToken;
import org.workforceiam.http.PrivateKeys;
import org.workforceiam.okta.simulator.Jose;
import org.workforceiam.okta.simulator.MutableClock;
import org.workforceiam.okta.simulator.SimulatedOkta;

class AuthenticationTest {
  private final MutableClock clock = SimFixture.clock();

  // ------------------------------------------------------------------ client assertion

  @Test
  void tokenRequestCarriesEverythingInTheFormBody() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).requireDpop(false).start();
        OktaConnection okta = connect(sim, DpopMode.OFF, clock)) {
      okta.tokens().get();

      SimulatedOkta.Call call = sim.calls().get(0);
      assertThat(call.method()).isEqualTo("POST");
      assertThat(call.url().query()).isNull();
      assertThat(call.headers().get("Content-Type"))
          .startsWith("application/x-www-form-urlencoded");
      assertThat(call.formField("grant_type")).isEqualTo("client_credentials");
      assertThat(call.formField("scope")).isEqualTo("okta.groups.read okta.users.manage");
      assertThat(call.formField("client_assertion_type"))
          .isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
      assertThat(call.formField("client_assertion")).isNotBlank();
      assertThat(call.formField("client_id")).isNull();
      assertThat(call.status()).isEqualTo(200);
    }
  }

  @Test
  void clientAssertionHasEveryClaimOktaChecks() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).requireDpop(false).start();
        OktaConnection okta = connect(sim, DpopMode.OFF, clock)) {
      okta.tokens().get();

      Jose.Jws assertion = Jose.parse(sim.calls().get(0).formField("client_assertion"));
      assertThat(assertion.header()).containsEntry("alg", "RS256").containsEntry("kid", KID);
      assertThat(assertion.claimString("iss")).isEqualTo(CLIENT_ID);
      assertThat(assertion.claimString("sub")).isEqualTo(CLIENT_ID);
      assertThat(assertion.claims().get("aud")).isEqualTo(sim.tokenUrl());
      long now = clock.instant().getEpochSecond();
      assertThat(assertion.claimLong("iat")).isEqualTo(now);
      assertThat(assertion.claimLong("exp")).isEqualTo(now + 300);
      assertThat(assertion.claimString("jti")).isNotBlank();
      assertThat(Jose.verify(assertion, SimFixture.KEYS.getPublic())).isTrue();
    }
  }

  @Test
  void everyTokenRequestSignsANewAssertionWithANewJti() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).requireDpop(false).start();
        OktaConnection okta = connect(sim, DpopMode.OFF, clock)) {
      AccessToken first = okta.tokens().get();
      okta.tokens().invalidate(first);
      okta.tokens().get();

      List<String> jtis = new ArrayList<>();
      for (SimulatedOkta.Call call : sim.calls()) {
        jtis.add(Jose.parse(call.formField("client_assertion")).claimString("jti"));
      }
      assertThat(jtis).hasSize(2).doesNotHaveDuplicates();
      assertThat(sim.rejections()).isEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource({"secp256r1, ES256", "secp384r1, ES384", "secp521r1, ES512"})
  void ecKeysSignWithTheAlgorithmOfTheirCurve(String curve, String algorithm) throws Exception {
    KeyPair ec = TestKeys.ec(curve);
    try (SimulatedOkta sim =
            SimulatedOkta.builder()
                .clientId(CLIENT_ID)
                .publicKey(ec.getPublic(), "ec-key")
                .clock(clock)
                .requireDpop(false)
                .start();
        OktaConnection okta =
            connect(
                sim,
                PrivateKeys.fromKey(ec.getPrivate(), "ec-key"),
                DpopMode.OFF,
                clock,
                HttpLogging.NONE)) {
      okta.tokens().get();
      assertThat(Jose.parse(sim.calls().get(0).formField("client_assertion")).headerString("alg"))
          .isEqualTo(algorithm);
    }
  }

  @Test
  void aKeyWithoutKidIsMatchedBySignatureAndSendsNoKid() throws Exception {
    try (SimulatedOkta sim =
            SimulatedOkta.builder()
                .clientId(CLIENT_ID)
                .publicKey(SimFixture.KEYS.getPublic(), null)
                .clock(clock)
                .requireDpop(false)
                .start();
        OktaConnection okta =
            connect(
                sim,
                PrivateKeys.fromKey(SimFixture.KEYS.getPrivate(), null),
                DpopMode.OFF,
                clock,
                HttpLogging.NONE)) {
      okta.tokens().get();
      assertThat(Jose.parse(sim.calls().get(0).formField("client_assertion")).header())
          .doesNotContainKey("kid");
    }
  }

  // ------------------------------------------------------------------ DPoP at the token endpoint

  @Test
  void dpopHandshakeCostsTwoTokenRequests() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).start();
        OktaConnection okta = connect(sim, DpopMode.AUTO, clock)) {
      AccessToken token = okta.tokens().get();

      assertThat(token.dpopBound()).isTrue();
      assertThat(sim.tokenRequests()).isEqualTo(2);
      assertThat(sim.rejections()).containsExactly("use_dpop_nonce");
      Jose.Jws first = Jose.parse(sim.calls().get(0).headers().get("DPoP"));
      Jose.Jws second = Jose.parse(sim.calls().get(1).headers().get("DPoP"));
      for (Jose.Jws proof : List.of(first, second)) {
        assertThat(proof.header()).containsEntry("typ", "dpop+jwt").containsEntry("alg", "ES256");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> jwk =
            (java.util.Map<String, Object>) proof.header().get("jwk");
        assertThat(jwk).containsEntry("kty", "EC").containsEntry("crv", "P-256");
        assertThat(jwk).containsOnlyKeys("kty", "crv", "x", "y");
        assertThat(Jose.verify(proof, Jose.publicKey(jwk))).isTrue();
        assertThat(proof.claimString("htm")).isEqualTo("POST");
        assertThat(proof.claimString("htu")).isEqualTo(sim.tokenUrl());
        assertThat(proof.claimLong("iat")).isEqualTo(clock.instant().getEpochSecond());
        assertThat(proof.claims()).doesNotContainKey("ath");
      }
      assertThat(first.claims()).doesNotContainKey("nonce");
      assertThat(second.claimString("nonce")).isEqualTo(sim.calls().get(0).responseNonce());
      assertThat(first.claimString("jti")).isNotEqualTo(second.claimString("jti"));
      // The second request also signed a new client assertion: its jti was single-use.
      assertThat(Jose.parse(sim.calls().get(0).formField("client_assertion")).claimString("jti"))
          .isNotEqualTo(
              Jose.parse(sim.calls().get(1).formField("client_assertion")).claimString("jti"));
    }
  }

  @Test
  void dpopKeyIsSeparateFromTheClientAuthenticationKey() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).start();
        OktaConnection okta = connect(sim, DpopMode.REQUIRED, clock)) {
      okta.tokens().get();
      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> jwk =
          (java.util.Map<String, Object>)
              Jose.parse(sim.calls().get(1).headers().get("DPoP")).header().get("jwk");
      assertThat(Jose.thumbprint(Jose.publicKey(jwk)))
          .isNotEqualTo(Jose.thumbprint(SimFixture.KEYS.getPublic()));
    }
  }

  @Test
  void theNonceIsRememberedForLaterTokenRequests() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).start();
        OktaConnection okta = connect(sim, DpopMode.AUTO, clock)) {
      okta.tokens().invalidate(okta.tokens().get());
      okta.tokens().get();
      assertThat(sim.tokenRequests()).isEqualTo(3);
      assertThat(sim.rejections()).containsExactly("use_dpop_nonce");
    }
  }

  @Test
  void aRotatedNonceAtTheTokenEndpointIsTakenAndRetriedOnce() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).start();
        OktaConnection okta = connect(sim, DpopMode.AUTO, clock)) {
      okta.tokens().invalidate(okta.tokens().get());
      sim.rotateTokenEndpointNonce();
      AccessToken token = okta.tokens().get();
      assertThat(token.dpopBound()).isTrue();
      assertThat(sim.tokenRequests()).isEqualTo(4);
      assertThat(sim.rejections()).containsExactly("use_dpop_nonce", "use_dpop_nonce");
    }
  }

  // ------------------------------------------------------------------ DPoP at the API

  @Test
  void apiCallsCarryTheDpopTokenAndAFreshProofWithAth() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).start();
        OktaConnection okta = connect(sim, DpopMode.AUTO, clock)) {
      assertThat(get(okta, userUrl(sim, USER_ID))).isEqualTo(200);
      assertThat(get(okta, userUrl(sim, USER_ID))).isEqualTo(200);

      AccessToken token = okta.tokens().get();
      List<SimulatedOkta.Call> api = sim.apiCalls();
      assertThat(api).hasSize(2);
      Set<String> jtis = new java.util.HashSet<>();
      for (SimulatedOkta.Call call : api) {
        assertThat(call.headers().get("Authorization")).isEqualTo("DPoP " + token.value());
        Jose.Jws proof = Jose.parse(call.headers().get("DPoP"));
        assertThat(proof.claimString("htm")).isEqualTo("GET");
        assertThat(proof.claimString("htu")).isEqualTo(sim.orgUrl() + "/api/v1/users/" + USER_ID);
        assertThat(proof.claimString("ath")).isEqualTo(Jose.sha256Base64url(token.value()));
        jtis.add(proof.claimString("jti"));
      }
      assertThat(jtis).hasSize(2);
      assertThat(sim.tokenRequests()).isEqualTo(2);
    }
  }

  @Test
  void htuLeavesOutTheQueryAndMatchesOktasDecodedPathForLoginsWithAtAndPlus() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).start();
        OktaConnection okta = connect(sim, DpopMode.AUTO, clock)) {
      var url = userUrl(sim, LOGIN).newBuilder().addQueryParameter("expand", "blocks").build();
      assertThat(get(okta, url)).isEqualTo(200);

      Jose.Jws proof = Jose.parse(sim.apiCalls().get(0).headers().get("DPoP"));
      assertThat(proof.claimString("htu")).isEqualTo(sim.orgUrl() + "/api/v1/users/" + LOGIN);
      assertThat(sim.rejections()).doesNotContain("invalid_dpop_proof_htu");
    }
  }

  @Test
  void htuKeepsNonAsciiLoginsDecodedAsOktaComparesThem() {
    var url = okhttp3.HttpUrl.get("https://acme.okta.com/api/v1/users/jos%C3%A9@ex%C3%A4mple.com");
    assertThat(Dpop.htu(url)).isEqualTo("https://acme.okta.com/api/v1/users/josé@exämple.com");
  }

  @Test
  void htuOfAnEncodedSlashStaysEncoded() {
    var url = okhttp3.HttpUrl.get("https://acme.okta.com/api/v1/users/a%2Fb%20c?x=1#f");
    assertThat(Dpop.htu(url)).isEqualTo("https://acme.okta.com/api/v1/users/a%2Fb%20c");
  }

  @Test
  void htuEncodesABackslashThatAUrlParserWouldReadAsASlash() {
    var url = okhttp3.HttpUrl.get("https://acme.okta.com/api/v1/users/back%5Cslash%40example.com");
    String htu = Dpop.htu(url);
    assertThat(htu).isEqualTo("https://acme.okta.com/api/v1/users/back%5Cslash@example.com");
    assertThat(okhttp3.HttpUrl.get(htu).pathSegments())
        .containsExactly("api", "v1", "users", "back\\slash@example.com");
  }

  @Test
  void aNonceChallengeFromTheResourceIsRetriedOnceWithTheNonce() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).start();
        OktaConnection okta = connect(sim, DpopMode.AUTO, clock)) {
      okta.tokens().get();
      sim.challengeNextApiCallWithNonce();
      assertThat(get(okta, userUrl(sim, USER_ID))).isEqualTo(200);

      List<SimulatedOkta.Call> api = sim.apiCalls();
      assertThat(api).extracting(SimulatedOkta.Call::status).containsExactly(401, 200);
      Jose.Jws retried = Jose.parse(api.get(1).headers().get("DPoP"));
      assertThat(retried.claimString("nonce")).isEqualTo(api.get(0).responseNonce());
      assertThat(sim.tokenRequests()).isEqualTo(2);
    }
  }

  // ------------------------------------------------------------------ Bearer and AUTO fallback

  @Test
  void bearerTokensAreSentAsBearerWithoutProofs() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).requireDpop(false).start();
        OktaConnection okta = connect(sim, DpopMode.OFF, clock)) {
      assertThat(get(okta, userUrl(sim, USER_ID))).isEqualTo(200);

      AccessToken token = okta.tokens().get();
      assertThat(token.dpopBound()).isFalse();
      SimulatedOkta.Call call = sim.apiCalls().get(0);
      assertThat(call.headers().get("Authorization")).isEqualTo("Bearer " + token.value());
      assertThat(call.headers().get("DPoP")).isNull();
      assertThat(sim.calls().get(0).headers().get("DPoP")).isNull();
    }
  }

  @Test
  void autoFallsBackOnceWhenTheAppRejectsProofsAndRemembers() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).requireDpop(false).start();
        OktaConnection okta = connect(sim, DpopMode.AUTO, clock)) {
      AccessToken first = okta.tokens().get();
      assertThat(first.dpopBound()).isFalse();
      assertThat(sim.tokenRequests()).isEqualTo(2);
      assertThat(sim.calls().get(0).headers().get("DPoP")).isNotNull();
      assertThat(sim.calls().get(1).headers().get("DPoP")).isNull();

      okta.tokens().invalidate(first);
      okta.tokens().get();
      assertThat(sim.tokenRequests()).isEqualTo(3);
      assertThat(sim.calls().get(2).headers().get("DPoP")).isNull();
      assertThat(get(okta, userUrl(sim, USER_ID))).isEqualTo(200);
    }
  }

  @Test
  void autoHonoursABearerTokenFromAServerThatIgnoresTheProof() throws Exception {
    try (SimulatedOkta sim =
            SimFixture.sim(clock).requireDpop(false).ignoreProofsWhenNotRequired().start();
        OktaConnection okta = connect(sim, DpopMode.AUTO, clock)) {
      assertThat(okta.tokens().get().dpopBound()).isFalse();
      assertThat(sim.tokenRequests()).isEqualTo(1);
      assertThat(get(okta, userUrl(sim, USER_ID))).isEqualTo(200);
      assertThat(sim.apiCalls().get(0).headers().get("Authorization")).startsWith("Bearer ");
    }
  }

  @Test
  void offModeAgainstAnAppRequiringDpopFailsWithOktasReason() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).start();
        OktaConnection okta = connect(sim, DpopMode.OFF, clock)) {
      assertThatThrownBy(() -> okta.tokens().get())
          .isInstanceOf(IamException.AuthenticationFailed.class)
          .hasMessageContaining("invalid_dpop_proof")
          .hasMessageContaining("DPoP proof JWT header is missing");
    }
  }

  @Test
  void requiredModeRefusesABearerToken() throws Exception {
    try (SimulatedOkta sim =
            SimFixture.sim(clock).requireDpop(false).ignoreProofsWhenNotRequired().start();
        OktaConnection okta = connect(sim, DpopMode.REQUIRED, clock)) {
      assertThatThrownBy(() -> okta.tokens().get())
          .isInstanceOf(IamException.AuthenticationFailed.class)
          .hasMessageContaining("Require Demonstrating Proof of Possession");
    }
  }

  // ------------------------------------------------------------------ caching and refresh

  @Test
  void fiftyConcurrentCallersCauseOneTokenRequest() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).requireDpop(false).start();
        OktaConnection okta = connect(sim, DpopMode.OFF, clock)) {
      assertThat(concurrentTokens(okta, 50)).hasSize(1);
      assertThat(sim.tokenRequests()).isEqualTo(1);
    }
  }

  @Test
  void fiftyConcurrentCallersCauseOneDpopHandshake() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).start();
        OktaConnection okta = connect(sim, DpopMode.AUTO, clock)) {
      assertThat(concurrentTokens(okta, 50)).hasSize(1);
      assertThat(sim.tokenRequests()).isEqualTo(2);
    }
  }

  private static Set<String> concurrentTokens(OktaConnection okta, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<String>> tasks = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        tasks.add(
            () -> {
              start.await();
              return okta.tokens().get().value();
            });
      }
      List<Future<String>> futures = new ArrayList<>();
      for (Callable<String> task : tasks) {
        futures.add(pool.submit(task));
      }
      start.countDown();
      Set<String> values = new java.util.HashSet<>();
      for (Future<String> future : futures) {
        values.add(future.get());
      }
      return values;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theTokenIsReusedUntilShortlyBeforeItExpires() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).requireDpop(false).start();
        OktaConnection okta = connect(sim, DpopMode.OFF, clock)) {
      AccessToken first = okta.tokens().get();
      assertThat(first.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));

      // Fresh until TokenCache.STALE_MARGIN (3 minutes) is left; then the caller refreshes it.
      clock.advance(Duration.ofMinutes(56));
      assertThat(okta.tokens().get()).isSameAs(first);
      assertThat(sim.tokenRequests()).isEqualTo(1);

      clock.advance(Duration.ofMinutes(1).plusSeconds(1));
      AccessToken second = okta.tokens().get();
      assertThat(second.value()).isNotEqualTo(first.value());
      assertThat(sim.tokenRequests()).isEqualTo(2);
    }
  }

  @Test
  void anApiCallWithARevokedTokenRefreshesOnceAndRetries() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).start();
        OktaConnection okta = connect(sim, DpopMode.AUTO, clock)) {
      AccessToken first = okta.tokens().get();
      sim.revokeIssuedTokens();

      assertThat(get(okta, userUrl(sim, USER_ID))).isEqualTo(200);
      assertThat(sim.apiCalls()).extracting(SimulatedOkta.Call::status).containsExactly(401, 200);
      assertThat(okta.tokens().get().value()).isNotEqualTo(first.value());
      // One refresh; the nonce from the handshake is remembered, so no second handshake.
      assertThat(sim.tokenRequests()).isEqualTo(3);
    }
  }

  @Test
  void aSecond401IsReturnedInsteadOfRetryingForever() throws Exception {
    try (SimulatedOkta sim =
            SimFixture.sim(clock).requireDpop(false).tokenLifetime(Duration.ZERO).start();
        OktaConnection okta = connect(sim, DpopMode.OFF, clock)) {
      assertThat(get(okta, userUrl(sim, USER_ID))).isEqualTo(401);
      assertThat(sim.apiCalls()).hasSize(2);
      assertThat(sim.tokenRequests()).isEqualTo(2);
    }
  }

  // ------------------------------------------------------------------ token errors

  @Test
  void anUnknownKeyIsAnAuthenticationFailureWithOktasDescription() throws Exception {
    KeyPair other = TestKeys.rsa(2048);
    try (SimulatedOkta sim = SimFixture.sim(clock).requireDpop(false).start();
        OktaConnection okta =
            connect(
                sim,
                PrivateKeys.fromKey(other.getPrivate(), KID),
                DpopMode.OFF,
                clock,
                HttpLogging.NONE)) {
      assertThatThrownBy(() -> okta.tokens().get())
          .isInstanceOfSatisfying(
              IamException.AuthenticationFailed.class,
              e -> {
                assertThat(e.errorCode()).contains("invalid_client");
                assertThat(e.httpStatus()).hasValue(401);
                assertThat(e.requestId()).isPresent();
              })
          .hasMessageContaining("invalid_client: The client_assertion signature is invalid.")
          .hasMessageContaining("public key registered with the app");
      assertThat(sim.rejections()).containsExactly("client_assertion_invalid_signature");
    }
  }

  @Test
  void aWrongKeyIdIsRefused() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).requireDpop(false).start();
        OktaConnection okta =
            connect(
                sim,
                PrivateKeys.fromKey(SimFixture.KEYS.getPrivate(), "not-the-kid"),
                DpopMode.OFF,
                clock,
                HttpLogging.NONE)) {
      assertThatThrownBy(() -> okta.tokens().get())
          .isInstanceOf(IamException.AuthenticationFailed.class)
          .hasMessageContaining("invalid kid");
      assertThat(sim.rejections()).containsExactly("client_assertion_invalid_kid");
    }
  }

  @Test
  void anUngrantedScopeIsPermissionDeniedNamingTheScopeAndWhereToGrantIt() throws Exception {
    try (SimulatedOkta sim =
            SimFixture.sim(clock).requireDpop(false).grantedScopes("okta.groups.read").start();
        OktaConnection okta = connect(sim, DpopMode.OFF, clock)) {
      assertThatThrownBy(() -> okta.tokens().get())
          .isInstanceOfSatisfying(
              IamException.PermissionDenied.class,
              e ->
                  assertThat(e.reason())
                      .isEqualTo(IamException.PermissionDenied.Reason.MISSING_GRANT))
          .hasMessageContaining("okta.users.manage")
          .hasMessageContaining("Okta API Scopes");
    }
  }

  @Test
  void aNetworkZoneDenialIsAnAuthenticationFailure() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).requireDpop(false).denyNetworkZone().start();
        OktaConnection okta = connect(sim, DpopMode.OFF, clock)) {
      assertThatThrownBy(() -> okta.tokens().get())
          .isInstanceOf(IamException.AuthenticationFailed.class)
          .hasMessageContaining("access_denied")
          .hasMessageContaining("network zone");
    }
  }

  @Test
  void theTokenNeverAppearsInToString() throws Exception {
    try (SimulatedOkta sim = SimFixture.sim(clock).start();
        OktaConnection okta = connect(sim, DpopMode.AUTO, clock)) {
      AccessToken token = okta.tokens().get();
      String everything = token + " " + okta + " " + okta.tokens() + " " + okta.dpop();
      assertThat(everything).doesNotContain(token.value());
      assertThat(
              sim.calls().stream().map(c -> c.headers().get("DPoP")).collect(Collectors.toList()))
          .allSatisfy(proof -> assertThat(everything).doesNotContain(proof));
    }
  }
}
