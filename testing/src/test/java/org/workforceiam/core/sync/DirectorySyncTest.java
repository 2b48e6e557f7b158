package org.workforceiam.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.Factor;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Page;
import org.workforceiam.core.ProfileField;
import org.workforceiam.core.UserId;
import org.workforceiam.core.sync.EmployeeChange.Kind;
import org.workforceiam.core.testing.InMemoryIdentityProvider;

class DirectorySyncTest {
  private static final GroupId EMPLOYEES = GroupId.of("00gEmployees");
  private static final GroupId CONTRACTORS = GroupId.of("00gContractors");
  private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

  private static final Employee ADA =
      employee("00u01Ada", "ada@example.com", "Ada", "Lovelace", EmployeeStatus.ACTIVE);
  private static final Employee GRACE =
      employee("00u02Grace", "grace@example.com", "Grace", "Hopper", EmployeeStatus.LOCKED_OUT);
  private static final Employee ALAN =
      employee("00u03Alan", "alan@example.com", "Alan", "Turing", EmployeeStatus.ACTIVE);
  private static final Employee KATHERINE =
      employee(
          "00u04Katherine",
          "katherine@example.com",
          "Katherine",
          "Johnson",
          EmployeeStatus.SUSPENDED);
  private static final Employee EDSGER =
      employee("00u05Edsger", "edsger@example.com", "Edsger", "Dijkstra", EmployeeStatus.ACTIVE);

  private Path folder;
  private Path snapshot;
  private InMemoryIdentityProvider idp;
  private MutableClock clock;

  @BeforeEach
  void setUp(@TempDir Path tempDir) {
    folder = tempDir;
    snapshot = folder.resolve("employees.snapshot");
    clock = new MutableClock(T0);
    idp =
        InMemoryIdentityProvider.builder()
            .pageSize(2)
            .employee(ADA, EMPLOYEES)
            .employee(GRACE, EMPLOYEES)
            .employee(ALAN, EMPLOYEES)
            .employee(KATHERINE, EMPLOYEES)
            .employee(EDSGER)
            .build();
  }

  // ---------------------------------------------------------------- first sync, joins, leaves

  @Test
  void firstSyncReportsTheMembersButNoDifferencesAndWritesASnapshot() {
    RecordingListener listener = new RecordingListener();

    SyncReport report = sync().run(listener);

    assertThat(report.firstSync()).isTrue();
    assertThat(report.previousSnapshotAt()).isEmpty();
    assertThat(report.group()).isEqualTo(EMPLOYEES);
    assertThat(report.memberCount()).isEqualTo(4);
    assertThat(report.added()).isEmpty();
    assertThat(report.removed()).isEmpty();
    assertThat(report.changed()).isEmpty();
    assertThat(report.startedAt()).isEqualTo(T0);
    assertThat(snapshot).exists();
    assertThat(listener.events).containsExactly("page 1: 2", "page 2: 4", "completed");
  }

  @Test
  void secondSyncComparesWithTheFirstAndSaysWhenItWasTaken() {
    sync().run();
    clock.set(T0.plus(Duration.ofDays(1)));

    SyncReport report = sync().run();

    assertThat(report.firstSync()).isFalse();
    assertThat(report.previousSnapshotAt()).contains(T0);
    assertThat(report.added()).isEmpty();
    assertThat(report.removed()).isEmpty();
    assertThat(report.changed()).isEmpty();
  }

  @Test
  void reportsMembersWhoJoined() {
    sync().run();
    idp.put(EDSGER, EMPLOYEES);
    Employee barbara =
        employee("00u06Barbara", "barbara@example.com", "Barbara", "Liskov", EmployeeStatus.STAGED);
    idp.put(barbara, EMPLOYEES);

    SyncReport report = sync().run();

    assertThat(report.added())
        .containsExactly(
            EmployeeChange.of(Kind.ADDED, EDSGER.id(), EDSGER.login(), Set.of()),
            EmployeeChange.of(Kind.ADDED, barbara.id(), barbara.login(), Set.of()));
    assertThat(report.removed()).isEmpty();
    assertThat(report.changed()).isEmpty();
    assertThat(report.memberCount()).isEqualTo(6);
  }

