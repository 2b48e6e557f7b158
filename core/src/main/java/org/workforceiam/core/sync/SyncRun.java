package org.workforceiam.core.sync;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.UserId;

/**
 * The state of one sync while members stream in: counts, incomplete profiles and the differences
 * from the previous snapshot, each member written to the new snapshot and each change told to the
 * listener as it is found. Memory grows with the previous snapshot (packed in a {@link
 * MemberTable}) and with the number of changes, never with the listing itself.
 *
 * <p>Not thread-safe: one per run.
 */
final class SyncRun {
  private final GroupId group;
  private final Optional<PreviousSnapshot> previous;
  private final Fingerprinter fingerprinter;
  private final SnapshotStore.Rows writer;
  private final DirectorySync.Listener listener;

  /** Ids of members not in the previous snapshot, to notice one listed twice. */
  private final MemberTable newIds = MemberTable.idsOnly();

  private final long[] fingerprint = new long[Fingerprinter.SIZE];
  private final Map<EmployeeStatus, Integer> statusCounts = new EnumMap<>(EmployeeStatus.class);
  private final List<SyncReport.IncompleteProfile> incompleteProfiles = new ArrayList<>();
  private final List<EmployeeChange> added = new ArrayList<>();
  private final List<EmployeeChange> removed = new ArrayList<>();
  private final List<EmployeeChange> changed = new ArrayList<>();
  private int pagesFetched;
  private int memberCount;

  SyncRun(
      GroupId group,
      Optional<PreviousSnapshot> previous,
      Fingerprinter fingerprinter,
      SnapshotStore.Rows writer,
      DirectorySync.Listener listener) {
    this.group = group;
    this.previous = previous;
    this.fingerprinter = fingerprinter;
    this.writer = writer;
    this.listener = listener;
  }

  /** Takes in a page: tells the listener, then each member in turn. */
  void page(List<Employee> members) {
    pagesFetched++;
    listener.onPage(pagesFetched, memberCount + members.size());
    for (Employee member : members) {
      member(member);
    }
  }

  private void member(Employee employee) {
    memberCount++;
    statusCounts.merge(employee.status(), 1, Integer::sum);
    SyncReport.IncompleteProfile.of(employee).ifPresent(incompleteProfiles::add);
    fingerprinter.fingerprint(employee, fingerprint);
    writer.row(employee.id().value(), employee.login(), fingerprint);

    byte[] id = employee.id().value().getBytes(StandardCharsets.UTF_8);
    byte[] login = employee.login().getBytes(StandardCharsets.UTF_8);
    if (previous.isEmpty()) {
      if (!newIds.add(id, login, fingerprint)) {
        throw listedTwice(employee.id());
      }
      return;
    }
    MemberTable before = previous.get().members();
    int index = before.indexOf(id);
    if (index < 0) {
      if (!newIds.add(id, login, fingerprint)) {
        throw listedTwice(employee.id());
      }
      report(
          added,
          EmployeeChange.of(EmployeeChange.Kind.ADDED, employee.id(), employee.login(), Set.of()));
      return;
    }
    if (!before.markSeen(index)) {
      throw listedTwice(employee.id());
    }
    Set<EmployeeChange.Field> fields = EnumSet.noneOf(EmployeeChange.Field.class);
    if (!before.loginEquals(index, login)) {
      fields.add(EmployeeChange.Field.LOGIN);
    }
    for (int i = 0; i < Fingerprinter.SIZE; i++) {
      if (before.hash(index, i) != fingerprint[i]) {
        fields.add(Fingerprinter.HASHED_FIELDS[i]);
      }
    }
    if (!fields.isEmpty()) {
      report(
          changed,
          EmployeeChange.of(EmployeeChange.Kind.CHANGED, employee.id(), employee.login(), fields));
    }
  }

  /** Reports the members of the previous snapshot who were not listed, once the listing is done. */
  void finishListing() {
    if (previous.isEmpty()) {
      return;
    }
    MemberTable before = previous.get().members();
    for (int i = 0; i < before.size(); i++) {
      if (!before.seen(i)) {
        report(
            removed,
            EmployeeChange.of(
                EmployeeChange.Kind.REMOVED, UserId.of(before.id(i)), before.login(i), Set.of()));
      }
    }
  }

  SyncReport report(Instant startedAt, Duration duration) {
    return SyncReport.of(
        group,
        startedAt,
        duration,
        pagesFetched,
        memberCount,
        statusCounts,
        incompleteProfiles,
        previous.map(PreviousSnapshot::takenAt),
        added,
        removed,
        changed);
  }

  private void report(List<EmployeeChange> list, EmployeeChange change) {
    list.add(change);
    listener.onChange(change);
  }

  private IamException.ProtocolViolation listedTwice(UserId user) {
    return new IamException.ProtocolViolation(
        "the provider listed user "
            + user
            + " twice in group "
            + group
            + "; stopping instead of reporting a wrong difference",
        ErrorDetails.none());
  }
}
