package org.workforceiam.core;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A member of the employee directory, as the identity provider describes them.
 *
 * <p>First name, last name and email are optional because real directories hold incomplete
 * profiles; {@link #missingProfileFields()} says which of them identity verification cannot use.
 *
 * <pre>{@code
 * Employee ada = Employee.builder(UserId.of("00u1"), "ada@example.com")
 *     .firstName("Ada").lastName("Lovelace").email("ada@example.com")
 *     .status(EmployeeStatus.ACTIVE)
 *     .build();
 * }</pre>
 */
public final class Employee {
  // A sync holds a page of employees at a time and makes one per member: the optional values are
  // kept as nullable fields and the empty collections are shared, so an employee costs its strings
  // and little more.
  private static final Map<String, String> NO_ATTRIBUTES =
      Collections.unmodifiableMap(new TreeMap<>());
  private static final Set<ProfileField> COMPLETE =
      Collections.unmodifiableSet(EnumSet.noneOf(ProfileField.class));

  private final UserId id;
  private final String login;
  private final @Nullable String firstName;
  private final @Nullable String lastName;
  private final @Nullable String email;
  private final EmployeeStatus status;
  private final String providerStatus;
  private final @Nullable Instant lastUpdated;
  private final Map<String, String> attributes;

  Employee(
      UserId id,
      String login,
      Optional<String> firstName,
      Optional<String> lastName,
      Optional<String> email,
      EmployeeStatus status,
      String providerStatus,
      Optional<Instant> lastUpdated,
      Map<String, String> attributes) {
    this(
        id,
        login,
        orNull(firstName, "firstName"),
        orNull(lastName, "lastName"),
        orNull(email, "email"),
        status,
        providerStatus,
        orNull(lastUpdated, "lastUpdated"),
        sortedCopy(id, attributes));
  }

  /** The attributes are an unmodifiable map sorted by name, kept as they are. */
  private Employee(
      UserId id,
      String login,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String email,
      EmployeeStatus status,
      String providerStatus,
      @Nullable Instant lastUpdated,
      Map<String, String> attributes) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(login, "login == null");
    if (login.isBlank()) {
      throw new IllegalArgumentException("login of user " + id + " must not be blank");
    }
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(providerStatus, "providerStatus == null");
    if (providerStatus.isBlank()) {
      throw new IllegalArgumentException("providerStatus of user " + id + " must not be blank");
    }
    this.id = id;
    this.login = login;
    this.firstName = firstName;
    this.lastName = lastName;
    this.email = email;
    this.status = status;
    this.providerStatus = providerStatus;
    this.lastUpdated = lastUpdated;
    this.attributes = attributes;
  }

  /**
   * An unmodifiable copy of a caller's attributes, sorted by name. A single attribute needs no
   * tree: most employees have none or one, and a sync makes one employee per member.
   */
  private static Map<String, String> sortedCopy(UserId id, Map<String, String> attributes) {
    Objects.requireNonNull(attributes, "attributes == null");
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      if (attribute.getKey() == null) {
        throw new NullPointerException("an attribute name of user " + id + " == null");
      }
      if (attribute.getValue() == null) {
        throw new NullPointerException(
            "value of attribute " + attribute.getKey() + " of user " + id + " == null");
      }
    }
    return switch (attributes.size()) {
      case 0 -> NO_ATTRIBUTES;
      case 1 -> {
        Map.Entry<String, String> only = attributes.entrySet().iterator().next();
        yield Collections.singletonMap(only.getKey(), only.getValue());
      }
      default -> Collections.unmodifiableMap(new TreeMap<>(attributes));
    };
  }

  private static <T> @Nullable T orNull(Optional<T> value, String name) {
    return Objects.requireNonNull(value, () -> name + " == null (use Optional.empty())")
        .orElse(null);
  }

  /** {@return the provider's identifier} */
  public UserId id() {
    return id;
  }

  /** {@return the sign-in name, often an email address} */
  public String login() {
    return login;
  }

  /** {@return the given name, if the profile has one} */
  public Optional<String> firstName() {
    return Optional.ofNullable(firstName);
  }

  /** {@return the family name, if the profile has one} */
  public Optional<String> lastName() {
    return Optional.ofNullable(lastName);
  }

  /** {@return the primary email address, if the profile has one} */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /**
   * {@return the account status, normalised across providers: what to decide on} A status the
   * adapter does not know is {@link EmployeeStatus#UNKNOWN}; {@link #providerStatus()} then holds
   * the provider's word.
   */
  public EmployeeStatus status() {
    return status;
  }

  /**
   * {@return the provider's own word for the status, always kept, to show to people} For example
   * Okta's {@code LOCKED_OUT}, which is also the name of its {@link #status()}, or a word of
   * another provider that differs from the name of the status it maps to. Never blank.
   */
  public String providerStatus() {
    return providerStatus;
  }

  /** {@return when the provider last changed the user, if it says} */
  public Optional<Instant> lastUpdated() {
    return Optional.ofNullable(lastUpdated);
  }

  /** {@return the other profile attributes, as strings, sorted by name} */
  public Map<String, String> attributes() {
    return attributes;
  }

  /**
   * Starts a builder for an employee with the given id and login.
   *
   * @param id the provider's identifier
   * @param login the sign-in name
   * @return a builder whose status is {@link EmployeeStatus#ACTIVE} until set
   */
  public static Builder builder(UserId id, String login) {
    return new Builder(id, login);
  }

  /**
   * Returns a builder holding this employee's values, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder(id, login);
    builder.firstName = firstName;
    builder.lastName = lastName;
    builder.email = email;
    builder.status = status;
    builder.providerStatus = providerStatus;
    builder.lastUpdated = lastUpdated;
    builder.attributes(attributes);
    return builder;
  }

  /**
   * Returns the profile fields that identity verification needs and this employee lacks: those
   * absent or blank.
   *
   * @return the missing fields, in the order first name, last name, email; empty when complete
   */
  public Set<ProfileField> missingProfileFields() {
    if (hasCompleteProfile()) {
      return COMPLETE;
    }
    Set<ProfileField> missing = EnumSet.noneOf(ProfileField.class);
    if (isBlank(firstName)) {
      missing.add(ProfileField.FIRST_NAME);
    }
    if (isBlank(lastName)) {
      missing.add(ProfileField.LAST_NAME);
    }
    if (isBlank(email)) {
      missing.add(ProfileField.EMAIL);
    }
    return Collections.unmodifiableSet(missing);
  }

  /**
   * Returns whether the profile holds everything identity verification needs.
   *
   * @return {@code true} when first name, last name and email are all present and non-blank
   */
  public boolean hasCompleteProfile() {
    return !isBlank(firstName) && !isBlank(lastName) && !isBlank(email);
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  /** Builds an {@link Employee}; not thread-safe. */
  public static final class Builder {
    private final UserId id;
    private final String login;
    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String email;
    private EmployeeStatus status = EmployeeStatus.ACTIVE;
    private String providerStatus = EmployeeStatus.ACTIVE.name();
    private @Nullable Instant lastUpdated;

    // Most employees have no other attribute or one: a single one is kept in two fields and a tree
    // is made for the second. The tree is handed to the employee built, not copied; a change after
    // that copies it first, so an employee never changes.
    private @Nullable String onlyName;
    private @Nullable String onlyValue;
    private @Nullable TreeMap<String, String> attributes;
    private boolean attributesBuilt;

    private Builder(UserId id, String login) {
      this.id = Objects.requireNonNull(id, "id == null");
      this.login = Objects.requireNonNull(login, "login == null");
    }

    /**
     * Sets the given name.
     *
     * @param firstName the given name, or {@code null} when the profile has none
     * @return this builder
     */
    public Builder firstName(@Nullable String firstName) {
      this.firstName = firstName;
      return this;
    }

    /**
     * Sets the family name.
     *
     * @param lastName the family name, or {@code null} when the profile has none
     * @return this builder
     */
    public Builder lastName(@Nullable String lastName) {
      this.lastName = lastName;
      return this;
    }

    /**
     * Sets the primary email address.
     *
     * @param email the address, or {@code null} when the profile has none
     * @return this builder
     */
    public Builder email(@Nullable String email) {
      this.email = email;
      return this;
    }

    /**
     * Sets a known status, whose name is also the provider's word for it.
     *
     * @param status the status; not {@link EmployeeStatus#UNKNOWN}, which needs the provider's word
     * @return this builder
     */
    public Builder status(EmployeeStatus status) {
      Objects.requireNonNull(status, "status == null");
      if (status == EmployeeStatus.UNKNOWN) {
        throw new IllegalArgumentException(
            "status UNKNOWN needs the provider's word for it: use status(String)");
      }
      this.status = status;
      this.providerStatus = status.name();
      return this;
    }

    /**
     * Sets the status from a word that is the name of a status, case-insensitively ({@link
     * EmployeeStatus#fromProviderValue(String)}); any other word becomes {@link
     * EmployeeStatus#UNKNOWN} and is kept in {@link Employee#providerStatus()}. A known word is
     * kept as the status's name. For a provider whose words differ from the names, use {@link
     * #status(EmployeeStatus, String)}.
     *
     * @param providerStatus the status word, for example {@code "LOCKED_OUT"}
     * @return this builder
     */
    public Builder status(String providerStatus) {
      Objects.requireNonNull(providerStatus, "providerStatus == null");
      EmployeeStatus mapped = EmployeeStatus.fromProviderValue(providerStatus);
      this.status = mapped;
      this.providerStatus = mapped == EmployeeStatus.UNKNOWN ? providerStatus : mapped.name();
      return this;
    }

    /**
     * Sets the normalised status and the provider's own word for it, which may differ from the
     * status's name: an adapter maps its provider's words so.
     *
     * <pre>{@code
     * builder.status(EmployeeStatus.DISABLED, "accountEnabled=false");
     * }</pre>
     *
     * @param normalised the status to decide on; {@link EmployeeStatus#UNKNOWN} for a word the
     *     adapter does not know
     * @param providerWord the provider's word, kept as it is; not blank
     * @return this builder
     * @throws IllegalArgumentException when the word is blank
     */
    public Builder status(EmployeeStatus normalised, String providerWord) {
      Objects.requireNonNull(normalised, "normalised == null");
      Objects.requireNonNull(providerWord, "providerWord == null");
      if (providerWord.isBlank()) {
        throw new IllegalArgumentException(
            "the provider's word for status " + normalised + " of user " + id + " is blank");
      }
      this.status = normalised;
      this.providerStatus = providerWord;
      return this;
    }

    /**
     * Sets when the provider last changed the user.
     *
     * @param lastUpdated the instant, or {@code null} when unknown
     * @return this builder
     */
    public Builder lastUpdated(@Nullable Instant lastUpdated) {
      this.lastUpdated = lastUpdated;
      return this;
    }

    /**
     * Adds another profile attribute, replacing one of the same name.
     *
     * @param name the attribute's name, for example {@code "department"}
     * @param value its value as a string
     * @return this builder
     */
    public Builder attribute(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      // Not requireNonNull with a message supplier: its lambda captures, once per member synced.
      if (value == null) {
        throw new NullPointerException("value of attribute " + name + " == null");
      }
      if (attributes != null) {
        if (attributesBuilt) {
          attributes = new TreeMap<>(attributes);
          attributesBuilt = false;
        }
        attributes.put(name, value);
      } else if (onlyName == null || onlyName.equals(name)) {
        onlyName = name;
        onlyValue = value;
      } else {
        attributes = new TreeMap<>();
        attributes.put(onlyName, onlyValue);
        attributes.put(name, value);
        onlyName = null;
        onlyValue = null;
      }
      return this;
    }

    /**
     * Adds other profile attributes, replacing those of the same names.
     *
     * @param attributes the attributes to add
     * @return this builder
     */
    public Builder attributes(Map<String, String> attributes) {
      for (Map.Entry<String, String> attribute : attributes.entrySet()) {
        attribute(attribute.getKey(), attribute.getValue());
      }
      return this;
    }

    /**
     * Builds the employee.
     *
     * @return a new immutable employee
     * @throws IllegalArgumentException when a value is invalid; the message names it
     */
    public Employee build() {
      return new Employee(
          id,
          login,
          firstName,
          lastName,
          email,
          status,
          providerStatus,
          lastUpdated,
          builtAttributes());
    }

    private Map<String, String> builtAttributes() {
      if (attributes != null) {
        attributesBuilt = true;
        return Collections.unmodifiableMap(attributes);
      }
      return onlyName == null
          ? NO_ATTRIBUTES
          : Collections.singletonMap(onlyName, Objects.requireNonNull(onlyValue));
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Employee that)) {
      return false;
    }
    return id.equals(that.id)
        && login.equals(that.login)
        && Objects.equals(firstName, that.firstName)
        && Objects.equals(lastName, that.lastName)
        && Objects.equals(email, that.email)
        && status.equals(that.status)
        && providerStatus.equals(that.providerStatus)
        && Objects.equals(lastUpdated, that.lastUpdated)
        && attributes.equals(that.attributes);
  }

  @Override
  public int hashCode() {
    // Optional's hash is its value's, so this is the hash an employee of Optionals had.
    return Objects.hash(
        id, login, firstName, lastName, email, status, providerStatus, lastUpdated, attributes);
  }

  @Override
  public String toString() {
    return "Employee["
        + "id="
        + id
        + ", "
        + "login="
        + login
        + ", "
        + "firstName="
        + firstName()
        + ", "
        + "lastName="
        + lastName()
        + ", "
        + "email="
        + email()
        + ", "
        + "status="
        + status
        + ", "
        + "providerStatus="
        + providerStatus
        + ", "
        + "lastUpdated="
        + lastUpdated()
        + ", "
        + "attributes="
        + attributes
        + "]";
  }
}
