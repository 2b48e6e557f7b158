package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workforceiam.core.IamException;

class NewFilesTest {
  @Test
  void aPrivateFileIsCreatedOwnerOnly(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX");
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");

    NewFiles.create(key, "secret", true, "a private key");
    NewFiles.create(cert, "public", false, "a certificate");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(cert)).isEqualTo("public");
  }

  @Test
  void anExistingFileIsLeftUntouched(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cert.pem");
    Files.writeString(file, "in use");

    assertThatThrownBy(() -> NewFiles.create(file, "new", false, "a certificate"))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessage(
            "the file "
                + file
                + " already exists; a certificate is never overwritten: choose another path");
    assertThat(Files.readString(file)).isEqualTo("in use");
  }
}
