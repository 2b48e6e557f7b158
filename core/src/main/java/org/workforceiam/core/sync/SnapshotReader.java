package org.workforceiam.core.sync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.UserId;

/**
 * Reads a snapshot file ({@link SnapshotFormat}), passing each member to a {@link
 * SnapshotStore.Rows} as it comes and checking everything: the header, each line, the member count
 * and the checksum, and last the group. Rows passed before a failure do not count: the caller drops
 * them when the read throws. It only reads; the file is never changed.
 */
final class SnapshotReader {
  private static final String START_OVER =
      " The file was left untouched. Restore it from a backup, or delete it to start over with a"
          + " first sync (which reports no joins, leaves or changes).";
  private static final String SEPARATOR = String.valueOf(SnapshotFormat.SEPARATOR);

  private final Path file;
  private final GroupId expectedGroup;
  private final SnapshotStore.Rows rows;
  private final BufferedReader lines;
  private final MessageDigest digest = Fingerprinter.sha256();
  private final char[] buffer = new char[1 << 16];
  private final StringBuilder line = new StringBuilder(128);
  private int position;
  private int limit;
  private int lineNumber;

  private SnapshotReader(
      Path file, GroupId expectedGroup, SnapshotStore.Rows rows, BufferedReader lines) {
    this.file = file;
    this.expectedGroup = expectedGroup;
    this.rows = rows;
    this.lines = lines;
  }

