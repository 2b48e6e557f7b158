package org.workforceiam.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.ProfileField;
import org.workforceiam.core.UserId;

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
 */
public final class SyncReport {
  private final GroupId group;
  private final Instant startedAt;
  private final Duration duration;
  private final int pagesFetched;
  private final int memberCount;
  private final Map<EmployeeStatus, Integer> statusCounts;
  private final List<IncompleteProfile> incompleteProfiles;
  private final Optional<Instant> previousSnapshotAt;
  private final List<EmployeeChange> added;
  private final List<EmployeeChange> removed;
  private final List<EmployeeChange> changed;

  private SyncReport(
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
    this.group = group;
    this.startedAt = startedAt;
    this.duration = duration;
    this.pagesFetched = pagesFetched;
    this.memberCount = memberCount;
    this.statusCounts = statusCounts;
    this.incompleteProfiles = incompleteProfiles;
    this.previousSnapshotAt = previousSnapshotAt;
    this.added = added;
    this.removed = removed;
    this.changed = changed;
  }

  /**
   * Creates the value; for providers and tests (callers receive it).
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
   * @return the value
   */
  public static SyncReport of(
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
    return new SyncReport(
        group,
        startedAt,
        duration,
        pagesFetched,
        memberCount,
        statusCounts,
        incompleteProfiles,
        previousSnapshotAt,
        added,
        removed,
        changed);
  }

  /** {@return the group that was synced} */
  public GroupId group() {
    return group;
  }

  /** {@return when the run started, by the sync's clock; also when the new snapshot was taken} */
  public Instant startedAt() {
    return startedAt;
  }

  /** {@return how long the run took, reading and writing the snapshot included} */
  public Duration duration() {
    return duration;
  }

  /** {@return how many pages of members were fetched from the provider} */
  public int pagesFetched() {
    return pagesFetched;
  }

  /** {@return how many members the group has} */
  public int memberCount() {
    return memberCount;
  }

  /**
   * {@return how many members have each status, in {@link EmployeeStatus} order; only statuses with
   * at least one member appear}
   */
  public Map<EmployeeStatus, Integer> statusCounts() {
    return statusCounts;
  }

  /**
   * {@return the members whose profiles lack what identity verification needs, in the provider's
   * order}
   */
  public List<IncompleteProfile> incompleteProfiles() {
    return incompleteProfiles;
  }

  /** {@return when the previous snapshot was taken, or empty on a first sync} */
  public Optional<Instant> previousSnapshotAt() {
    return previousSnapshotAt;
  }

  /** {@return the members who joined since the previous snapshot, in the provider's order} */
  public List<EmployeeChange> added() {
    return added;
  }

  /**
   * {@return the members of the previous snapshot who are no longer members, in the previous
   * snapshot's order}
   */
  public List<EmployeeChange> removed() {
    return removed;
  }

  /** {@return the members whose compared fields changed, in the provider's order} */
  public List<EmployeeChange> changed() {
    return changed;
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

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof SyncReport that)) {
      return false;
    }
    return group.equals(that.group)
        && startedAt.equals(that.startedAt)
        && duration.equals(that.duration)
        && pagesFetched == that.pagesFetched
        && memberCount == that.memberCount
        && statusCounts.equals(that.statusCounts)
        && incompleteProfiles.equals(that.incompleteProfiles)
        && previousSnapshotAt.equals(that.previousSnapshotAt)
        && added.equals(that.added)
        && removed.equals(that.removed)
        && changed.equals(that.changed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        group,
        startedAt,
        duration,
        pagesFetched,
        memberCount,
        statusCounts,
        incompleteProfiles,
        previousSnapshotAt,
        added,
        removed,
        changed);
  }

  @Override
  public String toString() {
    return "SyncReport["
        + "group="
        + group
        + ", "
        + "startedAt="
        + startedAt
        + ", "
        + "duration="
        + duration
        + ", "
        + "pagesFetched="
        + pagesFetched
        + ", "
        + "memberCount="
        + memberCount
        + ", "
        + "statusCounts="
        + statusCounts
        + ", "
        + "incompleteProfiles="
        + incompleteProfiles
        + ", "
        + "previousSnapshotAt="
        + previousSnapshotAt
        + ", "
        + "added="
        + added
        + ", "
        + "removed="
        + removed
        + ", "
        + "changed="
        + changed
        + "]";
  }

  /**
   * A member whose profile lacks what identity verification needs, as {@link
   * Employee#missingProfileFields()} says.
   */
  public static final class IncompleteProfile {
    private final UserId id;
    private final String login;
    private final Set<ProfileField> missingFields;

    private IncompleteProfile(UserId id, String login, Set<ProfileField> missingFields) {
      Objects.requireNonNull(id, "id == null");
      Objects.requireNonNull(login, "login == null");
      if (login.isBlank()) {
        throw new IllegalArgumentException("login of user " + id + " must not be blank");
      }
      Objects.requireNonNull(missingFields, "missingFields == null");
      if (missingFields.isEmpty()) {
        throw new IllegalArgumentException(
            "missingFields of user " + id + " must not be empty: the profile would be complete");
      }
      Set<ProfileField> copy = EnumSet.noneOf(ProfileField.class);
      for (ProfileField field : missingFields) {
        copy.add(Objects.requireNonNull(field, "missingFields must not contain null"));
      }
      missingFields = Collections.unmodifiableSet(copy);
      this.id = id;
      this.login = login;
      this.missingFields = missingFields;
    }

    /**
     * Creates the value; for providers and tests (callers receive it).
     *
     * @param id the employee's id at the provider
     * @param login the employee's login
     * @param missingFields the missing fields, in {@link ProfileField} order; never empty
     * @return the value
     */
    public static IncompleteProfile of(UserId id, String login, Set<ProfileField> missingFields) {
      return new IncompleteProfile(id, login, missingFields);
    }

    /** {@return the employee's id at the provider} */
    public UserId id() {
      return id;
    }

    /** {@return the employee's login} */
    public String login() {
      return login;
    }

    /** {@return the missing fields, in {@link ProfileField} order; never empty} */
    public Set<ProfileField> missingFields() {
      return missingFields;
    }

    /**
     * Returns the entry for an employee, if their profile is incomplete.
     *
     * @param employee the employee
     * @return the entry, or empty when the profile is complete
     */
    static Optional<IncompleteProfile> of(Employee employee) {
      Set<ProfileField> missing = employee.missingProfileFields();
      return missing.isEmpty()
          ? Optional.empty()
          : Optional.of(new IncompleteProfile(employee.id(), employee.login(), missing));
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (o == this) {
        return true;
      }
      if (!(o instanceof IncompleteProfile that)) {
        return false;
      }
      return id.equals(that.id)
          && login.equals(that.login)
          && missingFields.equals(that.missingFields);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, login, missingFields);
    }

    @Override
    public String toString() {
      return "IncompleteProfile["
          + "id="
          + id
          + ", "
          + "login="
          + login
          + ", "
          + "missingFields="
          + missingFields
          + "]";
    }
  }
}
