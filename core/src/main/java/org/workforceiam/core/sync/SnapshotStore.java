package org.workforceiam.core.sync;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.GroupId;

/**
 * Where {@link DirectorySync} keeps the snapshot each run compares with and leaves for the next,
 * one per tenant and group. The default is a file ({@link DirectorySync.Builder#snapshotFile});
 * {@link #inFolder(Path)} keeps many tenants' snapshots in one folder; {@code
 * org.workforceiam.jdbc.PostgresSnapshotStore} (artifact {@code workforce-iam-jdbc}) keeps them in
 * PostgreSQL, so that any worker of a fleet can sync any tenant.
 *
 * <pre>{@code
 * SnapshotStore store = SnapshotStore.inFolder(Path.of("/var/lib/workforce-iam"));
 * DirectorySync sync = DirectorySync.builder()
 *     .directory(okta)
 *     .group(GroupId.of("00g1emaKYZTWRYYRRTSK"))
 *     .tenant("acme")
 *     .snapshotStore(store)
 *     .build();
 * }</pre>
 *
 * <h2>Rows, streamed</h2>
 *
 * <p>A snapshot is a header ({@link Header}: its generation, when it was taken, the salt of its
 * hashes) and one row per member: the user id, the login, and {@link #HASHES} salted 64-bit hashes
 * of the first name, last name, primary email and status, in that order. A store streams rows in
 * both directions ({@link #read}, {@link Writer#row}) and never holds a whole snapshot in memory,
 * so a 100,000-member sync fits in a small heap whatever the store.
 *
 * <h2>Generations: compare-and-set</h2>
 *
 * <p>Each committed snapshot has a generation, a value other than {@link #NO_SNAPSHOT} that changes
 * whenever the stored snapshot does. A run reads generation N and writes with N as the expected
 * generation; {@link Writer#commit()} replaces the snapshot only if the stored generation is still
 * N (or, for {@link #NO_SNAPSHOT}, if none is stored), else it throws {@link
 * SnapshotConflictException} and stores nothing. Of two runs of one tenant and group at once, at
 * most one commits. Until its commit, nothing a writer wrote is visible, and a writer closed
 * without committing leaves the stored snapshot as it was: a failed run writes nothing.
 *
 * <h2>Personal data</h2>
 *
 * <p>A snapshot holds ids and logins as they are (so that a member who left can be named) and
 * names, email addresses and statuses only as salted hashes. That is personal data: keep the store
 * readable by the service only, and erase a tenant's snapshots with {@link #deleteTenant(String)}
 * when it leaves or asks for its data to be erased.
 *
 * <h2>Implementing a store</h2>
 *
 * <p>Users may implement this interface; methods added later will be {@code default} methods. A
 * store is thread-safe, reports every failure as a {@link SnapshotException} (never a damaged
 * snapshot taken for a missing or an empty one), and passes the {@code SnapshotStoreContract} suite
 * of {@code workforce-iam-testing}. Its {@code toString()} names where it keeps snapshots, without
 * credentials: error messages quote it.
 */
public interface SnapshotStore {
  /** The generation that stands for "no snapshot stored": what a first sync expects. */
  long NO_SNAPSHOT = 0;

  /**
   * How many hashes a row holds: first name, last name, primary email and status, in that order.
   */
  int HASHES = 4;

  /**
   * Returns a store that keeps each tenant's snapshots as files in a folder of {@code folder}, one
   * file per group, in the same format as {@link DirectorySync.Builder#snapshotFile}: {@code
   * <folder>/<tenant>/<group>.snapshot}, where every character of the tenant and the group other
   * than a lower-case ASCII letter, a digit, {@code -} and {@code _} is written {@code %XX} (its
   * UTF-8 bytes in hex), so that no name can leave its folder or collide on a file system that
   * ignores case. Tenant folders are created readable by their owner only where the file system has
   * POSIX permissions.
   *
   * <p>Compare-and-set holds between the runs of one JVM; across processes a run checks the
   * generation just before its rename, which leaves an instant in which two can race. A fleet of
   * workers needs a database store.
   *
   * @param folder an existing folder
   * @return the store
   */
  static SnapshotStore inFolder(Path folder) {
    return FileSnapshotStore.inFolder(Objects.requireNonNull(folder, "folder == null"));
  }

  /**
   * Reads the snapshot of a tenant's group, passing each member's row to {@code rows} in the order
   * it was written, then returns its header.
   *
   * @param tenant the tenant, not blank
   * @param group the group
   * @param rows told of each row; may throw, and what it throws reaches the caller once the store
   *     has released what it held
   * @return the header, or empty when no snapshot is stored (then {@code rows} was not called)
   * @throws SnapshotException when the snapshot cannot be read or is damaged; the stored snapshot
   *     is left as it was
   */
  Optional<Header> read(String tenant, GroupId group, Rows rows);

