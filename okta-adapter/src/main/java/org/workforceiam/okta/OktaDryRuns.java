package org.workforceiam.okta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * Works out what each change of {@link OktaClient#resets} would do, changing nothing. Each plan
 * passes the same guard the change would ({@link ResetService#groupGuard}: capability, then
 * membership), so a dry run refuses exactly what the change would refuse, with the same exception;
 * then Okta is asked whether it currently offers the operation for the user (the links on the
 * user), and the exact requests the change would send are returned. Nothing is audited: nothing is
 * changed. A user or factor id that is not in Okta's form is refused with {@link
 * IllegalArgumentException} before any request, as by the change itself.
 *
 * <p>Thread-safe. Obtained from {@link OktaClient#dryRuns}.
 */
final class OktaDryRuns implements DryRuns {
  private final OktaResets resets;
  private final OktaDirectory directory;
  private final ResetService.Interceptor guard;

  OktaDryRuns(OktaResets resets, OktaDirectory directory, ResetService.Interceptor guard) {
    this.resets = resets;
    this.directory = directory;
    this.guard = guard;
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

  @Override
  public DryRun unlock(UserId user) {
    return plan(user, Operation.UNLOCK, Set.of(), Optional.empty(), () -> resets.planUnlock(user));
  }

  @Override
  public DryRun revokeSessions(UserId user, SessionRevocation request) {
    Objects.requireNonNull(request, "request == null");
    return plan(
        user,
        request.operation(),
        request.options(),
        Optional.empty(),
        () -> resets.plan(user, request));
  }

  @Override
  public DryRun issueTemporaryAccessPass(UserId user, TemporaryAccessPass request) {
    Objects.requireNonNull(request, "request == null");
    return plan(
        user,
        request.operation(),
        request.options(),
        Optional.empty(),
        () -> {
          throw new IllegalStateException(
              "Okta has no Temporary Access Pass; the capability check refuses it first");
        });
  }

  private interface Planner {
    List<OktaResets.PlannedRequest> plan();
  }

  private DryRun plan(
      UserId user,
      Operation operation,
      Set<OperationOption> options,
      Optional<FactorId> factor,
      Planner planner) {
    Objects.requireNonNull(user, "user == null");
    ResetService.Change change =
        ResetService.Change.of(user, operation, options, resets.capabilities());
    ResetService.Change planned = factor.map(change::withFactor).orElse(change);
    // The same interceptors as the change, in the same order: a malformed id is refused before the
    // guard's membership check, so before any request.
    return OktaIdCheck.INSTANCE.intercept(
        planned,
        () ->
            guard.intercept(
                planned,
                () -> {
                  String link = OktaResets.linkFor(operation);
                  Optional<Boolean> available =
                      link == null
                          ? Optional.empty()
                          : Optional.of(directory.links(user).contains(link));
                  List<DryRun.Request> requests =
                      planner.plan().stream()
                          .map(
                              r ->
                                  DryRun.Request.of(
                                      r.method(),
                                      r.url().encodedPath()
                                          + (r.url().encodedQuery() == null
                                              ? ""
                                              : "?" + r.url().encodedQuery())))
                          .toList();
                  return DryRun.of(user, operation, options, requests, available);
                }));
  }

  @Override
  public String toString() {
    return "OktaDryRuns{guard=" + guard + "}";
  }
}
