package org.workforceiam.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A second process writing the audit log, for {@link AuditLogConcurrencyTest}: appends {@code
 * count} attempt lines of about {@code size} characters, each tagged with {@code writer}, to {@code
 * file}, as a helpdesk process would.
 */
public final class AuditLogAppender {
  private AuditLogAppender() {}

  /**
   * Appends the lines.
   *
   * @param args the file, the writer's name, how many lines, and the size of each
   */
  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    String writer = args[1];
    int count = Integer.parseInt(args[2]);
    int size = Integer.parseInt(args[3]);
    append(AuditLog.open(file, Clock.systemUTC()), writer, count, size);
  }

  /** Appends {@code count} attempt lines through this log. */
  static void append(AuditLog log, String writer, int count, int size) {
    for (int i = 0; i < count; i++) {
      Map<String, @Nullable Object> fields = new LinkedHashMap<>();
      fields.put("writer", writer);
      fields.put("n", i);
      // One long value, so a line takes more than one buffer of the file system's to write.
      fields.put("padding", String.valueOf((char) ('a' + i % 26)).repeat(size));
      log.attempt(fields).started();
    }
  }
}
