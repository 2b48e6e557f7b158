package org.workforceiam.core.sync;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Page;

/**
 * Syncs one group of an {@link IamDirectory} against a snapshot: lists the members page by page,
 * reports who joined, who left and whose login, name, email or status changed since the snapshot
 * was taken, counts statuses, names incomplete profiles, and replaces the snapshot with the new
 * one. Works with any directory, the in-memory fake included. The snapshot is a file ({@link
 * Builder#snapshotFile}) or lives in a {@link SnapshotStore} ({@link Builder#snapshotStore}) under
 * a tenant and the group, for example in PostgreSQL, where any worker of a fleet can sync any
 * tenant.
 *
 * <pre>{@code
 * DirectorySync sync = DirectorySync.builder()
 *     .directory(okta)
 *     .group(GroupId.of("00g1emaKYZTWRYYRRTSK"))
 *     .snapshotFile(Path.of("/var/lib/workforce-iam/employees.snapshot"))
 *     .build();
 * SyncReport report = sync.run();
 * log.info("+{} -{} ~{}", report.added().size(), report.removed().size(), report.changed().size());
 * }</pre>
 *
 * <h2>A run</h2>
 *
 * <ol>
 *   <li>Reads the snapshot and its generation. None makes this a first sync ({@link
 *       SyncReport#firstSync()}), which reports members but no differences. A corrupt, truncated or
 *       foreign snapshot, or one of another group, fails the run with a {@link SnapshotException}
 *       before anything is fetched.
 *   <li>Lists the group lazily ({@link IamDirectory#memberPages(GroupId)}), comparing each member
 *       with the snapshot and writing it to the new snapshot as it comes (a temporary file, or the
 *       store's uncommitted rows), and tells the {@link DirectorySync.Listener} of each page and
 *       each change.
 *   <li>After the last page, reports the members who left, then commits the new snapshot if the
 *       stored one is still the generation it read (a file is forced to disk and renamed over the
 *       old one in one atomic step).
 * </ol>
 *
 * <p>A run that fails at any step, whether the provider fails midway ({@link IamException}), the
 * snapshot cannot be used or written ({@link SnapshotException}), another run committed first
 * ({@link SnapshotConflictException}) or the listener throws, writes no snapshot and leaves the old
 * one as it was; the listener is told ({@link DirectorySync.Listener#onFailed(RuntimeException)})
 * and the exception is thrown. A partial difference is never presented as complete. A crash leaves
 * the old snapshot intact too; the next run compares with it and so reports the same changes again.
 *
 * <h2>Memory</h2>
 *
 * <p>Members are never all held at once: each page is compared and written, then dropped. The
 * previous snapshot is held packed (ids and logins as bytes, four 64-bit hashes per member): under
 * 10 MB for 100,000 members. The report holds the changes and incomplete profiles, so it grows with
 * them, not with the group.
 *
 * <h2>The snapshot file</h2>
 *
 * <p>UTF-8 text with tab-separated fields, one line each: a first line {@code
 * workforce-iam-snapshot<TAB>1} (the format name and version; another version is refused), then
 * {@code group}, {@code taken-at} (ISO 8601) and {@code salt} (16 random bytes in hex) lines, then
 * one {@code m} line per member (id, login, and the salted SHA-256-based 64-bit hashes of first
 * name, last name, primary email and status, the status as the provider's word for it in upper
 * case, 16 hex digits each), and last an {@code end} line with the number of members and the
 * SHA-256 of everything before it. Backslash, tab, line feed and carriage return in values are
 * written {@code \\ \t \n \r}. Ids and logins are kept as they are so that a member who left can be
 * named; names and email addresses are kept only as hashes. The file is created with mode 0600
 * where the file system has POSIX permissions. It is written to a temporary file {@code .<name>.<16
 * hex digits>.tmp} in the same folder and renamed into place; one left by a crash is ignored and
 * deleted by the next successful run.
 *
 * <p><b>Thread-safe.</b> Runs of one instance are serialized. Two runs of the same tenant and group
 * at once (two instances, two processes, two workers) never both commit: the later commit fails
 * with {@link SnapshotConflictException}. With files, that holds within one JVM; across processes
 * the check just before the rename leaves an instant in which both can rename, and the later rename
 * wins.
 */
