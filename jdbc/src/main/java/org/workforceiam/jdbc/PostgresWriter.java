package org.workforceiam.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.sync.SnapshotConflictException;
import org.workforceiam.core.sync.SnapshotStore;

/**
 * One snapshot being written: one connection and one transaction from {@link #open} to {@link
 * #commit()} or {@link #close()}. Rows go to {@code snapshot_members} under a write id of their own
 * (from a sequence, so concurrent writers never touch each other's rows), in batches; the commit
 * swaps the tenant's {@code snapshots} row to that write id if its generation is the expected one.
 *
 * <p>Not thread-safe: one per run.
 */
final class PostgresWriter implements SnapshotStore.Writer {
  private static final Logger log = LoggerFactory.getLogger(PostgresWriter.class);

  private final PostgresSnapshotStore store;
  private final String tenant;
  private final GroupId group;
  private final long expectedGeneration;
  private final Instant takenAt;
  private final byte[] salt;
  private final Connection connection;
  private final boolean autoCommit;
  private final long writeId;
  private final PreparedStatement insert;
  private int rows;
  private int pending;
  private boolean done;

  private PostgresWriter(
      PostgresSnapshotStore store,
      String tenant,
      GroupId group,
      long expectedGeneration,
      Instant takenAt,
      byte[] salt,
      Connection connection,
      boolean autoCommit,
      long writeId,
      PreparedStatement insert) {
    this.store = store;
    this.tenant = tenant;
    this.group = group;
    this.expectedGeneration = expectedGeneration;
    this.takenAt = takenAt;
    this.salt = salt.clone();
    this.connection = connection;
    this.autoCommit = autoCommit;
    this.writeId = writeId;
    this.insert = insert;
  }