  /**
   * Reads a snapshot.
   *
   * @param file the file
   * @param expectedGroup the group the file must hold
   * @param rows told of each member
   * @return the header, or empty when the file does not exist
   * @throws SnapshotException when it cannot be read, is not a valid snapshot of version 1, or
   *     holds another group; or what {@code rows} throws
   */
  static Optional<SnapshotStore.Header> read(
      Path file, GroupId expectedGroup, SnapshotStore.Rows rows) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()),
            1 << 16)) {
      return Optional.of(new SnapshotReader(file, expectedGroup, rows, lines).read());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (CharacterCodingException e) {
      throw new SnapshotException(
          SnapshotException.Reason.UNREADABLE,
          "snapshot file " + file + " is corrupt: it is not valid UTF-8." + START_OVER,
          e);
    } catch (IOException e) {
      throw new SnapshotException(
          SnapshotException.Reason.IO_FAILURE,
          "could not read snapshot file " + file + " (" + e + "); check that it is a readable file",
          e);
    }
  }

  private SnapshotStore.Header read() throws IOException {
    String first = nextLine();
    if (first == null) {
      throw unreadable("it is empty");
    }
    String[] magic = first.split(SEPARATOR, -1);
    if (!magic[0].equals(SnapshotFormat.MAGIC)) {
      throw unreadable(
          "it is not a workforce-iam snapshot: its first line is not '"
              + SnapshotFormat.MAGIC
              + "', a tab and a version");
    }
    if (magic.length != 2 || !magic[1].equals(String.valueOf(SnapshotFormat.VERSION))) {
      throw new SnapshotException(
          SnapshotException.Reason.UNSUPPORTED_VERSION,
          "snapshot file "
              + file
              + " has format version '"
              + first.substring(SnapshotFormat.MAGIC.length()).strip()
              + "'; this release reads version "
              + SnapshotFormat.VERSION
              + " only. Sync with the release that wrote it, or delete the file to start over"
              + " with a first sync (which reports no joins, leaves or changes). The file was"
              + " left untouched.",
          null);
    }
    hash(first);

    GroupId group;
    Instant takenAt;
    byte[] salt;
    try {
      group = GroupId.of(SnapshotFormat.unescape(headerValue(SnapshotFormat.GROUP)));
      takenAt = Instant.parse(headerValue(SnapshotFormat.TAKEN_AT));
      salt = SnapshotFormat.HEX.parseHex(headerValue(SnapshotFormat.SALT));
      if (salt.length != Fingerprinter.SALT_BYTES) {
        throw new IllegalArgumentException(
            "the salt is " + salt.length + " bytes, not " + Fingerprinter.SALT_BYTES);
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw malformed(e);
    }

    long[] fingerprint = new long[Fingerprinter.SIZE];
    int members = 0;
    long generation;
    while (true) {
      String line = nextLine();
      if (line == null) {
        throw unreadable(
            "it is truncated: it ends after "
                + members
                + " members, without its '"
                + SnapshotFormat.END
                + "' line");
      }
      String[] fields = line.split(SEPARATOR, -1);
      if (fields[0].equals(SnapshotFormat.END)) {
        generation = checkEnd(fields, members);
        break;
      }
      hash(line);
      if (!fields[0].equals(SnapshotFormat.MEMBER)
          || fields.length != SnapshotFormat.MEMBER_FIELDS) {
        throw unreadable(
            "line "
                + lineNumber
                + " is neither a member ('"
                + SnapshotFormat.MEMBER
                + "' and "
                + (SnapshotFormat.MEMBER_FIELDS - 1)
                + " fields) nor the '"
                + SnapshotFormat.END
                + "' line");
      }
      String id;
      String login;
      try {
        id = UserId.of(SnapshotFormat.unescape(fields[1])).value();
        login = SnapshotFormat.unescape(fields[2]);
        if (login.isBlank()) {
          throw new IllegalArgumentException("the login is blank");
        }
        for (int i = 0; i < Fingerprinter.SIZE; i++) {
          fingerprint[i] = parseHash(fields[3 + i]);
        }
      } catch (IllegalArgumentException e) {
        throw malformed(e);
      }
      rows.row(id, login, fingerprint);
      members++;
    }
    if (nextLine() != null) {
      throw unreadable(
          "line " + lineNumber + " follows the '" + SnapshotFormat.END + "' line, which ends it");
    }
    if (!group.equals(expectedGroup)) {
      throw new SnapshotException(
          SnapshotException.Reason.OTHER_GROUP,
          "snapshot file "
              + file
              + " holds group "
              + group
              + ", not "
              + expectedGroup
              + "; keep one snapshot file per group. The file was left untouched.",
          null);
    }
    return SnapshotStore.Header.of(generation, takenAt, salt);
  }

  private String headerValue(String key) throws IOException {
    String line = nextLine();
    if (line == null) {
      throw unreadable("it is truncated: it ends in its header, before the '" + key + "' line");
    }
    hash(line);
    String[] fields = line.split(SEPARATOR, -1);
    if (fields.length != 2 || !fields[0].equals(key)) {
      throw unreadable("line " + lineNumber + " is not the '" + key + "' line");
    }
    return fields[1];
  }

  /** Checks the end line and returns the generation: the checksum's first 8 bytes, never 0. */
  private long checkEnd(String[] fields, int count) {
    byte[] actual = digest.digest();
    if (fields.length != 3) {
      throw unreadable(
          "its '" + SnapshotFormat.END + "' line (line " + lineNumber + ") is cut short");
    }
    if (!fields[1].equals(Integer.toString(count))) {
      throw unreadable(
          "it is truncated or damaged: its '"
              + SnapshotFormat.END
              + "' line counts "
              + fields[1]
              + " members, but it holds "
              + count);
    }
    // Compared as the text the writer wrote (lower-case hex), so that no byte of the file can
    // change unnoticed: parsing would accept an upper-case digit as well.
    byte[] expected = fields[2].getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(
        expected, SnapshotFormat.HEX.formatHex(actual).getBytes(StandardCharsets.UTF_8))) {
      throw unreadable("its checksum does not match its contents, which were changed or damaged");
    }
    return generation(actual);
  }

  /**
   * The generation of a snapshot file: the first 8 bytes of its checksum, so that it changes with
   * the contents; 1 where those bytes are 0, which stands for no snapshot.
   */
  static long generation(byte[] checksum) {
    long generation = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      generation = (generation << 8) | (checksum[i] & 0xFF);
    }
    return generation == SnapshotStore.NO_SNAPSHOT ? 1 : generation;
  }

  private static long parseHash(String hex) {
    if (hex.length() != 16) {
      throw new IllegalArgumentException("a hash is not 16 hex digits: '" + hex + "'");
    }
    return HexFormat.fromHexDigitsToLong(hex);
  }

  /**
   * The next line without its line feed, or null at the end of the file. Only a line feed ends a
   * line (the writer escapes every other line break), and every line ends in one: a carriage return
   * is part of the line, and a last line without its line feed is cut short.
   */
  private @Nullable String nextLine() throws IOException {
    line.setLength(0);
    while (true) {
      if (position == limit) {
        limit = lines.read(buffer);
        position = 0;
        if (limit < 0) {
          limit = 0;
          if (line.length() == 0) {
            return null;
          }
          throw unreadable(
              "it is truncated: line " + (lineNumber + 1) + " does not end with a line feed");
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      line.append(buffer, start, position - start);
      if (position < limit) {
        position++; // the line feed
        lineNumber++;
        return line.toString();
      }
    }
  }

  private void hash(String line) {
    digest.update(line.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }

  private SnapshotException malformed(RuntimeException e) {
    return new SnapshotException(
        SnapshotException.Reason.UNREADABLE,
        "snapshot file "
            + file
            + " is corrupt: line "
            + lineNumber
            + " is malformed ("
            + e.getMessage()
            + ")."
            + START_OVER,
        e);
  }

  private SnapshotException unreadable(String why) {
    return new SnapshotException(
        SnapshotException.Reason.UNREADABLE,
        "snapshot file " + file + " cannot be used: " + why + "." + START_OVER,
        null);
  }
}