public final class DirectorySync {
  private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);
  private static final DirectorySync.Listener NO_LISTENER = new DirectorySync.Listener() {};

  /** The tenant of a sync that sets none: {@value}. */
  public static final String DEFAULT_TENANT = "default";

  private final IamDirectory directory;
  private final GroupId group;
  private final String tenant;
  private final @Nullable Path snapshotFile;
  private final @Nullable SnapshotStore configuredStore;
  private final SnapshotStore store;
  private final Clock clock;
  private final FileMover mover;
  private final Object lock = new Object();

  private DirectorySync(Builder builder) {
    this.directory = Objects.requireNonNull(builder.directory, "directory was not set");
    this.group = Objects.requireNonNull(builder.group, "group was not set");
    this.tenant = builder.tenant;
    this.snapshotFile = builder.snapshotFile;
    this.configuredStore = builder.store;
    this.clock = builder.clock;
    this.mover = builder.mover;
    if (builder.store != null) {
      this.store = builder.store;
    } else if (builder.snapshotFile != null) {
      this.store = FileSnapshotStore.singleFile(builder.snapshotFile, builder.mover);
    } else {
      throw new NullPointerException("snapshotFile or snapshotStore was not set");
    }
  }

  /**
   * Starts a builder. {@link Builder#directory}, {@link Builder#group} and either {@link
   * Builder#snapshotFile} or {@link Builder#snapshotStore} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this sync's settings, to derive one for another group or file.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    Builder builder = new Builder();
    builder.directory = directory;
    builder.group = group;
    builder.tenant = tenant;
    builder.snapshotFile = snapshotFile;
    builder.store = configuredStore;
    builder.clock = clock;
    builder.mover = mover;
    return builder;
  }

  /**
   * Runs a sync without a listener.
   *
   * @return the report
   * @throws SnapshotConflictException when another run of the same tenant and group committed after
   *     this one read the snapshot
   * @throws SnapshotException when the snapshot cannot be used or written
   * @throws IamException when listing the group fails, for example {@link
   *     org.workforceiam.core.IamException.NotFound} for a missing group
   */
  public SyncReport run() {
    return run(NO_LISTENER);
  }

  /**
   * Runs a sync, telling {@code listener} of progress and of each change as it is found.
   *
   * @param listener told of each page, each change, and whether the run completed or failed
   * @return the report, also passed to {@link DirectorySync.Listener#onCompleted(SyncReport)}
   * @throws SnapshotConflictException when another run of the same tenant and group committed after
   *     this one read the snapshot
   * @throws SnapshotException when the snapshot cannot be used or written
   * @throws IamException when listing the group fails, for example {@link
   *     org.workforceiam.core.IamException.NotFound} for a missing group
   * @throws RuntimeException whatever the listener throws
   */
  public SyncReport run(DirectorySync.Listener listener) {
    Objects.requireNonNull(listener, "listener == null");
    synchronized (lock) {
      SyncReport report = runOnce(listener);
      listener.onCompleted(report);
      return report;
    }
  }

  private SyncReport runOnce(DirectorySync.Listener listener) {
    Instant startedAt = clock.instant();
    log.info("syncing group {} of tenant {} against {}", group, tenant, store);
    SnapshotStore.Writer writer = null;
    boolean committed = false;
    try {
      Optional<PreviousSnapshot> previous = readPrevious();
      byte[] salt = previous.map(PreviousSnapshot::salt).orElseGet(Fingerprinter::newSalt);
      long expected = previous.map(PreviousSnapshot::generation).orElse(SnapshotStore.NO_SNAPSHOT);
      writer = store.write(tenant, group, expected, startedAt, salt);
      SyncRun run = new SyncRun(group, previous, new Fingerprinter(salt), writer, listener);
      try (Stream<Page<Employee>> pages = directory.memberPages(group)) {
        Iterator<Page<Employee>> iterator = pages.iterator();
        while (iterator.hasNext()) {
          run.page(iterator.next().items());
        }
      }
      run.finishListing();
      writer.commit();
      committed = true;
      Duration duration = Duration.between(startedAt, clock.instant());
      SyncReport report = run.report(startedAt, duration.isNegative() ? Duration.ZERO : duration);
      logCompleted(report);
      return report;
    } catch (RuntimeException e) {
      abortUnlessCommitted(writer, committed);
      log.warn(
          "sync of group {} of tenant {} failed; the stored snapshot was left as it was: {}",
          group,
          tenant,
          e.toString());
      try {
        listener.onFailed(e);
      } catch (RuntimeException listenerFailure) {
        e.addSuppressed(listenerFailure);
      }
      throw e;
    } finally {
      abortUnlessCommitted(writer, committed);
    }
  }

  private static void abortUnlessCommitted(
      SnapshotStore.@Nullable Writer writer, boolean committed) {
    if (writer != null && !committed) {
      try {
        writer.close();
      } catch (RuntimeException e) {
        log.warn("could not discard an unfinished snapshot: {}", e.toString());
      }
    }
  }

  /**
   * Reads the previous snapshot into a packed table, checking each row: a store may hold anything.
   */
  private Optional<PreviousSnapshot> readPrevious() {
    MemberTable members = MemberTable.withDetails();
    Optional<SnapshotStore.Header> header =
        store.read(
            tenant,
            group,
            (id, login, hashes) -> {
              if (id.isBlank() || login.isBlank() || hashes.length != Fingerprinter.SIZE) {
                throw corrupt(
                    "a row lacks its id, its login or some of its "
                        + Fingerprinter.SIZE
                        + " hashes");
              }
              if (!members.add(
                  id.getBytes(StandardCharsets.UTF_8),
                  login.getBytes(StandardCharsets.UTF_8),
                  hashes)) {
                throw corrupt("it holds member " + id + " twice");
              }
            });
    return header.map(h -> new PreviousSnapshot(h, members));
  }

  private SnapshotException corrupt(String why) {
    return new SnapshotException(
        SnapshotException.Reason.UNREADABLE,
        "the snapshot of group "
            + group
            + " (tenant "
            + tenant
            + ") in "
            + store
            + " is corrupt: "
            + why
            + ". It was left untouched. Restore it from a backup, or delete it to start over with a"
            + " first sync (which reports no joins, leaves or changes).",
        null);
  }

  private void logCompleted(SyncReport report) {
    if (report.firstSync()) {
      log.info(
          "first sync of group {}: {} members on {} pages, {} with incomplete profiles, in {};"
              + " no previous snapshot to compare with",
          group,
          report.memberCount(),
          report.pagesFetched(),
          report.incompleteProfiles().size(),
          report.duration());
    } else {
      log.info(
          "synced group {}: {} members on {} pages, {} joined, {} left, {} changed, {} with"
              + " incomplete profiles, in {}",
          group,
          report.memberCount(),
          report.pagesFetched(),
          report.added().size(),
          report.removed().size(),
          report.changed().size(),
          report.incompleteProfiles().size(),
          report.duration());
    }
  }

  @Override
  public String toString() {
    return "DirectorySync{group=" + group + ", tenant=" + tenant + ", store=" + store + "}";
  }

  /** Builds a {@link DirectorySync}; not thread-safe. */
  public static final class Builder {
    private @Nullable IamDirectory directory;
    private @Nullable GroupId group;
    private String tenant = DEFAULT_TENANT;
    private @Nullable Path snapshotFile;
    private @Nullable SnapshotStore store;
    private Clock clock = Clock.systemUTC();
    private FileMover mover = FileMover.ATOMIC;

    private Builder() {}

    /**
     * Sets the directory to list the group from.
     *
     * @param directory the directory, for example the Okta adapter or the in-memory fake
     * @return this builder
     */
    public Builder directory(IamDirectory directory) {
      this.directory = Objects.requireNonNull(directory, "directory == null");
      return this;
    }

    /**
     * Sets the group to sync.
     *
     * @param group the group
     * @return this builder
     */
    public Builder group(GroupId group) {
      this.group = Objects.requireNonNull(group, "group == null");
      return this;
    }

    /**
     * Sets the snapshot file: read at the start of each run (when it exists) and replaced at the
     * end of each completed one. Its folder must exist; the sync writes a temporary file there.
     * Keep one file per group; it holds personal data (ids and logins). Replaces a {@link
     * #snapshotStore} set before; the tenant is not part of the file.
     *
     * @param snapshotFile the file, for example {@code
     *     Path.of("/var/lib/workforce-iam/employees.snapshot")}
     * @return this builder
     * @throws IllegalArgumentException when the path is a folder or has no file name
     */
    public Builder snapshotFile(Path snapshotFile) {
      Objects.requireNonNull(snapshotFile, "snapshotFile == null");
      Path absolute = snapshotFile.toAbsolutePath().normalize();
      if (absolute.getFileName() == null || absolute.getParent() == null) {
        throw new IllegalArgumentException("snapshotFile must name a file: " + snapshotFile);
      }
      if (Files.isDirectory(absolute)) {
        throw new IllegalArgumentException(
            "snapshotFile " + snapshotFile + " is a folder; name a file in it");
      }
      this.snapshotFile = absolute;
      this.store = null;
      return this;
    }

    /**
     * Sets the store that keeps the snapshot, under the {@link #tenant} and the group: for example
     * {@code PostgresSnapshotStore} (artifact {@code workforce-iam-jdbc}), shared by a fleet of
     * workers, or {@link SnapshotStore#inFolder}. Replaces a {@link #snapshotFile} set before.
     *
     * @param store the store
     * @return this builder
     */
    public Builder snapshotStore(SnapshotStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      this.snapshotFile = null;
      return this;
    }

    /**
     * Sets the tenant whose snapshot the sync uses in its {@link #snapshotStore}, for a service
     * that syncs the groups of many organisations: each tenant and group has its own snapshot. By
     * default {@value DirectorySync#DEFAULT_TENANT}. A {@link #snapshotFile} ignores it.
     *
     * @param tenant the tenant, for example your customer's id; not blank, at most 256 characters,
     *     no control characters
     * @return this builder
     * @throws IllegalArgumentException when the tenant is blank, too long or has a control
     *     character
     */
    public Builder tenant(String tenant) {
      Objects.requireNonNull(tenant, "tenant == null");
      if (tenant.isBlank()) {
        throw new IllegalArgumentException("tenant must not be blank");
      }
      if (tenant.length() > 256) {
        throw new IllegalArgumentException(
            "tenant must be at most 256 characters: " + tenant.length());
      }
      if (tenant.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("tenant must not contain control characters");
      }
      this.tenant = tenant;
      return this;
    }

    /**
     * Sets the clock for the snapshot's time and the run's duration; by default the system clock in
     * UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Replaces the atomic rename, for tests that simulate a crash before it. */
    Builder mover(FileMover mover) {
      this.mover = Objects.requireNonNull(mover, "mover == null");
      return this;
    }

    /**
     * Builds the sync.
     *
     * @return a new, immutable, thread-safe sync
     * @throws NullPointerException when the directory, the group, or both the snapshot file and the
     *     store were not set
     */
    public DirectorySync build() {
      return new DirectorySync(this);
    }
  }

  /**
   * Follows a {@link DirectorySync} run as it happens, so a UI or a scheduler can show progress and
   * act on changes without waiting for the end.
   *
   * <p>For each page of members, {@link #onPage(int, int)} is called first, then {@link
   * #onChange(EmployeeChange)} for each joiner and changed member on that page; after the last
   * page, {@link #onChange(EmployeeChange)} for each member who left; then exactly one of {@link
   * #onCompleted(SyncReport)} and {@link #onFailed(RuntimeException)}. A run that fails before its
   * first page (an unreadable snapshot, say) calls only {@link #onFailed(RuntimeException)}.
   *
   * <p><b>Changes are provisional until {@link #onCompleted(SyncReport)}.</b> A run that fails
   * after streaming some changes writes no snapshot, so the next run compares with the same
   * previous snapshot and reports those changes again. Act on a change only once the run has
   * completed, or make acting on it idempotent.
   *
   * <pre>{@code
   * Listener listener = new Listener() {
   *   @Override public void onPage(int pages, int employees) {
   *     progress.setText(employees + " employees read");
   *   }
   *   @Override public void onChange(EmployeeChange change) {
   *     pending.add(change);
   *   }
   *   @Override public void onCompleted(SyncReport report) {
   *     pending.forEach(outbox::send);
   *   }
   *   @Override public void onFailed(RuntimeException failure) {
   *     pending.clear();
   *   }
   * };
   * }</pre>
   *
   * <p>Every method has an empty default; implement those you need. Methods are called on the
   * thread that called {@link DirectorySync#run(Listener)}, one at a time. An exception thrown by
   * {@link #onPage(int, int)} or {@link #onChange(EmployeeChange)} fails the run like a failure of
   * the provider: no snapshot is written, {@link #onFailed(RuntimeException)} is called, and the
   * exception reaches the caller. One thrown by {@link #onCompleted(SyncReport)} reaches the caller
   * after the snapshot was written. Methods added in later versions will be {@code default}
   * methods.
   */
  public interface Listener {

    /**
     * Called when a page of members has been fetched, before its changes are reported.
     *
     * @param pagesFetched how many pages have been fetched so far, this one included
     * @param employeesSoFar how many members those pages held
     */
    default void onPage(int pagesFetched, int employeesSoFar) {}

    /**
     * Called for each difference from the previous snapshot as soon as it is found. Not called on a
     * first sync. Provisional until {@link #onCompleted(SyncReport)}.
     *
     * @param change the difference
     */
    default void onChange(EmployeeChange change) {}

    /**
     * Called once the run has completed and the new snapshot is in place.
     *
     * @param report the report, which {@link DirectorySync#run(Listener)} also returns
     */
    default void onCompleted(SyncReport report) {}

    /**
     * Called when the run failed: no new snapshot was written, the previous one is untouched, and
     * the changes streamed so far do not count. The same exception is then thrown to the caller.
     *
     * @param failure what went wrong
     */
    default void onFailed(RuntimeException failure) {}
  }
}
