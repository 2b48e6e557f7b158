package org.workforceiam.core.sync;

/**
 * Another run stored a snapshot of the same tenant and group between this run's read and its commit
 * (or the snapshot was deleted meanwhile), so this run stored nothing: a {@link SnapshotStore}
 * compares the generation the run read with the stored one and commits only if they are equal. The
 * run's differences, streamed to {@link DirectorySync.Listener#onChange} before, do not count, and
 * {@link DirectorySync#run} throws this instead of a report.
 *
 * <p>Nothing needs repair: the run that won reported the changes up to its snapshot, and the next
 * run compares with it. In a fleet where any worker may sync any tenant, a conflict means two
 * workers picked the same tenant at once; log it and let the next scheduled run go ahead ({@link
 * #isRetryable()} is {@code true}).
 *
 * <p>A subclass of {@link SnapshotException}, whose {@link #reason()} is {@link
 * SnapshotException.Reason#CONFLICT}, so that code catching every snapshot problem catches this one
 * too; a lost compare-and-set is a condition of the snapshot, not of the provider.
 */
public final class SnapshotConflictException extends SnapshotException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error, for a {@link SnapshotStore} whose compare-and-set failed.
   *
   * @param summary which snapshot, the generation expected and what was found, and that nothing was
   *     stored
   */
  public SnapshotConflictException(String summary) {
    super(Reason.CONFLICT, summary, null, true);
  }
}
