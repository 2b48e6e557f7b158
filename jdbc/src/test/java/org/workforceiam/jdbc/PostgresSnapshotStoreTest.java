package org.workforceiam.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.UserId;
import org.workforceiam.core.sync.DirectorySync;
import org.workforceiam.core.sync.SnapshotException;
import org.workforceiam.core.sync.SnapshotStore;
import org.workforceiam.core.testing.InMemoryIdentityProvider;

/** What the PostgreSQL store promises beyond the contract of every store. */
class PostgresSnapshotStoreTest {
  private static final GroupId EMPLOYEES = GroupId.of("00gEmployees");

  private static DataSource dataSource;
  private static String schema;
  private static PostgresSnapshotStore store;

  /** Each test asks for the server, so that without one each is reported skipped. */
  @BeforeEach
  void createSchemaOnce() {
    DataSource server = PostgresTestDatabase.dataSource();
    synchronized (PostgresSnapshotStoreTest.class) {
      if (store == null) {
        dataSource = server;
        schema = PostgresTestDatabase.newSchema("store");
        store = PostgresSnapshotStore.builder(dataSource).schema(schema).batchSize(2).build();
      }
    }
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    if (store != null) {
      PostgresTestDatabase.dropSchema(dataSource, schema);
    }
  }

  @Test
  void everyConnectionGoesBackClosedWithAutoCommitAsItWas() {
    CountingDataSource counting = new CountingDataSource(dataSource);
    PostgresSnapshotStore counted =
        PostgresSnapshotStore.builder(counting).schema(schema).batchSize(2).build();
    InMemoryIdentityProvider idp = people(5);

    sync(counted, idp, "connections").run();
    sync(counted, idp, "connections").run();
    try (SnapshotStore.Writer stale =
        counted.write("connections", EMPLOYEES, 1, Instant.EPOCH, new byte[16])) {
      assertThatThrownBy(stale::commit).isInstanceOf(SnapshotException.class);
    }
    try (SnapshotStore.Writer abandoned =
        counted.write("connections", EMPLOYEES, 2, Instant.EPOCH, new byte[16])) {
      abandoned.row("00u1", "one@example.com", new long[4]);
    }
    assertThatThrownBy(
            () ->
                counted.read(
                    "connections",
                    EMPLOYEES,
                    (id, login, hashes) -> {
                      throw new IllegalStateException("stop");
                    }))
        .isInstanceOf(IllegalStateException.class);
    counted.deleteTenant("connections");

    assertThat(counting.opened.get()).isGreaterThanOrEqualTo(7);
    assertThat(counting.open.get()).isZero();
    assertThat(counting.leftInTransaction).isEmpty();
  }

  @Test
  void theTablesHoldIdsLoginsAndHashesButNoNamesEmailAddressesOrStatuses() throws SQLException {
    InMemoryIdentityProvider idp =
        InMemoryIdentityProvider.builder()
            .employee(
                Employee.builder(UserId.of("00u01Ada"), "ada")
                    .firstName("Augusta")
                    .lastName("Lovelace")
                    .email("ada.lovelace@mail.example")
                    .status(EmployeeStatus.LOCKED_OUT)
                    .build(),
                EMPLOYEES)
            .build();

    sync(store, idp, "personal-data").run();

    String dump =
        query(
            "SELECT string_agg(s::text || m::text, ' ') FROM \""
                + schema
                + "\".snapshots s JOIN \""
                + schema
                + "\".snapshot_members m USING (write_id) WHERE s.tenant = 'personal-data'");
    assertThat(dump)
        .contains("00u01Ada", "ada")
        .doesNotContain("Augusta", "Lovelace", "mail.example", "LOCKED");
  }

