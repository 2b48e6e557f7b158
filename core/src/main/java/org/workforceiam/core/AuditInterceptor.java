package org.workforceiam.core;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports every attempt, successful or not, to an {@link AuditListener}, with the actor the change
 * carries ({@link ResetService#withActor(String)}).
 */
final class AuditInterceptor implements ResetService.Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(AuditInterceptor.class);

  private final AuditListener listener;
  private final Clock clock;

  AuditInterceptor(AuditListener listener, Clock clock) {
    this.listener = listener;
    this.clock = clock;
  }

  @Override
  public <T> T intercept(ResetService.Change change, Supplier<T> proceed) {
    T result;
    try {
      result = proceed.get();
    } catch (IamException e) {
      emit(
          change,
          outcomeOf(e),
          Optional.of(e.getClass().getSimpleName()),
          e.errorCode(),
          e.requestId());
      throw e;
    } catch (RuntimeException e) {
      emit(
          change,
          AuditEvent.Outcome.FAILED,
          Optional.of(e.getClass().getSimpleName()),
          Optional.empty(),
          Optional.empty());
      throw e;
    }
    emit(
        change,
        AuditEvent.Outcome.SUCCEEDED,
        Optional.empty(),
        Optional.empty(),
        result instanceof ResetResult r ? r.requestId() : Optional.empty());
    return result;
  }

  private static AuditEvent.Outcome outcomeOf(IamException e) {
    if (e instanceof IamException.OutcomeUnknown) {
      return AuditEvent.Outcome.OUTCOME_UNKNOWN;
    }
    if (e instanceof IamException.PartiallyApplied) {
      // Not FAILED: that says nothing changed.
      return AuditEvent.Outcome.PARTIALLY_APPLIED;
    }
    if (e instanceof IamException.PermissionDenied
        || e instanceof IamException.InvalidState
        || e instanceof IamException.OperationNotSupported) {
      return AuditEvent.Outcome.REFUSED;
    }
    return AuditEvent.Outcome.FAILED;
  }

  private void emit(
      ResetService.Change change,
      AuditEvent.Outcome outcome,
      Optional<String> errorType,
      Optional<String> errorCode,
      Optional<String> requestId) {
    AuditEvent event =
        AuditEvent.of(
            change.user(),
            change.operation(),
            change.options(),
            clock.instant(),
            outcome,
            errorType,
            errorCode,
            requestId);
    if (change.actor().isPresent()) {
      event = event.withActor(change.actor().get());
    }
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
    return "AuditInterceptor{listener=" + listener + "}";
  }
}
