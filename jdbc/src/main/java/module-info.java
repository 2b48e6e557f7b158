/**
 * workforce-iam JDBC: {@link org.workforceiam.jdbc.PostgresSnapshotStore}, directory sync snapshots
 * in PostgreSQL. Needs only {@code java.sql}; the driver is the application's.
 */
module org.workforceiam.jdbc {
  requires transitive org.workforceiam.core;
  requires transitive java.sql;
  requires org.slf4j;
  requires static org.jspecify;

  exports org.workforceiam.jdbc;
}
