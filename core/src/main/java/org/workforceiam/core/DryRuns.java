package org.workforceiam.core;

/**
 * Works out what each change of a {@link ResetService} would do, changing nothing: a {@link DryRun}
 * per change. Each plan passes the same checks the change would (the ids, the operation and its
 * options, the group guard, and any refusal of the provider's own), in the same order, so a dry run
 * refuses exactly what the change would refuse, with the same exception; then it returns the
 * requests the change would send. Nothing is audited: nothing is changed.
 *
 * <pre>{@code
 * DryRuns dryRuns = client.dryRuns(employees);     // OktaClient or EntraClient
 * DryRun plan = dryRuns.resetPassword(ada, PasswordReset.temporaryPassword());
 * plan.requests().forEach(r -> log.info("would send {} {}", r.method(), r.path()));
 * }</pre>
 *
 * <p>Adapters implement it (the Okta and Microsoft Entra ID clients' {@code dryRuns(group)});
 * implementations are thread-safe. Methods added in later versions will be {@code default} methods.
 */
public interface DryRuns {

  /**
   * Plans {@link ResetService#resetPassword}.
   *
   * @param user the user
   * @param request the reset
   * @return what the reset would do
   * @throws IamException.OperationNotSupported when the provider lacks the mode or an option
   * @throws IamException.PermissionDenied when the change would be refused for this user
   * @throws IamException.NotFound when the user does not exist
   * @throws IamException for other failures of the provider while planning
   */
  DryRun resetPassword(UserId user, PasswordReset request);

  /**
   * Plans {@link ResetService#resetMfa}.
   *
   * @param user the user
   * @param request the reset
   * @return what the reset would do
   * @throws IamException.OperationNotSupported when the provider lacks it or an option
   * @throws IamException.PermissionDenied when the change would be refused for this user
   * @throws IamException.NotFound when the user, or the one factor, does not exist
   * @throws IamException for other failures of the provider while planning
   */
  DryRun resetMfa(UserId user, MfaReset request);

  /**
   * Plans {@link ResetService#unlock}.
   *
   * @param user the user
   * @return what the unlock would do
   * @throws IamException.OperationNotSupported when the provider lacks it
   * @throws IamException.PermissionDenied when the change would be refused for this user
   * @throws IamException.NotFound when the user does not exist
   * @throws IamException for other failures of the provider while planning
   */
  DryRun unlock(UserId user);

  /**
   * Plans {@link ResetService#revokeSessions}.
   *
   * @param user the user
   * @param request the revocation
   * @return what the revocation would do
   * @throws IamException.OperationNotSupported when the provider lacks an option
   * @throws IamException.PermissionDenied when the change would be refused for this user
   * @throws IamException.NotFound when the user does not exist
   * @throws IamException for other failures of the provider while planning
   */
  DryRun revokeSessions(UserId user, SessionRevocation request);

  /**
   * Plans {@link ResetService#issueTemporaryAccessPass}; a provider without Temporary Access Passes
   * refuses it as the change does, with {@link IamException.OperationNotSupported}, before any
   * request.
   *
   * @param user the user
   * @param request the pass
   * @return what issuing the pass would do
   * @throws IamException.OperationNotSupported when the provider lacks it
   * @throws IamException.PermissionDenied when the change would be refused for this user
   * @throws IamException.NotFound when the user does not exist
   * @throws IamException for other failures of the provider while planning
   */
  DryRun issueTemporaryAccessPass(UserId user, TemporaryAccessPass request);
}
