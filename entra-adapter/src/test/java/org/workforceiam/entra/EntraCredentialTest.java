package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Secret;
import org.workforceiam.http.Der;
import org.workforceiam.http.Pem;

class EntraCredentialTest {
  private static final EntraCertificate MADE = TestCerts.MADE;

  @Test
  void readsAPkcs8OrPkcs1KeyWithItsCertificateFromPem() {
    for (String key : new String[] {TestCerts.keyPkcs8Pem(MADE), TestCerts.keyPkcs1Pem(MADE)}) {
      EntraCredential credential = EntraCredential.certificate(key, MADE.certificatePem());
      assertThat(credential.isCertificate()).isTrue();
      assertThat(credential.thumbprintSha1()).hasValue(MADE.thumbprintSha1());
      assertThat(credential.certificateExpiresAt()).hasValue(MADE.notAfter());
      assertThat(credential.signingAlgorithm()).isEqualTo(EntraCredential.SigningAlgorithm.PS256);
      assertThat(credential.privateKey()).isNotNull();
    }
  }

  @Test
  void readsKeyAndCertificateFilesAndAFileHoldingBoth(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    Path both = dir.resolve("both.pem");
    Files.writeString(key, TestCerts.keyPkcs8Pem(MADE));
    Files.writeString(cert, MADE.certificatePem());
    Files.writeString(both, TestCerts.keyPkcs8Pem(MADE) + MADE.certificatePem());

    assertThat(EntraCredential.certificateFiles(key, cert).thumbprintSha256())
        .hasValue(MADE.thumbprintSha256());
    assertThat(EntraCredential.certificateFiles(both, both).thumbprintSha1())
        .hasValue(MADE.thumbprintSha1());
  }

  @Test
  void aKeyThatDoesNotBelongToTheCertificateIsRefusedNamingTheCertificate() {
    assertThatThrownBy(
            () ->
                EntraCredential.certificate(
                    TestCerts.keyPkcs8Pem(TestCerts.OTHER), MADE.certificatePem()))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("does not belong to the certificate")
        .hasMessageContaining(MADE.thumbprintSha1());
    assertThatThrownBy(
            () -> EntraCredential.certificate(TestCerts.OTHER.privateKey(), MADE.certificate()))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("does not belong to the certificate");
  }

  @Test
  void anEcKeyIsRefusedSayingEntraAcceptsOnlyRsa() {
    KeyPair ec = TestCerts.ec();
    String sec1 = Pem.write("EC PRIVATE KEY", Der.sequence(Der.integer(BigInteger.ONE)));
    for (String pem : new String[] {Pem.write("PRIVATE KEY", ec.getPrivate().getEncoded()), sec1}) {
      assertThatThrownBy(() -> EntraCredential.certificate(pem, MADE.certificatePem()))
          .isInstanceOf(IamException.InvalidConfiguration.class)
          .hasMessageContaining("accepts only RSA certificates");
    }
    assertThatThrownBy(() -> EntraCredential.certificate(ec.getPrivate(), MADE.certificate()))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("accepts only RSA certificates");
  }

  @Test
  void anEcCertificateIsRefusedSayingEntraAcceptsOnlyRsa() throws Exception {
    String pem = Pem.write("CERTIFICATE", ecCertificate(TestCerts.ec()));
    assertThatThrownBy(() -> EntraCredential.certificate(TestCerts.keyPkcs8Pem(MADE), pem))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("EC certificate")
        .hasMessageContaining("accepts only RSA certificates");
  }

  @Test
  void anRsaKeyOfFewerThan2048BitsIsRefused() {
    KeyPair small = TestCerts.rsa(1024);
    assertThatThrownBy(() -> EntraCredential.certificate(small.getPrivate(), MADE.certificate()))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("1024 bits")
        .hasMessageContaining("2048");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not pem at all",
        "{\"kty\":\"RSA\",\"n\":\"x\",\"d\":\"y\"}",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\nAAAA"
      })
  void anUnusableKeyIsRefusedNamingTheSource(String key) {
    assertThatThrownBy(() -> EntraCredential.certificate(key, MADE.certificatePem()))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageStartingWith("the private key text");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "MIIB",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----",
        "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----"
      })
  void anUnusableCertificateIsRefusedNamingTheSource(String cert) {
    assertThatThrownBy(() -> EntraCredential.certificate(TestCerts.keyPkcs8Pem(MADE), cert))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageStartingWith("the certificate text");
  }

  @Test
  void aPrivateKeyGivenAsTheCertificateIsRefusedWithoutQuotingIt() {
    String key = TestCerts.keyPkcs8Pem(MADE);
    assertThatThrownBy(() -> EntraCredential.certificate(key, key))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("holds a private key, not a certificate")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key.substring(40, 60)));
  }

  @Test
  void missingAndOversizedFilesAreRefusedNamingThem(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.pem");
    Files.write(big, new byte[(int) Certificates.MAX_FILE_BYTES + 1]);
    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(() -> EntraCredential.certificateFiles(missing, big))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
    Path key = dir.resolve("key.pem");
    Files.writeString(key, TestCerts.keyPkcs8Pem(MADE));
    assertThatThrownBy(() -> EntraCredential.certificateFiles(key, big))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void toStringShowsTheKindThumbprintAndExpiryButNoSecret() {
    EntraCredential certificate = MADE.credential();
    EntraCredential secret = EntraCredential.clientSecret(Secret.of("s3cr3t~value"));
    assertThat(certificate.toString())
        .contains(MADE.thumbprintSha1())
        .contains("PS256")
        .doesNotContain(TestCerts.keyPkcs8Pem(MADE).substring(30, 60));
    assertThat(secret.toString()).isEqualTo("EntraCredential{clientSecret}");
    assertThat(secret.certificate()).isEmpty();
    assertThat(secret.thumbprintSha1()).isEmpty();
  }

  @Test
  void onlyACertificateHasASigningAlgorithmToChange() {
    assertThat(
            MADE.credential()
                .withSigningAlgorithm(EntraCredential.SigningAlgorithm.RS256)
                .signingAlgorithm())
        .isEqualTo(EntraCredential.SigningAlgorithm.RS256);
    assertThatThrownBy(
            () ->
                EntraCredential.clientSecret(Secret.of("x"))
                    .withSigningAlgorithm(EntraCredential.SigningAlgorithm.RS256))
        .isInstanceOf(IllegalStateException.class);
  }

  /** A self-signed EC certificate, made here since the tool makes RSA ones only. */
  static byte[] ecCertificate(KeyPair ec) throws Exception {
    byte[] algorithm = Der.sequence(Der.objectIdentifier("1.2.840.10045.4.3.2"));
    byte[] name =
        Der.sequence(Der.set(Der.sequence(Der.objectIdentifier("2.5.4.3"), Der.utf8String("ec"))));
    Instant now = ScriptedEntra.NOW;
    byte[] tbs =
        Der.sequence(
            Der.explicit(0, Der.integer(BigInteger.TWO)),
            Der.integer(BigInteger.TEN),
            algorithm,
            name,
            Der.sequence(Der.time(now), Der.time(now.plusSeconds(86_400))),
            name,
            ec.getPublic().getEncoded());
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(ec.getPrivate());
    signer.update(tbs);
    return Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
