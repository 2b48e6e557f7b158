/**
 * Directory sync snapshots in PostgreSQL: {@link org.workforceiam.jdbc.PostgresSnapshotStore}, a
 * {@link org.workforceiam.core.sync.SnapshotStore} that any worker of a fleet can use.
 *
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package org.workforceiam.jdbc;

import org.jspecify.annotations.NullMarked;
