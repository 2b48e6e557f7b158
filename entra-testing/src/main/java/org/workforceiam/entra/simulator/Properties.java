package org.workforceiam.entra.simulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The properties the simulated Graph knows for each type, for {@code $select}. */
final class Properties {
  private Properties() {}

  /**
   * What Graph v1.0 returns for a user without {@code $select} ("List users": "only a default
   * subset of properties are returned"); {@code accountEnabled} is not among them.
   */
  static final List<String> USER_DEFAULT =
      List.of(
          "businessPhones",
          "displayName",
          "givenName",
          "jobTitle",
          "mail",
          "mobilePhone",
          "officeLocation",
          "preferredLanguage",
          "surname",
          "userPrincipalName",
          "id");

  /** The user properties EntraUser sets with its own methods. */
  static final Set<String> USER_OWN =
      Set.of(
          "id",
          "userPrincipalName",
          "givenName",
          "surname",
          "displayName",
          "mail",
          "accountEnabled",
          "jobTitle",
          "userType",
          "createdDateTime");

  /** Every user property the simulated Graph knows; others are refused in {@code $select}. */
  static final Set<String> USER =
      ordered(
          USER_DEFAULT,
          List.of(
              "accountEnabled",
              "userType",
              "createdDateTime",
              "department",
              "companyName",
              "employeeId",
              "employeeType",
              "mailNickname",
              "otherMails",
              "proxyAddresses",
              "usageLocation",
              "onPremisesSyncEnabled",
              "onPremisesImmutableId",
              "passwordPolicies",
              "city",
              "country",
              "state",
              "streetAddress",
              "postalCode",
              "faxNumber",
              "externalUserState",
              "creationType"));

  static final Set<String> GROUP =
      ordered(
          List.of(
              "id",
              "displayName",
              "description",
              "mail",
              "mailEnabled",
              "mailNickname",
              "securityEnabled",
              "isAssignableToRole",
              "groupTypes",
              "visibility",
              "createdDateTime"));

  static final Set<String> DEVICE =
      ordered(
          List.of(
              "id",
              "displayName",
              "deviceId",
              "accountEnabled",
              "operatingSystem",
              "operatingSystemVersion",
              "trustType"));

  static final Set<String> CONTACT =
      ordered(List.of("id", "displayName", "givenName", "surname", "mail", "companyName"));

  static final Set<String> SERVICE_PRINCIPAL =
      ordered(
          List.of(
              "id",
              "displayName",
              "appId",
              "accountEnabled",
              "servicePrincipalType",
              "appDisplayName"));

  static final Set<String> DIRECTORY_ROLE =
      ordered(List.of("id", "displayName", "description", "roleTemplateId"));

  static final Set<String> ROLE_ASSIGNMENT =
      ordered(List.of("id", "principalId", "directoryScopeId", "roleDefinitionId"));

  static final Set<String> ROLE_ELIGIBILITY =
      ordered(
          List.of(
              "id",
              "principalId",
              "roleDefinitionId",
              "directoryScopeId",
              "appScopeId",
              "createdUsing",
              "createdDateTime",
              "modifiedDateTime",
              "status",
              "memberType",
              "scheduleInfo"));

  /** What a directoryObject collection may {@code $select}: the union of its members' types. */
  static final Set<String> DIRECTORY_OBJECT =
      ordered(
          List.copyOf(USER),
          List.copyOf(GROUP),
          List.copyOf(DEVICE),
          List.copyOf(CONTACT),
          List.copyOf(SERVICE_PRINCIPAL),
          List.copyOf(DIRECTORY_ROLE));

  @SafeVarargs
  private static Set<String> ordered(List<String>... lists) {
    Set<String> set = new LinkedHashSet<>();
    for (List<String> list : lists) {
      set.addAll(list);
    }
    return java.util.Collections.unmodifiableSet(set);
  }
}
