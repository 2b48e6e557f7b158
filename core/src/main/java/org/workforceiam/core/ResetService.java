package org.workforceiam.core;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Changes a user's credentials and sessions at the identity provider on their behalf, after the
 * caller has verified who they are: password resets, MFA resets, unlocks, session revocation and
 * Temporary Access Passes. Which of them a provider offers, and with which options, its {@link
 * #capabilities()} say.
 *
 * <pre>{@code
 * ResetResult.Password result = resets.resetPassword(user.id(), PasswordReset.link());
 * result.resetLink().ifPresent(link -> showOnceToVerifiedEmployee(link.reveal()));
 * }</pre>
 *
 * <p>Every operation either completes or throws; a refused operation ({@link
 * IamException.PermissionDenied}, {@link IamException.InvalidState}, {@link
 * IamException.OperationNotSupported}) changed nothing. An operation whose outcome cannot be known
 * throws {@link IamException.OutcomeUnknown} and is never repeated by the library; one made of
 * several requests that failed midway throws {@link IamException.PartiallyApplied}, naming what was
 * done and what was not.
 *
 * <p>Wrap a provider with {@link #groupScoped(ResetService, IamDirectory, GroupId)} to act only on
 * members of one group, and with {@link #audited(ResetService, AuditListener)} to record every
 * attempt. Both are built on {@link #intercepted(ResetService, Interceptor)}, the one point every
 * change passes through: write your own decorators on it, so none can be bypassed.
 *
 * <p><b>Implementing it.</b> Applications may implement this interface to plug in another provider
 * or a test double; {@code InMemoryIdentityProvider} (in {@code workforce-iam-testing}) is one,
 * ready made. Implementations must be thread-safe, check {@link #capabilities()} before sending any
 * request (refusing an unsupported operation or option with {@link
 * IamException.OperationNotSupported}, themselves, not only behind a guard), and throw only {@link
 * IamException}s for failures of the provider. Methods added in later versions will be {@code
 * default} methods that refuse with {@link IamException.OperationNotSupported}, so an
 * implementation keeps compiling and keeps its promises.
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
   * Issues a Temporary Access Pass, with which a user without a usable MFA method signs in and
   * enrols again: after {@link #resetMfa}, say. The provider allows one pass per user at a time; a
   * new one replaces the last.
   *
   * <p>The default implementation refuses with {@link IamException.OperationNotSupported}, sending
   * nothing: a provider that has Temporary Access Passes (Microsoft Entra ID) overrides it and
   * declares {@link Operation#ISSUE_TEMPORARY_ACCESS_PASS} in its {@link #capabilities()}; Okta has
   * none.
   *
   * @param user the user
   * @param request the pass's lifetime and whether it is usable once
   * @return the pass, shown once, and how the provider set it
   * @throws IamException.OperationNotSupported before any request, when the provider lacks it
   * @throws IamException.PermissionDenied when the client may not act on this user
   * @throws IamException.InvalidState when the user's status or the provider's policy does not
   *     allow it
   * @throws IamException.NotFound when the user does not exist
   * @throws IamException.OutcomeUnknown when the result cannot be known
   * @throws IamException for other failures of the provider
   */
  default ResetResult.AccessPass issueTemporaryAccessPass(
      UserId user, TemporaryAccessPass request) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(request, "request == null");
    throw new IamException.OperationNotSupported(
        "this provider does not support "
            + Operation.ISSUE_TEMPORARY_ACCESS_PASS
            + "; it supports "
            + capabilities().operations().keySet()
            + "; nothing was sent",
        ErrorDetails.none());
  }

  /**
   * Returns a view of this service whose changes are attributed to an actor: who asked for them,
   * such as the helpdesk agent signed in to your application. Every {@link AuditEvent} of a change
   * made through the view carries the actor ({@link AuditEvent#actor()}), as does every {@link
   * Change} an interceptor sees; the provider's own log names only the client.
   *
   * <pre>{@code
   * ResetService resets = client.resets(employees); // one for the application
   * resets.withActor(agent.login()).resetPassword(user.id(), PasswordReset.link()); // per request
   * }</pre>
   *
   * <p>The view is a new immutable object: this service is unchanged, and any number of threads may
   * use their own views (one per agent or per request) at once. The actor travels with the view
   * through every decorator built by {@link #intercepted}, so a service from {@link #audited}
   * records it however deeply it is wrapped.
   *
   * <p>The default implementation checks the actor and returns this service unchanged: a service
   * that is not decorated has nowhere to record it. Implementations normally keep the default.
   *
   * @param actor who asks: not blank, at most 200 characters, no control characters
   * @return a view of this service acting for {@code actor}
   * @throws IllegalArgumentException when the actor is blank, too long or holds a control character
   *     (it is written to logs)
   */
  default ResetService withActor(String actor) {
    Actors.check(actor);
    return this;
  }

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
    return intercepted(delegate, groupGuard(directory, group));
  }

  /**
   * Returns the check {@link #groupScoped} makes before every change, as an interceptor of its own:
   * the operation and its options must be supported, and the user must be a member of the group. A
   * dry run passes its plan through it, so it refuses exactly what the change would refuse.
   *
   * @param directory where membership is checked
   * @param group the only group whose members may be changed
   * @return the guard
   */
  static Interceptor groupGuard(IamDirectory directory, GroupId group) {
    return new GroupGuard(
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
    return intercepted(
        delegate,
        new AuditInterceptor(
            Objects.requireNonNull(listener, "listener == null"),
            Objects.requireNonNull(clock, "clock == null")));
  }

  /**
   * Wraps a reset service so every change passes through one interceptor, which may refuse it,
   * observe it, or let it proceed. This is how {@link #groupScoped} and {@link #audited} are built,
   * and the way to write your own decorator: every method of this interface, including those added
   * in later versions, reaches the interceptor, so a decorator built this way is never bypassed.
   *
   * @param delegate the service that makes the changes
   * @param interceptor sees every change before the delegate does
   * @return the decorated service
   */
  static ResetService intercepted(ResetService delegate, Interceptor interceptor) {
    return new InterceptingResetService(
        Objects.requireNonNull(delegate, "delegate == null"),
        Objects.requireNonNull(interceptor, "interceptor == null"));
  }

  /**
   * Sees every change made through a service built by {@link #intercepted}: it may refuse it (throw
   * an {@link IamException}), observe it, or call {@code proceed} to let the next step make it.
   */
  @FunctionalInterface
  interface Interceptor {
    /**
     * Handles one change.
     *
     * @param change what is about to be changed, and what the provider supports
     * @param proceed makes the change (or, in a dry run, plans it) and returns its result
     * @param <T> the type of result
     * @return the result of {@code proceed}, or another of the same type
     */
    <T> T intercept(Change change, Supplier<T> proceed);
  }

  /**
   * One change about to be made: on whom, what, with which options, what the provider supports, and
   * who asked for it when the caller said so.
   */
  final class Change {
    private final UserId user;
    private final Operation operation;
    private final Set<OperationOption> options;
    private final Optional<FactorId> factor;
    private final Capabilities capabilities;
    private final Optional<String> actor;

    private Change(
        UserId user,
        Operation operation,
        Set<OperationOption> options,
        Optional<FactorId> factor,
        Capabilities capabilities,
        Optional<String> actor) {
      this.user = Objects.requireNonNull(user, "user == null");
      this.operation = Objects.requireNonNull(operation, "operation == null");
      this.options = OperationOption.sortedCopy(Objects.requireNonNull(options, "options == null"));
      this.factor = Objects.requireNonNull(factor, "factor == null");
      this.capabilities = Objects.requireNonNull(capabilities, "capabilities == null");
      this.actor = actor;
    }

    /**
     * Describes a change.
     *
     * @param user the target user
     * @param operation the operation
     * @param options its options
     * @param capabilities what the provider that would make it supports
     * @return the change, without an actor; see {@link #withActor(String)}
     */
    public static Change of(
        UserId user, Operation operation, Set<OperationOption> options, Capabilities capabilities) {
      return new Change(user, operation, options, Optional.empty(), capabilities, Optional.empty());
    }

    /**
     * Returns this change aimed at one factor, as {@link MfaReset#factor(FactorId)} is.
     *
     * @param factor the factor to remove
     * @return the change with its factor
     */
    public Change withFactor(FactorId factor) {
      return new Change(
          user,
          operation,
          options,
          Optional.of(Objects.requireNonNull(factor, "factor == null")),
          capabilities,
          actor);
    }

    /**
     * Returns this change attributed to who asked for it.
     *
     * @param actor who asked; see {@link ResetService#withActor(String)}
     * @return a copy of this change with the actor
     * @throws IllegalArgumentException when the actor is blank, too long or holds a control
     *     character
     */
    public Change withActor(String actor) {
      return new Change(
          user, operation, options, factor, capabilities, Optional.of(Actors.check(actor)));
    }

    /** {@return who asked for the change, when the caller said so through {@link #withActor}} */
    public Optional<String> actor() {
      return actor;
    }

    /** {@return the target user} */
    public UserId user() {
      return user;
    }

    /** {@return the operation} */
    public Operation operation() {
      return operation;
    }

    /** {@return the options asked for} */
    public Set<OperationOption> options() {
      return options;
    }

    /** {@return the one factor an MFA reset removes; empty for every other change} */
    public Optional<FactorId> factor() {
      return factor;
    }

    /** {@return what the provider that would make the change supports} */
    public Capabilities capabilities() {
      return capabilities;
    }

    @Override
    public String toString() {
      return "Change[user="
          + user
          + ", operation="
          + operation
          + ", options="
          + options
          + factor.map(f -> ", factor=" + f).orElse("")
          + actor.map(a -> ", actor=" + a).orElse("")
          + "]";
    }
  }
}
