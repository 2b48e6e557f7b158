package org.workforceiam.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.UserId;
import org.workforceiam.core.sync.DirectorySync;
import org.workforceiam.core.sync.EmployeeChange;
import org.workforceiam.core.sync.SnapshotConflictException;
import org.workforceiam.core.sync.SnapshotException;
import org.workforceiam.core.sync.SnapshotStore;
import org.workforceiam.core.sync.SyncReport;
import org.workforceiam.core.testing.InMemoryIdentityProvider;

/**
 * The promises every {@link SnapshotStore} keeps, stated as tests: rows come back as written and in
 * order, nothing is visible before a commit, a commit over a stale generation fails with {@link
 * SnapshotConflictException} and stores nothing, tenants and groups are kept apart, deletes erase,
 * and two {@link DirectorySync} runs of one tenant at once never both commit. A store's test
 * extends this class; the folder store of {@code workforce-iam-core} and the PostgreSQL store of
 * {@code workforce-iam-jdbc} both pass it.
 *
 * <pre>{@code
 * class MyStoreContractTest extends SnapshotStoreContract {
 *   @Override protected SnapshotStore store() {
 *     return MyStore.connect(testDatabase);
 *   }
 * }
 * }</pre>
 *
 * <p>Each test uses tenants of its own, so {@link #store()} may return one store for every test and
 * test classes may share a database.
 */
public abstract class SnapshotStoreContract {
  private static final GroupId EMPLOYEES = GroupId.of("00gEmployees");
  private static final GroupId CONTRACTORS = GroupId.of("00gContractors");
  private static final Instant T0 = Instant.parse("2026-11-28T02:00:00.123456Z");
  private static final AtomicLong TENANTS = new AtomicLong();

  private SnapshotStore store;
  private String tenant;
  private String otherTenant;

  /** Creates the contract; a subclass is a JUnit test class. */
  protected SnapshotStoreContract() {}

  /**
   * Returns the store under test. Called before every test; may return the same store each time.
   *
   * @return the store
   */
  protected abstract SnapshotStore store();

  @BeforeEach
  void setUpStore() {
    store = store();
    String run = getClass().getSimpleName() + "-" + ProcessHandle.current().pid() + "-";
    tenant = run + TENANTS.incrementAndGet();
    otherTenant = run + TENANTS.incrementAndGet();
  }

  // ---------------------------------------------------------------- reading and writing rows

  @Test
  void aTenantWithoutASnapshotReadsAsNone() {
    List<String> rows = new ArrayList<>();

    Optional<SnapshotStore.Header> header =
        store.read(tenant, EMPLOYEES, (id, login, hashes) -> rows.add(id));

    assertThat(header).isEmpty();
    assertThat(rows).isEmpty();
  }

  @Test
  void rowsComeBackAsWrittenAndInOrderWithTheirHeader() {
    byte[] salt = salt(7);
    List<String> written =
        List.of(
            row("00u3zed", "zed@example.com", 0, -1, Long.MIN_VALUE, Long.MAX_VALUE),
            row("00u1ada", "ada@example.com", 1, 2, 3, 4),
            row("00u2tab", "tab\there\nand\\back\rslash", 5, 6, 7, 8),
            row("00u4ünï", "ünïcødé 😀 @example.com", -5, -6, -7, -8),
            row("00u5long", "x".repeat(1000) + "@example.com", 9, 9, 9, 9));

    long generation = commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt, written);

