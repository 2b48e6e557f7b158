package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.okta.SimFixture.CLIENT_ID;
import static org.workforceiam.okta.SimFixture.KEYS;
import static org.workforceiam.okta.SimFixture.KID;
import static org.workforceiam.okta.SimFixture.USER_ID;
import static org.workforceiam.okta.SimFixture.userUrl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.http.Json;
import org.workforceiam.okta.simulator.MutableClock;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * Proves the simulated Okta is not a fixture that accepts anything: every request here is crafted
 * by hand (raw OkHttp, JWTs signed with the JDK) to break exactly one rule, next to a baseline that
 * breaks none and is accepted, and each is refused with Okta's status, error and reason.
 */
class SimulatedOktaRejectsTest {
  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Pattern CHALLENGE_ERROR = Pattern.compile("error=\"([^\"]*)\"");

  private final MutableClock clock = SimFixture.clock();
  private final OkHttpClient http = new OkHttpClient();
  private final KeyPair dpopKey = TestKeys.ec("secp256r1");

  @AfterEach
  void releaseHttpClient() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  // ------------------------------------------------------------------ client assertion

  @Nested
  class ClientAssertion {
    private @Nullable SimulatedOkta running;

    @BeforeEach
    void startAnOrgWithoutDpop() throws IOException {
      running = SimFixture.sim(clock).requireDpop(false).start();
    }

    @AfterEach
    void stop() {
      sim().close();
    }

    SimulatedOkta sim() {
      return Objects.requireNonNull(running);
    }

    void assertRefused(Reply reply, int status, String error, String... rejections) {
      SimulatedOktaRejectsTest.assertRefused(sim(), reply, status, error, rejections);
    }

    @Test
    void aCorrectlyCraftedAssertionIsAccepted() {
      Reply reply = token(sim(), form(assertion(sim())), null);

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).containsEntry("token_type", "Bearer").containsKey("access_token");
      assertThat(sim().rejections()).isEmpty();
    }

    @Test
    void anAssertionForAnotherAudienceIsRefused() {
      Map<String, Object> claims = claims(sim());
      claims.put("aud", sim().orgUrl() + "/oauth2/default/v1/token");

      assertRefused(
          token(sim(), form(signedAssertion(claims)), null),
          401,
          "invalid_client",
          "client_assertion_invalid_audience");
    }

    @Test
    void anAudienceGivenAsAnArrayIsRefused() {
      Map<String, Object> claims = claims(sim());
      claims.put("aud", List.of(sim().tokenUrl()));

      assertRefused(
          token(sim(), form(signedAssertion(claims)), null),
          401,
          "invalid_client",
          "client_assertion_invalid_audience");
    }

    @Test
    void anExpiredAssertionIsRefused() {
      Map<String, Object> claims = claims(sim());
      claims.put("iat", now() - 360);
      claims.put("exp", now() - 60);

      assertRefused(
          token(sim(), form(signedAssertion(claims)), null),
          401,
          "invalid_client",
          "client_assertion_expired_token");
    }

    @Test
    void anAssertionExpiringMoreThanAnHourAheadIsRefused() {
      Map<String, Object> claims = claims(sim());
      claims.put("exp", now() + 3601);

      assertRefused(
          token(sim(), form(signedAssertion(claims)), null),
          401,
          "invalid_client",
          "client_assertion_expires_too_far_in_future");
    }

    @Test
    void anAssertionExpiringExactlyAnHourAheadIsAccepted() {
      Map<String, Object> claims = claims(sim());
      claims.put("exp", now() + 3600);

      assertThat(token(sim(), form(signedAssertion(claims)), null).status()).isEqualTo(200);
    }

    @Test
    void anAssertionWithoutExpiryIsRefused() {
      Map<String, Object> claims = claims(sim());
      claims.remove("exp");

      assertRefused(
          token(sim(), form(signedAssertion(claims)), null),
          401,
          "invalid_client",
          "client_assertion_missing_exp");
    }

    @Test
    void anAssertionIssuedInTheFutureIsRefused() {
      Map<String, Object> claims = claims(sim());
      claims.put("iat", now() + 120);

      assertRefused(
          token(sim(), form(signedAssertion(claims)), null),
          401,
          "invalid_client",
          "client_assertion_issued_at_in_future");
    }

