package org.workforceiam.core.contract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.UserId;

/**
 * The directory a provider under the {@link ProviderContract} is seeded with: one group of
 * employees (some with incomplete profiles, one locked out, one suspended, one the client may not
 * touch), one user outside the group, two users sharing an email address, and enrolled factors.
 *
 * <p>The people are fixed ({@link Person}); their ids, factors and statuses are the provider's: a
 * provider takes {@link #standard()} (Okta-like ids, every status) or builds its own from it, with
 * its own ids (GUIDs for Microsoft Entra ID, say), its own factors, and only the statuses it can
 * represent, then seeds itself with {@link #users()}, {@link #members()}, {@link #factors()} and
 * {@link #privileged()} and returns the data from {@link ProviderContract.Provider#data()}:
 *
 * <pre>{@code
 * ContractData data = ContractData.builder()
 *     .group(GroupId.of("6f1d…"))
 *     .id(Person.ADA, UserId.of("0b7f…"))                          // and so on for each person
 *     .statuses(EnumSet.of(EmployeeStatus.ACTIVE, EmployeeStatus.DISABLED))
 *     .status(Person.GRACE, EmployeeStatus.ACTIVE, "enabled")       // no lock-out to seed
 *     .status(Person.SAM, EmployeeStatus.DISABLED, "disabled")
 *     .status(Person.MARGARET, EmployeeStatus.ACTIVE, "enabled")
 *     .factors(Person.ADA, Factor.of(FactorId.of("3179…"), "phone", "AZURE_AD", "ACTIVE"), …)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ContractData {
  /** Page size the provider must be configured with, so the group spans several pages. */
  public static final int PAGE_SIZE = 3;

  /** The email two users share: {@link Person#EDSGER} and {@link Person#LINUS}. */
  public static final String SHARED_EMAIL = "shared@example.com";

  private static final Instant UPDATED = Instant.parse("2026-01-15T10:00:00Z");

  /** The people of the data set, whatever their ids at the provider. */
  public enum Person {
    /** An active member with two factors and a {@code department} attribute. */
    ADA("00u01Ada", "ada@example.com", "Ada", "Lovelace", "ada@example.com", "ACTIVE"),
    /** A locked-out member, where the provider can represent it; no factors. */
    GRACE("00u02Grace", "grace@example.com", "Grace", "Hopper", "grace@example.com", "LOCKED_OUT"),
    /** An active member whose profile lacks an email. */
    ALAN("00u03Alan", "alan@example.com", "Alan", "Turing", null, "ACTIVE"),
    /** An active member whose profile lacks a first name and has a blank last name. */
    KATHERINE(
        "00u04Katherine", "katherine@example.com", null, " ", "katherine@example.com", "ACTIVE"),
    /**
     * An active member the client may not touch: one holding a more privileged administrator role.
     * Every change to them ends in {@link IamException.PermissionDenied}.
     */
    ROOT("00u05Root", "root@example.com", "Root", "Admin", "root@example.com", "ACTIVE"),
    /** A suspended member, where the provider can represent it. */
    SAM("00u06Sam", "sam@example.com", "Sam", "Suspended", "sam@example.com", "SUSPENDED"),
    /** A member whose password has expired, where the provider can represent it. */
    MARGARET(
        "00u07Margaret",
        "margaret@example.com",
        "Margaret",
        "Hamilton",
        "margaret@example.com",
        "PASSWORD_EXPIRED"),
    /** An active member sharing the email {@link #SHARED_EMAIL} with {@link #LINUS}. */
    EDSGER("00u08Edsger", "edsger@example.com", "Edsger", "Dijkstra", SHARED_EMAIL, "ACTIVE"),
    /** An active user outside the group, sharing {@link #SHARED_EMAIL} with {@link #EDSGER}. */
    LINUS("00u09Linus", "linus@example.com", "Linus", "Outsider", SHARED_EMAIL, "ACTIVE");

    private final String standardId;
    private final String login;
    private final @Nullable String firstName;
    private final @Nullable String lastName;
    private final @Nullable String email;
    private final EmployeeStatus standardStatus;

    Person(
        String standardId,
        String login,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String email,
        String standardStatus) {
      this.standardId = standardId;
      this.login = login;
      this.firstName = firstName;
      this.lastName = lastName;
      this.email = email;
      this.standardStatus = EmployeeStatus.valueOf(standardStatus);
    }

    /** {@return the sign-in name, the same at every provider} */
    public String login() {
      return login;
    }
  }

  private static final ContractData STANDARD = new Builder().build();

  private final GroupId group;
  private final Map<Person, Employee> users;
  private final Map<Person, List<Factor>> factors;
  private final Set<EmployeeStatus> statuses;
  private final UserId unknownUser;
  private final FactorId unknownFactor;
  private final IamException.PermissionDenied.Reason privilegedRefusal;

  private ContractData(Builder builder) {
    this.group = builder.group;
    Map<Person, Employee> users = new EnumMap<>(Person.class);
    for (Person person : Person.values()) {
      Employee.Builder employee =
          Employee.builder(builder.ids.get(person), person.login)
              .firstName(person.firstName)
              .lastName(person.lastName)
              .email(person.email)
              .status(builder.statuses.get(person), builder.words.get(person))
              .lastUpdated(UPDATED);
      if (person == Person.ADA) {
        employee.attribute("department", "Engineering");
      }
      users.put(person, employee.build());
    }
    this.users = Collections.unmodifiableMap(users);
    Map<Person, List<Factor>> factors = new EnumMap<>(Person.class);
    builder.factors.forEach((person, list) -> factors.put(person, List.copyOf(list)));
    this.factors = Collections.unmodifiableMap(factors);
    this.statuses = Collections.unmodifiableSet(EnumSet.copyOf(builder.representable));
    this.unknownUser = builder.unknownUser;
    this.unknownFactor = builder.unknownFactor;
    this.privilegedRefusal = builder.privilegedRefusal;
  }

  /**
   * Returns the standard data: Okta-like ids ({@code 00u01Ada}, group {@code
   * 00gContractEmployees}), every status as its own name, Okta-like factors, and a privileged user
   * refused with {@link IamException.PermissionDenied.Reason#ROLE_DOES_NOT_ALLOW}. The fake and the
   * simulated Okta are seeded with it.
   *
   * @return the standard data
   */
  public static ContractData standard() {
    return STANDARD;
  }

  /**
   * Starts a builder holding the standard data, to replace what the provider has its own of.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the group of employees} */
  public GroupId group() {
    return group;
  }

  /**
   * Returns a person's id at the provider.
   *
   * @param person the person
   * @return the id
   */
  public UserId id(Person person) {
    return user(person).id();
  }

  /**
   * Returns a person as the provider is seeded with them.
   *
   * @param person the person
   * @return the employee, with the provider's id, status and word for it
   */
  public Employee user(Person person) {
    return users.get(Objects.requireNonNull(person, "person == null"));
  }

  /**
   * Returns every user, members and non-members, in {@link Person} order.
   *
   * @return the users
   */
  public List<Employee> users() {
    return List.copyOf(users.values());
  }

  /**
   * Returns the members of {@link #group()}, in {@link Person} order.
   *
   * @return the members: everyone but {@link Person#LINUS}
   */
  public List<Employee> members() {
    List<Employee> members = new ArrayList<>(users.values());
    members.remove(users.get(Person.LINUS));
    return List.copyOf(members);
  }

  /**
   * Returns the ids of the members of {@link #group()}.
   *
   * @return the member ids
   */
  public Set<UserId> memberIds() {
    Set<UserId> ids = new LinkedHashSet<>();
    members().forEach(member -> ids.add(member.id()));
    return Collections.unmodifiableSet(ids);
  }

  /**
   * Returns the enrolled factors by user id; users without factors are absent.
   *
   * @return the factors
   */
  public Map<UserId, List<Factor>> factors() {
    Map<UserId, List<Factor>> byId = new LinkedHashMap<>();
    factors.forEach(
        (person, list) -> {
          if (!list.isEmpty()) {
            byId.put(id(person), list);
          }
        });
    return Collections.unmodifiableMap(byId);
  }

  /**
   * Returns a person's enrolled factors, in enrollment order.
   *
   * @param person the person
   * @return the factors; empty when none
   */
  public List<Factor> factors(Person person) {
    return factors.getOrDefault(Objects.requireNonNull(person, "person == null"), List.of());
  }

  /**
   * Returns the users the client may not touch: seed them as the provider's most privileged users.
   *
   * @return the id of {@link Person#ROOT}
   */
  public Set<UserId> privileged() {
    return Set.of(id(Person.ROOT));
  }

  /**
   * Returns the normalised statuses the provider represents: seeded users have only these, and a
   * status a change would lead to is asserted only where it is one of these.
   *
   * @return the statuses
   */
  public Set<EmployeeStatus> statuses() {
    return statuses;
  }

  /** {@return an id of the provider's form that no user has} */
  public UserId unknownUser() {
    return unknownUser;
  }

  /** {@return a factor id of the provider's form that no user has enrolled} */
  public FactorId unknownFactor() {
    return unknownFactor;
  }

  /** {@return the reason a change to {@link Person#ROOT} is refused with} */
  public IamException.PermissionDenied.Reason privilegedRefusal() {
    return privilegedRefusal;
  }

  /**
   * Returns the status a fresh copy of the data gives a user.
   *
   * @param user the user's id
   * @return the status
   * @throws IllegalArgumentException when no user has the id
   */
  public EmployeeStatus initialStatus(UserId user) {
    return users.values().stream()
        .filter(e -> e.id().equals(user))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no user " + user + " in the data"))
        .status();
  }

  @Override
  public String toString() {
    return "ContractData{group=" + group + ", statuses=" + statuses + "}";
  }

  /** Builds {@link ContractData} from the standard data; not thread-safe. */
  public static final class Builder {
    private GroupId group = GroupId.of("00gContractEmployees");
    private final Map<Person, UserId> ids = new EnumMap<>(Person.class);
    private final Map<Person, EmployeeStatus> statuses = new EnumMap<>(Person.class);
    private final Map<Person, String> words = new EnumMap<>(Person.class);
    private final Map<Person, List<Factor>> factors = new EnumMap<>(Person.class);
    private Set<EmployeeStatus> representable = EnumSet.allOf(EmployeeStatus.class);
    private UserId unknownUser = UserId.of("00uDoesNotExist");
    private FactorId unknownFactor = FactorId.of("sms0Unknown");
    private IamException.PermissionDenied.Reason privilegedRefusal =
        IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW;

    private Builder() {
      for (Person person : Person.values()) {
        ids.put(person, UserId.of(person.standardId));
        statuses.put(person, person.standardStatus);
        words.put(person, person.standardStatus.name());
      }
      factors.put(
          Person.ADA,
          List.of(
              Factor.of(FactorId.of("sms01AdaFactor"), "sms", "OKTA", "ACTIVE"),
              Factor.of(FactorId.of("opf01AdaFactor"), "push", "OKTA", "ACTIVE")));
      factors.put(
          Person.MARGARET,
          List.of(
              Factor.of(
                  FactorId.of("ost07MargaretTotp"), "token:software:totp", "GOOGLE", "ACTIVE")));
    }

    /**
     * Sets the group's id.
     *
     * @param group the group
     * @return this builder
     */
    public Builder group(GroupId group) {
      this.group = Objects.requireNonNull(group, "group == null");
      return this;
    }

    /**
     * Sets a person's id at the provider.
     *
     * @param person the person
     * @param id the id
     * @return this builder
     */
    public Builder id(Person person, UserId id) {
      ids.put(
          Objects.requireNonNull(person, "person == null"),
          Objects.requireNonNull(id, "id == null"));
      return this;
    }

    /**
     * Sets a person's normalised status and the provider's word for it.
     *
     * @param person the person
     * @param status the normalised status; one of {@link #statuses(Set)}
     * @param providerWord the provider's word for it
     * @return this builder
     */
    public Builder status(Person person, EmployeeStatus status, String providerWord) {
      Objects.requireNonNull(person, "person == null");
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(providerWord, "providerWord == null");
      statuses.put(person, status);
      words.put(person, providerWord);
      return this;
    }

    /**
     * Replaces a person's factors. {@link Person#ADA} needs at least two.
     *
     * @param person the person
     * @param factors the factors, in enrollment order; none for no factors
     * @return this builder
     */
    public Builder factors(Person person, Factor... factors) {
      Objects.requireNonNull(person, "person == null");
      this.factors.put(person, List.of(factors));
      return this;
    }

    /**
     * Sets the normalised statuses the provider represents, by default all of them.
     *
     * @param statuses the statuses
     * @return this builder
     */
    public Builder statuses(Set<EmployeeStatus> statuses) {
      Objects.requireNonNull(statuses, "statuses == null");
      if (statuses.isEmpty()) {
        throw new IllegalArgumentException("a provider represents at least one status");
      }
      this.representable = EnumSet.copyOf(statuses);
      return this;
    }

    /**
     * Sets an id of the provider's form that no user has.
     *
     * @param id the id
     * @return this builder
     */
    public Builder unknownUser(UserId id) {
      this.unknownUser = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /**
     * Sets a factor id of the provider's form that no user has enrolled.
     *
     * @param id the id
     * @return this builder
     */
    public Builder unknownFactor(FactorId id) {
      this.unknownFactor = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /**
     * Sets the reason a change to {@link Person#ROOT} is refused with; by default {@link
     * IamException.PermissionDenied.Reason#ROLE_DOES_NOT_ALLOW}, the provider's refusal. An adapter
     * that refuses privileged users itself says {@link
     * IamException.PermissionDenied.Reason#PRIVILEGED_USER}.
     *
     * @param reason the reason
     * @return this builder
     */
    public Builder privilegedRefusal(IamException.PermissionDenied.Reason reason) {
      this.privilegedRefusal = Objects.requireNonNull(reason, "reason == null");
      return this;
    }

    /**
     * Builds the data.
     *
     * @return the data
     * @throws IllegalStateException when ids repeat, a status is not one the provider represents,
     *     Ada has fewer than two factors, or the unknown user or factor exists
     */
    public ContractData build() {
      Set<UserId> distinct = new HashSet<>(ids.values());
      if (distinct.size() != ids.size()) {
        throw new IllegalStateException("two people have the same id: " + new TreeMap<>(ids));
      }
      if (distinct.contains(unknownUser)) {
        throw new IllegalStateException("the unknown user " + unknownUser + " is a person's id");
      }
      statuses.forEach(
          (person, status) -> {
            if (!representable.contains(status)) {
              throw new IllegalStateException(
                  person
                      + " has status "
                      + status
                      + ", which the provider does not represent ("
                      + representable
                      + "); give them one of those with status(person, status, word)");
            }
          });
      if (factors.getOrDefault(Person.ADA, List.of()).size() < 2) {
        throw new IllegalStateException("ADA needs at least two factors");
      }
      boolean unknownFactorEnrolled =
          factors.values().stream()
              .flatMap(List::stream)
              .anyMatch(factor -> factor.id().equals(unknownFactor));
      if (unknownFactorEnrolled) {
        throw new IllegalStateException("the unknown factor " + unknownFactor + " is enrolled");
      }
      return new ContractData(this);
    }
  }
}
