package org.workforceiam.entra;

import org.workforceiam.http.PathTemplate;

/**
 * Every Microsoft Graph and token endpoint this adapter calls. Each request URL is built from one
 * of these and checked against it ({@link PathTemplate#url}) before anything is sent, so an id or a
 * userPrincipalName can never move a request to another endpoint; a next link or a page cursor is
 * followed only if it {@link PathTemplate#matches matches} the listing's template.
 */
final class GraphPaths {
  /** {@code POST}, on the authority: the token endpoint. */
  static final PathTemplate TOKEN = PathTemplate.of("{tenant}/oauth2/v2.0/token");

  /** {@code GET}: a group. */
  static final PathTemplate GROUP = PathTemplate.of("v1.0/groups/{groupId}");

  /** {@code GET}: a page of a group's transitive members that are users (the OData cast). */
  static final PathTemplate GROUP_USERS =
      PathTemplate.of("v1.0/groups/{groupId}/transitiveMembers/microsoft.graph.user");

  /** {@code GET}: users, here with {@code $filter}. */
  static final PathTemplate USERS = PathTemplate.of("v1.0/users");

  /** {@code GET}: a user by object id or userPrincipalName. */
  static final PathTemplate USER = PathTemplate.of("v1.0/users/{idOrUpn}");

  /** {@code GET}: a user's authentication methods. */
  static final PathTemplate USER_METHODS =
      PathTemplate.of("v1.0/users/{userId}/authentication/methods");

  /** {@code POST} (a read): which of the given groups the user is a transitive member of. */
  static final PathTemplate USER_CHECK_MEMBER_GROUPS =
      PathTemplate.of("v1.0/users/{userId}/checkMemberGroups");

  /** {@code PATCH}: a user's properties, here only {@code passwordProfile}. */
  static final PathTemplate USER_UPDATE = PathTemplate.of("v1.0/users/{userId}");

  /** {@code POST}: revokes a user's refresh tokens and session cookies. */
  static final PathTemplate USER_REVOKE_SESSIONS =
      PathTemplate.of("v1.0/users/{userId}/revokeSignInSessions");

  /**
   * {@code DELETE}: one authentication method, through its type's collection ({@code phoneMethods},
   * {@code fido2Methods}, …); {@code POST} to {@code temporaryAccessPassMethods} creates a pass.
   */
  static final PathTemplate USER_METHOD =
      PathTemplate.of("v1.0/users/{userId}/authentication/{collection}/{methodId}");

  /** {@code POST}: a new Temporary Access Pass. */
  static final PathTemplate USER_ACCESS_PASSES =
      PathTemplate.of("v1.0/users/{userId}/authentication/temporaryAccessPassMethods");

  /** {@code GET}: the directory roles a user holds actively at the tenant, also through groups. */
  static final PathTemplate USER_DIRECTORY_ROLES =
      PathTemplate.of("v1.0/users/{userId}/transitiveMemberOf/microsoft.graph.directoryRole");

  /** {@code GET}: the groups a user is a member of, directly or through nested groups. */
  static final PathTemplate USER_GROUPS =
      PathTemplate.of("v1.0/users/{userId}/transitiveMemberOf/microsoft.graph.group");

  /** {@code GET}, with {@code $filter=principalId eq '…'}: a principal's role assignments. */
  static final PathTemplate ROLE_ASSIGNMENTS =
      PathTemplate.of("v1.0/roleManagement/directory/roleAssignments");

  /** {@code GET}, with {@code $filter=principalId eq '…'}: a principal's eligible roles (PIM). */
  static final PathTemplate ROLE_ELIGIBILITY_SCHEDULES =
      PathTemplate.of("v1.0/roleManagement/directory/roleEligibilitySchedules");

  private GraphPaths() {}
}