  @Test
  void reportsMembersWhoLeftByIdAndLoginEvenWhenTheUserNoLongerExists() {
    sync().run();
    idp.removeMember(EMPLOYEES, GRACE.id());
    idp.delete(ALAN.id());

    SyncReport report = sync().run();

    assertThat(report.removed())
        .containsExactly(
            EmployeeChange.of(Kind.REMOVED, GRACE.id(), "grace@example.com", Set.of()),
            EmployeeChange.of(Kind.REMOVED, ALAN.id(), "alan@example.com", Set.of()));
    assertThat(report.added()).isEmpty();
    assertThat(report.memberCount()).isEqualTo(2);
  }

  @Test
  void aMemberWhoLeftAndCameBackIsAddedAgain() {
    sync().run();
    idp.removeMember(EMPLOYEES, GRACE.id());
    assertThat(sync().run().removed()).extracting(EmployeeChange::id).containsExactly(GRACE.id());
    idp.put(GRACE, EMPLOYEES);

    SyncReport report = sync().run();

    assertThat(report.added()).extracting(EmployeeChange::id).containsExactly(GRACE.id());
    assertThat(report.removed()).isEmpty();
  }

  // ---------------------------------------------------------------- changes

  @ParameterizedTest
  @EnumSource(EmployeeChange.Field.class)
  void namesTheFieldThatChanged(EmployeeChange.Field field) {
    sync().run();
    Employee changed = change(ADA, field);
    idp.put(changed);

    SyncReport report = sync().run();

    assertThat(report.changed())
        .containsExactly(
            EmployeeChange.of(Kind.CHANGED, ADA.id(), changed.login(), EnumSet.of(field)));
    assertThat(report.added()).isEmpty();
    assertThat(report.removed()).isEmpty();
  }

  @Test
  void namesEveryFieldThatChangedInFieldOrder() {
    sync().run();
    Employee changed = ADA;
    for (EmployeeChange.Field field : EmployeeChange.Field.values()) {
      changed = change(changed, field);
    }
    idp.put(changed);

    SyncReport report = sync().run();

    assertThat(report.changed()).hasSize(1);
    assertThat(report.changed().get(0).changedFields())
        .containsExactly(EmployeeChange.Field.values());
  }

  @Test
  void aValueThatAppearsOrDisappearsIsAChange() {
    sync().run();
    idp.put(ADA.toBuilder().email(null).build());
    idp.put(GRACE.toBuilder().firstName("").build());

    SyncReport report = sync().run();

    assertThat(report.changed())
        .containsExactly(
            EmployeeChange.of(
                Kind.CHANGED, ADA.id(), ADA.login(), Set.of(EmployeeChange.Field.EMAIL)),
            EmployeeChange.of(
                Kind.CHANGED, GRACE.id(), GRACE.login(), Set.of(EmployeeChange.Field.FIRST_NAME)));
  }

  @Test
  void aChangeBetweenTwoStatusesThisLibraryDoesNotKnowIsAStatusChange() {
    idp.put(ADA.toBuilder().status("FROZEN").build());
    sync().run();
    idp.put(ADA.toBuilder().status("THAWING").build());

    SyncReport report = sync().run();

    assertThat(report.changed())
        .containsExactly(
            EmployeeChange.of(
                Kind.CHANGED, ADA.id(), ADA.login(), Set.of(EmployeeChange.Field.STATUS)));
  }

  @Test
  void changesToFieldsThatAreNotComparedAreNotReported() {
    sync().run();
    idp.put(
        ADA.toBuilder()
            .attribute("department", "Analytical Engines")
            .lastUpdated(T0.plusSeconds(60))
            .build());

    assertThat(sync().run().changed()).isEmpty();
  }

  @Test
  void changesAreReportedOnceThenTheNewSnapshotIsTheBaseline() {
    sync().run();
    idp.put(change(ADA, EmployeeChange.Field.EMAIL));
    assertThat(sync().run().changed()).hasSize(1);

    assertThat(sync().run().changed()).isEmpty();
  }

  // ---------------------------------------------------------------- counts and profiles

