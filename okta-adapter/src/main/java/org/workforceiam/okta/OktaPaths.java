package org.workforceiam.okta;

import org.workforceiam.http.PathTemplate;

/**
 * Every Okta endpoint whose path holds a caller's value. Each request URL is built from one of
 * these and checked against it ({@link PathTemplate#url}) before anything is sent, so an id or a
 * login can never move a request to another endpoint.
 */
final class OktaPaths {
  /** {@code GET}: a group. */
  static final PathTemplate GROUP = PathTemplate.of("api/v1/groups/{groupId}");

  /** {@code GET}: a page of a group's members. */
  static final PathTemplate GROUP_USERS = PathTemplate.of("api/v1/groups/{groupId}/users");

  /** {@code GET}: a user by id or login. */
  static final PathTemplate USER = PathTemplate.of("api/v1/users/{idOrLogin}");

  /** {@code GET}: a user's groups. */
  static final PathTemplate USER_GROUPS = PathTemplate.of("api/v1/users/{userId}/groups");

  /** {@code GET}: a user's factors. */
  static final PathTemplate USER_FACTORS = PathTemplate.of("api/v1/users/{userId}/factors");

  /** {@code DELETE}: one of a user's factors. */
  static final PathTemplate USER_FACTOR =
      PathTemplate.of("api/v1/users/{userId}/factors/{factorId}");

  /** {@code DELETE}: a user's sessions. */
  static final PathTemplate USER_SESSIONS = PathTemplate.of("api/v1/users/{userId}/sessions");

  /** {@code POST}: a lifecycle or credential operation such as {@code reset_password}. */
  static final PathTemplate USER_LIFECYCLE =
      PathTemplate.of("api/v1/users/{userId}/lifecycle/{operation}");

  private OktaPaths() {}
}
