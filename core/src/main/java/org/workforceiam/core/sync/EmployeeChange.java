package org.workforceiam.core.sync;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.UserId;

/**
 * One difference between a group's members now and at the previous sync: someone joined, left, or
 * had a compared field ({@link EmployeeChange.Field}) change.
 *
 * <pre>{@code
 * switch (change.kind()) {
 *   case ADDED -> provision(change.id());
 *   case REMOVED -> deprovision(change.id());
 *   case CHANGED -> log.info("{} changed {}", change.login(), change.changedFields());
 * }
 * }</pre>
 */
public final class EmployeeChange {
  private final Kind kind;
  private final UserId id;
  private final String login;
  private final Set<EmployeeChange.Field> changedFields;

  private EmployeeChange(
      Kind kind, UserId id, String login, Set<EmployeeChange.Field> changedFields) {
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
    this.kind = kind;
    this.id = id;
    this.login = login;
    this.changedFields = changedFields;
  }

  /**
   * Creates the value; for providers and tests (callers receive it).
   *
   * @param kind whether the employee joined, left or changed
   * @param id the employee's id at the provider
   * @param login the employee's login: the current one, or for a removed employee the one recorded
   *     at the previous sync
   * @param changedFields the fields that changed, in {@link EmployeeChange.Field} order; non-empty
   *     exactly for {@link Kind#CHANGED}
   * @return the value
   */
  public static EmployeeChange of(
      Kind kind, UserId id, String login, Set<EmployeeChange.Field> changedFields) {
    return new EmployeeChange(kind, id, login, changedFields);
  }

  /** {@return whether the employee joined, left or changed} */
  public Kind kind() {
    return kind;
  }

  /** {@return the employee's id at the provider} */
  public UserId id() {
    return id;
  }

  /**
   * {@return the employee's login: the current one, or for a removed employee the one recorded at
   * the previous sync}
   */
  public String login() {
    return login;
  }

  /**
   * {@return the fields that changed, in {@link EmployeeChange.Field} order; non-empty exactly for
   * {@link Kind#CHANGED}}
   */
  public Set<EmployeeChange.Field> changedFields() {
    return changedFields;
  }

  private static Set<EmployeeChange.Field> copy(Collection<EmployeeChange.Field> fields) {
    Set<EmployeeChange.Field> copy = EnumSet.noneOf(EmployeeChange.Field.class);
    for (EmployeeChange.Field field : fields) {
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

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof EmployeeChange that)) {
      return false;
    }
    return kind.equals(that.kind)
        && id.equals(that.id)
        && login.equals(that.login)
        && changedFields.equals(that.changedFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, id, login, changedFields);
  }

  @Override
  public String toString() {
    return "EmployeeChange["
        + "kind="
        + kind
        + ", "
        + "id="
        + id
        + ", "
        + "login="
        + login
        + ", "
        + "changedFields="
        + changedFields
        + "]";
  }

  /**
   * A field of an employee that {@link DirectorySync} compares between runs; a change of any of
   * them makes an {@link EmployeeChange.Kind#CHANGED} entry naming it.
   *
   * <p>Other profile attributes and {@link org.workforceiam.core.Employee#lastUpdated()} are not
   * compared: a change to them alone is not reported.
   */
  public enum Field {
    /** The sign-in name. */
    LOGIN("login"),
    /** The given name. */
    FIRST_NAME("firstName"),
    /** The family name. */
    LAST_NAME("lastName"),
    /** The primary email address. */
    EMAIL("email"),
    /**
     * The account status, compared by the provider's word for it ({@link
     * org.workforceiam.core.Employee#providerStatus()}, case-insensitively), so a change between
     * two words this library does not know, or between two words of one normalised status, is
     * reported too.
     */
    STATUS("status");

    private final String attributeName;

    Field(String attributeName) {
      this.attributeName = attributeName;
    }

    /**
     * Returns the field's name as it appears in profiles and exports, for example {@code
     * "firstName"}.
     *
     * @return the attribute name
     */
    public String attributeName() {
      return attributeName;
    }
  }
}
