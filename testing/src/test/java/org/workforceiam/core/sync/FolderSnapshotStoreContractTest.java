package org.workforceiam.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.contract.SnapshotStoreContract;

/** The file store keeps the promises of every snapshot store, plus its own about file names. */
class FolderSnapshotStoreContractTest extends SnapshotStoreContract {
  @TempDir Path folder;

  @Override
  protected SnapshotStore store() {
    return SnapshotStore.inFolder(folder);
  }

  @Test
  void namesCannotLeaveTheirFolderNorCollideWhereCaseIsIgnored() throws IOException {
    SnapshotStore store = store();
    for (String tenant : new String[] {"..", "a/b", "Acme", "acme", "%41cme"}) {
      try (SnapshotStore.Writer writer =
          store.write(
              tenant,
              GroupId.of("../00gX"),
              SnapshotStore.NO_SNAPSHOT,
              Instant.EPOCH,
              new byte[SnapshotStore.Header.SALT_BYTES])) {
        writer.commit();
      }
    }

    try (Stream<Path> files = Files.walk(folder)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()))
          .containsExactlyInAnyOrder(
              "%2E%2E/%2E%2E%2F00g%58.snapshot",
              "a%2Fb/%2E%2E%2F00g%58.snapshot",
              "%41cme/%2E%2E%2F00g%58.snapshot",
              "acme/%2E%2E%2F00g%58.snapshot",
              "%2541cme/%2E%2E%2F00g%58.snapshot");
    }
  }

  @Test
  void aFolderThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(folder.resolve("not-a-folder"), "x");

    assertThatThrownBy(() -> SnapshotStore.inFolder(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a file");
  }
}
