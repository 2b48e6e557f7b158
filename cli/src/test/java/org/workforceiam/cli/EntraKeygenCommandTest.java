package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.cli.SimulatedTenant.AppCertificate;

/**
 * {@code keygen --provider entra}: an RSA key and the self-signed certificate an admin uploads to
 * the app registration, both new files, and the thumbprints the portal shows.
 */
// CliRun swaps the process-wide System.err to capture what the libraries log: no other class may
// write there meanwhile.
@ResourceLock(Resources.SYSTEM_ERR)
class EntraKeygenCommandTest {
  @TempDir Path dir;

  @Test
  void writesAnOwnerOnlyPkcs8RsaKeyAndACertificateAndPrintsItsThumbprints() throws Exception {
    Path key = dir.resolve("app.key.pem");
    Path cert = dir.resolve("app.cert.pem");
    Instant before = Instant.now();

    CliRun keygen =
        CliRun.of(
            Map.of(),
            "keygen",
            "--provider",
            "entra",
            "--out",
            key.toString(),
            "--cert-out",
            cert.toString());

    assertThat(keygen.code()).as("%s", keygen).isZero();
    Map<String, Object> json = keygen.json();
    assertThat(json)
        .containsOnlyKeys("certificate", "thumbprintSha1", "thumbprintSha256", "notAfter")
        .containsEntry("certificate", cert.toString());
    X509Certificate x509 = EntraDemoTenant.readCertificate(cert);
    byte[] der = x509.getEncoded();
    assertThat((String) json.get("thumbprintSha1"))
        .matches("[0-9A-F]{40}")
        .isEqualTo(hex("SHA-1", der));
    assertThat((String) json.get("thumbprintSha256"))
        .matches("[0-9A-F]{64}")
        .isEqualTo(hex("SHA-256", der));
    Instant notAfter = Instant.parse((String) json.get("notAfter"));
    assertThat(notAfter).isEqualTo(x509.getNotAfter().toInstant());
    assertThat(Duration.between(before, notAfter).toDays()).isBetween(364L, 365L);
    assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=workforce-iam");
    assertThat(((RSAPublicKey) x509.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(Files.readString(key))
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    assertThat(Files.getPosixFilePermissions(key))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(cert)).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(keygen.err())
        .contains(key.toString(), cert.toString(), (String) json.get("thumbprintSha1"));
    assertThat(keygen.allStderr() + keygen.out()).doesNotContain(SimulatedOrg.pemBody(key));
  }

  @Test
  void takesTheSubjectAndTheDaysAndIamProviderChoosesEntra() {
    Path key = dir.resolve("k.pem");
    Path cert = dir.resolve("c.pem");

    CliRun keygen =
        CliRun.of(
            Map.of("IAM_PROVIDER", "entra"),
            "keygen",
            "--out",
            key.toString(),
            "--cert-out",
            cert.toString(),
            "--subject",
            "CN=helpdesk-prod",
            "--days",
            "30");

    assertThat(keygen.code()).as("%s", keygen).isZero();
    X509Certificate x509 = EntraDemoTenant.readCertificate(cert);
    assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=helpdesk-prod");
    assertThat(Duration.between(x509.getNotBefore().toInstant(), x509.getNotAfter().toInstant()))
        .isEqualTo(Duration.ofDays(30));
  }

  @Test
  void es256IsExit2ForEntraAndWritesNothing() {
    CliRun keygen = entra("k.pem", "c.pem", "--alg", "ES256");

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine()).contains("ES256").contains("only RSA");
    assertThat(dir.resolve("k.pem")).doesNotExist();
    assertThat(dir.resolve("c.pem")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"k.pem", "c.pem"})
  void anExistingKeyOrCertificateIsExit2AndBothFilesAreLeftAsTheyWere(String existing)
      throws Exception {
    Files.writeString(dir.resolve(existing), "an earlier file");

    CliRun keygen = entra("k.pem", "c.pem");

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine()).contains(dir.resolve(existing).toString());
    assertThat(keygen.out()).isEmpty();
    assertThat(Files.readString(dir.resolve(existing))).isEqualTo("an earlier file");
    String other = existing.equals("k.pem") ? "c.pem" : "k.pem";
    assertThat(dir.resolve(other)).doesNotExist();
  }

  @Test
  void needsCertOut() {
    CliRun keygen =
        CliRun.of(
            Map.of(), "keygen", "--provider", "entra", "--out", dir.resolve("k.pem").toString());

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine()).contains("--cert-out");
    assertThat(dir.resolve("k.pem")).doesNotExist();
  }

  @Test
  void refusesOneFileForBoth() {
    CliRun keygen = entra("same.pem", "same.pem");

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine()).contains("same file");
  }

  @Test
  void aMissingFolderOfTheCertificateIsExit2BeforeTheKeyIsWritten() {
    CliRun keygen = entra("k.pem", "missing/c.pem");

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine()).contains("cannot write the certificate").contains("--cert-out");
    assertThat(dir.resolve("k.pem")).doesNotExist();
  }

  @Test
  void anInvalidSubjectOrDaysIsExit2() {
    CliRun subject = entra("k1.pem", "c1.pem", "--subject", "CN=a, O=b");
    CliRun days = entra("k2.pem", "c2.pem", "--days", "0");

    assertThat(subject.code()).isEqualTo(2);
    assertThat(subject.errorLine()).contains("one common name");
    assertThat(days.code()).isEqualTo(2);
    assertThat(days.errorLine()).contains("days must be 1 to 3650");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--cert-out", "--subject", "--days"})
  void theCertificateOptionsAreExit2WithOkta(String option) {
    String value = option.equals("--days") ? "30" : dir.resolve("x").toString();
    CliRun keygen =
        CliRun.of(Map.of(), "keygen", "--out", dir.resolve("k.pem").toString(), option, value);

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine()).contains(option).contains("--provider entra");
    assertThat(dir.resolve("k.pem")).doesNotExist();
  }

  @Test
  void theCertificateKeygenWroteAuthenticatesOnceUploaded() {
    AppCertificate app = AppCertificate.generate(dir, "uploaded");
    try (SimulatedTenant tenant = SimulatedTenant.start(app)) {
      CliRun sync = tenant.run("sync");

      assertThat(sync.code()).as("%s", sync).isZero();
      assertThat(tenant.sim.rejections()).isEmpty();
      assertThat(tenant.sim.calls().get(0).formField("client_assertion")).isPresent();
    }
  }

  private CliRun entra(String key, String cert, String... options) {
    String[] args = new String[6 + options.length];
    args[0] = "keygen";
    args[1] = "--provider";
    args[2] = "entra";
    args[3] = "--out=" + dir.resolve(key);
    args[4] = "--cert-out";
    args[5] = dir.resolve(cert).toString();
    System.arraycopy(options, 0, args, 6, options.length);
    return CliRun.of(Map.of(), args);
  }

  private static String hex(String algorithm, byte[] der) throws Exception {
    return HexFormat.of()
        .withUpperCase()
        .formatHex(MessageDigest.getInstance(algorithm).digest(der));
  }
}
