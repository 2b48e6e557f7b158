package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamException;
import org.workforceiam.http.AccessToken;
import org.workforceiam.http.PrivateKeys;
import org.workforceiam.http.Transport;
import org.workforceiam.okta.simulator.MutableClock;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * Runs every authentication path with full header logging and proves that no secret (access token,
 * client assertion, DPoP proof, nonce, private key) ends up in a log event, an exception message or
 * a {@code toString()}. The secrets are taken from what actually went over the wire.
 */
@Isolated(
    "attaches an appender to the root logger and lowers its level: other classes' log events would"
        + " mix with its own")
class SecretsNeverLeakTest {
  private static final String CLIENT_ID = "0oaSecretsTestApp12";
  private static final String USER_ID = "00u1Grace";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private @Nullable Level rootLevel;

  /** Everything that went over the wire, from every simulated org of the test. */
  private final List<SimulatedOkta.Call> wire = new ArrayList<>();

  /** The access tokens the clients held at the end of each scenario. */
  private final Set<String> tokens = new LinkedHashSet<>();

  /** Every text a user or operator could see: messages, throwables, toString. */
  private final List<String> visible = new ArrayList<>();

  @BeforeEach
  void captureEverythingLogged() {
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE); // the lowest level: everything (Level.ALL is deprecated)
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stopCapturing() {
    root.detachAppender(logged);
    logged.stop();
    root.setLevel(rootLevel);
  }

  @Test
  void noSecretAppearsInLogsExceptionsOrToString(@TempDir Path dir) throws Exception {
    OktaKeyPair keys = OktaKeyPair.generate(OktaKeyPair.Algorithm.RS256);
    Path pemFile = dir.resolve("okta-app.pem");
    keys.writePrivateKeyPem(pemFile);
    String pem = Files.readString(pemFile);

    dpopAppWithHandshakeNonceChallengeRefreshAndRevocation(keys, pem);
    bearerAppReachedThroughTheAutoFallback(keys, pem);
    tokenRequestsOktaRefuses(keys, pem);
    visible.add(keys.toString());
    visible.add(PrivateKeys.fromText(pem, "the key").toString());
    for (ILoggingEvent event : logged.list) {
      visible.add(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        visible.add(t.getClassName() + ": " + t.getMessage());
      }
    }
    String everything = String.join("\n", visible);

    Set<String> secrets = wireSecrets();
    assertThat(secrets).as("secrets taken from the wire").hasSizeGreaterThan(20);
    for (String secret : secrets) {
      assertThat(everything).as("a secret from the wire").doesNotContain(secret);
    }
    for (String chunk : keyChunks(pem, (RSAPrivateCrtKey) keys.privateKey())) {
      assertThat(everything).as("a piece of the private key").doesNotContain(chunk);
    }
  }

