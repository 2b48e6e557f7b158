package org.workforceiam.core.sync;

/**
 * Follows a {@link DirectorySync} run as it happens, so a UI or a scheduler can show progress and
 * act on changes without waiting for the end.
 *
 * <p>For each page of members, {@link #onPage(int, int)} is called first, then {@link
 * #onChange(EmployeeChange)} for each joiner and changed member on that page; after the last page,
 * {@link #onChange(EmployeeChange)} for each member who left; then exactly one of {@link
 * #onCompleted(SyncReport)} and {@link #onFailed(RuntimeException)}. A run that fails before its
 * first page (an unreadable snapshot, say) calls only {@link #onFailed(RuntimeException)}.
 *
 * <p><b>Changes are provisional until {@link #onCompleted(SyncReport)}.</b> A run that fails after
 * streaming some changes writes no snapshot, so the next run compares with the same previous
 * snapshot and reports those changes again. Act on a change only once the run has completed, or
 * make acting on it idempotent.
 *
 * <pre>{@code
 * SyncListener listener = new SyncListener() {
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
 * <p>Every method has an empty default; implement those you need. Methods are called on the thread
 * that called {@link DirectorySync#run(SyncListener)}, one at a time. An exception thrown by {@link
 * #onPage(int, int)} or {@link #onChange(EmployeeChange)} fails the run like a failure of the
 * provider: no snapshot is written, {@link #onFailed(RuntimeException)} is called, and the
 * exception reaches the caller. One thrown by {@link #onCompleted(SyncReport)} reaches the caller
 * after the snapshot was written. Methods added in later versions will be {@code default} methods.
 */
public interface SyncListener {

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
   * @param report the report, which {@link DirectorySync#run(SyncListener)} also returns
   */
  default void onCompleted(SyncReport report) {}

  /**
   * Called when the run failed: no new snapshot was written, the previous one is untouched, and the
   * changes streamed so far do not count. The same exception is then thrown to the caller.
   *
   * @param failure what went wrong
   */
  default void onFailed(RuntimeException failure) {}
}
