package org.workforceiam.okta;

import java.util.Objects;
import org.workforceiam.core.Capabilities;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;

/**
 * Checks the Okta ids of every change before the group guard's membership check, so a malformed
 * user or factor id is refused with {@link IllegalArgumentException} before any request at all (the
 * guard would otherwise ask Okta about the user first). {@link OktaResets} and {@link
 * OktaDirectory} check again where they build each URL; this layer only makes the refusal come
 * first.
 */
final class IdCheckingResets implements ResetService {
  private final ResetService delegate;

  IdCheckingResets(ResetService delegate) {
    this.delegate = delegate;
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public ResetResult.Password resetPassword(UserId user, PasswordReset request) {
    return delegate.resetPassword(OktaIds.requireUser(user), request);
  }

  @Override
  public ResetResult.Mfa resetMfa(UserId user, MfaReset request) {
    OktaIds.requireUser(user);
    Objects.requireNonNull(request, "request == null").factor().ifPresent(OktaIds::requireFactor);
    return delegate.resetMfa(user, request);
  }

  @Override
  public ResetResult.Unlock unlock(UserId user) {
    return delegate.unlock(OktaIds.requireUser(user));
  }

  @Override
  public ResetResult.Sessions revokeSessions(UserId user, SessionRevocation request) {
    return delegate.revokeSessions(OktaIds.requireUser(user), request);
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
