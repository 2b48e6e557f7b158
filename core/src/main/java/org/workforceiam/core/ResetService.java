package org.workforceiam.core;

import java.time.Clock;
import java.util.Objects;

/**
 * Changes a user's credentials and sessions at the identity provider on their behalf, after the
 * caller has verified who they are: password resets, MFA resets, unlocks and session revocation.
 *
 * <pre>{@code
 * ResetResult.Password result = resets.resetPassword(user.id(), PasswordReset.link());
 * result.resetLink().ifPresent(link -> showOnceToVerifiedEmployee(link.reveal()));
 * }</pre>
 *
 * <p>Every operation either completes or throws; a refused operation ({@link
 * IamException.PermissionDenied}, {@link IamException.InvalidState}, {@link
 * IamException.OperationNotSupported}) changed nothing. An operation whose outcome cannot be known
 * throws {@link IamException.OutcomeUnknown} and is never repeated by the library.
 *
 * <p>Wrap a provider with {@link #groupScoped(ResetService, IamDirectory, GroupId)} to act only on
 * members of one group, and with {@link #audited(ResetService, AuditListener)} to record every
 * attempt.
 *
 * <p><b>Implementing it.</b> Applications may implement this interface to plug in another provider
 * or a test double; {@code InMemoryIdentityProvider} (in {@code workforce-iam-testing}) is one,
 * ready made. Implementations must be thread-safe, check {@link #capabilities()} before sending any
 * request, and throw only {@link IamException}s for failures of the provider. Methods added in
 * later versions will be {@code default} methods, so an implementation keeps compiling.
 */
public interface ResetService {

  /**
   * Returns the operations and options this provider supports.
   *
   * @return the capabilities
   */
  Capabilities capabilities();

  /**
   * Resets a user's password.
   *
   * @param user the user
   * @param request how to reset it
   * @return what was done, with the reset link or temporary password when one was returned
   * @throws IamException.OperationNotSupported before any request, when the provider lacks the mode
   * @throws IamException.PermissionDenied when the client may not act on this user
   * @throws IamException.InvalidState when the user's status does not allow it
   * @throws IamException.NotFound when the user does not exist
   * @throws IamException.OutcomeUnknown when the result cannot be known
   * @throws IamException for other failures of the provider
   */
  ResetResult.Password resetPassword(UserId user, PasswordReset request);

  /**
   * Resets a user's MFA factors: all of them, or one.
   *
   * @param user the user
   * @param request which factors
   * @return what was done, with the factors removed
   * @throws IamException.OperationNotSupported before any request, when the provider lacks it
   * @throws IamException.PermissionDenied when the client may not act on this user
   * @throws IamException.InvalidState when the user's status does not allow it
   * @throws IamException.NotFound when the user or factor does not exist
   * @throws IamException.OutcomeUnknown when the result cannot be known
   * @throws IamException for other failures of the provider
   */
  ResetResult.Mfa resetMfa(UserId user, MfaReset request);

  /**
   * Unlocks a locked-out user.
   *
   * @param user the user
   * @return what was done
   * @throws IamException.OperationNotSupported before any request, when the provider lacks it
   * @throws IamException.PermissionDenied when the client may not act on this user
   * @throws IamException.InvalidState when the user is not locked out
   * @throws IamException.NotFound when the user does not exist
   * @throws IamException.OutcomeUnknown when the result cannot be known
   * @throws IamException for other failures of the provider
   */
  ResetResult.Unlock unlock(UserId user);

  /**
   * Ends a user's sessions.
   *
   * @param user the user
   * @param request what else to revoke
   * @return what was done
   * @throws IamException.OperationNotSupported before any request, when the provider lacks an
   *     option
   * @throws IamException.PermissionDenied when the client may not act on this user
   * @throws IamException.NotFound when the user does not exist
   * @throws IamException.OutcomeUnknown when the result cannot be known
   * @throws IamException for other failures of the provider
   */
  ResetResult.Sessions revokeSessions(UserId user, SessionRevocation request);

  /**
   * Wraps a reset service so it acts only on members of one group: any operation on a user who is
   * not a member is refused with {@link IamException.PermissionDenied} (reason {@link
   * IamException.PermissionDenied.Reason#OUTSIDE_GROUP}) before it reaches the provider.
   * Unsupported operations are refused even before the membership is checked.
   *
   * @param delegate the service that makes the changes
   * @param directory where membership is checked
   * @param group the only group whose members may be changed
   * @return the guarded service
   */
  static ResetService groupScoped(ResetService delegate, IamDirectory directory, GroupId group) {
    return new GroupScopedResetService(
        Objects.requireNonNull(delegate, "delegate == null"),
        Objects.requireNonNull(directory, "directory == null"),
        Objects.requireNonNull(group, "group == null"));
  }

  /**
   * Wraps a reset service so every attempt, successful or not, is reported to a listener.
   *
   * @param delegate the service that makes the changes
   * @param listener where events go; see {@link AuditListener#logging()}
   * @return the audited service
   */
  static ResetService audited(ResetService delegate, AuditListener listener) {
    return audited(delegate, listener, Clock.systemUTC());
  }

  /**
   * Wraps a reset service so every attempt, successful or not, is reported to a listener, with
   * times from the given clock.
   *
   * @param delegate the service that makes the changes
   * @param listener where events go; see {@link AuditListener#logging()}
   * @param clock the source of event times
   * @return the audited service
   */
  static ResetService audited(ResetService delegate, AuditListener listener, Clock clock) {
    return new AuditingResetService(
        Objects.requireNonNull(delegate, "delegate == null"),
        Objects.requireNonNull(listener, "listener == null"),
        Objects.requireNonNull(clock, "clock == null"));
  }
}
