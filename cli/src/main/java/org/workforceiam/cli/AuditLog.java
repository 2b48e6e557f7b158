package org.workforceiam.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.IamException;

/**
 * The helpdesk's own record of who did what: Okta's System Log attributes every change to the
 * service app, so each change attempt the CLI makes (dry runs and refusals included) is appended
 * here as JSON lines. An {@code attempt} line is written, and forced to disk, before the change is
 * sent; an {@code outcome} line with the same {@code attemptId} after. A line holds no secret:
 * never a reset link, temporary password or token.
 *
 * <p>The file is {@code --audit-log}, else {@code $HELPDESK_AUDIT_LOG}, else {@code
 * $XDG_STATE_HOME/helpdesk/audit.jsonl}, else {@code ~/.local/state/helpdesk/audit.jsonl}. It is
 * created with mode 0600 (its folders 0700) on a POSIX file system; an existing file keeps its
 * mode. When it cannot be opened or written, the change is refused before anything is sent.
 */
final class AuditLog implements AutoCloseable {
  static final String ENV = "HELPDESK_AUDIT_LOG";
  static final String ACTOR_ENV = "HELPDESK_ACTOR";

  private final Path file;
  private final FileChannel channel;
  private final Clock clock;

  private AuditLog(Path file, FileChannel channel, Clock clock) {
    this.file = file;
    this.channel = channel;
    this.clock = clock;
  }

  /** Where the log is: the flag, the environment variable, or the XDG state folder. */
  static Path location(@Nullable String flag, Map<String, String> env) {
    String explicit = flag != null ? flag : env.get(ENV);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit.strip());
    }
    String state = env.get("XDG_STATE_HOME");
    // The XDG spec: a relative path is invalid and must be ignored.
    if (state != null && !state.isBlank() && Path.of(state).isAbsolute()) {
      return Path.of(state, "helpdesk", "audit.jsonl");
    }
    String home = env.get("HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("user.home");
    }
    return Path.of(home, ".local", "state", "helpdesk", "audit.jsonl");
  }

  /**
   * Opens the log for appending, creating it (0600) and its folders (0700) when absent.
   *
   * @throws UsageException when it cannot be opened: nothing may be sent then
   */
  static AuditLog open(Path file, Clock clock) {
    try {
      boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        if (posix) {
          Files.createDirectories(
              parent,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(parent);
        }
      }
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
        throw new IOException("not a regular file");
      }
      FileAttribute<?>[] ownerOnly =
          posix
              ? new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
              }
              : new FileAttribute<?>[0];
      FileChannel channel =
          FileChannel.open(
              file,
              Set.of(
                  StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
              ownerOnly);
      return new AuditLog(file, channel, clock);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      throw cannotWrite(file, e);
    }
  }

  Path file() {
    return file;
  }

  /**
   * Starts the record of one attempt: the fields every line of it repeats.
   *
   * @param fields who, where, on whom, what and with which options
   * @return the attempt, with a new id
   */
  Attempt attempt(Map<String, @Nullable Object> fields) {
    return new Attempt(UUID.randomUUID().toString(), new LinkedHashMap<>(fields));
  }

  /** One change attempt: an {@code attempt} line, then an {@code outcome} line. */
  final class Attempt {
    private final String id;
    private final Map<String, @Nullable Object> fields;

    private Attempt(String id, Map<String, @Nullable Object> fields) {
      this.id = id;
      this.fields = fields;
    }

    /** Adds or replaces a field of every later line, such as the resolved user id. */
    void put(String name, @Nullable Object value) {
      fields.put(name, value);
    }

    /**
     * Records that the change is about to be sent.
     *
     * @throws UsageException when the line cannot be written: the change must not be sent
     */
    void started() {
      write("attempt", Map.of());
    }

    /** Records how it ended, with the provider's request id when there is one. */
    void ended(String outcome, Optional<String> requestId) {
      Map<String, @Nullable Object> end = new LinkedHashMap<>();
      end.put("outcome", outcome);
      end.put("error", null);
      end.put("errorCode", null);
      end.put("requestId", requestId.orElse(null));
      end.put("exitCode", ExitCodes.OK);
      write("outcome", end);
    }

    /** Records the failure that ended it. */
    void failed(Throwable failure) {
      Map<String, @Nullable Object> end = new LinkedHashMap<>();
      end.put("outcome", outcomeOf(failure));
      end.put("error", failure.getClass().getSimpleName());
      end.put(
          "errorCode", failure instanceof IamException iam ? iam.errorCode().orElse(null) : null);
      end.put(
          "requestId", failure instanceof IamException iam ? iam.requestId().orElse(null) : null);
      end.put("exitCode", ExitCodes.of(failure));
      write("outcome", end);
    }

    private void write(String event, Map<String, @Nullable Object> end) {
      Map<String, @Nullable Object> line = new LinkedHashMap<>();
      line.put("time", clock.instant().toString());
      line.put("event", event);
      line.put("attemptId", id);
      line.putAll(fields);
      line.putAll(end);
      append(Output.json(line) + "\n");
    }
  }

  static String outcomeOf(Throwable failure) {
    if (failure instanceof IamException.OutcomeUnknown) {
      return "OUTCOME_UNKNOWN";
    }
    if (failure instanceof IamException.PartiallyApplied) {
      return "PARTIALLY_APPLIED";
    }
    if (failure instanceof IamException.PermissionDenied
        || failure instanceof IamException.InvalidState
        || failure instanceof IamException.OperationNotSupported) {
      return "REFUSED";
    }
    return "FAILED";
  }

  /** One line, in one append, forced to the disk before the change it announces is sent. */
  private synchronized void append(String line) {
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
  }

  private static UsageException cannotWrite(Path file, Exception e) {
    return new UsageException(
        "cannot write the audit log "
            + file
            + " ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + "), so no change was sent; make it writable, or choose another file with"
            + " --audit-log or "
            + ENV);
  }

  /** The operator: the OS account running the tool. */
  static String osUser() {
    return System.getProperty("user.name", "unknown");
  }

  /** This machine's name, without a DNS lookup when the system says it. */
  static String host(Map<String, String> env) {
    for (String name : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    try {
      Path etc = Path.of("/etc/hostname");
      if (Files.isReadable(etc)) {
        String value = Files.readString(etc).strip();
        if (!value.isEmpty()) {
          return value;
        }
      }
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // Every line was forced to disk when written; nothing is lost by a failed close.
    }
  }

  @Override
  public String toString() {
    return "AuditLog{" + file + "}";
  }
}
