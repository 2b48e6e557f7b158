package org.workforceiam.okta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;

/**
 * What {@link OktaClient#check()} found: whether the app can get a token, with which scopes, and
 * whether it can read its group.
 *
 * @param orgUrl the org URL
 * @param tokenType {@code DPoP} or {@code Bearer}, when a token was issued
 * @param scopesRequested the scopes the client asks for
 * @param scopesGranted the scopes Okta granted
 * @param group the configured group, if any
 * @param groupReadable whether the group could be read
 * @param firstPageCount how many members the first page held, when it could be read
 * @param problems what went wrong, in the order found; empty when all is well
 */
public record ConnectionCheck(
    String orgUrl,
    Optional<String> tokenType,
    List<String> scopesRequested,
    List<String> scopesGranted,
    Optional<GroupId> group,
    boolean groupReadable,
    OptionalInt firstPageCount,
    List<IamException> problems) {

  /**
   * Validates the values.
   *
   * @param orgUrl the org URL
   * @param tokenType {@code DPoP} or {@code Bearer}, when a token was issued
   * @param scopesRequested the scopes the client asks for
   * @param scopesGranted the scopes Okta granted
   * @param group the configured group, if any
   * @param groupReadable whether the group could be read
   * @param firstPageCount how many members the first page held, when it could be read
   * @param problems what went wrong, in the order found; empty when all is well
   */
  public ConnectionCheck {
    Objects.requireNonNull(orgUrl, "orgUrl == null");
    Objects.requireNonNull(tokenType, "tokenType == null");
    scopesRequested = List.copyOf(scopesRequested);
    scopesGranted = List.copyOf(scopesGranted);
    Objects.requireNonNull(group, "group == null");
    Objects.requireNonNull(firstPageCount, "firstPageCount == null");
    problems = List.copyOf(problems);
  }

  /**
   * Returns whether everything worked.
   *
   * @return {@code true} when there are no problems
   */
  public boolean ok() {
    return problems.isEmpty();
  }
}
