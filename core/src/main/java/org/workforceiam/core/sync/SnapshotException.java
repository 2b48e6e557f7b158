package org.workforceiam.core.sync;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;

/**
 * A {@link DirectorySync} could not use its snapshot: it is corrupt, truncated, of a version this
 * library cannot read, kept for another group, could not be read or written, or was replaced by
 * another run meanwhile. The message names the file or store and what to do; the previous snapshot
 * is always left as it was.
 *
 * <p>The sync never treats an unusable snapshot as missing, which would hide every change since the
 * last good run, nor as empty, which would report every member as having joined.
 *
 * <p>A lost compare-and-set is the subclass {@link SnapshotConflictException}, whose reason is
 * {@link Reason#CONFLICT}: catch it alone where a conflict needs other handling (a fleet that syncs
 * each tenant from several workers expects it), or catch this class for every snapshot problem. The
 * hierarchy is sealed: no other subclass exists.
 *
 * <p>{@link SnapshotStore} implementations throw it with the public constructor.
 */
public sealed class SnapshotException extends IamException permits SnapshotConflictException {
  private static final long serialVersionUID = 1L;

  /** Why the snapshot could not be used, ordered by what to do next. */
  public enum Reason {
    /**
     * The file is not a snapshot, or the stored snapshot is corrupt or truncated (a failed checksum
     * or record count, a malformed row). Restore it from a backup, or delete it to start over with
     * a first sync.
     */
    UNREADABLE,
    /**
     * The snapshot file, or the store's schema, has a format version this library cannot read,
     * written by another release. Use that release, or delete the snapshot to start over with a
     * first sync.
     */
    UNSUPPORTED_VERSION,
    /** The file is a snapshot of another group. Keep one snapshot file per group. */
    OTHER_GROUP,
    /**
     * Reading or writing the snapshot failed: a missing folder, a permission, a full disk, a
     * database that cannot be reached. Fix that and run again.
     */
    IO_FAILURE,
    /**
     * Another run stored a snapshot of the same tenant and group after this run read its own (or
     * the snapshot was deleted): this run stored nothing and its differences do not count. Only
     * {@link SnapshotConflictException} has this reason.
     */
    CONFLICT
  }

  private final Reason reason;

  /**
   * Creates the error, for a {@link SnapshotStore}.
   *
   * @param reason why the snapshot cannot be used; not {@link Reason#CONFLICT}, which is {@link
   *     SnapshotConflictException}
   * @param summary what went wrong, where, and what to do about it
   * @param cause the underlying failure, or {@code null}
   * @throws IllegalArgumentException for {@link Reason#CONFLICT}
   */
  public SnapshotException(Reason reason, String summary, @Nullable Throwable cause) {
    this(reason, summary, cause, false);
  }

  SnapshotException(
      Reason reason, String summary, @Nullable Throwable cause, boolean conflictSubclass) {
    super(summary, ErrorDetails.none(), cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
    if ((reason == Reason.CONFLICT) != conflictSubclass) {
      throw new IllegalArgumentException(
          "a conflict is a SnapshotConflictException, and only a conflict is");
    }
  }

  /**
   * Returns why the snapshot could not be used.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * {@return {@code true} for {@link Reason#IO_FAILURE}, which may be passing, and {@link
   * Reason#CONFLICT}, where a new run compares with the snapshot that won}
   */
  @Override
  public boolean isRetryable() {
    return reason == Reason.IO_FAILURE || reason == Reason.CONFLICT;
  }
}