  @Test
  void headerLoggingShowsTheExchangesWithCredentialsRedacted() throws Exception {
    OktaKeyPair keys = OktaKeyPair.generate(OktaKeyPair.Algorithm.ES256);
    try (SimulatedOkta sim = org(keys).start();
        OktaClient okta = client(sim, keys.privateKey(), keys.keyId(), DpopMode.AUTO)) {
      assertThat(get(okta, sim)).isEqualTo(200);

      List<String> http = new ArrayList<>();
      for (ILoggingEvent event : logged.list) {
        if (event.getLoggerName().equals("org.workforceiam.okta.http")) {
          http.add(event.getFormattedMessage());
        }
      }
      String token = sim.orgUrl() + "/oauth2/v1/token";
      String user = sim.orgUrl() + "/api/v1/users/" + USER_ID;
      assertThat(http).anySatisfy(line -> assertThat(line).startsWith("--> POST " + token));
      assertThat(http).anySatisfy(line -> assertThat(line).startsWith("<-- 400 POST " + token));
      assertThat(http).anySatisfy(line -> assertThat(line).startsWith("<-- 200 POST " + token));
      assertThat(http)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("--> GET " + user)
                      .contains("Authorization: [redacted]")
                      .contains("DPoP: [redacted]"));
      assertThat(http)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .startsWith("<-- 400 POST " + token)
                      .contains("DPoP-Nonce: [redacted]")
                      .contains("X-Okta-Request-Id"));
      assertThat(http).anySatisfy(line -> assertThat(line).startsWith("<-- 200 GET " + user));
      assertThat(String.join("\n", http)).doesNotContain("access_token").doesNotContain("sim.");
    }
  }

  // ------------------------------------------------------------------ scenarios

  private void dpopAppWithHandshakeNonceChallengeRefreshAndRevocation(OktaKeyPair keys, String pem)
      throws IOException {
    try (SimulatedOkta sim = org(keys).start();
        OktaClient okta = client(sim, pem, keys.keyId(), DpopMode.AUTO)) {
      assertThat(get(okta, sim)).isEqualTo(200); // nonce handshake, then the call
      assertThat(get(okta, sim)).isEqualTo(200);
      sim.challengeNextApiCallWithNonce();
      assertThat(get(okta, sim)).isEqualTo(200); // resource nonce challenge, retried
      clock.advance(Duration.ofMinutes(59));
      assertThat(get(okta, sim)).isEqualTo(200); // refresh before expiry
      sim.revokeIssuedTokens();
      assertThat(get(okta, sim)).isEqualTo(200); // 401, refresh, retry
      sim.rotateTokenEndpointNonce();
      clock.advance(Duration.ofMinutes(59));
      assertThat(get(okta, sim)).isEqualTo(200); // refresh with a rotated nonce

      assertThat(sim.tokenRequests()).isGreaterThanOrEqualTo(6);
      remember(sim, okta, true);
    }
  }

  private void bearerAppReachedThroughTheAutoFallback(OktaKeyPair keys, String pem)
      throws IOException {
    try (SimulatedOkta sim = org(keys).requireDpop(false).start();
        OktaClient okta = client(sim, pem, keys.keyId(), DpopMode.AUTO)) {
      assertThat(get(okta, sim)).isEqualTo(200);
      assertThat(okta.connection().tokens().get().dpopBound()).isFalse();
      remember(sim, okta, true);
    }
  }

  private void tokenRequestsOktaRefuses(OktaKeyPair keys, String pem) throws IOException {
    OktaKeyPair unregistered = OktaKeyPair.generate(OktaKeyPair.Algorithm.RS256);
    try (SimulatedOkta sim = org(unregistered).start();
        OktaClient okta = client(sim, pem, keys.keyId(), DpopMode.AUTO)) {
      Throwable thrown = catchThrowable(() -> get(okta, sim));
      assertThat(thrown).isInstanceOf(IamException.AuthenticationFailed.class);
      remember(sim, okta, false);
      rememberThrowable(thrown);
    }
    try (SimulatedOkta sim = org(keys).grantedScopes("okta.groups.read").start();
        OktaClient okta = client(sim, pem, keys.keyId(), DpopMode.AUTO)) {
      Throwable thrown = catchThrowable(() -> get(okta, sim));
      assertThat(thrown).isInstanceOf(IamException.PermissionDenied.class);
      remember(sim, okta, false);
      rememberThrowable(thrown);
    }
  }

  // ------------------------------------------------------------------ collecting

  private void remember(SimulatedOkta sim, OktaClient okta, boolean authenticated) {
    wire.addAll(sim.calls());
    visible.add(okta.toString());
    visible.add(okta.connection().toString());
    visible.add(okta.connection().tokens().toString());
    if (authenticated) {
      AccessToken token = okta.connection().tokens().get();
      tokens.add(token.value());
      visible.add(token.toString());
    }
  }

  private void rememberThrowable(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      visible.add(t.toString());
      visible.add(String.valueOf(t.getMessage()));
      for (Throwable suppressed : t.getSuppressed()) {
        visible.add(suppressed.toString());
      }
    }
  }

  /** Every secret that went over the wire: tokens, assertions, proofs, nonces. */
  private Set<String> wireSecrets() {
    Set<String> secrets = new LinkedHashSet<>();
    for (SimulatedOkta.Call call : wire) {
      addIfPresent(secrets, call.formField("client_assertion"));
      addIfPresent(secrets, call.headers().get("DPoP"));
      addIfPresent(secrets, call.responseNonce());
      String authorization = call.headers().get("Authorization");
      if (authorization != null) {
        secrets.add(authorization.substring(authorization.indexOf(' ') + 1));
      }
    }
    secrets.addAll(tokens);
    return secrets;
  }

  private static void addIfPresent(Set<String> secrets, @Nullable String secret) {
    if (secret != null) {
      secrets.add(secret);
    }
  }

  /**
   * Pieces of the private key in the encodings a leak would show: every 16 characters of the PEM
   * body, and the start of the private exponent in decimal, hex and base64url (JWK {@code d}).
   */
  private static List<String> keyChunks(String pem, RSAPrivateCrtKey key) {
    List<String> chunks = new ArrayList<>();
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    for (int i = 0; i + 16 <= body.length(); i++) {
      chunks.add(body.substring(i, i + 16));
    }
    chunks.add(key.getPrivateExponent().toString().substring(0, 24));
    chunks.add(key.getPrivateExponent().toString(16).substring(0, 24));
    chunks.add(key.getPrimeP().toString(16).substring(0, 24));
    chunks.add(
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(key.getPrivateExponent().toByteArray())
            .substring(2, 26));
    return chunks;
  }

  // ------------------------------------------------------------------ wiring

  private SimulatedOkta.Builder org(OktaKeyPair registered) {
    return SimulatedOkta.builder()
        .clientId(CLIENT_ID)
        .publicKey(registered.publicKey(), registered.keyId())
        .clock(clock)
        .directory(new SimDirectory().user(SimUser.of(USER_ID, "grace@example.com", "ACTIVE")));
  }

  private OktaClient client(SimulatedOkta sim, String pem, String keyId, DpopMode mode) {
    return OktaClient.builder()
        .orgUrl(sim.orgUrl())
        .clientId(CLIENT_ID)
        .privateKey(pem)
        .keyId(keyId)
        .clock(clock)
        .dpopMode(mode)
        .httpLogging(HttpLogging.HEADERS)
        .build();
  }

  private OktaClient client(
      SimulatedOkta sim, java.security.PrivateKey key, String keyId, DpopMode mode) {
    return OktaClient.builder()
        .orgUrl(sim.orgUrl())
        .clientId(CLIENT_ID)
        .privateKey(key)
        .keyId(keyId)
        .clock(clock)
        .dpopMode(mode)
        .httpLogging(HttpLogging.HEADERS)
        .build();
  }

  private static int get(OktaClient okta, SimulatedOkta sim) throws IOException {
    try (Response response =
        okta.connection()
            .api()
            .execute(
                () -> new Request.Builder().url(sim.url("/api/v1/users/" + USER_ID)).build(),
                Transport.Safety.REPEATABLE)) {
      Objects.requireNonNull(response.body()).string();
      return response.code();
    }
  }
}
