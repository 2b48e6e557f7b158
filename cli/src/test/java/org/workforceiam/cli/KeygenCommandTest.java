package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.cli.SimulatedOrg.AppKey;

/** {@code keygen}: the key pair an admin registers in Okta, and that it then authenticates. */
// CliRun swaps the process-wide System.err to capture what the libraries log: no other class may
// write there meanwhile.
@ResourceLock(Resources.SYSTEM_ERR)
class KeygenCommandTest {
  @TempDir Path dir;

  @Test
  void writesAPkcs8RsaKeyReadableOnlyByItsOwnerAndPrintsThePublicJwkByDefault() throws Exception {
    Path file = dir.resolve("okta-app.pem");

    CliRun keygen = CliRun.of(Map.of(), "keygen", "--out", file.toString());

    assertThat(keygen.code()).isZero();
    Map<String, Object> jwk = keygen.json();
    assertThat(jwk).containsOnlyKeys("kty", "n", "e", "kid", "alg", "use");
    assertThat(jwk)
        .containsEntry("kty", "RSA")
        .containsEntry("alg", "RS256")
        .containsEntry("use", "sig")
        .containsEntry("e", "AQAB");
    assertThat((String) jwk.get("kid")).isNotBlank();
    String pem = Files.readString(file);
    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(keygen.err()).contains(file.toString()).contains((String) jwk.get("kid"));
    assertThat(keygen.allStderr()).doesNotContain(SimulatedOrg.pemBody(file));
  }

  @Test
  void writesAnEs256KeyWhenAsked() throws Exception {
    Path file = dir.resolve("okta-app-ec.pem");

    CliRun keygen = CliRun.of(Map.of(), "keygen", "--out", file.toString(), "--alg", "ES256");

    assertThat(keygen.code()).isZero();
    Map<String, Object> jwk = keygen.json();
    assertThat(jwk).containsOnlyKeys("kty", "crv", "x", "y", "kid", "alg", "use");
    assertThat(jwk)
        .containsEntry("kty", "EC")
        .containsEntry("crv", "P-256")
        .containsEntry("alg", "ES256")
        .containsEntry("use", "sig");
    assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void theJwkKeygenPrintedAuthenticatesASyncOnceRegisteredInTheSimulatedOkta(String alg) {
    AppKey key = AppKey.generate(dir, "okta-app-" + alg + ".pem", "--alg", alg);

    try (SimulatedOrg org = SimulatedOrg.start(key)) {
      CliRun sync = org.run("sync");

      assertThat(sync.code()).as("%s", sync).isZero();
      assertThat(sync.jsonLines()).hasSize(8);
      assertThat(org.sim.rejections()).containsOnly("use_dpop_nonce");
      assertThat(org.sim.calls().get(0).formField("client_assertion")).isNotBlank();
    }
  }

  @Test
  void refusesToOverwriteAnExistingFileWithExit2AndLeavesItAsItWas() throws Exception {
    Path file = dir.resolve("existing.pem");
    Files.writeString(file, "an earlier key");

    CliRun keygen = CliRun.of(Map.of(), "keygen", "--out", file.toString());

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine()).contains(file.toString());
    assertThat(keygen.out()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo("an earlier key");
  }

  @Test
  void aMissingFolderIsExit2NamingTheFolderAndTheFixAndWritesNothing() {
    Path folder = dir.resolve("missing").resolve("dir");
    Path file = folder.resolve("k.pem");

    CliRun keygen = CliRun.of(Map.of(), "keygen", "--out", file.toString());

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine())
        .isEqualTo(
            "error: cannot write the private key to "
                + file
                + ": the folder "
                + folder
                + " does not exist; create it first (mkdir -p "
                + folder
                + ") or give another --out");
    assertThat(keygen.out()).isEmpty();
    assertThat(dir.resolve("missing")).doesNotExist();
  }

  @Test
  void aFileWhereTheFolderShouldBeIsExit2() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "not a folder");

    CliRun keygen = CliRun.of(Map.of(), "keygen", "--out", notAFolder.resolve("k.pem").toString());

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine()).contains(notAFolder + " is not a folder");
  }

  @Test
  void aFolderItMayNotWriteInIsExit2SayingSo() throws Exception {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    assumeFalse(Files.isWritable(locked), "the file system lets this user write anyway (root)");
    Path file = locked.resolve("k.pem");

    CliRun keygen = CliRun.of(Map.of(), "keygen", "--out", file.toString());

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine())
        .isEqualTo(
            "error: cannot write the private key to "
                + file
                + ": permission denied; give another --out");
    assertThat(keygen.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--org-url", "--client-id", "--private-key", "--key-id", "--group-id"})
  void takesNoConnectionSettingAfterItWithExit2(String flag) {
    CliRun keygen =
        CliRun.of(Map.of(), "keygen", "--out", dir.resolve("k.pem").toString(), flag, "x");

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine()).contains(flag).contains("helpdesk keygen --help");
    assertThat(dir.resolve("k.pem")).doesNotExist();
  }

  @Test
  void needsOutAndNothingElse() {
    CliRun keygen = CliRun.of(Map.of(), "keygen");

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine()).contains("--out");
  }

  @Test
  void refusesAnAlgorithmOtherThanRs256OrEs256() {
    CliRun keygen =
        CliRun.of(Map.of(), "keygen", "--out", dir.resolve("k.pem").toString(), "--alg", "HS256");

    assertThat(keygen.code()).isEqualTo(2);
    assertThat(keygen.errorLine()).contains("HS256").contains("RS256").contains("ES256");
    assertThat(dir.resolve("k.pem")).doesNotExist();
  }
}
