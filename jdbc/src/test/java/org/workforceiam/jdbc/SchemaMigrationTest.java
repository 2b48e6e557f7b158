package org.workforceiam.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.sync.SnapshotException;

/**
 * The schema is created or migrated by exactly one worker at a time: under an advisory lock, in one
 * transaction, recorded in {@code schema_version}.
 */
class SchemaMigrationTest {
  private static final int WORKERS = 6;

  private DataSource dataSource;
  private String schema;

  @BeforeEach
  void newSchemaName() {
    dataSource = PostgresTestDatabase.dataSource();
    schema = PostgresTestDatabase.newSchema("migration");
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema != null) {
      PostgresTestDatabase.dropSchema(dataSource, schema);
    }
  }

  @Test
  void ofWorkersMigratingANewSchemaAtOnceExactlyOneMigratesAndAllSucceed() throws Exception {
    CyclicBarrier start = new CyclicBarrier(WORKERS);
    ExecutorService threads = Executors.newFixedThreadPool(WORKERS);
    List<Future<Integer>> migrations = new ArrayList<>();
    try {
      for (int i = 0; i < WORKERS; i++) {
        PostgresSnapshotStore worker = store();
        migrations.add(
            threads.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return worker.migrate();
                }));
      }
      List<Integer> applied = new ArrayList<>();
      for (Future<Integer> migration : migrations) {
        applied.add(migration.get(30, TimeUnit.SECONDS));
      }

      assertThat(applied).containsOnly(0, Schema.LATEST).containsOnlyOnce(Schema.LATEST);
    } finally {
      threads.shutdownNow();
    }
    assertThat(versions()).containsExactly(Schema.LATEST);
    assertThat(store().read("acme", GroupId.of("00gAny"), (id, login, hashes) -> {})).isEmpty();
  }

  @Test
  void aMigrationWaitsWhileAnotherWorkerHoldsTheLock() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, Schema.lockKey(schema));
        lock.execute();
      }
      PostgresSnapshotStore worker = store();
      Future<Integer> migration = thread.submit(worker::migrate);

      awaitAWaitingAdvisoryLock();
      assertThat(migration).isNotDone();
      assertThat(schemaExists()).isFalse();

      other.commit();
      assertThat(migration.get(30, TimeUnit.SECONDS)).isEqualTo(Schema.LATEST);
    } finally {
      thread.shutdownNow();
    }
    assertThat(versions()).containsExactly(Schema.LATEST);
  }

  @Test
  void aSchemaThatIsUpToDateIsLeftAlone() {
    assertThat(store().migrate()).isEqualTo(Schema.LATEST);

    assertThat(store().migrate()).isZero();
    assertThat(versions()).containsExactly(Schema.LATEST);
  }

  @Test
  void aSchemaMigratedByALaterReleaseIsRefusedAndLeftAsItWas() throws SQLException {
    store().migrate();
    execute("INSERT INTO \"" + schema + "\".schema_version (version) VALUES (" + 99 + ")");

    SnapshotException e = catchThrowableOfType(SnapshotException.class, store()::migrate);

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(SnapshotException.Reason.UNSUPPORTED_VERSION);
    assertThat(e).hasMessageContaining(schema).hasMessageContaining("version 99");
    assertThat(versions()).containsExactly(Schema.LATEST, 99);
  }

  @Test
  void theFirstUseMigratesWhenNobodyCalledMigrate() {
    store().deleteTenant("acme");

    assertThat(versions()).containsExactly(Schema.LATEST);
  }

  private PostgresSnapshotStore store() {
    return PostgresSnapshotStore.builder(dataSource).schema(schema).build();
  }

  /** Polls the server's lock table until a session waits for an advisory lock, for 30 s at most. */
  private void awaitAWaitingAdvisoryLock() throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement waiting =
            connection.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                    + " AND classid::bigint = ? AND objid::bigint = ?")) {
      long key = Schema.lockKey(schema);
      waiting.setLong(1, key >>> 32);
      waiting.setLong(2, key & 0xFFFFFFFFL);
      while (System.nanoTime() < deadline) {
        try (ResultSet result = waiting.executeQuery()) {
          result.next();
          if (result.getInt(1) > 0) {
            return;
          }
        }
        Thread.onSpinWait();
      }
    }
    throw new AssertionError("the migration never waited for the advisory lock");
  }

  private boolean schemaExists() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      select.setString(1, schema);
      try (ResultSet result = select.executeQuery()) {
        return result.next();
      }
    }
  }

  private List<Integer> versions() {
    List<Integer> versions = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT version FROM \"" + schema + "\".schema_version ORDER BY version")) {
      while (result.next()) {
        versions.add(result.getInt(1));
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return versions;
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
