package org.workforceiam.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.sync.DirectorySync;
import org.workforceiam.core.sync.SnapshotException;
import org.workforceiam.core.sync.SnapshotStore;

/**
 * Keeps {@link DirectorySync} snapshots in PostgreSQL, one per tenant and group, so that any worker
 * of a fleet, or any replica of an application, can sync any tenant. Give it a pooled {@link
 * DataSource}; it needs only the JDBC API, and the PostgreSQL driver is the application's choice.
 *
 * <pre>{@code
 * PostgresSnapshotStore store = PostgresSnapshotStore.builder(dataSource).build();
 * store.migrate(); // at start-up; otherwise on first use
 * DirectorySync sync = DirectorySync.builder()
 *     .directory(okta)
 *     .group(group)
 *     .tenant("acme")
 *     .snapshotStore(store)
 *     .build();
 * }</pre>
 *
 * <h2>The schema</h2>
 *
 * <p>Three tables and a sequence in one schema of their own ({@code workforceiam} unless {@link
 * Builder#schema} says otherwise): {@code snapshots}, one row per tenant and group (generation,
 * time, salt, member count); {@code snapshot_members}, one row per member (user id, login, four
 * salted 64-bit hashes), keyed by the write that stored it and its position; {@code
 * schema_version}, the migrations applied. {@link #migrate()} creates or upgrades them in one
 * transaction under a transaction-level advisory lock ({@code pg_advisory_xact_lock}) keyed on the
 * schema, so that of several workers starting at once exactly one migrates and the others wait,
 * then find nothing to do. A schema of a later release is refused, never downgraded. The role needs
 * {@code CREATE} on the database for the first migration (or a DBA creates the schema and grants
 * it), and then only {@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code DELETE} and {@code
 * USAGE} on the sequence.
 *
 * <h2>Streams, not blobs</h2>
 *
 * <p>A read runs in one read-only repeatable-read transaction with a fetch size ({@link
 * Builder#fetchSize}), so the driver holds one batch of rows at a time; a write inserts rows in
 * batches ({@link Builder#batchSize}) as the sync lists them. A 100,000-member sync fits in a 64
 * MiB heap, as with files.
 *
 * <h2>Compare-and-set</h2>
 *
 * <p>A write holds one connection and one transaction from {@link #write} to its commit: its rows
 * are invisible to everyone else until then, and a failed run, a closed writer or a worker that
 * dies leaves nothing behind (the server rolls the transaction back). The commit locks the tenant's
 * row and replaces it only if its generation is still the one the run read, then deletes the
 * previous rows; otherwise it rolls back and throws {@link
 * org.workforceiam.core.sync.SnapshotConflictException}. Generations count up from 1. A server
 * setting such as {@code idle_in_transaction_session_timeout} must leave a sync time between two
 * pages.
 *
 * <h2>Personal data</h2>
 *
 * <p>The tables hold what a snapshot file holds: user ids and logins as they are, names, email
 * addresses and statuses only as salted hashes. That is personal data. Grant the tables to the
 * service's role only, and erase a tenant with {@link #deleteTenant(String)} (or one group with
 * {@link #delete(String, GroupId)}) when it leaves or asks for erasure; both delete the rows in the
 * same transaction as the snapshot. Backups of the database keep what they held.
 *
 * <p><b>Thread-safe</b>; one store serves any number of syncs at once, each holding a connection of
 * the pool while it runs.
 */
public final class PostgresSnapshotStore implements SnapshotStore {
  private static final Logger log = LoggerFactory.getLogger(PostgresSnapshotStore.class);
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final int MAX_TENANT_LENGTH = 256;

  private final DataSource dataSource;
  private final String schema;
  private final int fetchSize;
  private final int batchSize;
  private final Object migration = new Object();
  private volatile boolean migrated;

  private PostgresSnapshotStore(Builder builder) {
    this.dataSource = builder.dataSource;
    this.schema = builder.schema;
    this.fetchSize = builder.fetchSize;
    this.batchSize = builder.batchSize;
  }

  /**
   * Starts a builder.
   *
   * @param dataSource where connections come from: a pool such as HikariCP's; the store returns
   *     each connection with auto-commit as it found it
   * @return a new builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource == null"));
  }

  /**
   * Creates the schema, or migrates it to this release's version, under a lock that makes workers
   * starting at once migrate one after the other. Called on first use when not called before; call
   * it at start-up to fail fast on a wrong URL or missing rights.
   *
   * @return how many migrations this call applied: 0 when the schema was up to date
   * @throws SnapshotException {@link SnapshotException.Reason#UNSUPPORTED_VERSION} when a later
   *     release migrated the schema; {@link SnapshotException.Reason#IO_FAILURE} when the database
   *     cannot be reached or refuses
   * @throws org.workforceiam.core.IamException.InvalidConfiguration when the data source is not
   *     PostgreSQL
   */
  public int migrate() {
    synchronized (migration) {
      if (migrated) {
        return 0;
      }
      int applied = Schema.migrate(dataSource, schema);
      migrated = true;
      return applied;
    }
  }

