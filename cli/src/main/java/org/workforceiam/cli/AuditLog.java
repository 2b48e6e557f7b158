package org.workforceiam.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.EnumSet;
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
 * $XDG_STATE_HOME/helpdesk/audit.jsonl}, else {@code ~/.local/state/helpdesk/audit.jsonl}. On a
 * POSIX file system it is created with mode 0600 (its folders 0700), and an existing file that
 * others may read or write is tightened when it is opened: its group and other permissions are
 * removed (0644 becomes 0600); one that cannot be tightened (another user's) is refused. Elsewhere
 * (Windows) permissions are left to the folder's ACL, which under the user's profile is the user's
 * own. When the log cannot be opened or its {@code attempt} line written, the change is refused
 * before anything is sent; when only the {@code outcome} line fails, the change has been made and
 * {@link OutcomeNotRecorded} says so.
 *
 * <p>Several processes may append at once (two operators, or a script running the CLI in parallel):
 * each line is opened, locked ({@link FileLock}), written in one append, forced to disk and closed,
 * so lines never interleave and a log rotated between two lines gets the second one in its new
 * file. File locks belong to the whole JVM, so appends within one JVM are serialised too.
 */
final class AuditLog implements AutoCloseable {
  static final String ENV = "HELPDESK_AUDIT_LOG";
  static final String ACTOR_ENV = "HELPDESK_ACTOR";

  /**
   * Serialises appends within this JVM: a {@link FileLock} is held on behalf of the JVM, and a
   * second channel of one process asking for it throws {@link
   * java.nio.channels.OverlappingFileLockException} instead of waiting.
   */
  private static final Object APPENDS = new Object();

  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private final Path file;
  private final FileAttribute<?>[] ownerOnly;
  private final Clock clock;

  private AuditLog(Path file, FileAttribute<?>[] ownerOnly, Clock clock) {
    this.file = file;
    this.ownerOnly = ownerOnly;
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
   * Opens the log for appending: creates it (0600) and its folders (0700) when absent, and takes
   * the group and other permissions away from an existing file that has any.
   *
   * @throws UsageException when it cannot be opened or tightened: nothing may be sent then
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
      AuditLog log = new AuditLog(file, ownerOnly, clock);
      // Opened once here, so a log that cannot be written refuses the change before it starts.
      log.openChannel().close();
      if (posix) {
        tighten(file);
      }
      return log;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      throw cannotWrite(file, e);
    }
  }

  /** Takes away the group and other permissions of an existing log, or refuses it. */
  private static void tighten(Path file) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (IOException e) {
      throw cannotWrite(file, e);
    }
    if (permissions.stream().noneMatch(OTHERS::contains)) {
      return;
    }
    Set<PosixFilePermission> ownerOnly = EnumSet.noneOf(PosixFilePermission.class);
    ownerOnly.addAll(permissions);
    ownerOnly.removeAll(OTHERS);
    try {
      Files.setPosixFilePermissions(file, ownerOnly);
    } catch (IOException | SecurityException e) {
      throw new UsageException(
          "the audit log "
              + file
              + " may be read or written by others (mode "
              + PosixFilePermissions.toString(permissions)
              + ") and could not be made private to its owner ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "), so no change was sent; run chmod 600 on it as its owner, or choose another"
              + " file with --audit-log or "
              + ENV);
    }
  }

  private FileChannel openChannel() throws IOException {
    return FileChannel.open(
        file,
        Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
        ownerOnly);
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

    /** The id that ties the attempt line to its outcome line. */
    String id() {
      return id;
    }

    /**
     * Records that the change is about to be sent.
     *
     * @throws UsageException when the line cannot be written: the change must not be sent
     */
    void started() {
      try {
        write("attempt", Map.of());
      } catch (IOException e) {
        throw cannotWrite(file, e);
      }
    }

    /**
     * Records how it ended, with the provider's request id when there is one.
     *
     * @throws OutcomeNotRecorded when the line cannot be written
     */
    void ended(String outcome, Optional<String> requestId) {
      Map<String, @Nullable Object> end = new LinkedHashMap<>();
      end.put("outcome", outcome);
      end.put("error", null);
      end.put("errorCode", null);
      end.put("requestId", requestId.orElse(null));
      end.put("exitCode", ExitCodes.OK);
      writeOutcome(end);
    }

    /**
     * Records the failure that ended it.
     *
     * @throws OutcomeNotRecorded when the line cannot be written
     */
    void failed(Throwable failure) {
      Map<String, @Nullable Object> end = new LinkedHashMap<>();
      end.put("outcome", outcomeOf(failure));
      end.put("error", failure.getClass().getSimpleName());
      end.put(
          "errorCode", failure instanceof IamException iam ? iam.errorCode().orElse(null) : null);
      end.put(
          "requestId", failure instanceof IamException iam ? iam.requestId().orElse(null) : null);
      end.put("exitCode", ExitCodes.of(failure));
      writeOutcome(end);
    }

    private void writeOutcome(Map<String, @Nullable Object> end) {
      try {
        write("outcome", end);
      } catch (IOException e) {
        throw new OutcomeNotRecorded(file, id, String.valueOf(end.get("outcome")), e);
      }
    }

    private void write(String event, Map<String, @Nullable Object> end) throws IOException {
      Map<String, @Nullable Object> line = new LinkedHashMap<>();
      line.put("time", clock.instant().toString());
      line.put("event", event);
      line.put("attemptId", id);
      line.putAll(fields);
      line.putAll(end);
      append(Output.json(line) + "\n");
    }
  }

  /**
   * The {@code outcome} line of an attempt could not be written. Its {@code attempt} line is in the
   * log, and the change was sent: the record is incomplete, the change is not undone.
   */
  static final class OutcomeNotRecorded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutcomeNotRecorded(Path file, String attemptId, String outcome, IOException cause) {
      super(
          "the outcome ("
              + outcome
              + ") of this attempt was not recorded in the audit log "
              + file
              + " ("
              + cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
              + "): the log has only its attempt line, attemptId "
              + attemptId
              + "; add the outcome to the record by hand",
          cause);
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

  /**
   * One line, in one append under the file's lock, forced to the disk before the change it
   * announces is sent. The file is opened for each line (and created 0600 when a rotation took it
   * away), so no channel is held between the attempt and its outcome.
   */
  private void append(String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    synchronized (APPENDS) {
      try (FileChannel channel = openChannel()) {
        FileLock lock = channel.lock();
        try {
          channel.write(bytes);
          while (bytes.hasRemaining()) {
            // A short write: the rest follows at once, still under the lock.
            channel.write(bytes);
          }
          channel.force(false);
        } finally {
          lock.release();
        }
      }
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
    // Nothing held: each line opens, locks and closes the file itself.
  }

  @Override
  public String toString() {
    return "AuditLog{" + file + "}";
  }
}