  @Test
  void deletingATenantLeavesNoneOfItsRows() throws SQLException {
    InMemoryIdentityProvider idp = people(7);
    sync(store, idp, "erased").run();
    idp.removeMember(EMPLOYEES, UserId.of("00u3"));
    sync(store, idp, "erased").run();
    sync(store, people(2), "kept").run();
    String members =
        "SELECT count(*) FROM \""
            + schema
            + "\".snapshot_members m JOIN \""
            + schema
            + "\".snapshots s USING (write_id) WHERE s.tenant = ?";
    String orphans =
        "SELECT count(*) FROM \""
            + schema
            + "\".snapshot_members m WHERE NOT EXISTS (SELECT 1 FROM \""
            + schema
            + "\".snapshots s WHERE s.write_id = m.write_id)";
    assertThat(query(members.replace("?", "'erased'"))).isEqualTo("6");

    assertThat(store.deleteTenant("erased")).isEqualTo(1);

    assertThat(query(members.replace("?", "'erased'"))).isEqualTo("0");
    assertThat(query(members.replace("?", "'kept'"))).isEqualTo("2");
    assertThat(query(orphans)).isEqualTo("0");
  }

  @Test
  void aSnapshotMissingRowsIsRefusedAsUnreadableAndLeftAsItWas() throws SQLException {
    sync(store, people(4), "tampered").run();
    execute(
        "DELETE FROM \""
            + schema
            + "\".snapshot_members WHERE position = 2 AND write_id = (SELECT write_id FROM \""
            + schema
            + "\".snapshots WHERE tenant = 'tampered')");

    SnapshotException e =
        catchThrowableOfType(
            SnapshotException.class, () -> sync(store, people(4), "tampered").run());

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(SnapshotException.Reason.UNREADABLE);
    assertThat(e).hasMessageContaining("counts 4 members, but 3 rows").hasMessageContaining(schema);
    assertThat(
            query(
                "SELECT member_count FROM \"" + schema + "\".snapshots WHERE tenant = 'tampered'"))
        .isEqualTo("4");
  }

  @Test
  void aLoginPostgresqlCannotHoldStopsTheSyncBeforeAnythingIsStored() {
    InMemoryIdentityProvider idp =
        InMemoryIdentityProvider.builder()
            .employee(Employee.builder(UserId.of("00u01Nul"), "nul\0login").build(), EMPLOYEES)
            .build();

    assertThatThrownBy(() -> sync(store, idp, "nul").run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("00u01Nul")
        .hasMessageContaining("U+0000");

    assertThat(store.read("nul", EMPLOYEES, (id, login, hashes) -> {})).isEmpty();
  }

  @Test
  void itsDescriptionNamesTheSchemaButNoCredentials() {
    assertThat(store).hasToString("PostgreSQL schema " + schema);
  }

  @Test
  void aSchemaNameMustBeAPlainLowerCaseIdentifier() {
    for (String bad : new String[] {"Public", "a-b", "x\"; DROP TABLE y; --", "", "pg_catalog"}) {
      assertThatThrownBy(() -> PostgresSnapshotStore.builder(dataSource).schema(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("schema");
    }
  }

  private static DirectorySync sync(
      PostgresSnapshotStore store, InMemoryIdentityProvider idp, String tenant) {
    return DirectorySync.builder()
        .directory(idp)
        .group(EMPLOYEES)
        .tenant(tenant)
        .snapshotStore(store)
        .build();
  }

  private static InMemoryIdentityProvider people(int count) {
    InMemoryIdentityProvider.Builder builder = InMemoryIdentityProvider.builder().pageSize(3);
    for (int i = 1; i <= count; i++) {
      builder.employee(
          Employee.builder(UserId.of("00u" + i), "user" + i + "@example.com")
              .firstName("First" + i)
              .build(),
          EMPLOYEES);
    }
    return builder.build();
  }

  private static String query(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return String.valueOf(result.getString(1));
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * A data source that hands out real connections and notes which are still open, and which went
   * back with auto-commit off or inside a transaction, as a pool would receive them.
   */
  private static final class CountingDataSource extends ForwardingDataSource {
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();
    final List<String> leftInTransaction = new ArrayList<>();

    CountingDataSource(DataSource delegate) {
      super(delegate);
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = delegate.getConnection();
      opened.incrementAndGet();
      open.incrementAndGet();
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("close")) {
                  if (!real.isClosed()) {
                    open.decrementAndGet();
                    if (!real.getAutoCommit()) {
                      synchronized (leftInTransaction) {
                        leftInTransaction.add("a connection went back with auto-commit off");
                      }
                    }
                  }
                }
                try {
                  return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }
}
