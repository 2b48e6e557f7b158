package org.workforceiam.core.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.GroupId;

/**
 * Snapshots as files ({@link SnapshotFormat}): either one file, whatever the tenant ({@link
 * DirectorySync.Builder#snapshotFile}), or one file per tenant and group in a folder ({@link
 * SnapshotStore#inFolder}). Reading and writing stream line by line ({@link SnapshotReader}, {@link
 * SnapshotWriter}); a commit renames a temporary file into place after checking the generation.
 */
final class FileSnapshotStore implements SnapshotStore {
  private static final Logger log = LoggerFactory.getLogger(FileSnapshotStore.class);
  private static final String SUFFIX = ".snapshot";
  private static final int MAX_KEY_LENGTH = 256;

  /** The one file, or null for a folder store. */
  private final @Nullable Path file;

  /** The folder of a folder store, or the file's folder. */
  private final Path folder;

  private final FileMover mover;

  private FileSnapshotStore(@Nullable Path file, Path folder, FileMover mover) {
    this.file = file;
    this.folder = folder;
    this.mover = mover;
  }

  /** One snapshot file; the tenant is not part of the file, and the group is checked on reading. */
  static FileSnapshotStore singleFile(Path file, FileMover mover) {
    Path absolute = file.toAbsolutePath().normalize();
    return new FileSnapshotStore(absolute, SnapshotWriter.folderOf(absolute), mover);
  }

  static FileSnapshotStore inFolder(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new IllegalArgumentException("snapshot folder " + folder + " is a file, not a folder");
    }
    return new FileSnapshotStore(null, absolute, FileMover.ATOMIC);
  }

  @Override
  public Optional<Header> read(String tenant, GroupId group, Rows rows) {
    Objects.requireNonNull(rows, "rows == null");
    return SnapshotReader.read(fileOf(tenant, group), group, rows);
  }

  @Override
  public Writer write(
      String tenant, GroupId group, long expectedGeneration, Instant takenAt, byte[] salt) {
    Objects.requireNonNull(takenAt, "takenAt == null");
    Objects.requireNonNull(salt, "salt == null");
    if (salt.length != Header.SALT_BYTES) {
      throw new IllegalArgumentException(
          "salt must be " + Header.SALT_BYTES + " bytes, not " + salt.length);
    }
    Path target = fileOf(tenant, group);
    if (file == null) {
      createTenantFolder(SnapshotWriter.folderOf(target));
    }
    return SnapshotWriter.open(target, group, takenAt, salt, mover, expectedGeneration);
  }

  @Override
  public boolean delete(String tenant, GroupId group) {
    return deleteFile(fileOf(tenant, group));
  }

  private static boolean deleteFile(Path target) {
    try {
      boolean deleted = Files.deleteIfExists(target);
      if (deleted) {
        log.info("deleted snapshot file {}", target);
      }
      return deleted;
    } catch (IOException e) {
      throw ioFailure("could not delete snapshot file " + target + " (" + e + ")", e);
    }
  }

  @Override
  public int deleteTenant(String tenant) {
    checkKey("tenant", tenant);
    if (file != null) {
      return deleteFile(file) ? 1 : 0;
    }
    Path tenantFolder = folder.resolve(encode(tenant));
    int deleted = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(tenantFolder)) {
      for (Path entry : entries) {
        Files.delete(entry);
        if (entry.getFileName().toString().endsWith(SUFFIX)) {
          deleted++;
        }
      }
      Files.delete(tenantFolder);
    } catch (NoSuchFileException e) {
      return deleted;
    } catch (DirectoryNotEmptyException e) {
      throw ioFailure(
          "could not delete folder "
              + tenantFolder
              + ": a sync of the tenant wrote to it meanwhile; stop the tenant's syncs and delete"
              + " again",
          e);
    } catch (IOException e) {
      throw ioFailure(
          "could not delete the snapshots of tenant "
              + tenant
              + " in "
              + tenantFolder
              + " ("
              + e
              + "); delete that folder by hand, it holds personal data",
          e);
    }
    log.info(
        "deleted {} snapshot files of tenant {} with folder {}", deleted, tenant, tenantFolder);
    return deleted;
  }

  private Path fileOf(String tenant, GroupId group) {
    checkKey("tenant", tenant);
    Objects.requireNonNull(group, "group == null");
    if (file != null) {
      return file;
    }
    checkKey("group", group.value());
    return folder.resolve(encode(tenant)).resolve(encode(group.value()) + SUFFIX);
  }

  private static void checkKey(String what, String value) {
    Objects.requireNonNull(value, what + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          what + " must be at most " + MAX_KEY_LENGTH + " characters: " + value.length());
    }
  }

  /**
   * A tenant or group as a file name: lower-case ASCII letters, digits, {@code -} and {@code _} as
   * they are, every other UTF-8 byte as {@code %XX}. No dot, slash or upper-case letter remains, so
   * the name stays in its folder and differs from every other name even where case is ignored.
   */
  static String encode(String value) {
    StringBuilder name = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        name.append((char) c);
      } else {
        name.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        name.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return name.toString();
  }

  private static void createTenantFolder(Path tenantFolder) {
    if (Files.isDirectory(tenantFolder)) {
      return;
    }
    try {
      if (tenantFolder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectory(
            tenantFolder,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(tenantFolder);
      }
    } catch (FileAlreadyExistsException e) {
      // Another run created it first.
    } catch (IOException e) {
      throw ioFailure(
          "could not create snapshot folder "
              + tenantFolder
              + " ("
              + e
              + "); check that its parent exists and is writable",
          e);
    }
  }

  private static SnapshotException ioFailure(String summary, IOException cause) {
    return new SnapshotException(SnapshotException.Reason.IO_FAILURE, summary, cause);
  }

  @Override
  public String toString() {
    return file != null ? "snapshot file " + file : "snapshot folder " + folder;
  }
}
