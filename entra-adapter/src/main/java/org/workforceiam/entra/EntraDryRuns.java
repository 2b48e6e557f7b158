package org.workforceiam.entra;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.TemporaryAccessPass;
import org.workforceiam.core.UserId;

/**
 * Works out what each change of {@link EntraClient#resets} would do, changing nothing. Each plan
 * passes the same interceptors as the change, in the same order ({@link EntraPreflight}, the group
 * guard, {@link PrivilegedUserGuard}), so it refuses what the change would refuse with the same
 * exception; then the requests that would change something are returned (for an MFA reset, the
 * user's methods are read to plan the deletes). {@link DryRun#available()} is always empty: Graph
 * says nothing ahead of a change. Nothing is audited. Thread-safe.
 */
final class EntraDryRuns implements DryRuns {
  private final EntraResets resets;
  private final List<ResetService.Interceptor> interceptors;

  /**
   * Creates the planner.
   *
   * @param resets the service whose requests are planned
   * @param interceptors the checks of the change, outermost first
   */
  EntraDryRuns(EntraResets resets, List<ResetService.Interceptor> interceptors) {
    this.resets = resets;
    this.interceptors = List.copyOf(interceptors);
  }

  @Override
  public DryRun resetPassword(UserId user, PasswordReset request) {
    Objects.requireNonNull(request, "request == null");
    return plan(
        user,
        request.operation(),
        request.options(),
        Optional.empty(),
        () -> resets.plan(user, request));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The deletes are in the order the reset tries them first; a method Graph refuses for now (the
   * default method, a mobile phone beside an alternate one) is tried again after the others, so the
   * reset may send more requests than planned. Methods of a type this version cannot delete are not
   * planned (the reset leaves them); the requests are empty for a user without methods.
   */
  @Override
  public DryRun resetMfa(UserId user, MfaReset request) {
    Objects.requireNonNull(request, "request == null");
    return plan(
        user,
        request.operation(),
        request.options(),
        request.factor(),
        () -> resets.plan(user, request));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Graph has no unlock: always {@link
   * org.workforceiam.core.IamException.OperationNotSupported}, before any request.
   */
  @Override
  public DryRun unlock(UserId user) {
    return plan(
        user,
        Operation.UNLOCK,
        Set.of(),
        Optional.empty(),
        () -> {
          throw new IllegalStateException("unreachable: UNLOCK is refused first");
        });
  }

  @Override
  public DryRun revokeSessions(UserId user, SessionRevocation request) {
    Objects.requireNonNull(request, "request == null");
    return plan(
        user,
        request.operation(),
        request.options(),
        Optional.empty(),
        () -> resets.planRevocation(user));
  }

  @Override
  public DryRun issueTemporaryAccessPass(UserId user, TemporaryAccessPass request) {
    Objects.requireNonNull(request, "request == null");
    return plan(
        user,
        request.operation(),
        request.options(),
        Optional.empty(),
        () -> resets.planAccessPass(user));
  }

  private DryRun plan(
      UserId user,
      Operation operation,
      Set<OperationOption> options,
      Optional<FactorId> factor,
      Supplier<List<EntraResets.PlannedRequest>> planner) {
    Objects.requireNonNull(user, "user == null");
    ResetService.Change change =
        ResetService.Change.of(user, operation, options, resets.capabilities());
    ResetService.Change planned = factor.map(change::withFactor).orElse(change);
    Supplier<DryRun> step =
        () ->
            DryRun.of(
                user,
                operation,
                options,
                planner.get().stream()
                    .map(
                        r ->
                            DryRun.Request.of(
                                r.method(),
                                r.url().encodedPath()
                                    + (r.url().encodedQuery() == null
                                        ? ""
                                        : "?" + r.url().encodedQuery())))
                    .toList(),
                Optional.empty());
    for (int i = interceptors.size() - 1; i >= 0; i--) {
      ResetService.Interceptor interceptor = interceptors.get(i);
      Supplier<DryRun> inner = step;
      step = () -> interceptor.intercept(planned, inner);
    }
    return step.get();
  }

  @Override
  public String toString() {
    return "EntraDryRuns{interceptors=" + interceptors + "}";
  }
}
