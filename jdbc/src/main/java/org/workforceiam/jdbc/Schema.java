package org.workforceiam.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.core.sync.SnapshotException;

/**
 * The store's tables, and their migrations. Version {@code n} is {@code MIGRATIONS.get(n - 1)}; a
 * release only appends. {@link #migrate} runs in one transaction that first takes a
 * transaction-level advisory lock keyed on the schema's name: a second worker waits for the first
 * to commit, then reads the version it wrote and has nothing left to do.
 */
final class Schema {
  private static final Logger log = LoggerFactory.getLogger(Schema.class);

  /** Each migration's statements; {@code %s} stands for the quoted schema. */
  static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              "CREATE SEQUENCE %s.snapshot_writes",
              "CREATE TABLE %s.snapshots ("
                  + " tenant text NOT NULL,"
                  + " group_id text NOT NULL,"
                  + " generation bigint NOT NULL CHECK (generation > 0),"
                  + " write_id bigint NOT NULL UNIQUE,"
                  + " taken_at timestamptz NOT NULL,"
                  + " salt bytea NOT NULL,"
                  + " member_count integer NOT NULL CHECK (member_count >= 0),"
                  + " PRIMARY KEY (tenant, group_id))",
              "CREATE TABLE %s.snapshot_members ("
                  + " write_id bigint NOT NULL,"
                  + " position integer NOT NULL,"
                  + " user_id text NOT NULL,"
                  + " login text NOT NULL,"
                  + " first_name_hash bigint NOT NULL,"
                  + " last_name_hash bigint NOT NULL,"
                  + " email_hash bigint NOT NULL,"
                  + " status_hash bigint NOT NULL,"
                  + " PRIMARY KEY (write_id, position))",
              "COMMENT ON TABLE %s.snapshots IS 'workforce-iam directory sync snapshots, one per"
                  + " tenant and group. Personal data: see PostgresSnapshotStore.deleteTenant.'",
              "COMMENT ON TABLE %s.snapshot_members IS 'workforce-iam snapshot rows: user ids,"
                  + " logins and salted hashes of names, emails and statuses. Personal data.'"));

  /** The version this release migrates to. */
  static final int LATEST = MIGRATIONS.size();

  private Schema() {}

  /**
   * Creates or migrates the schema.
   *
   * @return how many migrations were applied
   */
  static int migrate(DataSource dataSource, String schema) {
    String quoted = '"' + schema + '"';
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      if (!"PostgreSQL".equals(product)) {
        throw new IamException.InvalidConfiguration(
            "PostgresSnapshotStore needs a PostgreSQL data source, not " + product,
            ErrorDetails.none());
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        int applied = migrate(connection, schema, quoted);
        connection.commit();
        return applied;
      } catch (SQLException | RuntimeException e) {
        PostgresSnapshotStore.rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw PostgresSnapshotStore.ioFailure(
          "could not create or migrate schema "
              + schema
              + " (the role needs CREATE on the"
              + " database for the first migration, or a schema made for it)",
          e);
    }
  }

  private static int migrate(Connection connection, String schema, String quoted)
      throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, lockKey(schema));
      lock.execute();
    }
    try (Statement statement = connection.createStatement()) {
      if (!exists(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", schema)) {
        statement.execute("CREATE SCHEMA " + quoted);
      }
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + quoted
              + ".schema_version (version integer PRIMARY KEY,"
              + " applied_at timestamptz NOT NULL DEFAULT now(),"
              + " applied_by text NOT NULL DEFAULT current_user)");
      int current;
      try (ResultSet result =
          statement.executeQuery(
              "SELECT coalesce(max(version), 0) FROM " + quoted + ".schema_version")) {
        result.next();
        current = result.getInt(1);
      }
      if (current > LATEST) {
        throw new SnapshotException(
            SnapshotException.Reason.UNSUPPORTED_VERSION,
            "schema "
                + schema
                + " is at version "
                + current
                + ", migrated by a later release of workforce-iam-jdbc; this release knows"
                + " versions up to "
                + LATEST
                + ". Use that release, or give this one a schema of its own"
                + " (PostgresSnapshotStore.Builder.schema). Nothing was changed.",
            null);
      }
      for (int version = current + 1; version <= LATEST; version++) {
        for (String sql : MIGRATIONS.get(version - 1)) {
          statement.execute(String.format(sql, quoted));
        }
        try (PreparedStatement record =
            connection.prepareStatement(
                "INSERT INTO " + quoted + ".schema_version (version) VALUES (?)")) {
          record.setInt(1, version);
          record.executeUpdate();
        }
        log.info("migrated schema {} to version {}", schema, version);
      }
      return LATEST - current;
    }
  }

  private static boolean exists(Connection connection, String query, String value)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(query)) {
      select.setString(1, value);
      try (ResultSet result = select.executeQuery()) {
        return result.next();
      }
    }
  }

  /**
   * The advisory lock of a schema's migrations: the first 8 bytes of SHA-256 over a prefix and the
   * name, so that schemas lock apart and other applications' advisory locks are unlikely to clash.
   */
  static long lockKey(String schema) {
    byte[] digest;
    try {
      digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("workforce-iam-jdbc schema " + schema).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    long key = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      key = (key << 8) | (digest[i] & 0xFF);
    }
    return key;
  }
}
