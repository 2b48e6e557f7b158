package org.workforceiam.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.UserId;
import org.workforceiam.core.testing.InMemoryIdentityProvider;

/**
 * Syncs a 100,000-member group against a 100,000-member snapshot under a small heap. Runs only in
 * the {@code small-heap} surefire execution (see core/pom.xml), in its own JVM with {@code
 * -Xmx48m}; the members are generated page by page, never stored.
 */
@Tag("small-heap")
class LargeGroupSyncMemoryTest {
  private static final GroupId EVERYONE = GroupId.of("00gEveryone");
  private static final int MEMBERS = 100_000;
  private static final int LEAVERS = 500;
  private static final long MAX_HEAP = 64L * 1024 * 1024;

  @Test
  void diffsTwoSnapshotsOfAHundredThousandMembersInASmallHeap(@TempDir Path folder) {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("this test must run with a small heap (-Xmx48m in the small-heap execution)")
        .isLessThan(MAX_HEAP);
    Path snapshot = folder.resolve("everyone.snapshot");

    SyncReport first = sync(snapshot, LargeGroupSyncMemoryTest::yesterday).run();

    assertThat(first.firstSync()).isTrue();
    assertThat(first.memberCount()).isEqualTo(MEMBERS);
    assertThat(first.pagesFetched()).isEqualTo(MEMBERS / 1000);
    assertThat(first.incompleteProfiles()).hasSize(MEMBERS / 10_000);

    SyncReport second = sync(snapshot, LargeGroupSyncMemoryTest::today).run();

    assertThat(second.memberCount()).isEqualTo(MEMBERS);
    assertThat(second.removed()).hasSize(LEAVERS);
    assertThat(second.added()).hasSize(LEAVERS);
    // Every 250th member changed email, every 1000th also changed status; leavers not counted.
    assertThat(second.changed()).hasSize((MEMBERS - LEAVERS) / 250);
    assertThat(second.changed())
        .filteredOn(c -> c.changedFields().contains(EmployeeChange.Field.STATUS))
        .hasSize((MEMBERS - LEAVERS) / 1000);
    assertThat(second.removed().get(0).id()).isEqualTo(id(0));
    assertThat(second.removed().get(0).login()).isEqualTo(login(0));
    assertThat(second.added().get(0).id()).isEqualTo(id(MEMBERS));
    assertThat(
            second.statusCount(EmployeeStatus.ACTIVE)
                + second.statusCount(EmployeeStatus.SUSPENDED))
        .isEqualTo(MEMBERS);
  }

  private static DirectorySync sync(Path snapshot, IntFunction<Employee> members) {
    InMemoryIdentityProvider idp =
        InMemoryIdentityProvider.builder()
            .pageSize(1000)
            .generatedGroup(EVERYONE, MEMBERS, members)
            .build();
    return DirectorySync.builder().directory(idp).group(EVERYONE).snapshotFile(snapshot).build();
  }

  /** Members 0 to 99,999; every 10,000th lacks an email. */
  private static Employee yesterday(int index) {
    return Employee.builder(id(index), login(index))
        .firstName("First" + index)
        .lastName("Last" + index)
        .email(index % 10_000 == 0 ? null : login(index))
        .status(EmployeeStatus.ACTIVE)
        .build();
  }

  /**
   * Members 500 to 100,499: the first 500 left and 500 joined. Every 250th changed email, every
   * 1000th was also suspended.
   */
  private static Employee today(int position) {
    int index = position + LEAVERS;
    Employee before = yesterday(index);
    if (index % 250 != 0) {
      return before;
    }
    return before.toBuilder()
        .email("moved." + login(index))
        .status(index % 1000 == 0 ? EmployeeStatus.SUSPENDED : EmployeeStatus.ACTIVE)
        .build();
  }

  private static UserId id(int index) {
    return UserId.of(String.format("00u%017d", index));
  }

  private static String login(int index) {
    return "employee" + index + "@example.com";
  }
}
