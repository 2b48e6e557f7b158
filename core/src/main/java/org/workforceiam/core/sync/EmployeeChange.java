package org.workforceiam.core.sync;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.workforceiam.core.UserId;

/**
 * One difference between a group's members now and at the previous sync: someone joined, left, or
 * had a compared field ({@link SyncField}) change.
 *
 * <pre>{@code
 * switch (change.kind()) {
 *   case ADDED -> provision(change.id());
 *   case REMOVED -> deprovision(change.id());
 *   case CHANGED -> log.info("{} changed {}", change.login(), change.changedFields());
 * }
 * }</pre>
 *
 * @param kind whether the employee joined, left or changed
 * @param id the employee's id at the provider
 * @param login the employee's login: the current one, or for a removed employee the one recorded at
 *     the previous sync
 * @param changedFields the fields that changed, in {@link SyncField} order; non-empty exactly for
 *     {@link Kind#CHANGED}
 */
public record EmployeeChange(Kind kind, UserId id, String login, Set<SyncField> changedFields) {

  /**
   * Validates the values and copies the fields.
   *
   * @param kind whether the employee joined, left or changed
   * @param id the employee's id at the provider
   * @param login the employee's login: the current one, or for a removed employee the one recorded
   *     at the previous sync
   * @param changedFields the fields that changed, in {@link SyncField} order; non-empty exactly for
   *     {@link Kind#CHANGED}
   */
  public EmployeeChange {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(login, "login == null");
    if (login.isBlank()) {
      throw new IllegalArgumentException("login of changed user " + id + " must not be blank");
    }
    changedFields = copy(Objects.requireNonNull(changedFields, "changedFields == null"));
    if (kind == Kind.CHANGED && changedFields.isEmpty()) {
      throw new IllegalArgumentException(
          "changedFields of user " + id + " must not be empty for a CHANGED entry");
    }
    if (kind != Kind.CHANGED && !changedFields.isEmpty()) {
      throw new IllegalArgumentException(
          "changedFields of user " + id + " must be empty for an " + kind + " entry");
    }
  }

  private static Set<SyncField> copy(Collection<SyncField> fields) {
    Set<SyncField> copy = EnumSet.noneOf(SyncField.class);
    for (SyncField field : fields) {
      copy.add(Objects.requireNonNull(field, "changedFields must not contain null"));
    }
    return Collections.unmodifiableSet(copy);
  }

  /** What kind of difference an {@link EmployeeChange} is. */
  public enum Kind {
    /** The employee is a member now and was not at the previous sync. */
    ADDED,
    /** The employee was a member at the previous sync and is not now. */
    REMOVED,
    /** The employee is a member now and was then, and at least one compared field changed. */
    CHANGED
  }
}
