package org.workforceiam.entra.simulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user of the simulated tenant, with Graph's properties: an object id (a GUID), a
 * userPrincipalName, names, an optional {@code mail} and {@code accountEnabled}.
 *
 * <pre>{@code
 * EntraUser ada = EntraUser.of("1f3e5a7c-0b2d-4e6f-8a1c-3e5f7a9b1d2f", "ada@contoso.example")
 *     .givenName("Ada").surname("Lovelace").mail("ada@contoso.example");
 * EntraUser bob = EntraUser.of("2a4c6e8f-1b3d-4f5a-9c2e-4f6a8b0c2d4e", "bob@contoso.example")
 *     .accountEnabled(false);                       // no mail: a user without a mailbox
 * }</pre>
 *
 * <p>Leave {@code mail} unset for a user without a mailbox (Graph shows {@code "mail": null}), and
 * names unset for an incomplete profile. Mutable: set it up, then add it to an {@link EntraTenant},
 * which guards it from then on.
 */
public final class EntraUser {
  final String id;
  final String userPrincipalName;
  @Nullable String givenName;
  @Nullable String surname;
  @Nullable String displayName;
  @Nullable String mail;
  boolean accountEnabled = true;
  @Nullable String jobTitle;
  String userType = "Member";
  final Map<String, Object> extra = new LinkedHashMap<>();

  private EntraUser(String id, String userPrincipalName) {
    this.id = Guids.require(id, "id");
    this.userPrincipalName = Objects.requireNonNull(userPrincipalName, "userPrincipalName == null");
    if (userPrincipalName.isBlank() || userPrincipalName.contains("/")) {
      throw new IllegalArgumentException(
          "a userPrincipalName is non-blank, without '/': " + userPrincipalName);
    }
  }

  /**
   * Creates an enabled member user.
   *
   * @param id the object id, a GUID (Graph's user ids are GUIDs)
   * @param userPrincipalName the sign-in name, such as {@code ada@contoso.example}; a guest's holds
   *     {@code #EXT#}
   * @return the user
   * @throws IllegalArgumentException when the id is not a GUID
   */
  public static EntraUser of(String id, String userPrincipalName) {
    return new EntraUser(id, userPrincipalName);
  }

  /**
   * Sets the given name; null removes it.
   *
   * @param givenName the given name
   * @return this
   */
  public EntraUser givenName(@Nullable String givenName) {
    this.givenName = givenName;
    return this;
  }

  /**
   * Sets the surname; null removes it.
   *
   * @param surname the surname
   * @return this
   */
  public EntraUser surname(@Nullable String surname) {
    this.surname = surname;
    return this;
  }

  /**
   * Sets the display name; by default it is the given name and surname, or the userPrincipalName.
   *
   * @param displayName the display name
   * @return this
   */
  public EntraUser displayName(@Nullable String displayName) {
    this.displayName = displayName;
    return this;
  }

  /**
   * Sets the mail address; null (the default) for a user without a mailbox.
   *
   * @param mail the address
   * @return this
   */
  public EntraUser mail(@Nullable String mail) {
    this.mail = mail;
    return this;
  }

  /**
   * Sets whether the account is enabled (the default).
   *
   * @param enabled whether the user may sign in
   * @return this
   */
  public EntraUser accountEnabled(boolean enabled) {
    this.accountEnabled = enabled;
    return this;
  }

  /**
   * Sets the job title.
   *
   * @param jobTitle the title
   * @return this
   */
  public EntraUser jobTitle(@Nullable String jobTitle) {
    this.jobTitle = jobTitle;
    return this;
  }

  /**
   * Makes the user a guest ({@code userType} {@code Guest}); members are the default.
   *
   * @return this
   */
  public EntraUser guest() {
    this.userType = "Guest";
    return this;
  }

  /**
   * Sets another property Graph knows for users and may return with {@code $select}, such as {@code
   * department} or {@code employeeId}; null removes it.
   *
   * @param name the property
   * @param value its value: a string, number, boolean or list
   * @return this
   * @throws IllegalArgumentException for a property this class sets with its own method
   */
  public EntraUser property(String name, @Nullable Object value) {
    Objects.requireNonNull(name, "name == null");
    if (Properties.USER_OWN.contains(name)) {
      throw new IllegalArgumentException(name + " has its own method on EntraUser");
    }
    if (!Properties.USER.contains(name)) {
      throw new IllegalArgumentException(
          name + " is not a user property the simulated Graph knows: " + Properties.USER);
    }
    if (value == null) {
      extra.remove(name);
    } else {
      extra.put(name, value);
    }
    return this;
  }

  /**
   * Returns the object id.
   *
   * @return the id, in lower case
   */
  public String id() {
    return id;
  }

  /**
   * Returns the userPrincipalName.
   *
   * @return the sign-in name
   */
  public String userPrincipalName() {
    return userPrincipalName;
  }

  String effectiveDisplayName() {
    if (displayName != null) {
      return displayName;
    }
    if (givenName != null || surname != null) {
      return ((givenName == null ? "" : givenName) + " " + (surname == null ? "" : surname)).trim();
    }
    return userPrincipalName;
  }

  boolean hasUpn(String upn) {
    return userPrincipalName.toLowerCase(Locale.ROOT).equals(upn.toLowerCase(Locale.ROOT));
  }

  /** One property as Graph returns it, without building the others (null when it has none). */
  @Nullable Object value(String name) {
    return switch (name) {
      case "id" -> id;
      case "businessPhones" -> java.util.List.of();
      case "displayName" -> effectiveDisplayName();
      case "givenName" -> givenName;
      case "jobTitle" -> jobTitle;
      case "mail" -> mail;
      case "surname" -> surname;
      case "userPrincipalName" -> userPrincipalName;
      case "accountEnabled" -> accountEnabled;
      case "userType" -> userType;
      case "createdDateTime" -> "2025-01-01T00:00:00Z";
      default -> extra.get(name);
    };
  }

  /** Every property Graph would return with a {@code $select} of all of them. */
  Map<String, Object> fullJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    for (String name : Properties.USER) {
      json.put(name, value(name));
    }
    return json;
  }
}
