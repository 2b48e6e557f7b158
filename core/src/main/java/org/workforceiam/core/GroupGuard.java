package org.workforceiam.core;

import java.util.function.Supplier;

/**
 * Refuses any change to a user outside one group, and any operation or option the provider does not
 * support, before the change reaches the provider.
 */
final class GroupGuard implements ResetService.Interceptor {
  private final IamDirectory directory;
  private final GroupId group;

  GroupGuard(IamDirectory directory, GroupId group) {
    this.directory = directory;
    this.group = group;
  }

  @Override
  public <T> T intercept(ResetService.Change change, Supplier<T> proceed) {
    change.capabilities().require(change.operation(), change.options());
    if (!directory.isMember(change.user(), group)) {
      throw new IamException.PermissionDenied(
          IamException.PermissionDenied.Reason.OUTSIDE_GROUP,
          "user "
              + change.user()
              + " is not a member of group "
              + group
              + ", the only group this client may change; nothing was changed",
          ErrorDetails.none());
    }
    return proceed.get();
  }

  @Override
  public String toString() {
    return "GroupGuard{group=" + group + "}";
  }
}
