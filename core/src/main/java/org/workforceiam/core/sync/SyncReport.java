package org.workforceiam.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.GroupId;

/**
 * What a completed {@link DirectorySync} run found: the group's members now, and how they differ
 * from the previous run's snapshot.
 *
 * <p>A first sync ({@link #firstSync()}, no previous snapshot) has nothing to compare with: its
 * {@link #added()}, {@link #removed()} and {@link #changed()} are empty, not "everyone joined".
 *
 * <pre>{@code
 * SyncReport report = sync.run();
 * log.info("{} members: +{} -{} ~{}", report.memberCount(),
 *     report.added().size(), report.removed().size(), report.changed().size());
 * report.incompleteProfiles()
 *     .forEach(p -> log.warn("{} lacks {}", p.login(), p.missingFields()));
 * }</pre>
 *
 * @param group the group that was synced
 * @param startedAt when the run started, by the sync's clock; also when the new snapshot was taken
 * @param duration how long the run took, reading and writing the snapshot included
 * @param pagesFetched how many pages of members were fetched from the provider
 * @param memberCount how many members the group has
 * @param statusCounts how many members have each status, in {@link EmployeeStatus} order; only
 *     statuses with at least one member appear
 * @param incompleteProfiles the members whose profiles lack what identity verification needs, in
 *     the provider's order
 * @param previousSnapshotAt when the previous snapshot was taken, or empty on a first sync
 * @param added the members who joined since the previous snapshot, in the provider's order
 * @param removed the members of the previous snapshot who are no longer members, in the previous
 *     snapshot's order
 * @param changed the members whose compared fields changed, in the provider's order
 */
public record SyncReport(
    GroupId group,
    Instant startedAt,
    Duration duration,
    int pagesFetched,
    int memberCount,
    Map<EmployeeStatus, Integer> statusCounts,
    List<IncompleteProfile> incompleteProfiles,
    Optional<Instant> previousSnapshotAt,
    List<EmployeeChange> added,
    List<EmployeeChange> removed,
    List<EmployeeChange> changed) {

  /**
   * Validates the values and copies the collections.
   *
   * @param group the group that was synced
   * @param startedAt when the run started, by the sync's clock; also when the new snapshot was
   *     taken
   * @param duration how long the run took, reading and writing the snapshot included
   * @param pagesFetched how many pages of members were fetched from the provider
   * @param memberCount how many members the group has
   * @param statusCounts how many members have each status, in {@link EmployeeStatus} order; only
   *     statuses with at least one member appear
   * @param incompleteProfiles the members whose profiles lack what identity verification needs, in
   *     the provider's order
   * @param previousSnapshotAt when the previous snapshot was taken, or empty on a first sync
   * @param added the members who joined since the previous snapshot, in the provider's order
   * @param removed the members of the previous snapshot who are no longer members, in the previous
   *     snapshot's order
   * @param changed the members whose compared fields changed, in the provider's order
   */
  public SyncReport {
    Objects.requireNonNull(group, "group == null");
    Objects.requireNonNull(startedAt, "startedAt == null");
    Objects.requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    if (pagesFetched < 0) {
      throw new IllegalArgumentException("pagesFetched must not be negative: " + pagesFetched);
    }
    if (memberCount < 0) {
      throw new IllegalArgumentException("memberCount must not be negative: " + memberCount);
    }
    statusCounts = copyCounts(Objects.requireNonNull(statusCounts, "statusCounts == null"));
    long counted = statusCounts.values().stream().mapToLong(Integer::longValue).sum();
    if (counted != memberCount) {
      throw new IllegalArgumentException(
          "statusCounts add up to " + counted + ", not memberCount " + memberCount);
    }
    incompleteProfiles =
        List.copyOf(Objects.requireNonNull(incompleteProfiles, "incompleteProfiles == null"));
    if (incompleteProfiles.size() > memberCount) {
      throw new IllegalArgumentException(
          "incompleteProfiles ("
              + incompleteProfiles.size()
              + ") exceed memberCount "
              + memberCount);
    }
    Objects.requireNonNull(previousSnapshotAt, "previousSnapshotAt == null (use Optional.empty())");
    added = copyChanges(added, "added", EmployeeChange.Kind.ADDED);
    removed = copyChanges(removed, "removed", EmployeeChange.Kind.REMOVED);
    changed = copyChanges(changed, "changed", EmployeeChange.Kind.CHANGED);
    if (previousSnapshotAt.isEmpty()
        && !(added.isEmpty() && removed.isEmpty() && changed.isEmpty())) {
      throw new IllegalArgumentException(
          "a first sync (no previousSnapshotAt) has nothing to compare with: added, removed and"
              + " changed must be empty");
    }
  }

  /**
   * Returns whether there was no previous snapshot to compare with.
   *
   * @return {@code true} when {@link #previousSnapshotAt()} is empty
   */
  public boolean firstSync() {
    return previousSnapshotAt.isEmpty();
  }

  /**
   * Returns how many members have a status.
   *
   * @param status the status
   * @return the count; 0 when no member has it
   */
  public int statusCount(EmployeeStatus status) {
    Objects.requireNonNull(status, "status == null");
    return statusCounts.getOrDefault(status, 0);
  }

  private static Map<EmployeeStatus, Integer> copyCounts(Map<EmployeeStatus, Integer> counts) {
    Map<EmployeeStatus, Integer> copy = new EnumMap<>(EmployeeStatus.class);
    counts.forEach(
        (status, count) -> {
          Objects.requireNonNull(status, "statusCounts must not contain a null status");
          Objects.requireNonNull(count, () -> "statusCounts[" + status + "] == null");
          if (count < 1) {
            throw new IllegalArgumentException(
                "statusCounts["
                    + status
                    + "] must be at least 1 (leave absent statuses out): "
                    + count);
          }
          copy.put(status, count);
        });
    return Collections.unmodifiableMap(copy);
  }

  private static List<EmployeeChange> copyChanges(
      List<EmployeeChange> changes, String name, EmployeeChange.Kind kind) {
    List<EmployeeChange> copy = List.copyOf(Objects.requireNonNull(changes, name + " == null"));
    for (EmployeeChange change : copy) {
      if (change.kind() != kind) {
        throw new IllegalArgumentException(
            name + " must hold only " + kind + " entries, not " + change);
      }
    }
    return copy;
  }
}