  /**
   * Starts writing a new snapshot of a tenant's group, to replace generation {@code
   * expectedGeneration} on {@link Writer#commit()}.
   *
   * @param tenant the tenant, not blank
   * @param group the group
   * @param expectedGeneration the generation the caller read, or {@link #NO_SNAPSHOT} when it read
   *     none
   * @param takenAt when the run that writes it started; kept at least to the microsecond
   * @param salt the {@value Header#SALT_BYTES} bytes of salt of the row hashes
   * @return a writer, to close when done
   * @throws SnapshotException when the store cannot be written to; nothing was stored
   */
  Writer write(String tenant, GroupId group, long expectedGeneration, Instant takenAt, byte[] salt);

  /**
   * Deletes the snapshot of a tenant's group; the next sync of that group is a first sync.
   *
   * @param tenant the tenant
   * @param group the group
   * @return whether there was one
   * @throws SnapshotException when deleting fails
   */
  boolean delete(String tenant, GroupId group);

  /**
   * Deletes every snapshot of a tenant, for a tenant that leaves or asks for its personal data to
   * be erased. Stop the tenant's syncs first: a first sync running meanwhile would store a new
   * snapshot.
   *
   * @param tenant the tenant
   * @return how many snapshots were deleted
   * @throws SnapshotException when deleting fails
   */
  int deleteTenant(String tenant);

  /** Receives the rows of a snapshot, one member at a time. */
  @FunctionalInterface
  interface Rows {
    /**
     * Takes one member's row.
     *
     * @param id the user id
     * @param login the login
     * @param hashes the {@link #HASHES} salted hashes; the array may be reused after the call
     *     returns, so copy what you keep
     */
    void row(String id, String login, long[] hashes);
  }

  /**
   * Writes one new snapshot: {@link #row} for each member, then {@link #commit()}, then {@link
   * #close()}. Nothing is visible before the commit; closing without committing stores nothing. Not
   * thread-safe: one per run.
   */
  interface Writer extends Rows, AutoCloseable {
    /**
     * Stores the snapshot if the stored generation is still the expected one.
     *
     * @return the new generation
     * @throws SnapshotConflictException when another write committed first (or the snapshot was
     *     deleted); nothing was stored
     * @throws SnapshotException when storing fails; nothing was stored
     */
    long commit();

    /** Releases what the writer holds; without a commit, discards what was written. Quiet. */
    @Override
    void close();
  }

  /** What a stored snapshot says besides its rows: its generation, when, and the salt. */
  final class Header {
    /** How many bytes of salt a snapshot has. */
    public static final int SALT_BYTES = Fingerprinter.SALT_BYTES;

    private final long generation;
    private final Instant takenAt;
    private final byte[] salt;

    private Header(long generation, Instant takenAt, byte[] salt) {
      this.generation = generation;
      this.takenAt = takenAt;
      this.salt = salt;
    }

    /**
     * Creates a header, for a store that read one.
     *
     * @param generation the generation, not {@link #NO_SNAPSHOT}
     * @param takenAt when the run that wrote it started
     * @param salt the {@value #SALT_BYTES} bytes of salt
     * @return the header
     * @throws IllegalArgumentException when the generation is {@link #NO_SNAPSHOT} or the salt is
     *     not {@value #SALT_BYTES} bytes
     */
    public static Header of(long generation, Instant takenAt, byte[] salt) {
      Objects.requireNonNull(takenAt, "takenAt == null");
      Objects.requireNonNull(salt, "salt == null");
      if (generation == NO_SNAPSHOT) {
        throw new IllegalArgumentException(
            "generation must not be " + NO_SNAPSHOT + ", which means no snapshot");
      }
      if (salt.length != SALT_BYTES) {
        throw new IllegalArgumentException(
            "salt must be " + SALT_BYTES + " bytes, not " + salt.length);
      }
      return new Header(generation, takenAt, salt.clone());
    }

    /** {@return the generation, never {@link #NO_SNAPSHOT}} */
    public long generation() {
      return generation;
    }

    /** {@return when the run that wrote the snapshot started} */
    public Instant takenAt() {
      return takenAt;
    }

    /** {@return a copy of the salt of the row hashes} */
    public byte[] salt() {
      return salt.clone();
    }

    /** {@return whether {@code o} is a header with the same generation, time and salt} */
    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Header other
          && generation == other.generation
          && takenAt.equals(other.takenAt)
          && Arrays.equals(salt, other.salt);
    }

    @Override
    public int hashCode() {
      return Objects.hash(generation, takenAt, Arrays.hashCode(salt));
    }

    /** {@return the generation and time, never the salt} */
    @Override
    public String toString() {
      return "Header{generation=" + generation + ", takenAt=" + takenAt + "}";
    }
  }
}
