package org.workforceiam.core.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.UserId;

/**
 * The directory every provider under the {@link ProviderContract} is seeded with: one group of
 * employees (some with incomplete profiles, one locked out, one suspended, one holding a more
 * privileged role), one user outside the group, two users sharing an email address, and enrolled
 * factors. Identifiers look like Okta's so one data set serves every adapter.
 */
public final class ContractData {
  /** The group of employees. */
  public static final GroupId EMPLOYEES = GroupId.of("00gContractEmployees");

  /** Page size the provider must be configured with, so the group spans several pages. */
  public static final int PAGE_SIZE = 3;

  /** An active member with two factors. */
  public static final UserId ADA = UserId.of("00u01Ada");

  /** A locked-out member. */
  public static final UserId GRACE = UserId.of("00u02Grace");

  /** A member whose profile lacks an email. */
  public static final UserId ALAN = UserId.of("00u03Alan");

  /** A member whose profile lacks a first name and has a blank last name. */
  public static final UserId KATHERINE = UserId.of("00u04Katherine");

  /** A member holding a more privileged administrator role than the client's. */
  public static final UserId ROOT = UserId.of("00u05Root");

  /** A suspended member. */
  public static final UserId SAM = UserId.of("00u06Sam");

  /** A member whose password has expired. */
  public static final UserId MARGARET = UserId.of("00u07Margaret");

  /** A member sharing the email {@link #SHARED_EMAIL} with {@link #LINUS}. */
  public static final UserId EDSGER = UserId.of("00u08Edsger");

  /** A user outside the group, sharing the email {@link #SHARED_EMAIL} with {@link #EDSGER}. */
  public static final UserId LINUS = UserId.of("00u09Linus");

  /** The email two users share. */
  public static final String SHARED_EMAIL = "shared@example.com";

  /** Ada's SMS factor. */
  public static final FactorId ADA_SMS = FactorId.of("sms01AdaFactor");

  /** Ada's Okta Verify push factor. */
  public static final FactorId ADA_PUSH = FactorId.of("opf01AdaFactor");

  private static final Instant UPDATED = Instant.parse("2026-01-15T10:00:00Z");

  private ContractData() {}

  /**
   * Returns every user, members and non-members, in id order.
   *
   * @return the users
   */
  public static List<Employee> users() {
    return List.of(
        person(ADA, "ada@example.com", "Ada", "Lovelace", "ada@example.com", "ACTIVE")
            .attribute("department", "Engineering")
            .build(),
        person(GRACE, "grace@example.com", "Grace", "Hopper", "grace@example.com", "LOCKED_OUT")
            .build(),
        person(ALAN, "alan@example.com", "Alan", "Turing", null, "ACTIVE").build(),
        person(KATHERINE, "katherine@example.com", null, " ", "katherine@example.com", "ACTIVE")
            .build(),
        person(ROOT, "root@example.com", "Root", "Admin", "root@example.com", "ACTIVE").build(),
        person(SAM, "sam@example.com", "Sam", "Suspended", "sam@example.com", "SUSPENDED").build(),
        person(
                MARGARET,
                "margaret@example.com",
                "Margaret",
                "Hamilton",
                "margaret@example.com",
                "PASSWORD_EXPIRED")
            .build(),
        person(EDSGER, "edsger@example.com", "Edsger", "Dijkstra", SHARED_EMAIL, "ACTIVE").build(),
        person(LINUS, "linus@example.com", "Linus", "Outsider", SHARED_EMAIL, "ACTIVE").build());
  }

  /**
   * Returns the members of {@link #EMPLOYEES}, in id order.
   *
   * @return the members: everyone but {@link #LINUS}
   */
  public static List<Employee> members() {
    return users().stream().filter(e -> !e.id().equals(LINUS)).collect(Collectors.toList());
  }

  /**
   * Returns the ids of the members of {@link #EMPLOYEES}.
   *
   * @return the member ids
   */
  public static Set<UserId> memberIds() {
    return members().stream().map(Employee::id).collect(Collectors.toSet());
  }

  /**
   * Returns the enrolled factors by user.
   *
   * @return the factors
   */
  public static Map<UserId, List<Factor>> factors() {
    return Map.of(
        ADA,
        List.of(
            Factor.of(ADA_SMS, "sms", "OKTA", "ACTIVE"),
            Factor.of(ADA_PUSH, "push", "OKTA", "ACTIVE")),
        MARGARET,
        List.of(
            Factor.of(
                FactorId.of("ost07MargaretTotp"), "token:software:totp", "GOOGLE", "ACTIVE")));
  }

  /**
   * Returns the users holding a more privileged role than the client's.
   *
   * @return the privileged users
   */
  public static Set<UserId> privileged() {
    return Set.of(ROOT);
  }

  private static Employee.Builder person(
      UserId id,
      String login,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String email,
      String status) {
    return Employee.builder(id, login)
        .firstName(firstName)
        .lastName(lastName)
        .email(email)
        .status(status)
        .lastUpdated(UPDATED);
  }

  /**
   * Returns the status a fresh copy of the data gives a user.
   *
   * @param user the user
   * @return the status
   */
  public static EmployeeStatus initialStatus(UserId user) {
    return users().stream().filter(e -> e.id().equals(user)).findFirst().orElseThrow().status();
  }
}