  @Test
  void reportsIncompleteProfilesWithTheirMissingFields() {
    idp.put(ADA.toBuilder().email(null).build());
    idp.put(GRACE.toBuilder().firstName(null).lastName(" ").build());

    SyncReport report = sync().run();

    assertThat(report.incompleteProfiles())
        .containsExactly(
            SyncReport.IncompleteProfile.of(ADA.id(), ADA.login(), Set.of(ProfileField.EMAIL)),
            SyncReport.IncompleteProfile.of(
                GRACE.id(),
                GRACE.login(),
                Set.of(ProfileField.FIRST_NAME, ProfileField.LAST_NAME)));
    assertThat(report.incompleteProfiles().get(1).missingFields())
        .containsExactly(ProfileField.FIRST_NAME, ProfileField.LAST_NAME);
  }

  @Test
  void countsMembersByStatus() {
    SyncReport report = sync().run();

    assertThat(report.statusCounts())
        .containsExactly(
            Map.entry(EmployeeStatus.ACTIVE, 2),
            Map.entry(EmployeeStatus.LOCKED_OUT, 1),
            Map.entry(EmployeeStatus.SUSPENDED, 1));
    assertThat(report.statusCount(EmployeeStatus.ACTIVE)).isEqualTo(2);
    assertThat(report.statusCount(EmployeeStatus.DEPROVISIONED)).isZero();
  }

  @Test
  void countsThePagesFetched() {
    idp.put(EDSGER, EMPLOYEES);

    SyncReport report = sync().run();

    assertThat(report.pagesFetched()).isEqualTo(3);
    assertThat(idp.pageRequests()).isEqualTo(3);
  }

