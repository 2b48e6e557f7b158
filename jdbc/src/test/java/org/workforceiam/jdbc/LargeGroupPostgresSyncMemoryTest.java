package org.workforceiam.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.UserId;
import org.workforceiam.core.sync.DirectorySync;
import org.workforceiam.core.sync.SyncReport;
import org.workforceiam.core.testing.InMemoryIdentityProvider;

/**
 * Syncs a 100,000-member group against a 100,000-member snapshot in PostgreSQL under a 64 MiB heap:
 * rows are fetched and inserted in batches, never held all at once by the store or the driver. Runs
 * only in the {@code small-heap} surefire execution, in its own JVM with {@code -Xmx64m}; the
 * members are generated page by page, never stored.
 */
@Tag("small-heap")
class LargeGroupPostgresSyncMemoryTest {
  private static final GroupId EVERYONE = GroupId.of("00gEveryone");
  private static final int MEMBERS = 100_000;
  private static final int LEAVERS = 500;
  private static final long MAX_HEAP = 64L * 1024 * 1024;

  private DataSource dataSource;
  private String schema;

  @BeforeEach
  void createSchema() {
    dataSource = PostgresTestDatabase.dataSource();
    schema = PostgresTestDatabase.newSchema("large");
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema != null) {
      PostgresTestDatabase.dropSchema(dataSource, schema);
    }
  }

  @Test
  void diffsAHundredThousandMembersStoredInPostgresqlInA64MebibyteHeap() {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("this test must run with a small heap (-Xmx64m in the small-heap execution)")
        .isLessThanOrEqualTo(MAX_HEAP);
    PostgresSnapshotStore store = PostgresSnapshotStore.builder(dataSource).schema(schema).build();

    SyncReport first = sync(store, LargeGroupPostgresSyncMemoryTest::yesterday).run();

    assertThat(first.firstSync()).isTrue();
    assertThat(first.memberCount()).isEqualTo(MEMBERS);

    SyncReport second = sync(store, LargeGroupPostgresSyncMemoryTest::today).run();

    assertThat(second.firstSync()).isFalse();
    assertThat(second.memberCount()).isEqualTo(MEMBERS);
    assertThat(second.removed()).hasSize(LEAVERS);
    assertThat(second.added()).hasSize(LEAVERS);
    assertThat(second.changed()).hasSize((MEMBERS - LEAVERS) / 250);
    assertThat(second.removed().get(0).id()).isEqualTo(id(0));
    assertThat(second.removed().get(0).login()).isEqualTo(login(0));
    assertThat(second.removed().get(LEAVERS - 1).id()).isEqualTo(id(LEAVERS - 1));
  }

  private static DirectorySync sync(PostgresSnapshotStore store, IntFunction<Employee> members) {
    InMemoryIdentityProvider idp =
        InMemoryIdentityProvider.builder()
            .pageSize(1000)
            .generatedGroup(EVERYONE, MEMBERS, members)
            .build();
    return DirectorySync.builder()
        .directory(idp)
        .group(EVERYONE)
        .tenant("large")
        .snapshotStore(store)
        .build();
  }

  private static Employee yesterday(int index) {
    return Employee.builder(id(index), login(index))
        .firstName("First" + index)
        .lastName("Last" + index)
        .email(login(index))
        .status(EmployeeStatus.ACTIVE)
        .build();
  }

  /** Members 500 to 100,499: the first 500 left and 500 joined; every 250th changed email. */
  private static Employee today(int position) {
    int index = position + LEAVERS;
    Employee before = yesterday(index);
    return index % 250 != 0 ? before : before.toBuilder().email("moved." + login(index)).build();
  }

  private static UserId id(int index) {
    return UserId.of(String.format("00u%017d", index));
  }

  private static String login(int index) {
    return "employee" + index + "@example.com";
  }
}
