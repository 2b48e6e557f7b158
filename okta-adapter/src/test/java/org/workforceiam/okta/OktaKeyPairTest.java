package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.workforceiam.core.IamException;
import org.workforceiam.http.AccessToken;
import org.workforceiam.http.Json;
import org.workforceiam.http.PrivateKeys;
import org.workforceiam.http.ServiceAppKey;
import org.workforceiam.http.Transport;
import org.workforceiam.okta.OktaKeyPair.Algorithm;
import org.workforceiam.okta.simulator.Jose;
import org.workforceiam.okta.simulator.MutableClock;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

class OktaKeyPairTest {
  private static final String CLIENT_ID = "0oaGeneratedKeyApp1";

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void thePublicJwkHasTheMembersOktaNeedsAndNoPrivateOnes(Algorithm algorithm) throws Exception {
    OktaKeyPair keys = OktaKeyPair.generate(algorithm);

    Map<String, Object> jwk = parse(keys.publicJwkJson());

    if (algorithm == Algorithm.RS256) {
      assertThat(jwk).containsOnlyKeys("kty", "n", "e", "kid", "alg", "use");
      assertThat(jwk).containsEntry("kty", "RSA").containsEntry("e", "AQAB");
      RSAPublicKey rsa = (RSAPublicKey) keys.publicKey();
      assertThat(unsigned(jwk.get("n"))).isEqualTo(rsa.getModulus());
      assertThat(rsa.getModulus().bitLength()).isEqualTo(2048);
    } else {
      assertThat(jwk).containsOnlyKeys("kty", "crv", "x", "y", "kid", "alg", "use");
      assertThat(jwk).containsEntry("kty", "EC").containsEntry("crv", "P-256");
      ECPublicKey ec = (ECPublicKey) keys.publicKey();
      // RFC 7518: coordinates are the full 32 octets, leading zeros kept.
      assertThat(Base64.getUrlDecoder().decode((String) jwk.get("x"))).hasSize(32);
      assertThat(Base64.getUrlDecoder().decode((String) jwk.get("y"))).hasSize(32);
      assertThat(unsigned(jwk.get("x"))).isEqualTo(ec.getW().getAffineX());
    }
    assertThat(jwk).containsEntry("alg", algorithm.name()).containsEntry("use", "sig");
    assertThat(jwk).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    assertThat(keys.publicJwk()).isEqualTo(jwk);
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void theKeyIdIsTheRfc7638ThumbprintComputedIndependently(Algorithm algorithm) throws Exception {
    OktaKeyPair keys = OktaKeyPair.generate(algorithm);

    String thumbprint = Jose.thumbprint(keys.publicKey());

    assertThat(keys.keyId()).isEqualTo(thumbprint);
    assertThat(parse(keys.publicJwkJson())).containsEntry("kid", thumbprint);
    // The thumbprint of the key rebuilt from the pasted JSON is the same: the kid is stable.
    assertThat(Jose.thumbprint(Jose.publicKey(parse(keys.publicJwkJson())))).isEqualTo(thumbprint);
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void aSignatureByTheGeneratedKeyVerifiesWithTheKeyRebuiltFromTheExportedJwk(Algorithm algorithm)
      throws Exception {
    OktaKeyPair keys = OktaKeyPair.generate(algorithm);
    byte[] message = "header.payload".getBytes(StandardCharsets.US_ASCII);
    String jdkAlgorithm =
        algorithm == Algorithm.RS256 ? "SHA256withRSA" : "SHA256withECDSAinP1363Format";
    Signature signer = Signature.getInstance(jdkAlgorithm);
    signer.initSign(keys.privateKey());
    signer.update(message);
    byte[] signature = signer.sign();

    PublicKey rebuilt = Jose.publicKey(parse(keys.publicJwkJson()));

    Signature verifier = Signature.getInstance(jdkAlgorithm);
    verifier.initVerify(rebuilt);
    verifier.update(message);
    assertThat(verifier.verify(signature)).isTrue();
    // And a signature by another key does not: the JWK really is this key's.
    Signature other = Signature.getInstance(jdkAlgorithm);
    other.initSign(OktaKeyPair.generate(algorithm).privateKey());
    other.update(message);
    verifier.initVerify(rebuilt);
    verifier.update(message);
    assertThat(verifier.verify(other.sign())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void thePemFileIsCreatedOwnerOnlyAndReadsBackAsTheSameKey(Algorithm algorithm, @TempDir Path dir)
      throws Exception {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "POSIX file permissions");
    OktaKeyPair keys = OktaKeyPair.generate(algorithm);
    Path file = dir.resolve("okta-app.pem");

    keys.writePrivateKeyPem(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    ServiceAppKey read = PrivateKeys.fromFile(file);
    assertThat(read.privateKey().getEncoded()).isEqualTo(keys.privateKey().getEncoded());
    assertThat(read.algorithm()).isEqualTo(algorithm.name());
  }

  @Test
  void anExistingFileIsNeverOverwritten(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("okta-app.pem");
    Files.writeString(file, "the key that is in use");

    assertThatThrownBy(() -> OktaKeyPair.generate(Algorithm.ES256).writePrivateKeyPem(file))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("already exists");
    assertThat(Files.readString(file)).isEqualTo("the key that is in use");
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void toStringShowsTheAlgorithmAndKeyIdButNoKeyMaterial(Algorithm algorithm, @TempDir Path dir)
      throws IOException {
    OktaKeyPair keys = OktaKeyPair.generate(algorithm);
    Path file = dir.resolve("key.pem");
    keys.writePrivateKeyPem(file);

    String text = keys.toString();

    assertThat(text).contains(algorithm.name()).contains(keys.keyId());
    for (String line : Files.readAllLines(file)) {
      if (!line.startsWith("-----")) {
        assertThat(text).doesNotContain(line.substring(0, 16));
      }
    }
    for (String member : new String[] {"n", "x", "y"}) {
      String value = keys.publicJwk().get(member);
      if (value != null) {
        assertThat(text).doesNotContain(value.substring(0, 16));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void aGeneratedKeyAuthenticatesAgainstTheSimulatedOkta(Algorithm algorithm, @TempDir Path dir)
      throws Exception {
    OktaKeyPair keys = OktaKeyPair.generate(algorithm);
    Path pem = dir.resolve("okta-app.pem");
    keys.writePrivateKeyPem(pem);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    // The admin pastes the exported JSON into Okta: register the key rebuilt from that text.
    PublicKey pasted = Jose.publicKey(parse(keys.publicJwkJson()));

    try (SimulatedOkta sim =
            SimulatedOkta.builder()
                .clientId(CLIENT_ID)
                .publicKey(pasted, keys.keyId())
                .clock(clock)
                .directory(
                    new SimDirectory().user(SimUser.of("00u1Grace", "grace@example.com", "ACTIVE")))
                .start();
        OktaClient okta =
            OktaClient.builder()
                .orgUrl(sim.orgUrl())
                .clientId(CLIENT_ID)
                .privateKeyFile(pem)
                .keyId(keys.keyId())
                .clock(clock)
                .build()) {
      AccessToken token = okta.connection().tokens().get();
      int status;
      try (Response response =
          okta.connection()
              .api()
              .execute(
                  () -> new Request.Builder().url(sim.url("/api/v1/users/00u1Grace")).build(),
                  Transport.Safety.REPEATABLE)) {
        status = response.code();
      }

      assertThat(token.dpopBound()).isTrue();
      assertThat(status).isEqualTo(200);
      assertThat(sim.rejections()).containsExactly("use_dpop_nonce");
      Jose.Jws assertion = Jose.parse(sim.calls().get(0).formField("client_assertion"));
      assertThat(assertion.header())
          .containsEntry("alg", algorithm.name())
          .containsEntry("kid", keys.keyId());
    }
  }

  private static Map<String, Object> parse(String json) throws IOException {
    return Objects.requireNonNull(Json.OBJECT.fromJson(json));
  }

  private static java.math.BigInteger unsigned(@Nullable Object base64url) {
    return new java.math.BigInteger(
        1, Base64.getUrlDecoder().decode((String) Objects.requireNonNull(base64url)));
  }
}