    @Test
    void aReusedAssertionIsRefusedTheSecondTime() {
      String assertion = assertion(sim());
      assertThat(token(sim(), form(assertion), null).status()).isEqualTo(200);

      assertRefused(
          token(sim(), form(assertion), null),
          401,
          "invalid_client",
          "client_assertion_already_used");
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "sub"})
    void anAssertionForAnotherClientIsRefused(String claim) {
      Map<String, Object> claims = claims(sim());
      claims.put(claim, "0oaSomeOtherApp5678");

      assertRefused(
          token(sim(), form(signedAssertion(claims)), null),
          401,
          "invalid_client",
          "client_assertion_invalid_issuer_or_subject");
    }

    @Test
    void anAssertionSignedByAnUnregisteredKeyIsRefused() {
      String forged = jws(assertionHeader(), claims(sim()), TestKeys.rsa(2048).getPrivate());

      assertRefused(
          token(sim(), form(forged), null),
          401,
          "invalid_client",
          "client_assertion_invalid_signature");
    }

    @Test
    void anAssertionWithATamperedPayloadIsRefused() {
      String[] parts = assertion(sim()).split("\\.", -1);
      Map<String, Object> claims = claims(sim());
      claims.put("exp", now() + 1800);
      String tampered = parts[0] + "." + base64url(TestKeys.json(claims)) + "." + parts[2];

      assertRefused(
          token(sim(), form(tampered), null),
          401,
          "invalid_client",
          "client_assertion_invalid_signature");
    }

    @Test
    void anAssertionNamingAnUnknownKeyIdIsRefused() {
      Map<String, Object> header = assertionHeader();
      header.put("kid", "not-registered");

      assertRefused(
          token(sim(), form(jws(header, claims(sim()), KEYS.getPrivate())), null),
          401,
          "invalid_client",
          "client_assertion_invalid_kid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "none"})
    void anAssertionWithoutAnAsymmetricSignatureIsRefused(String alg) {
      // HS256 keyed with the registered public key: the classic algorithm-confusion forgery.
      Map<String, Object> header = assertionHeader();
      header.put("alg", alg);
      String forged = hmacOrUnsigned(header, claims(sim()), KEYS.getPublic().getEncoded());

      assertRefused(
          token(sim(), form(forged), null), 401, "invalid_client", "client_assertion_invalid_alg");
    }

    @Test
    void aMalformedAssertionIsRefused() {
      assertRefused(
          token(sim(), form("not-a-jwt"), null), 401, "invalid_client", "client_assertion_invalid");
    }

    @Test
    void credentialsInTheUrlQueryAreRefused() {
      HttpUrl url =
          HttpUrl.get(sim().tokenUrl())
              .newBuilder()
              .addQueryParameter("client_assertion_type", ASSERTION_TYPE)
              .addQueryParameter("client_assertion", assertion(sim()))
              .build();
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "client_credentials");
      form.put("scope", "okta.users.manage");

      assertRefused(post(url, form, null), 400, "invalid_request", "invalid_request");
    }

    @Test
    void aTokenRequestWithoutAClientAssertionIsRefused() {
      Map<String, String> form = form(assertion(sim()));
      form.remove("client_assertion");

      Reply reply = token(sim(), form, null);

      assertRefused(reply, 401, "invalid_client", "invalid_client");
      assertThat(reply.description()).isEqualTo("No client credentials found.");
    }

    @Test
    void anAssertionOfTheWrongTypeIsRefused() {
      Map<String, String> form = form(assertion(sim()));
      form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");

      assertRefused(token(sim(), form, null), 401, "invalid_client", "invalid_client");
    }

    @Test
    void aClientSecretNextToTheAssertionIsRefused() {
      Map<String, String> form = form(assertion(sim()));
      form.put("client_secret", "s3cr3t");

      assertRefused(token(sim(), form, null), 400, "invalid_request", "invalid_request");
    }

    @Test
    void aTokenRequestWithoutScopeIsRefused() {
      Map<String, String> form = form(assertion(sim()));
      form.remove("scope");

      Reply reply = token(sim(), form, null);

      assertRefused(reply, 400, "invalid_scope", "invalid_scope");
      assertThat(reply.description()).isEqualTo("No scopes were requested.");
    }

    @Test
    void anUngrantedScopeIsRefusedByName() {
      Map<String, String> form = form(assertion(sim()));
      form.put("scope", "okta.users.manage okta.apps.manage");

      Reply reply = token(sim(), form, null);

      assertRefused(reply, 400, "invalid_scope", "invalid_scope");
      assertThat(reply.description()).contains("okta.apps.manage").doesNotContain("users");
    }

    @Test
    void anotherGrantTypeIsRefused() {
      Map<String, String> form = form(assertion(sim()));
      form.put("grant_type", "password");

      assertRefused(
          token(sim(), form, null), 400, "unsupported_grant_type", "unsupported_grant_type");
    }

    @Test
    void aProofSentToAnAppWithoutDpopIsRefused() {
      assertRefused(
          token(sim(), form(assertion(sim())), proof(sim().tokenUrl(), null)),
          400,
          "invalid_dpop_proof",
          "dpop_not_configured");
    }
  }

  // ------------------------------------------------------------------ DPoP at the token endpoint

  @Nested
  class DpopAtTheTokenEndpoint {
    private @Nullable SimulatedOkta running;

    @BeforeEach
    void startAnOrgRequiringDpop() throws IOException {
      running = SimFixture.sim(clock).start();
    }

    @AfterEach
    void stop() {
      sim().close();
    }

    SimulatedOkta sim() {
      return Objects.requireNonNull(running);
    }

    void assertRefused(Reply reply, int status, String error, String... rejections) {
      SimulatedOktaRejectsTest.assertRefused(sim(), reply, status, error, rejections);
    }

    @Test
    void aCorrectProofWithTheNonceGetsADpopBoundToken() {
      String nonce = nonce(sim());

      Reply reply = token(sim(), form(assertion(sim())), proof(sim().tokenUrl(), nonce));

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).containsEntry("token_type", "DPoP");
      assertThat(sim().rejections()).containsExactly("use_dpop_nonce");
    }

    @Test
    void aTokenRequestWithoutProofIsRefused() {
      Reply reply = token(sim(), form(assertion(sim())), null);

      assertRefused(reply, 400, "invalid_dpop_proof", "invalid_dpop_proof_missing_header");
      assertThat(reply.description()).isEqualTo("The DPoP proof JWT header is missing.");
    }

    @Test
    void aProofWithoutTheNonceIsAnsweredWithUseDpopNonceAndANonce() {
      Reply reply = token(sim(), form(assertion(sim())), proof(sim().tokenUrl(), null));

      assertRefused(reply, 400, "use_dpop_nonce", "use_dpop_nonce");
      assertThat(reply.headers().get("DPoP-Nonce")).startsWith("nonce-");
    }

    @Test
    void aProofWithAWrongNonceIsAnsweredWithTheCurrentNonce() {
      String current = nonce(sim());

      Reply reply = token(sim(), form(assertion(sim())), proof(sim().tokenUrl(), "nonce-made-up"));

      assertRefused(reply, 400, "use_dpop_nonce", "use_dpop_nonce", "use_dpop_nonce");
      assertThat(reply.headers().get("DPoP-Nonce")).isEqualTo(current);
    }

    @Test
    void aRotatedNonceIsNoLongerAccepted() {
      String old = nonce(sim());
      sim().rotateTokenEndpointNonce();

      Reply reply = token(sim(), form(assertion(sim())), proof(sim().tokenUrl(), old));

      assertRefused(reply, 400, "use_dpop_nonce", "use_dpop_nonce", "use_dpop_nonce");
      assertThat(reply.headers().get("DPoP-Nonce")).isNotEqualTo(old);
    }

    @Test
    void aProofOfAnotherTypeIsRefused() {
      Map<String, Object> header = proofHeader();
      header.put("typ", "JWT");

      assertProofRefused(
          jws(header, proofClaims("POST", sim().tokenUrl(), nonce(sim())), dpopKey.getPrivate()),
          "invalid_dpop_proof_invalid_type");
    }

    @Test
    void aProofCarryingThePrivateKeyIsRefused() {
      Map<String, Object> header = proofHeader();
      header.put("jwk", TestKeys.ecJwk(dpopKey, "P-256", "dpop"));

      assertProofRefused(
          jws(header, proofClaims("POST", sim().tokenUrl(), nonce(sim())), dpopKey.getPrivate()),
          "invalid_dpop_proof_private_jwk");
    }

    @Test
    void aProofNotSignedByTheKeyInItsHeaderIsRefused() {
      PrivateKey other = TestKeys.ec("secp256r1").getPrivate();

      assertProofRefused(
          jws(proofHeader(), proofClaims("POST", sim().tokenUrl(), nonce(sim())), other),
          "invalid_dpop_proof_signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "none"})
    void aProofWithoutAnAsymmetricSignatureIsRefused(String alg) {
      Map<String, Object> header = proofHeader();
      header.put("alg", alg);

      assertProofRefused(
          hmacOrUnsigned(header, proofClaims("POST", sim().tokenUrl(), nonce(sim())), new byte[32]),
          "invalid_dpop_proof_invalid_alg");
    }

    @Test
    void aProofForAnotherMethodIsRefused() {
      assertProofRefused(
          jws(
              proofHeader(),
              proofClaims("GET", sim().tokenUrl(), nonce(sim())),
              dpopKey.getPrivate()),
          "invalid_dpop_proof_htm");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/oauth2/default/v1/token",
          "/oauth2/v1/token?grant_type=client_credentials",
          "/oauth2/v1/token#x"
        })
    void aProofForAnotherUrlIsRefused(String pathAndMore) {
      assertProofRefused(
          jws(
              proofHeader(),
              proofClaims("POST", sim().orgUrl() + pathAndMore, nonce(sim())),
              dpopKey.getPrivate()),
          "invalid_dpop_proof_htu");
    }

    @Test
    void aProofForAnotherHostIsRefused() {
      assertProofRefused(
          jws(
              proofHeader(),
              proofClaims("POST", "https://acme.okta.com/oauth2/v1/token", nonce(sim())),
              dpopKey.getPrivate()),
          "invalid_dpop_proof_htu");
    }

    @Test
    void aProofOlderThanFiveMinutesIsRefused() {
      Map<String, Object> claims = proofClaims("POST", sim().tokenUrl(), nonce(sim()));
      claims.put("iat", now() - Duration.ofMinutes(5).toSeconds() - 1);

      assertProofRefused(
          jws(proofHeader(), claims, dpopKey.getPrivate()), "invalid_dpop_proof_jwt_too_old");
    }

    @Test
    void aProofExactlyFiveMinutesOldIsStillAccepted() {
      Map<String, Object> claims = proofClaims("POST", sim().tokenUrl(), nonce(sim()));
      claims.put("iat", now() - Duration.ofMinutes(5).toSeconds());

      assertThat(
              token(sim(), form(assertion(sim())), jws(proofHeader(), claims, dpopKey.getPrivate()))
                  .status())
          .isEqualTo(200);
    }

    @Test
    void aProofIssuedInTheFutureIsRefused() {
      Map<String, Object> claims = proofClaims("POST", sim().tokenUrl(), nonce(sim()));
      claims.put("iat", now() + 120);

      assertProofRefused(
          jws(proofHeader(), claims, dpopKey.getPrivate()), "invalid_dpop_proof_iat_in_future");
    }

    @Test
    void aReusedProofIsRefusedTheSecondTime() {
      String proof = proof(sim().tokenUrl(), nonce(sim()));
      assertThat(token(sim(), form(assertion(sim())), proof).status()).isEqualTo(200);

      assertProofRefused(proof, "dpop_proof_already_used");
    }

    @Test
    void aProofWithAnAccessTokenHashIsRefusedAtTheTokenEndpoint() {
      Map<String, Object> claims = proofClaims("POST", sim().tokenUrl(), nonce(sim()));
      claims.put("ath", Dpop.ath("some-token"));

      assertProofRefused(
          jws(proofHeader(), claims, dpopKey.getPrivate()), "invalid_dpop_proof_ath");
    }

    @Test
    void aMalformedProofIsRefused() {
      assertProofRefused("a.b", "invalid_dpop_proof_malformed");
    }

    /** Sends a token request with the proof and checks it is refused for the reason. */
    private void assertProofRefused(String proof, String reason) {
      List<String> before = sim().rejections();
      Reply reply = token(sim(), form(assertion(sim())), proof);

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.error()).isEqualTo("invalid_dpop_proof");
      assertThat(sim().rejections()).hasSize(before.size() + 1).endsWith(reason);
    }
  }

  // ------------------------------------------------------------------ DPoP at the API

  @Nested
  class DpopAtTheApi {
    private @Nullable SimulatedOkta running;
    private @Nullable String accessToken;

    @BeforeEach
    void getADpopBoundToken() throws IOException {
      running = SimFixture.sim(clock).start();
      String nonce = nonce(sim());
      Reply reply = token(sim(), form(assertion(sim())), proof(sim().tokenUrl(), nonce));
      assertThat(reply.body()).containsEntry("token_type", "DPoP");
      accessToken = (String) reply.body().get("access_token");
    }

    @AfterEach
    void stop() {
      sim().close();
    }

    SimulatedOkta sim() {
      return Objects.requireNonNull(running);
    }

    String accessToken() {
      return Objects.requireNonNull(accessToken);
    }

    HttpUrl user() {
      return userUrl(sim(), USER_ID);
    }

    String apiProof(HttpUrl url, @Nullable String ath, KeyPair key) {
      Map<String, Object> claims = proofClaims("GET", url.toString(), null);
      if (ath != null) {
        claims.put("ath", ath);
      }
      return jws(proofHeader(key), claims, key.getPrivate());
    }

    @Test
    void aDpopTokenWithAProofOfItsKeyAndAthIsAccepted() {
      Reply reply =
          get(user(), "DPoP " + accessToken(), apiProof(user(), Dpop.ath(accessToken()), dpopKey));

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).containsEntry("id", USER_ID);
      assertThat(sim().rejections()).containsExactly("use_dpop_nonce");
    }

    @Test
    void aDpopBoundTokenSentAsBearerIsRefused() {
      Reply reply = get(user(), "Bearer " + accessToken(), null);

      assertApiRefused(reply, 401, "invalid_token", "invalid_token_scheme");
      assertThat(reply.headers().get("WWW-Authenticate")).startsWith("DPoP ");
    }

    @Test
    void aDpopTokenWithoutProofIsRefused() {
      assertApiRefused(
          get(user(), "DPoP " + accessToken(), null),
          400,
          "invalid_dpop_proof",
          "invalid_dpop_proof_missing_header");
    }

    @Test
    void aProofWithoutAthIsRefused() {
      assertApiRefused(
          get(user(), "DPoP " + accessToken(), apiProof(user(), null, dpopKey)),
          400,
          "invalid_dpop_proof",
          "dpop_proof_invalid_ath");
    }

    @Test
    void aProofWithTheAthOfAnotherTokenIsRefused() {
      assertApiRefused(
          get(user(), "DPoP " + accessToken(), apiProof(user(), Dpop.ath("sim.other"), dpopKey)),
          400,
          "invalid_dpop_proof",
          "dpop_proof_invalid_ath");
    }

    @Test
    void aProofSignedByAnotherKeyThanTheTokenIsBoundToIsRefused() {
      KeyPair other = TestKeys.ec("secp256r1");

      assertApiRefused(
          get(user(), "DPoP " + accessToken(), apiProof(user(), Dpop.ath(accessToken()), other)),
          400,
          "invalid_dpop_proof",
          "invalid_access_token_dpop_binding");
    }

    @Test
    void aProofWhoseHtuHasTheQueryIsRefused() {
      HttpUrl withQuery = user().newBuilder().addQueryParameter("expand", "blocks").build();

      assertApiRefused(
          get(
              withQuery,
              "DPoP " + accessToken(),
              apiProof(withQuery, Dpop.ath(accessToken()), dpopKey)),
          400,
          "invalid_dpop_proof",
          "invalid_dpop_proof_htu");
    }

    @Test
    void aProofWithoutQueryInHtuIsAcceptedForAUrlWithAQuery() {
      HttpUrl withQuery = user().newBuilder().addQueryParameter("expand", "blocks").build();

      assertThat(
              get(
                      withQuery,
                      "DPoP " + accessToken(),
                      apiProof(user(), Dpop.ath(accessToken()), dpopKey))
                  .status())
          .isEqualTo(200);
    }

    @Test
    void aReusedApiProofIsRefused() {
      String proof = apiProof(user(), Dpop.ath(accessToken()), dpopKey);
      assertThat(get(user(), "DPoP " + accessToken(), proof).status()).isEqualTo(200);

      assertApiRefused(
          get(user(), "DPoP " + accessToken(), proof),
          400,
          "invalid_dpop_proof",
          "dpop_proof_already_used");
    }

    @Test
    void aRevokedTokenIsRefused() {
      sim().revokeIssuedTokens();

      Reply reply =
          get(user(), "DPoP " + accessToken(), apiProof(user(), Dpop.ath(accessToken()), dpopKey));

      assertApiRefused(reply, 401, "invalid_token", "invalid_token");
      assertThat(reply.body()).containsEntry("errorCode", "E0000011");
    }

    @Test
    void anExpiredTokenIsRefused() {
      clock.advance(Duration.ofHours(1));

      assertApiRefused(
          get(user(), "DPoP " + accessToken(), apiProof(user(), Dpop.ath(accessToken()), dpopKey)),
          401,
          "invalid_token",
          "invalid_token");
    }

    @Test
    void aTokenTheOrgNeverIssuedIsRefused() {
      String made = "sim.made-up";

      assertApiRefused(
          get(user(), "DPoP " + made, apiProof(user(), Dpop.ath(made), dpopKey)),
          401,
          "invalid_token",
          "invalid_token");
    }

    @Test
    void aCallWithoutAuthorizationIsRefused() {
      assertApiRefused(get(user(), null, null), 401, "invalid_token", "missing_authorization");
    }

    @Test
    void aResourceNonceChallengeNamesTheNonceAndAProofWithItPasses() {
      sim().challengeNextApiCallWithNonce();

      Reply challenged =
          get(user(), "DPoP " + accessToken(), apiProof(user(), Dpop.ath(accessToken()), dpopKey));
      assertApiRefused(challenged, 401, "use_dpop_nonce", "use_dpop_nonce");
      String nonce = Objects.requireNonNull(challenged.headers().get("DPoP-Nonce"));

      Map<String, Object> claims = proofClaims("GET", user().toString(), nonce);
      claims.put("ath", Dpop.ath(accessToken()));
      Reply retried =
          get(user(), "DPoP " + accessToken(), jws(proofHeader(), claims, dpopKey.getPrivate()));
      assertThat(retried.status()).isEqualTo(200);
    }

    private void assertApiRefused(
        Reply reply, int status, String challengeError, String... reasonsSinceTheToken) {
      assertThat(reply.status()).isEqualTo(status);
      assertThat(reply.challengeError()).isEqualTo(challengeError);
      List<String> expected = new java.util.ArrayList<>(List.of("use_dpop_nonce"));
      expected.addAll(List.of(reasonsSinceTheToken));
      assertThat(sim().rejections()).containsExactlyElementsOf(expected);
    }
  }

  // ------------------------------------------------------------------ requests

  /** What an endpoint answered: status, headers and the JSON body (empty when there is none). */
  record Reply(int status, Headers headers, Map<String, Object> body) {
    @Nullable String error() {
      return body.get("error") instanceof String error ? error : null;
    }

    @Nullable String description() {
      return body.get("error_description") instanceof String text ? text : null;
    }

    /** The {@code error} parameter of the {@code WWW-Authenticate} challenge. */
    @Nullable String challengeError() {
      String challenge = headers.get("WWW-Authenticate");
      if (challenge == null) {
        return null;
      }
      Matcher matcher = CHALLENGE_ERROR.matcher(challenge);
      return matcher.find() ? matcher.group(1) : null;
    }
  }

  private Reply token(SimulatedOkta sim, Map<String, String> form, @Nullable String proof) {
    return post(HttpUrl.get(sim.tokenUrl()), form, proof);
  }

  private Reply post(HttpUrl url, Map<String, String> form, @Nullable String proof) {
    FormBody.Builder body = new FormBody.Builder();
    form.forEach(body::add);
    Request.Builder request =
        new Request.Builder().url(url).header("Accept", "application/json").post(body.build());
    if (proof != null) {
      request.header("DPoP", proof);
    }
    return send(request.build());
  }

  private Reply get(HttpUrl url, @Nullable String authorization, @Nullable String proof) {
    Request.Builder request = new Request.Builder().url(url);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (proof != null) {
      request.header("DPoP", proof);
    }
    return send(request.build());
  }

  private Reply send(Request request) {
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      Map<String, Object> body = text.isEmpty() ? null : Json.OBJECT.fromJson(text);
      return new Reply(response.code(), response.headers(), body == null ? Map.of() : body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Gets the token endpoint's nonce the way a client learns it: a proof without one. */
  private String nonce(SimulatedOkta sim) {
    Reply reply = token(sim, form(assertion(sim)), proof(sim.tokenUrl(), null));
    assertThat(reply.error()).isEqualTo("use_dpop_nonce");
    return Objects.requireNonNull(reply.headers().get("DPoP-Nonce"));
  }

  /**
   * Checks an OAuth error answer: the status, Okta's {@code error}, a description, no token, and
   * every reason the simulator recorded since it started, in order.
   */
  private static void assertRefused(
      SimulatedOkta sim, Reply reply, int status, String error, String... rejections) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.error()).isEqualTo(error);
    assertThat(reply.description()).isNotBlank();
    assertThat(reply.body()).doesNotContainKey("access_token");
    assertThat(sim.rejections()).containsExactly(rejections);
  }

  // ------------------------------------------------------------------ JWTs, crafted by hand

  private Map<String, String> form(String assertion) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("scope", "okta.groups.read okta.users.manage");
    form.put("client_assertion_type", ASSERTION_TYPE);
    form.put("client_assertion", assertion);
    return form;
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  private static Map<String, Object> assertionHeader() {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("kid", KID);
    return header;
  }

  /** The claims of a valid assertion, with a new jti. */
  private Map<String, Object> claims(SimulatedOkta sim) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", CLIENT_ID);
    claims.put("sub", CLIENT_ID);
    claims.put("aud", sim.tokenUrl());
    claims.put("iat", now());
    claims.put("exp", now() + 300);
    claims.put("jti", UUID.randomUUID().toString());
    return claims;
  }

  private String assertion(SimulatedOkta sim) {
    return signedAssertion(claims(sim));
  }

  private static String signedAssertion(Map<String, Object> claims) {
    return jws(assertionHeader(), claims, KEYS.getPrivate());
  }

  private Map<String, Object> proofHeader() {
    return proofHeader(dpopKey);
  }

  private static Map<String, Object> proofHeader(KeyPair key) {
    Map<String, Object> jwk = TestKeys.ecJwk(key, "P-256", "unused");
    jwk.remove("d");
    jwk.remove("kid");
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("typ", "dpop+jwt");
    header.put("alg", "ES256");
    header.put("jwk", jwk);
    return header;
  }

  /** The claims of a valid proof, with a new jti. */
  private Map<String, Object> proofClaims(String htm, String htu, @Nullable String nonce) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("iat", now());
    claims.put("htm", htm);
    claims.put("htu", htu);
    if (nonce != null) {
      claims.put("nonce", nonce);
    }
    return claims;
  }

  private String proof(String htu, @Nullable String nonce) {
    return jws(proofHeader(), proofClaims("POST", htu, nonce), dpopKey.getPrivate());
  }

  /** Signs a compact JWS with the JDK: RS256 or ES256, as the header's {@code alg} says. */
  private static String jws(
      Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
    String input = base64url(TestKeys.json(header)) + "." + base64url(TestKeys.json(claims));
    String jdkAlgorithm =
        switch (String.valueOf(header.get("alg"))) {
          case "RS256" -> "SHA256withRSA";
          case "ES256" -> "SHA256withECDSAinP1363Format";
          default -> throw new IllegalArgumentException("use hmacOrUnsigned for " + header);
        };
    try {
      Signature signer = Signature.getInstance(jdkAlgorithm);
      signer.initSign(key);
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + base64url(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JWS with {@code alg} HS256 (keyed with the secret) or {@code none} (no signature). */
  private static String hmacOrUnsigned(
      Map<String, Object> header, Map<String, Object> claims, byte[] secret) {
    String input = base64url(TestKeys.json(header)) + "." + base64url(TestKeys.json(claims));
    if ("none".equals(header.get("alg"))) {
      return input + ".";
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return input + "." + base64url(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64url(String text) {
    return base64url(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
