/**
 * Directory sync: list a group from any {@link org.workforceiam.core.IamDirectory}, compare it with
 * the snapshot the previous run left, and report who joined, who left, whose login, name, email or
 * status changed, and whose profile lacks what identity verification needs.
 *
 * <p>Start with {@link org.workforceiam.core.sync.DirectorySync}; it returns a {@link
 * org.workforceiam.core.sync.SyncReport} and streams progress and changes to a {@link
 * org.workforceiam.core.sync.DirectorySync.Listener}.
 *
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}; absent values are
 * {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.workforceiam.core.sync;

import org.jspecify.annotations.NullMarked;