  @Test
  void measuresTheDurationWithTheGivenClock() {
    DirectorySync.Listener advanceOnEachPage =
        new DirectorySync.Listener() {
          @Override
          public void onPage(int pagesFetched, int employeesSoFar) {
            clock.set(clock.instant().plusSeconds(5));
          }
        };

    SyncReport report = sync().run(advanceOnEachPage);

    assertThat(report.startedAt()).isEqualTo(T0);
    assertThat(report.duration()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void anEmptyGroupSyncs() {
    idp.removeMember(EMPLOYEES, ADA.id());
    idp.removeMember(EMPLOYEES, GRACE.id());
    idp.removeMember(EMPLOYEES, ALAN.id());
    idp.removeMember(EMPLOYEES, KATHERINE.id());

    SyncReport report = sync().run();

    assertThat(report.memberCount()).isZero();
    assertThat(report.statusCounts()).isEmpty();
    assertThat(sync().run().removed()).isEmpty();
  }

  // ---------------------------------------------------------------- listener

  @Test
  void streamsEachPageThenItsChangesThenTheLeaversThenCompletion() {
    sync().run();
    idp.put(change(GRACE, EmployeeChange.Field.STATUS));
    idp.removeMember(EMPLOYEES, ALAN.id());
    idp.put(EDSGER, EMPLOYEES);
    RecordingListener listener = new RecordingListener();

    SyncReport report = sync().run(listener);

    assertThat(listener.events)
        .containsExactly(
            "page 1: 2",
            "CHANGED 00u02Grace [STATUS]",
            "page 2: 4",
            "ADDED 00u05Edsger []",
            "REMOVED 00u03Alan []",
            "completed");
    assertThat(listener.completed).containsExactly(report);
  }

  @Test
  void aListenerThatThrowsFailsTheSyncAndNoSnapshotIsWritten() throws IOException {
    sync().run();
    byte[] before = Files.readAllBytes(snapshot);
    idp.put(change(ADA, EmployeeChange.Field.EMAIL));
    IllegalStateException boom = new IllegalStateException("listener broke");
    RecordingListener listener =
        new RecordingListener() {
          @Override
          public void onChange(EmployeeChange change) {
            throw boom;
          }
        };

    assertThatThrownBy(() -> sync().run(listener)).isSameAs(boom);

    assertThat(listener.failed).containsExactly(boom);
    assertThat(Files.readAllBytes(snapshot)).isEqualTo(before);
    assertThat(filesIn(folder)).containsExactly(snapshot);
  }

  // ---------------------------------------------------------------- failures

  @Test
  void aFailureMidStreamWritesNoSnapshotLeavesTheOldOneAndTellsTheListener() throws IOException {
    sync().run();
    byte[] before = Files.readAllBytes(snapshot);
    idp.put(change(ADA, EmployeeChange.Field.LAST_NAME));
    idp.removeMember(EMPLOYEES, KATHERINE.id());
    IamException.ProviderUnavailable outage =
        new IamException.ProviderUnavailable("Okta is down", ErrorDetails.ofStatus(503));
    idp.failListingAfter(1, outage);
    RecordingListener listener = new RecordingListener();

    assertThatThrownBy(() -> sync().run(listener)).isSameAs(outage);

    assertThat(listener.events)
        .containsExactly("page 1: 2", "CHANGED 00u01Ada [LAST_NAME]", "failed");
    assertThat(listener.failed).containsExactly(outage);
    assertThat(listener.completed).isEmpty();
    assertThat(Files.readAllBytes(snapshot)).isEqualTo(before);
    assertThat(filesIn(folder)).containsExactly(snapshot);

    idp.clearFaults();
    SyncReport retried = sync().run();
    assertThat(retried.changed()).extracting(EmployeeChange::id).containsExactly(ADA.id());
    assertThat(retried.removed()).extracting(EmployeeChange::id).containsExactly(KATHERINE.id());
  }

  @Test
  void aFailedFirstSyncLeavesNoFileBehind() {
    idp.failListingAfter(1, new IamException.ProviderUnavailable("down", ErrorDetails.none()));

    assertThatThrownBy(() -> sync().run()).isInstanceOf(IamException.ProviderUnavailable.class);

    assertThat(filesIn(folder)).isEmpty();
  }

  @Test
  void aMissingGroupFailsWithTheProvidersError() {
    DirectorySync sync = sync().newBuilder().group(GroupId.of("00gNoSuchGroup")).build();

    assertThatThrownBy(sync::run).isInstanceOf(IamException.NotFound.class);

    assertThat(filesIn(folder)).isEmpty();
  }

  @Test
  void aMemberListedTwiceFailsTheSyncInsteadOfReportingAWrongDifference() {
    IamDirectory repeating = new PagedDirectory(List.of(List.of(ADA, GRACE), List.of(ALAN, GRACE)));
    DirectorySync sync = sync().newBuilder().directory(repeating).build();
    RecordingListener listener = new RecordingListener();

    assertThatThrownBy(() -> sync.run(listener))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("00u02Grace")
        .hasMessageContaining("twice");

    assertThat(listener.events).endsWith("failed");
    assertThat(filesIn(folder)).isEmpty();
  }

  @Test
  void aMemberListedTwiceIsCaughtAlsoWhenTheSnapshotKnowsThem() {
    sync().run();
    IamDirectory repeating =
        new PagedDirectory(List.of(List.of(ADA, GRACE), List.of(GRACE, ALAN, KATHERINE)));

    assertThatThrownBy(() -> sync().newBuilder().directory(repeating).build().run())
        .isInstanceOf(IamException.ProtocolViolation.class);
  }

  @Test
  void aMissingFolderFailsBeforeAnythingIsFetched() {
    DirectorySync sync =
        sync().newBuilder().snapshotFile(folder.resolve("missing").resolve("x.snapshot")).build();
    RecordingListener listener = new RecordingListener();

    SnapshotException e = catchThrowableOfType(SnapshotException.class, () -> sync.run(listener));

    assertThat(e.reason()).isEqualTo(SnapshotException.Reason.IO_FAILURE);
    assertThat(e).hasMessageContaining("does not exist");
    assertThat(idp.pageRequests()).isZero();
    assertThat(listener.events).containsExactly("failed");
  }

  // ---------------------------------------------------------------- unusable snapshot files

  @Test
  void aCorruptSnapshotIsAClearErrorAndIsLeftUntouched() throws IOException {
    sync().run();
    String text = Files.readString(snapshot);
    String damaged = text.replace("grace@example.com", "grace@example.org");
    Files.writeString(snapshot, damaged);

    SnapshotException e = refused();

    assertThat(e.reason()).isEqualTo(SnapshotException.Reason.UNREADABLE);
    assertThat(e)
        .hasMessageContaining(snapshot.toString())
        .hasMessageContaining("checksum")
        .hasMessageContaining("delete it to start over");
    assertThat(Files.readString(snapshot)).isEqualTo(damaged);
  }

  @Test
  void aMalformedLineIsAClearErrorNamingTheLine() throws IOException {
    sync().run();
    List<String> lines = Files.readAllLines(snapshot);
    lines.set(5, "m\t00u02Grace\tgrace@example.com\tnot-a-hash");
    Files.write(snapshot, lines);

    SnapshotException e = refused();

    assertThat(e.reason()).isEqualTo(SnapshotException.Reason.UNREADABLE);
    assertThat(e).hasMessageContaining("line 6");
  }

  @Test
  void aFileThatIsNotASnapshotIsRefused() throws IOException {
    Files.writeString(snapshot, "id,login\n00u01Ada,ada@example.com\n");

    SnapshotException e = refused();

    assertThat(e.reason()).isEqualTo(SnapshotException.Reason.UNREADABLE);
    assertThat(e).hasMessageContaining("not a workforce-iam snapshot");
  }

  @Test
  void anEmptyFileIsRefusedNotTakenForAFirstSync() throws IOException {
    Files.createFile(snapshot);

    SnapshotException e = refused();

    assertThat(e.reason()).isEqualTo(SnapshotException.Reason.UNREADABLE);
    assertThat(e).hasMessageContaining("empty");
  }

  @Test
  void aSnapshotWithoutItsEndLineIsRefusedAsTruncated() throws IOException {
    sync().run();
    List<String> lines = Files.readAllLines(snapshot);
    Files.write(snapshot, lines.subList(0, lines.size() - 1));
    byte[] truncated = Files.readAllBytes(snapshot);

    SnapshotException e = refused();

    assertThat(e.reason()).isEqualTo(SnapshotException.Reason.UNREADABLE);
    assertThat(e).hasMessageContaining("truncated");
    assertThat(Files.readAllBytes(snapshot)).isEqualTo(truncated);
  }

  @Test
  void aSnapshotCutMidLineIsRefused() throws IOException {
    sync().run();
    byte[] whole = Files.readAllBytes(snapshot);
    for (int length : new int[] {10, whole.length / 2, whole.length - 20}) {
      Files.write(snapshot, Arrays.copyOf(whole, length));

      assertThat(refused().reason()).isEqualTo(SnapshotException.Reason.UNREADABLE);
    }
  }

  @Test
  void anEndLineCountingOtherMembersIsRefused() throws IOException {
    sync().run();
    List<String> lines = Files.readAllLines(snapshot);
    lines.remove(5);
    Files.write(snapshot, lines);

    SnapshotException e = refused();

    assertThat(e).hasMessageContaining("counts 4 members, but it holds 3");
  }

  @Test
  void anythingAfterTheEndLineIsRefused() throws IOException {
    sync().run();
    Files.writeString(snapshot, "m\t00u9\tx@example.com\n", StandardOpenOption.APPEND);

    assertThat(refused()).hasMessageContaining("follows the 'end' line");
  }

  @Test
  void aSnapshotOfAnotherFormatVersionIsRefused() throws IOException {
    sync().run();
    String text = Files.readString(snapshot);
    String future = text.replaceFirst("workforce-iam-snapshot\t1\n", "workforce-iam-snapshot\t2\n");
    Files.writeString(snapshot, future);

    SnapshotException e = refused();

    assertThat(e.reason()).isEqualTo(SnapshotException.Reason.UNSUPPORTED_VERSION);
    assertThat(e)
        .hasMessageContaining(snapshot.toString())
        .hasMessageContaining("version '2'")
        .hasMessageContaining("reads version 1");
    assertThat(Files.readString(snapshot)).isEqualTo(future);
  }

  @Test
  void aSnapshotOfAnotherGroupIsRefused() throws IOException {
    idp.put(EDSGER, CONTRACTORS);
    sync().newBuilder().group(CONTRACTORS).build().run();
    byte[] before = Files.readAllBytes(snapshot);

    SnapshotException e = refused();

    assertThat(e.reason()).isEqualTo(SnapshotException.Reason.OTHER_GROUP);
    assertThat(e).hasMessageContaining("00gContractors").hasMessageContaining("00gEmployees");
    assertThat(Files.readAllBytes(snapshot)).isEqualTo(before);
  }

  // ---------------------------------------------------------------- writing the file

  @Test
  void aCrashBetweenWritingAndRenamingLeavesThePreviousSnapshotAndTheNextSyncWorks()
      throws IOException {
    sync().run();
    byte[] before = Files.readAllBytes(snapshot);
    idp.put(change(ADA, EmployeeChange.Field.FIRST_NAME));
    clock.set(T0.plus(Duration.ofHours(1)));
    List<Path> leftovers = new ArrayList<>();
    FileMover crashBeforeRename =
        (temp, target) -> {
          // What a crash at this point leaves behind: the finished temporary file, not renamed.
          Files.copy(temp, crashCopy(temp));
          leftovers.add(crashCopy(temp));
          throw new SimulatedCrash();
        };

    assertThatThrownBy(() -> sync().newBuilder().mover(crashBeforeRename).build().run())
        .isInstanceOf(SimulatedCrash.class);

    assertThat(Files.readAllBytes(snapshot)).isEqualTo(before);
    assertThat(leftovers).hasSize(1).allSatisfy(leftover -> assertThat(leftover).exists());

    SyncReport next = sync().run();

    assertThat(next.firstSync()).isFalse();
    assertThat(next.previousSnapshotAt()).contains(T0);
    assertThat(next.changed())
        .containsExactly(
            EmployeeChange.of(
                Kind.CHANGED, ADA.id(), ADA.login(), Set.of(EmployeeChange.Field.FIRST_NAME)));
    assertThat(filesIn(folder)).containsExactly(snapshot);
  }

  @Test
  void aSyncOvertakenByAnotherSyncOfTheSameFileConflictsAndKeepsTheOthersSnapshot()
      throws IOException {
    sync().run();
    idp.put(change(ADA, EmployeeChange.Field.EMAIL));
    byte[][] overtaking = new byte[1][];
    RecordingListener listener =
        new RecordingListener() {
          @Override
          public void onPage(int pagesFetched, int employeesSoFar) {
            super.onPage(pagesFetched, employeesSoFar);
            if (pagesFetched == 1) {
              clock.set(T0.plusSeconds(60));
              sync().run();
              try {
                overtaking[0] = Files.readAllBytes(snapshot);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          }
        };

    SnapshotConflictException e =
        catchThrowableOfType(SnapshotConflictException.class, () -> sync().run(listener));

    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(SnapshotException.Reason.CONFLICT);
    assertThat(e).hasMessageContaining(snapshot.toString()).hasMessageContaining("stored nothing");
    assertThat(listener.events).endsWith("CHANGED 00u01Ada [EMAIL]", "page 2: 4", "failed");
    assertThat(listener.completed).isEmpty();
    assertThat(Files.readAllBytes(snapshot)).isEqualTo(overtaking[0]);
    assertThat(filesIn(folder)).containsExactly(snapshot);
    assertThat(sync().run().changed()).isEmpty();
  }

  @Test
  void aFirstSyncConflictsWhenAnotherSyncWroteTheFileMeanwhile() throws IOException {
    RecordingListener listener =
        new RecordingListener() {
          @Override
          public void onPage(int pagesFetched, int employeesSoFar) {
            if (pagesFetched == 1) {
              sync().run();
            }
          }
        };

    assertThatThrownBy(() -> sync().run(listener)).isInstanceOf(SnapshotConflictException.class);

    assertThat(filesIn(folder)).containsExactly(snapshot);
    assertThat(sync().run().firstSync()).isFalse();
  }

  @Test
  void aFailedRenameIsAnIoFailureAndLeavesThePreviousSnapshot() throws IOException {
    sync().run();
    byte[] before = Files.readAllBytes(snapshot);
    FileMover failing =
        (temp, target) -> {
          throw new AccessDeniedException(target.toString());
        };
    RecordingListener listener = new RecordingListener();

    SnapshotException e =
        catchThrowableOfType(
            SnapshotException.class,
            () -> sync().newBuilder().mover(failing).build().run(listener));

    assertThat(e.reason()).isEqualTo(SnapshotException.Reason.IO_FAILURE);
    assertThat(e.isRetryable()).isTrue();
    assertThat(listener.events).endsWith("failed");
    assertThat(Files.readAllBytes(snapshot)).isEqualTo(before);
    assertThat(filesIn(folder)).containsExactly(snapshot);
  }

  @Test
  void theSnapshotIsCreatedReadableByItsOwnerOnly() throws IOException {
    assumeTrue(
        folder.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "the file system has no POSIX permissions");
    Set<PosixFilePermission> seenOnTemp = EnumSet.noneOf(PosixFilePermission.class);
    FileMover inspectThenMove =
        (temp, target) -> {
          seenOnTemp.addAll(Files.getPosixFilePermissions(temp));
          FileMover.ATOMIC.move(temp, target);
        };

    sync().newBuilder().mover(inspectThenMove).build().run();

    assertThat(seenOnTemp)
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.getPosixFilePermissions(snapshot))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void theSnapshotIsVersionedTextHoldingIdsAndLoginsButNoNamesOrEmailAddresses()
      throws IOException {
    idp.put(ADA.toBuilder().email("ada.lovelace@mail.example").build());

    sync().run();

    List<String> lines = Files.readAllLines(snapshot, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("workforce-iam-snapshot\t1");
    assertThat(lines.get(1)).isEqualTo("group\t00gEmployees");
    assertThat(lines.get(2)).isEqualTo("taken-at\t2026-11-28T02:00:00Z");
    assertThat(lines.get(3)).matches("salt\t[0-9a-f]{32}");
    assertThat(lines.get(4)).matches("m\t00u01Ada\tada@example.com(\t[0-9a-f]{16}){4}");
    assertThat(lines.get(lines.size() - 1)).matches("end\t4\t[0-9a-f]{64}");
    String text = String.join("\n", lines);
    assertThat(text)
        .doesNotContain("Lovelace", "Hopper", "ada.lovelace@mail.example", "LOCKED_OUT");
  }

  @Test
  void loginsWithTabsNewlinesAndBackslashesSurviveTheSnapshot() {
    Employee odd =
        Employee.builder(UserId.of("00u09Odd"), "odd\tlogin\nwith\\breaks\r")
            .firstName("O")
            .build();
    idp.put(odd, EMPLOYEES);
    sync().run();
    assertThat(sync().run().changed()).isEmpty();
    idp.removeMember(EMPLOYEES, odd.id());

    SyncReport report = sync().run();

    assertThat(report.removed())
        .containsExactly(EmployeeChange.of(Kind.REMOVED, odd.id(), odd.login(), Set.of()));
  }

  @Test
  void aLeftoverTemporaryFileFromAnotherSnapshotIsNotTouched() throws IOException {
    Path otherTemp = folder.resolve(".employees.snapshot.old.0123456789abcdef.tmp");
    Files.writeString(otherTemp, "someone else's");

    sync().run();

    assertThat(otherTemp).exists();
  }

  // ---------------------------------------------------------------- values

  @Test
  void aChangedEntryMustNameAField() {
    assertThatThrownBy(() -> EmployeeChange.of(Kind.CHANGED, ADA.id(), ADA.login(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("changedFields");
    assertThatThrownBy(
            () ->
                EmployeeChange.of(
                    Kind.ADDED, ADA.id(), ADA.login(), Set.of(EmployeeChange.Field.EMAIL)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFirstSyncReportCannotHoldDifferences() {
    EmployeeChange joined = EmployeeChange.of(Kind.ADDED, ADA.id(), ADA.login(), Set.of());

    assertThatThrownBy(
            () ->
                SyncReport.of(
                    EMPLOYEES,
                    T0,
                    Duration.ZERO,
                    1,
                    1,
                    Map.of(EmployeeStatus.ACTIVE, 1),
                    List.of(),
                    Optional.empty(),
                    List.of(joined),
                    List.of(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("first sync");
  }

  @Test
  void theBuilderRequiresDirectoryGroupAndSnapshotFile() {
    assertThatThrownBy(
            () -> DirectorySync.builder().group(EMPLOYEES).snapshotFile(snapshot).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("directory");
    assertThatThrownBy(() -> DirectorySync.builder().snapshotFile(folder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a folder");
  }

  // ---------------------------------------------------------------- helpers

  private DirectorySync sync() {
    return DirectorySync.builder()
        .directory(idp)
        .group(EMPLOYEES)
        .snapshotFile(snapshot)
        .clock(clock)
        .build();
  }

  private SnapshotException refused() {
    RecordingListener listener = new RecordingListener();
    int pagesBefore = idp.pageRequests();
    SnapshotException e = catchThrowableOfType(SnapshotException.class, () -> sync().run(listener));
    assertThat(e).as("the sync must refuse the snapshot").isNotNull();
    assertThat(e.isRetryable()).isFalse();
    assertThat(listener.events).containsExactly("failed");
    assertThat(idp.pageRequests()).as("nothing fetched").isEqualTo(pagesBefore);
    return e;
  }

  private static Path crashCopy(Path temp) {
    String name = temp.getFileName().toString();
    // Same pattern as the writer's own temporary files, with other random digits.
    return temp.resolveSibling(name.substring(0, name.length() - 20) + "fedcba9876543210.tmp");
  }

  private static List<Path> filesIn(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Employee employee(
      String id, String login, String firstName, String lastName, EmployeeStatus status) {
    return Employee.builder(UserId.of(id), login)
        .firstName(firstName)
        .lastName(lastName)
        .email(login)
        .status(status)
        .build();
  }

  private static Employee change(Employee employee, EmployeeChange.Field field) {
    UnaryOperator<Employee.Builder> edit =
        switch (field) {
          case LOGIN ->
              b ->
                  Employee.builder(employee.id(), "new." + employee.login())
                      .firstName(employee.firstName().orElse(null))
                      .lastName(employee.lastName().orElse(null))
                      .email(employee.email().orElse(null))
                      .status(employee.status());
          case FIRST_NAME -> b -> b.firstName(employee.firstName().orElse("") + "x");
          case LAST_NAME -> b -> b.lastName(employee.lastName().orElse("") + "x");
          case EMAIL -> b -> b.email("changed." + employee.email().orElse("none@example.com"));
          case STATUS ->
              b ->
                  b.status(
                      employee.status() == EmployeeStatus.ACTIVE
                          ? EmployeeStatus.SUSPENDED
                          : EmployeeStatus.ACTIVE);
        };
    return edit.apply(employee.toBuilder()).build();
  }

  /** Stands for the process dying: nothing after it runs in a real crash. */
  private static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;
  }

  private static class RecordingListener implements DirectorySync.Listener {
    final List<String> events = new ArrayList<>();
    final List<SyncReport> completed = new ArrayList<>();
    final List<RuntimeException> failed = new ArrayList<>();

    @Override
    public void onPage(int pagesFetched, int employeesSoFar) {
      events.add("page " + pagesFetched + ": " + employeesSoFar);
    }

    @Override
    public void onChange(EmployeeChange change) {
      events.add(change.kind() + " " + change.id() + " " + change.changedFields());
    }

    @Override
    public void onCompleted(SyncReport report) {
      events.add("completed");
      completed.add(report);
    }

    @Override
    public void onFailed(RuntimeException failure) {
      events.add("failed");
      failed.add(failure);
    }
  }

  /** A clock tests move by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** A directory serving fixed pages, to simulate a provider that breaks the protocol. */
  private static final class PagedDirectory implements IamDirectory {
    private final List<List<Employee>> pages;

    PagedDirectory(List<List<Employee>> pages) {
      this.pages = pages;
    }

    @Override
    public Page<Employee> membersPage(GroupId group) {
      return page(0);
    }

    @Override
    public Page<Employee> membersPage(GroupId group, Page.Cursor cursor) {
      return page(Integer.parseInt(cursor.value()));
    }

    private Page<Employee> page(int index) {
      Optional<Page.Cursor> next =
          index + 1 < pages.size()
              ? Optional.of(new Page.Cursor(Integer.toString(index + 1)))
              : Optional.empty();
      return Page.of(pages.get(index), next);
    }

    @Override
    public Optional<Employee> findById(UserId id) {
      return Optional.empty();
    }

    @Override
    public Optional<Employee> findByLogin(String login) {
      return Optional.empty();
    }

    @Override
    public Optional<Employee> findByEmail(String email) {
      return Optional.empty();
    }

    @Override
    public List<Factor> factors(UserId user) {
      return List.of();
    }

    @Override
    public boolean isMember(UserId user, GroupId group) {
      return false;
    }
  }
}