  static PostgresWriter open(
      PostgresSnapshotStore store,
      String tenant,
      GroupId group,
      long expectedGeneration,
      Instant takenAt,
      byte[] salt) {
    Connection connection;
    try {
      connection = store.dataSource().getConnection();
    } catch (SQLException e) {
      throw PostgresSnapshotStore.ioFailure(
          "could not start writing the snapshot of group " + group + " of tenant " + tenant, e);
    }
    boolean autoCommit = true;
    PreparedStatement insert = null;
    try {
      autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      long writeId;
      try (PreparedStatement next =
              connection.prepareStatement(
                  "SELECT nextval('" + store.table("snapshot_writes") + "')");
          ResultSet result = next.executeQuery()) {
        result.next();
        writeId = result.getLong(1);
      }
      insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + store.table("snapshot_members")
                  + " (write_id, position, user_id, login, first_name_hash, last_name_hash,"
                  + " email_hash, status_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      return new PostgresWriter(
          store,
          tenant,
          group,
          expectedGeneration,
          takenAt,
          salt,
          connection,
          autoCommit,
          writeId,
          insert);
    } catch (SQLException e) {
      release(connection, insert, autoCommit, e);
      throw PostgresSnapshotStore.ioFailure(
          "could not start writing the snapshot of group " + group + " of tenant " + tenant, e);
    }
  }

  @Override
  public void row(String id, String login, long[] hashes) {
    if (done) {
      throw new IllegalStateException("this snapshot writer was committed or closed already");
    }
    if (id.isBlank() || login.isBlank() || hashes.length != SnapshotStore.HASHES) {
      throw new IllegalArgumentException(
          "a snapshot row needs an id, a login and " + SnapshotStore.HASHES + " hashes");
    }
    if (id.indexOf('\0') >= 0 || login.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "user "
              + id.replace("\0", "\\0")
              + " has U+0000 (NUL) in its id or login, which PostgreSQL text cannot hold; the"
              + " sync stops instead of storing another value");
    }
    try {
      insert.setLong(1, writeId);
      insert.setInt(2, rows);
      insert.setString(3, id);
      insert.setString(4, login);
      for (int i = 0; i < SnapshotStore.HASHES; i++) {
        insert.setLong(5 + i, hashes[i]);
      }
      insert.addBatch();
      rows++;
      if (++pending >= store.batchSize()) {
        flush();
      }
    } catch (SQLException e) {
      throw PostgresSnapshotStore.ioFailure(
          "could not write the snapshot of group " + group + " of tenant " + tenant, e);
    }
  }

  private void flush() throws SQLException {
    if (pending > 0) {
      insert.executeBatch();
      pending = 0;
    }
  }

  @Override
  public long commit() {
    if (done) {
      throw new IllegalStateException("this snapshot writer was committed or closed already");
    }
    long generation;
    try {
      flush();
      generation = swap();
      if (generation == SnapshotStore.NO_SNAPSHOT) {
        connection.rollback();
      } else {
        connection.commit();
      }
    } catch (SQLException e) {
      close();
      throw PostgresSnapshotStore.ioFailure(
          "could not store the snapshot of group " + group + " of tenant " + tenant, e);
    }
    close();
    if (generation == SnapshotStore.NO_SNAPSHOT) {
      throw conflict();
    }
    log.debug(
        "stored generation {} of group {} of tenant {}: {} members",
        generation,
        group,
        tenant,
        rows);
    return generation;
  }

  /**
   * Points the tenant's snapshot at this write if its generation is the expected one, and deletes
   * the rows it pointed at.
   *
   * @return the new generation, or {@link SnapshotStore#NO_SNAPSHOT} when the generation differs
   */
  private long swap() throws SQLException {
    OffsetDateTime time = OffsetDateTime.ofInstant(takenAt, ZoneOffset.UTC);
    if (expectedGeneration == SnapshotStore.NO_SNAPSHOT) {
      // A concurrent first write of the same key waits here on the primary key until the other
      // commits, then inserts nothing.
      try (PreparedStatement insertHeader =
          connection.prepareStatement(
              "INSERT INTO "
                  + store.table("snapshots")
                  + " (tenant, group_id, generation, write_id, taken_at, salt, member_count)"
                  + " VALUES (?, ?, 1, ?, ?, ?, ?) ON CONFLICT (tenant, group_id) DO NOTHING")) {
        insertHeader.setString(1, tenant);
        insertHeader.setString(2, group.value());
        insertHeader.setLong(3, writeId);
        insertHeader.setObject(4, time);
        insertHeader.setBytes(5, salt);
        insertHeader.setInt(6, rows);
        return insertHeader.executeUpdate() == 1 ? 1 : SnapshotStore.NO_SNAPSHOT;
      }
    }
    long previousWrite;
    // Locks the row: a concurrent commit waits here, then finds the generation changed.
    try (PreparedStatement lock =
        connection.prepareStatement(
            "SELECT write_id FROM "
                + store.table("snapshots")
                + " WHERE tenant = ? AND group_id = ? AND generation = ? FOR UPDATE")) {
      lock.setString(1, tenant);
      lock.setString(2, group.value());
      lock.setLong(3, expectedGeneration);
      try (ResultSet result = lock.executeQuery()) {
        if (!result.next()) {
          return SnapshotStore.NO_SNAPSHOT;
        }
        previousWrite = result.getLong(1);
      }
    }
    long generation;
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE "
                + store.table("snapshots")
                + " SET generation = generation + 1, write_id = ?, taken_at = ?, salt = ?,"
                + " member_count = ? WHERE tenant = ? AND group_id = ? RETURNING generation")) {
      update.setLong(1, writeId);
      update.setObject(2, time);
      update.setBytes(3, salt);
      update.setInt(4, rows);
      update.setString(5, tenant);
      update.setString(6, group.value());
      try (ResultSet result = update.executeQuery()) {
        result.next();
        generation = result.getLong(1);
      }
    }
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM " + store.table("snapshot_members") + " WHERE write_id = ?")) {
      delete.setLong(1, previousWrite);
      delete.executeUpdate();
    }
    return generation;
  }

  private SnapshotConflictException conflict() {
    String expected =
        expectedGeneration == SnapshotStore.NO_SNAPSHOT
            ? "no snapshot"
            : "generation " + expectedGeneration;
    return new SnapshotConflictException(
        "the snapshot of group "
            + group
            + " of tenant "
            + tenant
            + " in "
            + store
            + " changed while this sync ran: it read "
            + expected
            + ", and another sync committed first (or the snapshot was deleted). This run stored"
            + " nothing and its changes do not count; the next run compares with the snapshot"
            + " in place.");
  }

  /** Rolls back what was not committed and returns the connection. Quiet; may be called twice. */
  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    SQLException failure = new SQLException("closing the snapshot writer");
    release(connection, insert, autoCommit, failure);
    if (failure.getSuppressed().length > 0) {
      log.debug("could not release a snapshot writer's connection cleanly", failure);
    }
  }

  private static void release(
      Connection connection,
      @org.jspecify.annotations.Nullable PreparedStatement insert,
      boolean autoCommit,
      Exception failure) {
    try {
      if (insert != null) {
        insert.close();
      }
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    try {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    try {
      connection.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
