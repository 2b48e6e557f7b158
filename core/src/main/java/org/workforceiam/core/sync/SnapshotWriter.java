package org.workforceiam.core.sync;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.GroupId;

/**
 * Writes a snapshot ({@link SnapshotFormat}) as members stream in, to a temporary file next to the
 * snapshot file, created with mode 0600 where the file system has POSIX permissions; {@link
 * #commit()} adds the end line, forces it to disk and renames it over the snapshot file in one
 * atomic step. Until then the previous snapshot file is untouched, and {@link #abort()} (or a
 * crash) leaves it so.
 *
 * <p>Temporary files are named {@code .<snapshot file name>.<16 hex digits>.tmp}. One left behind
 * by a crash is never read; the next successful commit deletes it.
 *
 * <p>Compare-and-set: just before the rename, under a lock per snapshot file that all writers of
 * this JVM share, the commit reads the generation of the file in place from its end line and goes
 * ahead only if it is the one the run read ({@link SnapshotStore#NO_SNAPSHOT}: no file). Another
 * process can still rename its file in between; the documentation says so.
 *
 * <p>Not thread-safe: one per run.
 */
final class SnapshotWriter implements SnapshotStore.Writer {
  private static final Logger log = LoggerFactory.getLogger(SnapshotWriter.class);
  private static final String TEMP_SUFFIX = ".tmp";
  private static final int TEMP_RANDOM_DIGITS = 16;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  /** One lock per snapshot file, shared by every writer of this JVM. */
  private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

  /** The longest end line: "end", a count, a 64-digit checksum, two tabs and a line feed. */
  private static final int TAIL_BYTES = 96;

  private final Path file;
  private final Path temp;
  private final FileMover mover;
  private final long expectedGeneration;
  private final FileChannel channel;
  private final OutputStream out;
  private final MessageDigest digest = Fingerprinter.sha256();
  private final StringBuilder line = new StringBuilder(128);
  private int members;
  private boolean closed;
  private boolean committed;

  private SnapshotWriter(
      Path file, Path temp, FileChannel channel, FileMover mover, long expectedGeneration) {
    this.file = file;
    this.temp = temp;
    this.channel = channel;
    this.mover = mover;
    this.expectedGeneration = expectedGeneration;
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
  }

  /**
   * Creates the temporary file and writes the header.
   *
   * @param file the snapshot file, absolute
   * @param expectedGeneration the generation of the file the run read, or {@link
   *     SnapshotStore#NO_SNAPSHOT}
   * @throws SnapshotException when the temporary file cannot be created or written
   */
  static SnapshotWriter open(
      Path file,
      GroupId group,
      Instant takenAt,
      byte[] salt,
      FileMover mover,
      long expectedGeneration) {
    Path folder = folderOf(file);
    SecureRandom random = new SecureRandom();
    for (int attempt = 1; ; attempt++) {
      Path temp = folder.resolve(tempPrefix(file) + randomHex(random) + TEMP_SUFFIX);
      FileChannel channel;
      try {
        channel = createOwnerOnly(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt < 10) {
          continue;
        }
        throw ioFailure("could not create a temporary snapshot file in " + folder, e);
      } catch (NoSuchFileException e) {
        throw ioFailure(
            "could not create a temporary snapshot file in "
                + folder
                + ": the folder does not exist; create it, or choose another snapshot file",
            e);
      } catch (IOException e) {
        throw ioFailure(
            "could not create a temporary snapshot file in " + folder + " (" + e + ")", e);
      }
      SnapshotWriter writer = new SnapshotWriter(file, temp, channel, mover, expectedGeneration);
      try {
        writer.header(group, takenAt, salt);
      } catch (RuntimeException e) {
        writer.abort();
        throw e;
      }
      return writer;
    }
  }

