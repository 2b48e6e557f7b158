package org.workforceiam.core.sync;

import java.util.HexFormat;

/**
 * The snapshot file format, version 1: UTF-8 text, one record per line, fields separated by tabs,
 * every line ending in a line feed. An example, with tabs shown as spaces:
 *
 * <pre>
 * workforce-iam-snapshot 1
 * group 00g1emaKYZTWRYYRRTSK
 * taken-at 2026-11-28T02:00:00Z
 * salt 9f2c0d6e5b1a4c3d8e7f6a5b4c3d2e1f
 * m 00u1ada ada@example.com 5d1c… a07e… 31b9… c4f2…
 * m 00u2grace grace@example.com 0000000000000000 9e44… 77a0… c4f2…
 * end 2 3b4c…(64 hex digits)
 * </pre>
 *
 * <ul>
 *   <li>Line 1: the format name and version. Another version is refused, never guessed at.
 *   <li>{@code group}: the group's id; {@code taken-at}: when the sync that wrote it started (ISO
 *       8601); {@code salt}: 16 random bytes in hex, kept from one snapshot to the next.
 *   <li>{@code m}: one member: id, login, then the 64-bit hashes of first name, last name, primary
 *       email and status (the provider's word, in upper case) as 16 hex digits each ({@link
 *       Fingerprinter}); 0 for an absent value. Ids and logins are stored as they are, so a member
 *       who left can be named; names and email addresses are not stored.
 *   <li>{@code end}: the number of members and the SHA-256, in hex, of every byte before this line.
 *       A file without it, or whose count or checksum disagrees, is truncated or corrupt. Nothing
 *       follows it.
 * </ul>
 *
 * <p>In ids, logins and the group, a backslash, tab, line feed and carriage return are written as
 * {@code \\}, {@code \t}, {@code \n} and {@code \r}.
 */
final class SnapshotFormat {
  static final String MAGIC = "workforce-iam-snapshot";
  static final int VERSION = 1;
  static final String GROUP = "group";
  static final String TAKEN_AT = "taken-at";
  static final String SALT = "salt";
  static final String MEMBER = "m";
  static final String END = "end";
  static final char SEPARATOR = '\t';
  static final int MEMBER_FIELDS = 3 + Fingerprinter.SIZE;
  static final HexFormat HEX = HexFormat.of();

  private SnapshotFormat() {}

  static void appendEscaped(StringBuilder line, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\t' -> line.append("\\t");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        default -> line.append(c);
      }
    }
  }

  /**
   * Reverses {@link #appendEscaped}.
   *
   * @throws IllegalArgumentException on a backslash not followed by one of {@code \ t n r}
   */
  static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder text = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\\') {
        text.append(c);
        continue;
      }
      if (++i == value.length()) {
        throw new IllegalArgumentException("a backslash ends the field");
      }
      switch (value.charAt(i)) {
        case '\\' -> text.append('\\');
        case 't' -> text.append('\t');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        default ->
            throw new IllegalArgumentException(
                "unknown escape \\" + value.charAt(i) + " (only \\\\, \\t, \\n and \\r exist)");
      }
    }
    return text.toString();
  }
}
