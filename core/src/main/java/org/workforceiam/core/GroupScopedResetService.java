package org.workforceiam.core;

import java.util.Set;

/** Refuses any change to a user outside one group before the change reaches the provider. */
final class GroupScopedResetService implements ResetService {
  private final ResetService delegate;
  private final IamDirectory directory;
  private final GroupId group;

  GroupScopedResetService(ResetService delegate, IamDirectory directory, GroupId group) {
    this.delegate = delegate;
    this.directory = directory;
    this.group = group;
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public ResetResult.Password resetPassword(UserId user, PasswordReset request) {
    requireAllowed(user, request.operation(), request.options());
    return delegate.resetPassword(user, request);
  }

  @Override
  public ResetResult.Mfa resetMfa(UserId user, MfaReset request) {
    requireAllowed(user, request.operation(), request.options());
    return delegate.resetMfa(user, request);
  }

  @Override
  public ResetResult.Unlock unlock(UserId user) {
    requireAllowed(user, Operation.UNLOCK, Set.of());
    return delegate.unlock(user);
  }

  @Override
  public ResetResult.Sessions revokeSessions(UserId user, SessionRevocation request) {
    requireAllowed(user, request.operation(), request.options());
    return delegate.revokeSessions(user, request);
  }

  private void requireAllowed(UserId user, Operation operation, Set<OperationOption> options) {
    delegate.capabilities().require(operation, options);
    if (!directory.isMember(user, group)) {
      throw new IamException.PermissionDenied(
          IamException.PermissionDenied.Reason.OUTSIDE_GROUP,
          "user "
              + user
              + " is not a member of group "
              + group
              + ", the only group this client may change; nothing was changed",
          ErrorDetails.none());
    }
  }

  @Override
  public String toString() {
    return "GroupScopedResetService{group=" + group + ", delegate=" + delegate + "}";
  }
}
