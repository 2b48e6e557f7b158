package org.workforceiam.core.sync;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;

/**
 * A {@link DirectorySync} could not use its snapshot file: it is corrupt, truncated, of a version
 * this library cannot read, kept for another group, or could not be read or written. The message
 * names the file and what to do; the previous snapshot file is always left as it was.
 *
 * <p>The sync never treats an unusable snapshot as missing, which would hide every change since the
 * last good run, nor as empty, which would report every member as having joined.
 */
public final class SnapshotException extends IamException {
  private static final long serialVersionUID = 1L;

  /** Why the snapshot could not be used, ordered by what to do next. */
  public enum Reason {
    /**
     * The file is not a snapshot, or is corrupt or truncated (a failed checksum or record count).
     * Restore it from a backup, or delete it to start over with a first sync.
     */
    UNREADABLE,
    /**
     * The file is a snapshot of a format version this library cannot read, written by another
     * release. Use that release, or delete the file to start over with a first sync.
     */
    UNSUPPORTED_VERSION,
    /** The file is a snapshot of another group. Keep one snapshot file per group. */
    OTHER_GROUP,
    /**
     * Reading or writing the file failed: a missing folder, a permission, a full disk. Fix that and
     * run again.
     */
    IO_FAILURE
  }

  private final Reason reason;

  SnapshotException(Reason reason, String summary, @Nullable Throwable cause) {
    super(summary, ErrorDetails.none(), cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * Returns why the snapshot could not be used.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /** {@return {@code true} only for {@link Reason#IO_FAILURE}, which may be passing} */
  @Override
  public boolean isRetryable() {
    return reason == Reason.IO_FAILURE;
  }
}
