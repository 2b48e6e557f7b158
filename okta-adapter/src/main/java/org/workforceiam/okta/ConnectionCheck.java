package org.workforceiam.okta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;

/**
 * What {@link OktaClient#check(GroupId)} found: whether the app can get a token, with which scopes,
 * and whether it can read its group and finds members in it.
 */
public final class ConnectionCheck {
  private final String orgUrl;
  private final Optional<String> tokenType;
  private final List<String> scopesRequested;
  private final List<String> scopesGranted;
  private final Optional<GroupId> group;
  private final boolean groupReadable;
  private final OptionalInt firstPageCount;
  private final List<IamException> problems;

  private ConnectionCheck(
      String orgUrl,
      Optional<String> tokenType,
      List<String> scopesRequested,
      List<String> scopesGranted,
      Optional<GroupId> group,
      boolean groupReadable,
      OptionalInt firstPageCount,
      List<IamException> problems) {
    Objects.requireNonNull(orgUrl, "orgUrl == null");
    Objects.requireNonNull(tokenType, "tokenType == null");
    scopesRequested = List.copyOf(scopesRequested);
    scopesGranted = List.copyOf(scopesGranted);
    Objects.requireNonNull(group, "group == null");
    Objects.requireNonNull(firstPageCount, "firstPageCount == null");
    problems = List.copyOf(problems);
    this.orgUrl = orgUrl;
    this.tokenType = tokenType;
    this.scopesRequested = scopesRequested;
    this.scopesGranted = scopesGranted;
    this.group = group;
    this.groupReadable = groupReadable;
    this.firstPageCount = firstPageCount;
    this.problems = problems;
  }

  /**
   * Creates the value; for providers and tests (callers receive it).
   *
   * @param orgUrl the org URL
   * @param tokenType {@code DPoP} or {@code Bearer}, when a token was issued
   * @param scopesRequested the scopes the client asks for
   * @param scopesGranted the scopes Okta granted
   * @param group the configured group, if any
   * @param groupReadable whether the group could be read
   * @param firstPageCount how many members the first page held, when it could be read
   * @param problems what went wrong, in the order found; empty when all is well
   * @return the value
   */
  public static ConnectionCheck of(
      String orgUrl,
      Optional<String> tokenType,
      List<String> scopesRequested,
      List<String> scopesGranted,
      Optional<GroupId> group,
      boolean groupReadable,
      OptionalInt firstPageCount,
      List<IamException> problems) {
    return new ConnectionCheck(
        orgUrl,
        tokenType,
        scopesRequested,
        scopesGranted,
        group,
        groupReadable,
        firstPageCount,
        problems);
  }

  /** {@return the org URL} */
  public String orgUrl() {
    return orgUrl;
  }

  /** {@return {@code DPoP} or {@code Bearer}, when a token was issued} */
  public Optional<String> tokenType() {
    return tokenType;
  }

  /** {@return the scopes the client asks for} */
  public List<String> scopesRequested() {
    return scopesRequested;
  }

  /** {@return the scopes Okta granted} */
  public List<String> scopesGranted() {
    return scopesGranted;
  }

  /** {@return the configured group, if any} */
  public Optional<GroupId> group() {
    return group;
  }

  /** {@return whether the group could be read} */
  public boolean groupReadable() {
    return groupReadable;
  }

  /** {@return how many members the first page held, when it could be read} */
  public OptionalInt firstPageCount() {
    return firstPageCount;
  }

  /** {@return what went wrong, in the order found; empty when all is well} */
  public List<IamException> problems() {
    return problems;
  }

  /**
   * Returns whether everything worked.
   *
   * @return {@code true} when there are no problems
   */
  public boolean ok() {
    return problems.isEmpty();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof ConnectionCheck that)) {
      return false;
    }
    return orgUrl.equals(that.orgUrl)
        && tokenType.equals(that.tokenType)
        && scopesRequested.equals(that.scopesRequested)
        && scopesGranted.equals(that.scopesGranted)
        && group.equals(that.group)
        && groupReadable == that.groupReadable
        && firstPageCount.equals(that.firstPageCount)
        && problems.equals(that.problems);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        orgUrl,
        tokenType,
        scopesRequested,
        scopesGranted,
        group,
        groupReadable,
        firstPageCount,
        problems);
  }

  @Override
  public String toString() {
    return "ConnectionCheck["
        + "orgUrl="
        + orgUrl
        + ", "
        + "tokenType="
        + tokenType
        + ", "
        + "scopesRequested="
        + scopesRequested
        + ", "
        + "scopesGranted="
        + scopesGranted
        + ", "
        + "group="
        + group
        + ", "
        + "groupReadable="
        + groupReadable
        + ", "
        + "firstPageCount="
        + firstPageCount
        + ", "
        + "problems="
        + problems
        + "]";
  }
}