  private void ensureMigrated() {
    if (!migrated) {
      migrate();
    }
  }

  @Override
  public Optional<Header> read(String tenant, GroupId group, Rows rows) {
    checkTenant(tenant);
    Objects.requireNonNull(group, "group == null");
    Objects.requireNonNull(rows, "rows == null");
    ensureMigrated();
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        Optional<Header> header = read(connection, tenant, group, rows);
        connection.commit();
        return header;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw ioFailure("could not read the snapshot of group " + group + " of tenant " + tenant, e);
    }
  }

  private Optional<Header> read(Connection connection, String tenant, GroupId group, Rows rows)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }
    long generation;
    long writeId;
    Instant takenAt;
    byte[] salt;
    int memberCount;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT generation, write_id, taken_at, salt, member_count FROM "
                + table("snapshots")
                + " WHERE tenant = ? AND group_id = ?")) {
      select.setString(1, tenant);
      select.setString(2, group.value());
      try (ResultSet result = select.executeQuery()) {
        if (!result.next()) {
          return Optional.empty();
        }
        generation = result.getLong(1);
        writeId = result.getLong(2);
        takenAt = result.getObject(3, OffsetDateTime.class).toInstant();
        salt = result.getBytes(4);
        memberCount = result.getInt(5);
      }
    }
    if (generation <= 0 || salt == null || salt.length != Header.SALT_BYTES) {
      throw corrupt(
          tenant,
          group,
          "its row in " + table("snapshots") + " has generation " + generation + " or a bad salt");
    }
    int read = 0;
    long[] hashes = new long[HASHES];
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT user_id, login, first_name_hash, last_name_hash, email_hash, status_hash FROM "
                + table("snapshot_members")
                + " WHERE write_id = ? ORDER BY position")) {
      select.setFetchSize(fetchSize);
      select.setLong(1, writeId);
      try (ResultSet result = select.executeQuery()) {
        result.setFetchSize(fetchSize);
        while (result.next()) {
          String id = result.getString(1);
          String login = result.getString(2);
          for (int i = 0; i < HASHES; i++) {
            hashes[i] = result.getLong(3 + i);
          }
          rows.row(id, login, hashes);
          read++;
        }
      }
    }
    if (read != memberCount) {
      throw corrupt(
          tenant,
          group,
          "it counts " + memberCount + " members, but " + read + " rows belong to it");
    }
    return Optional.of(Header.of(generation, takenAt, salt));
  }

  @Override
  public Writer write(
      String tenant, GroupId group, long expectedGeneration, Instant takenAt, byte[] salt) {
    checkTenant(tenant);
    Objects.requireNonNull(group, "group == null");
    Objects.requireNonNull(takenAt, "takenAt == null");
    Objects.requireNonNull(salt, "salt == null");
    if (salt.length != Header.SALT_BYTES) {
      throw new IllegalArgumentException(
          "salt must be " + Header.SALT_BYTES + " bytes, not " + salt.length);
    }
    ensureMigrated();
    return PostgresWriter.open(
        this, tenant, group, expectedGeneration, takenAt.truncatedTo(ChronoUnit.MICROS), salt);
  }

  @Override
  public boolean delete(String tenant, GroupId group) {
    checkTenant(tenant);
    Objects.requireNonNull(group, "group == null");
    ensureMigrated();
    int deleted =
        delete(
            "DELETE FROM " + table("snapshots") + " WHERE tenant = ? AND group_id = ?",
            tenant,
            group.value(),
            "the snapshot of group " + group + " of tenant " + tenant);
    return deleted > 0;
  }

  @Override
  public int deleteTenant(String tenant) {
    checkTenant(tenant);
    ensureMigrated();
    return delete(
        "DELETE FROM " + table("snapshots") + " WHERE tenant = ?",
        tenant,
        null,
        "the snapshots of tenant " + tenant);
  }

  /**
   * Deletes snapshot rows and then, in the same transaction but a later statement, the member rows
   * of the writes they named: a statement of its own sees member rows that a commit it waited for
   * wrote, so none is left behind.
   */
  private int delete(String deleteHeaders, String tenant, @Nullable String group, String what) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        List<Long> writes = new ArrayList<>();
        try (PreparedStatement delete =
            connection.prepareStatement(deleteHeaders + " RETURNING write_id")) {
          delete.setString(1, tenant);
          if (group != null) {
            delete.setString(2, group);
          }
          try (ResultSet result = delete.executeQuery()) {
            while (result.next()) {
              writes.add(result.getLong(1));
            }
          }
        }
        int members = 0;
        try (PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM " + table("snapshot_members") + " WHERE write_id = ?")) {
          for (long write : writes) {
            delete.setLong(1, write);
            members += delete.executeUpdate();
          }
        }
        connection.commit();
        if (!writes.isEmpty()) {
          log.info("deleted {} ({} snapshots, {} member rows)", what, writes.size(), members);
        }
        return writes.size();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw ioFailure("could not delete " + what, e);
    }
  }

  DataSource dataSource() {
    return dataSource;
  }

  int batchSize() {
    return batchSize;
  }

  /** A table of the schema, quoted. */
  String table(String name) {
    return '"' + schema + "\"." + name;
  }

  static void checkTenant(String tenant) {
    Objects.requireNonNull(tenant, "tenant == null");
    if (tenant.isBlank()) {
      throw new IllegalArgumentException("tenant must not be blank");
    }
    if (tenant.length() > MAX_TENANT_LENGTH) {
      throw new IllegalArgumentException(
          "tenant must be at most " + MAX_TENANT_LENGTH + " characters: " + tenant.length());
    }
    if (tenant.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "tenant must not contain U+0000, which PostgreSQL refuses");
    }
  }

  static void rollbackQuietly(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  SnapshotException corrupt(String tenant, GroupId group, String why) {
    return new SnapshotException(
        SnapshotException.Reason.UNREADABLE,
        "the snapshot of group "
            + group
            + " of tenant "
            + tenant
            + " in "
            + this
            + " is corrupt: "
            + why
            + ". It was left untouched. Delete it (deleteTenant or delete) to start over with a"
            + " first sync, which reports no joins, leaves or changes.",
        null);
  }

  static SnapshotException ioFailure(String what, SQLException e) {
    return new SnapshotException(
        SnapshotException.Reason.IO_FAILURE,
        what
            + " in PostgreSQL (SQLState "
            + e.getSQLState()
            + ": "
            + e.getMessage()
            + "); check that the database can be reached and the role may use the schema,"
            + " then run again. Nothing was stored.",
        e);
  }

  /** {@return where snapshots are kept: the schema, never the connection's credentials} */
  @Override
  public String toString() {
    return "PostgreSQL schema " + schema;
  }

  /** Builds a {@link PostgresSnapshotStore}; not thread-safe. */
  public static final class Builder {
    private final DataSource dataSource;
    private String schema = "workforceiam";
    private int fetchSize = 1000;
    private int batchSize = 1000;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Sets the schema that holds the tables; {@code workforceiam} by default. One schema per
     * deployment: every worker of a fleet uses the same.
     *
     * @param schema a lower-case identifier: a letter or {@code _}, then up to 62 letters, digits
     *     or {@code _}
     * @return this builder
     * @throws IllegalArgumentException when the name is not such an identifier
     */
    public Builder schema(String schema) {
      Objects.requireNonNull(schema, "schema == null");
      if (!SCHEMA_NAME.matcher(schema).matches() || schema.startsWith("pg_")) {
        throw new IllegalArgumentException(
            "schema must be a lower-case identifier ([a-z_][a-z0-9_]{0,62}, not pg_…): '"
                + schema
                + "'");
      }
      this.schema = schema;
      return this;
    }

    /**
     * Sets how many rows the driver fetches at a time when reading a snapshot; 1000 by default.
     *
     * @param rows from 1 to 100,000
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder fetchSize(int rows) {
      this.fetchSize = checkRows("fetchSize", rows);
      return this;
    }

    /**
     * Sets how many rows go to the server in one batch when writing a snapshot; 1000 by default.
     * The driver's {@code reWriteBatchedInserts=true} URL option makes each batch one statement.
     *
     * @param rows from 1 to 100,000
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder batchSize(int rows) {
      this.batchSize = checkRows("batchSize", rows);
      return this;
    }

    private static int checkRows(String name, int rows) {
      if (rows < 1 || rows > 100_000) {
        throw new IllegalArgumentException(name + " must be from 1 to 100000: " + rows);
      }
      return rows;
    }

    /**
     * Builds the store. Nothing is sent to the database until {@link #migrate()} or first use.
     *
     * @return a new, thread-safe store
     */
    public PostgresSnapshotStore build() {
      return new PostgresSnapshotStore(this);
    }
  }
}