    Stored stored = read(tenant, EMPLOYEES);
    assertThat(generation).isNotEqualTo(SnapshotStore.NO_SNAPSHOT);
    assertThat(stored.header.generation()).isEqualTo(generation);
    assertThat(stored.header.takenAt()).isEqualTo(T0);
    assertThat(stored.header.salt()).isEqualTo(salt);
    assertThat(stored.rows).containsExactlyElementsOf(written);
  }

  @Test
  void anEmptySnapshotIsStoredAndIsNotTakenForNone() {
    long generation = commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1), List.of());

    Stored stored = read(tenant, EMPLOYEES);

    assertThat(stored.header.generation()).isEqualTo(generation);
    assertThat(stored.rows).isEmpty();
  }

  @Test
  void eachCommitChangesTheGenerationAndReplacesEveryRow() {
    long first = commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1), rows("a", 3));
    Instant later = T0.plusSeconds(3600);

    long second = commit(tenant, EMPLOYEES, first, later, salt(1), rows("b", 2));

    assertThat(second).isNotIn(first, SnapshotStore.NO_SNAPSHOT);
    Stored stored = read(tenant, EMPLOYEES);
    assertThat(stored.header.generation()).isEqualTo(second);
    assertThat(stored.header.takenAt()).isEqualTo(later);
    assertThat(stored.rows).containsExactlyElementsOf(rows("b", 2));
  }

  @Test
  void nothingWrittenIsVisibleBeforeTheCommit() {
    long first = commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1), rows("a", 2));

    try (SnapshotStore.Writer writer = store.write(tenant, EMPLOYEES, first, T0, salt(1))) {
      writeRows(writer, rows("b", 5));

      assertThat(read(tenant, EMPLOYEES).rows).containsExactlyElementsOf(rows("a", 2));
      assertThat(read(tenant, EMPLOYEES).header.generation()).isEqualTo(first);

      writer.commit();
    }
    assertThat(read(tenant, EMPLOYEES).rows).containsExactlyElementsOf(rows("b", 5));
  }

  @Test
  void aWriterClosedWithoutACommitStoresNothing() {
    try (SnapshotStore.Writer writer =
        store.write(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1))) {
      writeRows(writer, rows("a", 3));
    }
    assertThat(store.read(tenant, EMPLOYEES, (id, login, hashes) -> {})).isEmpty();

    long first = commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1), rows("a", 2));
    try (SnapshotStore.Writer writer = store.write(tenant, EMPLOYEES, first, T0, salt(1))) {
      writeRows(writer, rows("b", 3));
    }

    Stored stored = read(tenant, EMPLOYEES);
    assertThat(stored.header.generation()).isEqualTo(first);
    assertThat(stored.rows).containsExactlyElementsOf(rows("a", 2));
  }

  @Test
  void whatTheRowsReceiverThrowsReachesTheCallerAndTheStoreStaysUsable() {
    commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1), rows("a", 3));
    IllegalStateException stop = new IllegalStateException("stop reading");

    assertThatThrownBy(
            () ->
                store.read(
                    tenant,
                    EMPLOYEES,
                    (id, login, hashes) -> {
                      throw stop;
                    }))
        .isSameAs(stop);

    assertThat(read(tenant, EMPLOYEES).rows).hasSize(3);
  }

  // ---------------------------------------------------------------- compare-and-set

  @Test
  void aCommitOverAStaleGenerationConflictsAndStoresNothing() {
    long first = commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1), rows("a", 2));
    SnapshotStore.Writer winner = store.write(tenant, EMPLOYEES, first, T0, salt(1));
    SnapshotStore.Writer loser = store.write(tenant, EMPLOYEES, first, T0, salt(1));
    long won;
    try (winner;
        loser) {
      writeRows(winner, rows("winner", 2));
      writeRows(loser, rows("loser", 4));
      won = winner.commit();

      SnapshotConflictException e =
          catchThrowableOfType(SnapshotConflictException.class, loser::commit);

      assertThat(e).as("the stale commit must fail").isNotNull();
      assertThat(e.reason()).isEqualTo(SnapshotException.Reason.CONFLICT);
      assertThat(e.isRetryable()).isTrue();
    }
    Stored stored = read(tenant, EMPLOYEES);
    assertThat(stored.header.generation()).isEqualTo(won);
    assertThat(stored.rows).containsExactlyElementsOf(rows("winner", 2));
  }

  @Test
  void twoFirstSnapshotsCannotBothBeCommitted() {
    try (SnapshotStore.Writer first =
            store.write(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1));
        SnapshotStore.Writer second =
            store.write(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(2))) {
      writeRows(first, rows("first", 1));
      writeRows(second, rows("second", 1));
      first.commit();

      assertThatThrownBy(second::commit).isInstanceOf(SnapshotConflictException.class);
    }
    Stored stored = read(tenant, EMPLOYEES);
    assertThat(stored.header.salt()).isEqualTo(salt(1));
    assertThat(stored.rows).containsExactlyElementsOf(rows("first", 1));
  }

  @Test
  void aCommitAfterTheSnapshotWasDeletedConflicts() {
    long first = commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1), rows("a", 2));

    try (SnapshotStore.Writer writer = store.write(tenant, EMPLOYEES, first, T0, salt(1))) {
      writeRows(writer, rows("b", 2));
      assertThat(store.delete(tenant, EMPLOYEES)).isTrue();

      assertThatThrownBy(writer::commit).isInstanceOf(SnapshotConflictException.class);
    }
    assertThat(store.read(tenant, EMPLOYEES, (id, login, hashes) -> {})).isEmpty();
  }

  @Test
  void aGenerationThatWasNeverStoredConflicts() {
    long first = commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1), rows("a", 1));

    try (SnapshotStore.Writer writer = store.write(tenant, EMPLOYEES, first + 1, T0, salt(1))) {
      assertThatThrownBy(writer::commit).isInstanceOf(SnapshotConflictException.class);
    }
    try (SnapshotStore.Writer writer =
        store.write(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1))) {
      assertThatThrownBy(writer::commit).isInstanceOf(SnapshotConflictException.class);
    }
    assertThat(read(tenant, EMPLOYEES).header.generation()).isEqualTo(first);
  }

  // ---------------------------------------------------------------- keys and deletion

  @Test
  void tenantsAndGroupsAreKeptApart() {
    commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1), rows("te", 1));
    commit(tenant, CONTRACTORS, SnapshotStore.NO_SNAPSHOT, T0, salt(2), rows("tc", 2));
    commit(otherTenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(3), rows("oe", 3));

    assertThat(read(tenant, EMPLOYEES).rows).containsExactlyElementsOf(rows("te", 1));
    assertThat(read(tenant, CONTRACTORS).rows).containsExactlyElementsOf(rows("tc", 2));
    assertThat(read(otherTenant, EMPLOYEES).rows).containsExactlyElementsOf(rows("oe", 3));
    assertThat(read(otherTenant, EMPLOYEES).header.salt()).isEqualTo(salt(3));
    assertThat(store.read(otherTenant, CONTRACTORS, (id, login, hashes) -> {})).isEmpty();
  }

  @Test
  void deleteRemovesOneSnapshotOnly() {
    commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1), rows("te", 1));
    commit(tenant, CONTRACTORS, SnapshotStore.NO_SNAPSHOT, T0, salt(2), rows("tc", 2));

    assertThat(store.delete(tenant, EMPLOYEES)).isTrue();
    assertThat(store.delete(tenant, EMPLOYEES)).isFalse();

    assertThat(store.read(tenant, EMPLOYEES, (id, login, hashes) -> {})).isEmpty();
    assertThat(read(tenant, CONTRACTORS).rows).hasSize(2);
  }

  @Test
  void deleteTenantErasesEverySnapshotOfThatTenantAndNoOther() {
    commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1), rows("te", 1));
    commit(tenant, CONTRACTORS, SnapshotStore.NO_SNAPSHOT, T0, salt(2), rows("tc", 2));
    commit(otherTenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(3), rows("oe", 3));

    assertThat(store.deleteTenant(tenant)).isEqualTo(2);

    assertThat(store.read(tenant, EMPLOYEES, (id, login, hashes) -> {})).isEmpty();
    assertThat(store.read(tenant, CONTRACTORS, (id, login, hashes) -> {})).isEmpty();
    assertThat(read(otherTenant, EMPLOYEES).rows).hasSize(3);
    assertThat(store.deleteTenant(tenant)).isZero();
  }

  @Test
  void aTenantCanStartOverAfterItsDeletion() {
    commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(1), rows("a", 2));
    store.deleteTenant(tenant);

    commit(tenant, EMPLOYEES, SnapshotStore.NO_SNAPSHOT, T0, salt(2), rows("b", 1));

    assertThat(read(tenant, EMPLOYEES).rows).containsExactlyElementsOf(rows("b", 1));
  }

  @Test
  void aBlankTenantIsRefused() {
    assertThatThrownBy(() -> store.read(" ", EMPLOYEES, (id, login, hashes) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant");
    assertThatThrownBy(() -> store.deleteTenant(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant");
  }

  // ---------------------------------------------------------------- syncs over the store

  @Test
  void aSyncReportsJoinsLeavesAndChangesAgainstTheStoredSnapshot() {
    InMemoryIdentityProvider idp = people();
    assertThat(sync(idp, tenant).run().firstSync()).isTrue();
    idp.removeMember(EMPLOYEES, UserId.of("00u02Grace"));
    idp.put(employee("00u05Edsger", "edsger@example.com", EmployeeStatus.ACTIVE), EMPLOYEES);
    idp.put(employee("00u01Ada", "ada@example.com", EmployeeStatus.SUSPENDED));

    SyncReport report = sync(idp, tenant).run();

    assertThat(report.firstSync()).isFalse();
    assertThat(report.added()).extracting(c -> c.id().value()).containsExactly("00u05Edsger");
    assertThat(report.removed()).extracting(c -> c.id().value()).containsExactly("00u02Grace");
    assertThat(report.removed().get(0).login()).isEqualTo("grace@example.com");
    assertThat(report.changed())
        .containsExactly(
            EmployeeChange.of(
                EmployeeChange.Kind.CHANGED,
                UserId.of("00u01Ada"),
                "ada@example.com",
                Set.of(EmployeeChange.Field.STATUS)));
    assertThat(sync(idp, tenant).run().changed()).isEmpty();
  }

  @Test
  void aFailedSyncStoresNothingAndTheNextRunReportsTheChangesAgain() {
    InMemoryIdentityProvider idp = people();
    sync(idp, tenant).run();
    long before = read(tenant, EMPLOYEES).header.generation();
    idp.removeMember(EMPLOYEES, UserId.of("00u04Katherine"));
    IamException.ProviderUnavailable outage =
        new IamException.ProviderUnavailable("the provider is down", ErrorDetails.none());
    idp.failListingAfter(1, outage);

    assertThatThrownBy(() -> sync(idp, tenant).run()).isSameAs(outage);

    assertThat(read(tenant, EMPLOYEES).header.generation()).isEqualTo(before);
    idp.clearFaults();
    assertThat(sync(idp, tenant).run().removed())
        .extracting(c -> c.id().value())
        .containsExactly("00u04Katherine");
  }

  @Test
  void twoTenantsSyncTheSameGroupApart() {
    InMemoryIdentityProvider acme = people();
    InMemoryIdentityProvider globex = people();
    sync(acme, tenant).run();
    sync(globex, otherTenant).run();
    acme.removeMember(EMPLOYEES, UserId.of("00u01Ada"));

    assertThat(sync(acme, tenant).run().removed()).hasSize(1);
    assertThat(sync(globex, otherTenant).run().removed()).isEmpty();
  }

  @Test
  void ofTwoConcurrentFirstSyncsOfOneTenantExactlyOneCommits() throws Exception {
    assertExactlyOneOfTwoConcurrentSyncsCommits(people());
  }

  @Test
  void ofTwoConcurrentSyncsOfOneTenantExactlyOneCommits() throws Exception {
    InMemoryIdentityProvider idp = people();
    sync(idp, tenant).run();
    idp.removeMember(EMPLOYEES, UserId.of("00u03Alan"));

    assertExactlyOneOfTwoConcurrentSyncsCommits(idp);
  }

  /**
   * Starts two syncs of the same tenant and group on two threads; each waits, after its first page
   * (it has read the snapshot and opened its writer), until the other has got that far, so both
   * compare with the same generation. One commits; the other must end in a conflict.
   */
  private void assertExactlyOneOfTwoConcurrentSyncsCommits(InMemoryIdentityProvider idp)
      throws Exception {
    Optional<Long> before =
        store.read(tenant, EMPLOYEES, (id, login, hashes) -> {}).map(h -> h.generation());
    CountDownLatch bothRead = new CountDownLatch(2);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<SyncReport>> runs = new ArrayList<>();
      for (String worker : List.of("worker-1", "worker-2")) {
        DirectorySync sync = sync(idp, tenant);
        runs.add(threads.submit(() -> sync.run(new Meeting(worker, bothRead, events))));
      }
      List<SyncReport> completed = new ArrayList<>();
      List<Throwable> failed = new ArrayList<>();
      for (Future<SyncReport> run : runs) {
        try {
          completed.add(run.get(30, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          failed.add(e.getCause());
        }
      }

      assertThat(completed).as("completed runs").hasSize(1);
      assertThat(failed).singleElement().isInstanceOf(SnapshotConflictException.class);
      assertThat(events).filteredOn(e -> e.endsWith(" completed")).hasSize(1);
      assertThat(events).filteredOn(e -> e.endsWith(" failed: CONFLICT")).hasSize(1);
      Stored stored = read(tenant, EMPLOYEES);
      assertThat(Optional.of(stored.header.generation())).isNotEqualTo(before);
      // A store keeps the time at least to the microsecond.
      assertThat(stored.header.takenAt().truncatedTo(ChronoUnit.MICROS))
          .isEqualTo(completed.get(0).startedAt().truncatedTo(ChronoUnit.MICROS));
      assertThat(stored.rows).hasSize(completed.get(0).memberCount());
    } finally {
      threads.shutdownNow();
    }
  }

  /** A listener that waits after the first page until the other run has got that far too. */
  private static final class Meeting implements DirectorySync.Listener {
    private final String worker;
    private final CountDownLatch bothRead;
    private final List<String> events;

    Meeting(String worker, CountDownLatch bothRead, List<String> events) {
      this.worker = worker;
      this.bothRead = bothRead;
      this.events = events;
    }

    @Override
    public void onPage(int pagesFetched, int employeesSoFar) {
      if (pagesFetched != 1) {
        return;
      }
      bothRead.countDown();
      try {
        if (!bothRead.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException(new TimeoutException("the other run never started"));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onCompleted(SyncReport report) {
      events.add(worker + " completed");
    }

    @Override
    public void onFailed(RuntimeException failure) {
      String reason =
          failure instanceof SnapshotException snapshot
              ? snapshot.reason().name()
              : failure.toString();
      events.add(worker + " failed: " + reason);
    }
  }

  // ---------------------------------------------------------------- helpers

  private DirectorySync sync(InMemoryIdentityProvider idp, String tenant) {
    return DirectorySync.builder()
        .directory(idp)
        .group(EMPLOYEES)
        .tenant(tenant)
        .snapshotStore(store)
        .build();
  }

  private static InMemoryIdentityProvider people() {
    return InMemoryIdentityProvider.builder()
        .pageSize(2)
        .employee(employee("00u01Ada", "ada@example.com", EmployeeStatus.ACTIVE), EMPLOYEES)
        .employee(employee("00u02Grace", "grace@example.com", EmployeeStatus.ACTIVE), EMPLOYEES)
        .employee(employee("00u03Alan", "alan@example.com", EmployeeStatus.ACTIVE), EMPLOYEES)
        .employee(employee("00u04Katherine", "k@example.com", EmployeeStatus.ACTIVE), EMPLOYEES)
        .build();
  }

  private static Employee employee(String id, String login, EmployeeStatus status) {
    return Employee.builder(UserId.of(id), login)
        .firstName(id.substring(5))
        .lastName("Example")
        .email(login)
        .status(status)
        .build();
  }

  private long commit(
      String tenant,
      GroupId group,
      long expected,
      Instant takenAt,
      byte[] salt,
      List<String> rows) {
    try (SnapshotStore.Writer writer = store.write(tenant, group, expected, takenAt, salt)) {
      writeRows(writer, rows);
      return writer.commit();
    }
  }

  private static void writeRows(SnapshotStore.Rows writer, List<String> rows) {
    for (String row : rows) {
      String[] fields = row.split("\\|", -1);
      long[] hashes = Arrays.stream(fields[2].split(",")).mapToLong(Long::parseLong).toArray();
      writer.row(fields[0], fields[1], hashes);
    }
  }

  private Stored read(String tenant, GroupId group) {
    List<String> rows = new ArrayList<>();
    Optional<SnapshotStore.Header> header =
        store.read(
            tenant,
            group,
            (id, login, hashes) -> {
              assertThat(hashes).hasSize(SnapshotStore.HASHES);
              rows.add(row(id, login, hashes[0], hashes[1], hashes[2], hashes[3]));
            });
    assertThat(header).as("a snapshot of " + tenant + "/" + group).isPresent();
    return new Stored(header.get(), rows);
  }

  /** A row as text: {@code id|login|h0,h1,h2,h3}; no test login holds a {@code |}. */
  private static String row(String id, String login, long h0, long h1, long h2, long h3) {
    return id + "|" + login + "|" + h0 + "," + h1 + "," + h2 + "," + h3;
  }

  private static List<String> rows(String prefix, int count) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(row("00u" + prefix + i, prefix + i + "@example.com", i, -i, 31L * i, i + 1));
    }
    return rows;
  }

  private static byte[] salt(int seed) {
    byte[] salt = new byte[SnapshotStore.Header.SALT_BYTES];
    Arrays.fill(salt, (byte) seed);
    return salt;
  }

  private record Stored(SnapshotStore.Header header, List<String> rows) {}
}