  private static FileChannel createOwnerOnly(Path temp) throws IOException {
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      FileAttribute<Set<PosixFilePermission>> ownerOnly =
          PosixFilePermissions.asFileAttribute(OWNER_ONLY);
      return FileChannel.open(temp, options, ownerOnly);
    }
    log.debug("{} has no POSIX permissions; the snapshot gets the folder's default", temp);
    return FileChannel.open(temp, options);
  }

  private void header(GroupId group, Instant takenAt, byte[] salt) {
    line.append(SnapshotFormat.MAGIC)
        .append(SnapshotFormat.SEPARATOR)
        .append(SnapshotFormat.VERSION);
    writeLine();
    line.append(SnapshotFormat.GROUP).append(SnapshotFormat.SEPARATOR);
    SnapshotFormat.appendEscaped(line, group.value());
    writeLine();
    line.append(SnapshotFormat.TAKEN_AT).append(SnapshotFormat.SEPARATOR).append(takenAt);
    writeLine();
    line.append(SnapshotFormat.SALT)
        .append(SnapshotFormat.SEPARATOR)
        .append(SnapshotFormat.HEX.formatHex(salt));
    writeLine();
  }

  /**
   * Appends a member.
   *
   * @throws IllegalArgumentException when the id or login is blank or the hashes are too few
   * @throws SnapshotException when writing fails
   */
  @Override
  public void row(String id, String login, long[] fingerprint) {
    if (id.isBlank() || login.isBlank() || fingerprint.length != Fingerprinter.SIZE) {
      throw new IllegalArgumentException(
          "a snapshot row needs an id, a login and " + Fingerprinter.SIZE + " hashes");
    }
    line.append(SnapshotFormat.MEMBER).append(SnapshotFormat.SEPARATOR);
    SnapshotFormat.appendEscaped(line, id);
    line.append(SnapshotFormat.SEPARATOR);
    SnapshotFormat.appendEscaped(line, login);
    for (int i = 0; i < Fingerprinter.SIZE; i++) {
      line.append(SnapshotFormat.SEPARATOR).append(SnapshotFormat.HEX.toHexDigits(fingerprint[i]));
    }
    writeLine();
    members++;
  }

  /**
   * Finishes the file and moves it into place if the file in place is still the one the run read.
   * On failure the temporary file is deleted and the previous snapshot file is untouched.
   *
   * @return the new generation
   * @throws SnapshotConflictException when the file in place is not the one the run read
   * @throws SnapshotException when finishing or moving fails
   */
  @Override
  public long commit() {
    if (committed || closed) {
      throw new IllegalStateException("this snapshot writer was committed or closed already");
    }
    byte[] checksum = digest.digest();
    String end =
        SnapshotFormat.END
            + SnapshotFormat.SEPARATOR
            + members
            + SnapshotFormat.SEPARATOR
            + SnapshotFormat.HEX.formatHex(checksum)
            + '\n';
    try {
      out.write(end.getBytes(StandardCharsets.UTF_8));
      out.flush();
      channel.force(true);
      closed = true;
      channel.close();
    } catch (IOException e) {
      abort();
      throw ioFailure("could not write the new snapshot to " + temp + " (" + e + ")", e);
    }
    synchronized (LOCKS.computeIfAbsent(file, key -> new Object())) {
      checkGeneration();
      try {
        mover.move(temp, file);
      } catch (IOException e) {
        abort();
        throw ioFailure(
            "could not move the new snapshot " + temp + " over " + file + " (" + e + ")", e);
      }
    }
    committed = true;
    forceFolder();
    deleteLeftovers();
    return SnapshotReader.generation(checksum);
  }

  /**
   * Throws, having deleted the temporary file, unless the file in place is the one the run read.
   */
  private void checkGeneration() {
    Optional<Long> current;
    try {
      current = generationInPlace(file);
    } catch (IOException e) {
      abort();
      throw ioFailure("could not read " + file + " before replacing it (" + e + ")", e);
    }
    if (current.isPresent() && current.get() == expectedGeneration) {
      return;
    }
    abort();
    String found =
        current.isEmpty()
            ? "holds no complete snapshot"
            : current.get() == SnapshotStore.NO_SNAPSHOT
                ? "no longer exists"
                : "holds another snapshot (generation " + current.get() + ")";
    String expected =
        expectedGeneration == SnapshotStore.NO_SNAPSHOT
            ? "no file"
            : "generation " + expectedGeneration;
    throw new SnapshotConflictException(
        "snapshot file "
            + file
            + " was replaced while this sync ran: it read "
            + expected
            + ", and the file now "
            + found
            + ". Another sync wrote it; this run stored nothing and its changes do not count."
            + " The next run compares with the file in place.");
  }

  /**
   * The generation of the file in place, from its end line: {@link SnapshotStore#NO_SNAPSHOT} when
   * there is no file, empty when its last line is not a well-formed end line.
   */
  static Optional<Long> generationInPlace(Path file) throws IOException {
    byte[] tail;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      int length = (int) Math.min(size, TAIL_BYTES);
      ByteBuffer buffer = ByteBuffer.allocate(length);
      channel.position(size - length);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // reads the tail
      }
      tail = Arrays.copyOf(buffer.array(), buffer.position());
    } catch (NoSuchFileException e) {
      return Optional.of(SnapshotStore.NO_SNAPSHOT);
    }
    String text = new String(tail, StandardCharsets.ISO_8859_1);
    if (!text.endsWith("\n")) {
      return Optional.empty();
    }
    String last = text.substring(text.lastIndexOf('\n', text.length() - 2) + 1, text.length() - 1);
    String[] fields = last.split(String.valueOf(SnapshotFormat.SEPARATOR), -1);
    if (fields.length != 3
        || !fields[0].equals(SnapshotFormat.END)
        || fields[2].length() != 64
        || !fields[2].chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(SnapshotReader.generation(SnapshotFormat.HEX.parseHex(fields[2])));
  }

  /** Discards the new snapshot unless it was committed. */
  @Override
  public void close() {
    if (!committed) {
      abort();
    }
  }

  /** Closes and deletes the temporary file, quietly: the run is failing already. */
  void abort() {
    if (!closed) {
      closed = true;
      try {
        channel.close();
      } catch (IOException e) {
        log.debug("could not close temporary snapshot file {}", temp, e);
      }
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      log.warn(
          "could not delete temporary snapshot file {} ({}); delete it by hand, it holds personal"
              + " data",
          temp,
          e.toString());
    }
  }

  private void writeLine() {
    line.append('\n');
    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
    line.setLength(0);
    digest.update(bytes);
    try {
      out.write(bytes);
    } catch (IOException e) {
      throw ioFailure("could not write the new snapshot to " + temp + " (" + e + ")", e);
    }
  }

  /** Makes the rename durable where the platform can open a folder; elsewhere it already is. */
  private void forceFolder() {
    try (FileChannel folder = FileChannel.open(folderOf(file), StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      log.debug("could not force folder {} to disk after the rename", folderOf(file), e);
    }
  }

  /** Deletes temporary files that interrupted runs for the same snapshot file left behind. */
  private void deleteLeftovers() {
    String prefix = tempPrefix(file);
    try (DirectoryStream<Path> leftovers =
        Files.newDirectoryStream(folderOf(file), entry -> isTempName(entry, prefix))) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
        log.info("deleted {}, left behind by an interrupted sync", leftover);
      }
    } catch (IOException e) {
      log.warn(
          "could not delete temporary snapshot files left in {} by interrupted syncs ({})",
          folderOf(file),
          e.toString());
    }
  }

  private static boolean isTempName(Path entry, String prefix) {
    Path name = entry.getFileName();
    if (name == null) {
      return false;
    }
    String text = name.toString();
    if (text.length() != prefix.length() + TEMP_RANDOM_DIGITS + TEMP_SUFFIX.length()
        || !text.startsWith(prefix)
        || !text.endsWith(TEMP_SUFFIX)) {
      return false;
    }
    for (int i = prefix.length(); i < prefix.length() + TEMP_RANDOM_DIGITS; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static String tempPrefix(Path file) {
    return "." + file.getFileName() + ".";
  }

  private static String randomHex(SecureRandom random) {
    return SnapshotFormat.HEX.toHexDigits(random.nextLong());
  }

  static Path folderOf(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    if (folder == null) {
      throw new IllegalArgumentException("snapshot file " + file + " has no folder");
    }
    return folder;
  }

  private static SnapshotException ioFailure(String summary, IOException cause) {
    return new SnapshotException(
        SnapshotException.Reason.IO_FAILURE,
        summary + "; the previous snapshot file is untouched",
        cause);
  }
}
