package org.workforceiam.core.sync;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.workforceiam.core.Employee;
import org.workforceiam.core.ProfileField;
import org.workforceiam.core.UserId;

/**
 * A member whose profile lacks what identity verification needs, as {@link
 * Employee#missingProfileFields()} says.
 *
 * @param id the employee's id at the provider
 * @param login the employee's login
 * @param missingFields the missing fields, in {@link ProfileField} order; never empty
 */
public record IncompleteProfile(UserId id, String login, Set<ProfileField> missingFields) {

  /**
   * Validates the values and copies the fields.
   *
   * @param id the employee's id at the provider
   * @param login the employee's login
   * @param missingFields the missing fields, in {@link ProfileField} order; never empty
   */
  public IncompleteProfile {
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
}
