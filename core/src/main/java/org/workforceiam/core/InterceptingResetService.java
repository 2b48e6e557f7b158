package org.workforceiam.core;

import java.util.Optional;
import java.util.Set;

/**
 * The one dispatch point of a reset service decorator: every change of {@link ResetService} is
 * turned into a {@link ResetService.Change} and passed to one {@link ResetService.Interceptor},
 * which decides whether and how the delegate is called.
 *
 * <p>It fails closed: it overrides every method of {@link ResetService}, including {@code default}
 * ones, so a method added to the interface later cannot reach the delegate without passing the
 * interceptor. {@code InterceptingResetServiceTest} proves that no method of the interface is left
 * to its default; a new method must be added here, through {@link #dispatch}, before the build
 * passes.
 */
final class InterceptingResetService implements ResetService {
  private final ResetService delegate;
  private final ResetService.Interceptor interceptor;
  private final Optional<String> actor;

  InterceptingResetService(ResetService delegate, ResetService.Interceptor interceptor) {
    this(delegate, interceptor, Optional.empty());
  }

  private InterceptingResetService(
      ResetService delegate, ResetService.Interceptor interceptor, Optional<String> actor) {
    this.delegate = delegate;
    this.interceptor = interceptor;
    this.actor = actor;
  }

  /**
   * A new view with the actor, over the delegate's own view: the actor reaches every interceptor of
   * the chain, each through the {@link ResetService.Change} it sees. Nothing is shared or mutated,
   * so views for different actors may be used from any number of threads at once.
   */
  @Override
  public ResetService withActor(String actor) {
    String checked = Actors.check(actor);
    return new InterceptingResetService(
        delegate.withActor(checked), interceptor, Optional.of(checked));
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public ResetResult.Password resetPassword(UserId user, PasswordReset request) {
    return dispatch(
        user,
        request.operation(),
        request.options(),
        Optional.empty(),
        () -> delegate.resetPassword(user, request));
  }

  @Override
  public ResetResult.Mfa resetMfa(UserId user, MfaReset request) {
    return dispatch(
        user,
        request.operation(),
        request.options(),
        request.factor(),
        () -> delegate.resetMfa(user, request));
  }

  @Override
  public ResetResult.Unlock unlock(UserId user) {
    return dispatch(
        user, Operation.UNLOCK, Set.of(), Optional.empty(), () -> delegate.unlock(user));
  }

  @Override
  public ResetResult.Sessions revokeSessions(UserId user, SessionRevocation request) {
    return dispatch(
        user,
        request.operation(),
        request.options(),
        Optional.empty(),
        () -> delegate.revokeSessions(user, request));
  }

  @Override
  public ResetResult.AccessPass issueTemporaryAccessPass(UserId user, TemporaryAccessPass request) {
    return dispatch(
        user,
        request.operation(),
        request.options(),
        Optional.empty(),
        () -> delegate.issueTemporaryAccessPass(user, request));
  }

  private <R extends ResetResult> R dispatch(
      UserId user,
      Operation operation,
      Set<OperationOption> options,
      Optional<FactorId> factor,
      java.util.function.Supplier<R> proceed) {
    ResetService.Change change =
        ResetService.Change.of(user, operation, options, delegate.capabilities());
    change = factor.map(change::withFactor).orElse(change);
    return interceptor.intercept(actor.map(change::withActor).orElse(change), proceed);
  }

  @Override
  public String toString() {
    return "InterceptingResetService{interceptor="
        + interceptor
        + actor.map(a -> ", actor=" + a).orElse("")
        + ", delegate="
        + delegate
        + "}";
  }
}
