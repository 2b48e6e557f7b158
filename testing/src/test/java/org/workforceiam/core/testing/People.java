package org.workforceiam.core.testing;

import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.UserId;

/** Small employees for the fake's tests. */
final class People {
  static final GroupId EMPLOYEES = GroupId.of("00gEmployees");
  static final GroupId CONTRACTORS = GroupId.of("00gContractors");

  private People() {}

  /** An active employee with a complete profile, whose login is {@code id@example.com}. */
  static Employee person(String id) {
    return Employee.builder(UserId.of(id), id + "@example.com")
        .firstName("First " + id)
        .lastName("Last " + id)
        .email(id + "@example.com")
        .build();
  }

  /** An employee in the given status; {@link EmployeeStatus#UNKNOWN} gets a made-up word. */
  static Employee person(String id, EmployeeStatus status) {
    Employee.Builder builder = person(id).toBuilder();
    return (status == EmployeeStatus.UNKNOWN
            ? builder.status("PENDING_USER_ACTION")
            : builder.status(status))
        .build();
  }
}
