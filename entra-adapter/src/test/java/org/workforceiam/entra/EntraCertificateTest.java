package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.IamException;

class EntraCertificateTest {
  private static final EntraCertificate MADE = TestCerts.MADE;

  private static X509Certificate reparse(String pem) throws Exception {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(java.util.Base64.getDecoder().decode(body)));
  }

  @Test
  void theCertificateReadsBackAsASelfSignedV3CertificateOfTheKey() throws Exception {
    X509Certificate cert = reparse(MADE.certificatePem());

    cert.verify(MADE.publicKey());
    assertThat(cert.getVersion()).isEqualTo(3);
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=tests");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(cert.getSerialNumber().signum()).isPositive();
    assertThat(cert.getSerialNumber().bitLength()).isLessThanOrEqualTo(160);
    assertThat(cert.getPublicKey()).isEqualTo(MADE.publicKey());
    assertThat(((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getKeyUsage()[0]).isTrue(); // digitalSignature
    assertThat(cert.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(ScriptedEntra.NOW);
    assertThat(cert.getNotAfter().toInstant())
        .isEqualTo(ScriptedEntra.NOW.plusSeconds(365 * 86_400L));
    assertThat(MADE.notAfter()).isEqualTo(cert.getNotAfter().toInstant());
    assertThat(cert.getEncoded()).isEqualTo(MADE.certificate().getEncoded());
  }

  @Test
  void thumbprintsAreTheDigestsOfTheDerInUpperCaseHex() throws Exception {
    byte[] der = MADE.certificate().getEncoded();
    HexFormat upper = HexFormat.of().withUpperCase();
    assertThat(MADE.thumbprintSha1())
        .hasSize(40)
        .matches("[0-9A-F]{40}")
        .isEqualTo(upper.formatHex(MessageDigest.getInstance("SHA-1").digest(der)));
    assertThat(MADE.thumbprintSha256())
        .hasSize(64)
        .isEqualTo(upper.formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
  }

  @Test
  void largerKeysAndValiditiesPastTheUtcTimeRangeReadBack() throws Exception {
    EntraCertificate made =
        EntraCertificate.builder()
            .subject("workforce-iam prod")
            .days(3650)
            .keySize(3072)
            .clock(new ScriptedEntra.MutableClock(Instant.parse("2049-06-01T00:00:00Z")))
            .generate();

    X509Certificate cert = reparse(made.certificatePem());
    cert.verify(made.publicKey());
    assertThat(((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(Instant.parse("2059-05-30T00:00:00Z"));
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=workforce-iam prod");
  }

  @Test
  void eachCertificateHasItsOwnKeyAndSerial() {
    assertThat(TestCerts.OTHER.certificate().getSerialNumber())
        .isNotEqualTo(MADE.certificate().getSerialNumber());
    assertThat(TestCerts.OTHER.publicKey()).isNotEqualTo(MADE.publicKey());
  }

  @Test
  void theKeyAndCertificateAreAUsableCredential() {
    EntraCredential credential = MADE.credential();
    assertThat(credential.thumbprintSha1()).hasValue(MADE.thumbprintSha1());
    assertThat(
            EntraCredential.certificate(MADE.privateKeyPem().reveal(), MADE.certificatePem())
                .thumbprintSha256())
        .hasValue(MADE.thumbprintSha256());
  }

  @Test
  void filesAreWrittenNewTheKeyOwnerOnly(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX");
    Path key = dir.resolve("entra.key.pem");
    Path cert = dir.resolve("entra.cert.pem");

    MADE.writePrivateKeyPem(key);
    MADE.writeCertificatePem(cert);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(key, StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(EntraCredential.certificateFiles(key, cert).thumbprintSha1())
        .hasValue(MADE.thumbprintSha1());
    assertThatThrownBy(() -> MADE.writeCertificatePem(cert))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> MADE.writePrivateKeyPem(key))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageContaining("a private key is never overwritten");
  }

  @Test
  void toStringShowsSubjectThumbprintAndExpiryButNoKey() {
    String key = MADE.privateKeyPem().reveal();
    assertThat(MADE.toString())
        .contains("CN=tests")
        .contains(MADE.thumbprintSha1())
        .doesNotContain(key.substring(40, 80));
    assertThat(MADE.privateKeyPem().toString()).doesNotContain("PRIVATE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "CN=", "CN=a, O=b", "CN=CN=x", "a\u0000b"})
  void aSubjectThatIsNotOneCommonNameIsRefused(String subject) {
    assertThatThrownBy(() -> EntraCertificate.builder().subject(subject))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CN=workforce-iam");
  }

  @Test
  void aCommonNameOfMoreThan64CharactersIsRefused() {
    assertThatThrownBy(() -> EntraCertificate.builder().subject("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, 2047, 8192})
  void onlyTheUsualKeySizesAreMade(int bits) {
    assertThatThrownBy(() -> EntraCertificate.builder().keySize(bits))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2048, 3072 or 4096");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 3651})
  void theValidityIsOneDayToTenYears(int days) {
    assertThatThrownBy(() -> EntraCertificate.builder().days(days))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
