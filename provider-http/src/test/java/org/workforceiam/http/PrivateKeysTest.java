package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.workforceiam.core.IamException;

class PrivateKeysTest {
  private static final KeyPair RSA = TestKeys.rsa(2048);

  @Test
  void readsPkcs8RsaPemAsRs256() {
    ServiceAppKey key = PrivateKeys.fromText(TestKeys.pkcs8Pem(RSA), "test");
    assertThat(key.algorithm()).isEqualTo("RS256");
    assertThat(key.privateKey()).isEqualTo(RSA.getPrivate());
    assertThat(key.keyId()).isEmpty();
  }

  @Test
  void readsPkcs1RsaPem() {
    ServiceAppKey key = PrivateKeys.fromText(TestKeys.pkcs1Pem(RSA), "test");
    assertThat(key.algorithm()).isEqualTo("RS256");
    assertThat(((RSAPrivateKey) key.privateKey()).getPrivateExponent())
        .isEqualTo(((RSAPrivateKey) RSA.getPrivate()).getPrivateExponent());
  }

  @ParameterizedTest
  @CsvSource({
    "secp256r1, 1.2.840.10045.3.1.7, P-256, ES256",
    "secp384r1, 1.3.132.0.34, P-384, ES384",
    "secp521r1, 1.3.132.0.35, P-521, ES512"
  })
  void readsEcKeysInEveryFormatWithTheAlgorithmOfTheirCurve(
      String curve, String oid, String crv, String algorithm) {
    KeyPair pair = TestKeys.ec(curve);
    ServiceAppKey pkcs8 = PrivateKeys.fromText(TestKeys.pkcs8Pem(pair), "test");
    ServiceAppKey sec1 = PrivateKeys.fromText(TestKeys.sec1Pem(pair, oid), "test");
    ServiceAppKey jwk =
        PrivateKeys.fromText(TestKeys.json(TestKeys.ecJwk(pair, crv, "k1")), "test");
    for (ServiceAppKey key : List.of(pkcs8, sec1, jwk)) {
      assertThat(key.algorithm()).isEqualTo(algorithm);
      assertThat(((ECPrivateKey) key.privateKey()).getS())
          .isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());
    }
    assertThat(jwk.keyId()).contains("k1");
  }

  @Test
  void readsAJwkPrivateKeyWithItsKeyId() {
    ServiceAppKey key = PrivateKeys.fromText(TestKeys.json(TestKeys.rsaJwk(RSA, "my-kid")), "test");
    assertThat(key.algorithm()).isEqualTo("RS256");
    assertThat(key.keyId()).contains("my-kid");
    assertThat(((RSAPrivateKey) key.privateKey()).getPrivateExponent())
        .isEqualTo(((RSAPrivateKey) RSA.getPrivate()).getPrivateExponent());
  }

  @Test
  void readsAJwkSetHoldingOneKey() {
    String jwks = TestKeys.json(Map.of("keys", List.of(TestKeys.rsaJwk(RSA, "only"))));
    assertThat(PrivateKeys.fromText(jwks, "test").keyId()).contains("only");
  }

  @Test
  void readsAKeyFileWithSurroundingText(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("key.pem");
    Files.writeString(file, "Bag Attributes\n  localKeyID: 01\n" + TestKeys.pkcs8Pem(RSA));
    assertThat(PrivateKeys.fromFile(file).privateKey()).isEqualTo(RSA.getPrivate());
  }

  @Test
  void refusesAMissingFileNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope.pem");
    assertThatThrownBy(() -> PrivateKeys.fromFile(missing))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void refusesAnEncryptedPkcs8Key() {
    String pem = TestKeys.pem("ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0x00});
    assertRefused(pem, "encrypted", "openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void refusesAPassphraseProtectedPkcs1Key() {
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n"
            + "MIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----\n";
    assertRefused(pem, "encrypted");
  }

  @Test
  void refusesATruncatedPemNamingTheMissingFooter() {
    String pem = TestKeys.pkcs8Pem(RSA);
    String truncated = pem.substring(0, pem.length() / 2);
    assertRefused(truncated, "truncated", "-----END PRIVATE KEY-----");
  }

  @Test
  void refusesAPemWhoseBodyWasCutShort() {
    String pem = TestKeys.pkcs8Pem(RSA);
    String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END"));
    String cut =
        "-----BEGIN PRIVATE KEY-----\n" + body.substring(0, 400) + "\n-----END PRIVATE KEY-----";
    assertRefused(cut, "damaged");
  }

  @Test
  void refusesAPemWithInvalidBase64() {
    assertRefused("-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----", "base64");
  }

  @Test
  void refusesAPublicKeySayingThePrivateKeyIsNeeded() {
    assertRefused(TestKeys.pem("PUBLIC KEY", RSA.getPublic().getEncoded()), "public key");
  }

  @Test
  void refusesACertificate() {
    assertRefused(TestKeys.pem("CERTIFICATE", new byte[] {0x30, 0x00}), "certificate");
  }

  @Test
  void refusesAnOpenSshKeyWithTheConversionCommand() {
    assertRefused(TestKeys.pem("OPENSSH PRIVATE KEY", new byte[] {1, 2}), "ssh-keygen -p -m PKCS8");
  }

  @Test
  void refusesAnRsaKeyShorterThan2048Bits() {
    assertRefused(TestKeys.pkcs8Pem(TestKeys.rsa(1024)), "1024 bits", "at least 2048");
  }

  @Test
  void refusesAPublicJwk() {
    Map<String, Object> jwk = TestKeys.rsaJwk(RSA, "k");
    jwk.keySet().retainAll(List.of("kty", "kid", "n", "e"));
    assertRefused(TestKeys.json(jwk), "public JWK");
  }

  @Test
  void refusesAJwkOnAnUnsupportedCurve() {
    Map<String, Object> jwk = TestKeys.ecJwk(TestKeys.ec("secp256r1"), "P-256", "k");
    jwk.put("crv", "secp256k1");
    assertRefused(TestKeys.json(jwk), "secp256k1", "P-256, P-384 or P-521");
  }

  @Test
  void refusesAJwkOfAnUnsupportedType() {
    assertRefused("{\"kty\":\"oct\",\"k\":\"AAAA\",\"d\":\"x\"}", "\"oct\"");
  }

  @Test
  void refusesAnIncompleteJwkNamingTheMissingMember() {
    Map<String, Object> jwk = TestKeys.rsaJwk(RSA, "k");
    jwk.remove("n");
    assertRefused(TestKeys.json(jwk), "\"n\" is missing");
  }

  @Test
  void refusesTruncatedJson() {
    String json = TestKeys.json(TestKeys.rsaJwk(RSA, "k"));
    assertRefused(json.substring(0, json.length() / 2), "not valid JSON");
  }

  @Test
  void refusesAJwkSetWithSeveralKeys() {
    String jwks =
        TestKeys.json(
            Map.of("keys", List.of(TestKeys.rsaJwk(RSA, "a"), TestKeys.rsaJwk(RSA, "b"))));
    assertRefused(jwks, "2 keys");
  }

  @Test
  void refusesTextThatIsNeitherPemNorJson() {
    assertRefused("just some text", "neither PEM nor JSON", "BEGIN PRIVATE KEY");
  }

  @Test
  void refusesEmptyText() {
    assertRefused("   \n", "empty");
  }

  @Test
  void errorMessagesNeverContainKeyMaterial() {
    String pem = TestKeys.pkcs8Pem(RSA);
    String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END"));
    String damaged =
        "-----BEGIN PRIVATE KEY-----\n" + body.substring(0, 200) + "\n-----END PRIVATE KEY-----";
    Map<String, Object> jwk = TestKeys.rsaJwk(RSA, "k");
    jwk.remove("qi");
    for (String input : List.of(damaged, TestKeys.json(jwk))) {
      assertThatThrownBy(() -> PrivateKeys.fromText(input, "test"))
          .isInstanceOf(IamException.InvalidConfiguration.class)
          .satisfies(
              e -> {
                assertThat(e.getMessage()).doesNotContain(body.substring(0, 40));
                assertThat(e.getMessage()).doesNotContain((String) jwk.get("d"));
                assertThat(e.getCause()).isNull();
              });
    }
  }

  @Test
  void aParsedKeyNeverShowsItselfInToString() {
    ServiceAppKey key = PrivateKeys.fromText(TestKeys.json(TestKeys.rsaJwk(RSA, "k")), "test");
    assertThat(key.toString()).isEqualTo("ServiceAppKey{algorithm=RS256, keyId=k}");
  }

  private static void assertRefused(String text, String... messageParts) {
    assertThatThrownBy(() -> PrivateKeys.fromText(text, "the key"))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageStartingWith("the key")
        .hasMessageContainingAll(messageParts);
  }
}
