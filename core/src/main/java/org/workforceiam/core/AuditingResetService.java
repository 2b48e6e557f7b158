package org.workforceiam.core;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports every attempt, successful or not, to an {@link AuditListener}. */
final class AuditingResetService implements ResetService {
  private static final Logger LOG = LoggerFactory.getLogger(AuditingResetService.class);

  private final ResetService delegate;
  private final AuditListener listener;
  private final Clock clock;

  AuditingResetService(ResetService delegate, AuditListener listener, Clock clock) {
    this.delegate = delegate;
    this.listener = listener;
    this.clock = clock;
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public ResetResult.Password resetPassword(UserId user, PasswordReset request) {
    return audit(
        user, request.operation(), request.options(), () -> delegate.resetPassword(user, request));
  }

  @Override
  public ResetResult.Mfa resetMfa(UserId user, MfaReset request) {
    return audit(
        user, request.operation(), request.options(), () -> delegate.resetMfa(user, request));
  }

  @Override
  public ResetResult.Unlock unlock(UserId user) {
    return audit(user, Operation.UNLOCK, Set.of(), () -> delegate.unlock(user));
  }

  @Override
  public ResetResult.Sessions revokeSessions(UserId user, SessionRevocation request) {
    return audit(
        user, request.operation(), request.options(), () -> delegate.revokeSessions(user, request));
  }

  private <R extends ResetResult> R audit(
      UserId user, Operation operation, Set<OperationOption> options, Supplier<R> attempt) {
    R result;
    try {
      result = attempt.get();
    } catch (IamException e) {
      emit(
          AuditEvent.of(
              user,
              operation,
              options,
              clock.instant(),
              outcomeOf(e),
              Optional.of(e.getClass().getSimpleName()),
              e.errorCode(),
              e.requestId()));
      throw e;
    } catch (RuntimeException e) {
      emit(
          AuditEvent.of(
              user,
              operation,
              options,
              clock.instant(),
              AuditEvent.Outcome.FAILED,
              Optional.of(e.getClass().getSimpleName()),
              Optional.empty(),
              Optional.empty()));
      throw e;
    }
    emit(
        AuditEvent.of(
            user,
            operation,
            options,
            clock.instant(),
            AuditEvent.Outcome.SUCCEEDED,
            Optional.empty(),
            Optional.empty(),
            result.requestId()));
    return result;
  }

  private static AuditEvent.Outcome outcomeOf(IamException e) {
    if (e instanceof IamException.OutcomeUnknown) {
      return AuditEvent.Outcome.OUTCOME_UNKNOWN;
    }
    if (e instanceof IamException.PermissionDenied
        || e instanceof IamException.InvalidState
        || e instanceof IamException.OperationNotSupported) {
      return AuditEvent.Outcome.REFUSED;
    }
    return AuditEvent.Outcome.FAILED;
  }

  private void emit(AuditEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn(
          "audit listener {} failed on an event for user {} ({}); the operation's outcome stands",
          listener,
          event.user(),
          event.operation(),
          e);
    }
  }

  @Override
  public String toString() {
    return "AuditingResetService{listener=" + listener + ", delegate=" + delegate + "}";
  }
}
