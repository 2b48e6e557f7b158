package org.workforceiam.examples;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.workforceiam.core.AuditListener;
import org.workforceiam.core.Employee;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.Secret;
import org.workforceiam.core.UserId;

/**
 * A helpdesk's reset flow: an agent types who is calling (an id, a login or an email address) and,
 * once they have verified the caller's identity, gives them a one-time password reset link or
 * resets their MFA.
 *
 * <pre>{@code
 * GroupId employees = GroupId.of("00g1emaKYZTWRYYRRTSK");
 * HelpdeskFlow helpdesk = new HelpdeskFlow(okta.directory(), okta.resets(employees));
 *
 * HelpdeskFlow.Result result = helpdesk.resetPassword("ada@example.com");
 * if (result.status() == HelpdeskFlow.Status.DONE) {
 *   result.resetLink().ifPresent(link -> showOnceToVerifiedCaller(link.reveal()));
 * } else {
 *   tellAgent(result.message());
 * }
 * }</pre>
 *
 * <p>The flow takes a reset service that is already guarded and audited, so it cannot be talked
 * into more than it should do. {@code okta.resets(employees)} is one; for any other provider, wrap
 * it with the two decorators from {@code core}:
 *
 * <ul>
 *   <li>{@link ResetService#groupScoped(ResetService, IamDirectory, GroupId)}: only members of the
 *       employees group can be changed, whatever the agent typed. A contractor, an administrator
 *       account or a service account outside the group is refused before the provider is asked.
 *   <li>{@link ResetService#audited(ResetService, AuditListener)}: every attempt, refused ones
 *       included, reaches the audit listener; reset links never do.
 * </ul>
 *
 * <p>What the agent can act on comes back as a {@link Result}: done, not found, ambiguous, or
 * refused with the reason. What nobody can act on right now, such as a rate limit, an outage or a
 * change whose outcome is unknown, is thrown as the {@link IamException} the provider raised, for
 * the caller to retry later or report.
 *
 * <p>To test code like this, run it against {@code InMemoryIdentityProvider} from {@code
 * workforce-iam-testing}: see {@code HelpdeskFlowTest} beside this example.
 *
 * <p>Thread-safe when the directory, reset service and listener are.
 */
public final class HelpdeskFlow {

  /** How a request ended, as far as the agent is concerned. */
  public enum Status {
    /** The reset was made. */
    DONE,
    /** Nobody matches what the agent typed; nothing was changed. */
    NOT_FOUND,
    /** Several people share the email address typed; nothing was changed. */
    AMBIGUOUS,
    /** The reset was refused, and {@link Result#message()} says why; nothing was changed. */
    REFUSED
  }

  /**
   * What the agent sees. {@link #toString()} never shows the reset link.
   *
   * @param status how the request ended
   * @param message a sentence for the agent, without secrets
   * @param user the employee acted on, when one was found
   * @param resetLink the one-time reset link to hand to the verified caller, after a password reset
   * @param factorsReset the MFA factors removed, after an MFA reset
   */
  public record Result(
      Status status,
      String message,
      Optional<UserId> user,
      Optional<Secret> resetLink,
      List<FactorId> factorsReset) {

    /**
     * Validates the values.
     *
     * @param status how the request ended
     * @param message a sentence for the agent, without secrets
     * @param user the employee acted on, when one was found
     * @param resetLink the one-time reset link to hand to the verified caller, after a password
     *     reset
     * @param factorsReset the MFA factors removed, after an MFA reset
     */
    public Result {
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(user, "user == null");
      Objects.requireNonNull(resetLink, "resetLink == null");
      factorsReset = List.copyOf(Objects.requireNonNull(factorsReset, "factorsReset == null"));
    }

    private static Result unchanged(Status status, String message, Optional<UserId> user) {
      return new Result(status, message, user, Optional.empty(), List.of());
    }
  }

  private final IamDirectory directory;
  private final ResetService resets;

  /**
   * Creates the flow.
   *
   * @param directory where employees are looked up
   * @param resets a reset service already guarded by the employees group and audited, such as
   *     {@code okta.resets(employees)} or {@code ResetService.audited(ResetService.groupScoped(
   *     provider, directory, employees), listener)}
   */
  public HelpdeskFlow(IamDirectory directory, ResetService resets) {
    this.directory = Objects.requireNonNull(directory, "directory == null");
    this.resets = Objects.requireNonNull(resets, "resets == null");
  }

  /**
   * Finds the employee the agent typed and creates a one-time password reset link for them. Call it
   * only after the agent has verified the caller's identity; hand the link to the caller once and
   * never log it.
   *
   * @param typed an id, login or email address, as the agent typed it
   * @return the outcome, with the link when it is {@link Status#DONE}
   * @throws IamException when the provider cannot be used right now (rate limit, outage) or the
   *     outcome of the reset cannot be known or it was made only in part ({@link
   *     IamException.PartiallyApplied}); check the user before trying again
   */
  public Result resetPassword(String typed) {
    return withEmployee(
        typed,
        employee -> {
          ResetResult.Password reset = resets.resetPassword(employee.id(), PasswordReset.link());
          return new Result(
              Status.DONE,
              "reset link created for " + employee.login() + "; give it to them once",
              Optional.of(employee.id()),
              reset.resetLink(),
              List.of());
        });
  }

  /**
   * Finds the employee the agent typed and removes all their MFA factors, so they enroll again at
   * the next sign-in. Call it only after the agent has verified the caller's identity.
   *
   * @param typed an id, login or email address, as the agent typed it
   * @return the outcome, with the factors removed when it is {@link Status#DONE}
   * @throws IamException when the provider cannot be used right now (rate limit, outage) or the
   *     outcome of the reset cannot be known or it was made only in part ({@link
   *     IamException.PartiallyApplied}); check the user before trying again
   */
  public Result resetMfa(String typed) {
    return withEmployee(
        typed,
        employee -> {
          ResetResult.Mfa reset = resets.resetMfa(employee.id(), MfaReset.allFactors());
          return new Result(
              Status.DONE,
              "removed "
                  + reset.factorsReset().size()
                  + " MFA factor(s) of "
                  + employee.login()
                  + "; they enroll again at the next sign-in",
              Optional.of(employee.id()),
              Optional.empty(),
              reset.factorsReset());
        });
  }

  /** A reset of one employee. */
  private interface Reset {
    Result apply(Employee employee);
  }

  private Result withEmployee(String typed, Reset reset) {
    Objects.requireNonNull(typed, "typed == null");
    if (typed.isBlank()) {
      return Result.unchanged(
          Status.NOT_FOUND, "type the caller's id, login or email address", Optional.empty());
    }
    Optional<Employee> found;
    try {
      found = directory.find(typed);
    } catch (IamException.AmbiguousUser e) {
      return Result.unchanged(
          Status.AMBIGUOUS,
          "several people have the email address "
              + typed.strip()
              + "; type the caller's login instead",
          Optional.empty());
    }
    if (found.isEmpty()) {
      return Result.unchanged(
          Status.NOT_FOUND, "nobody has the id, login or email " + typed.strip(), Optional.empty());
    }
    Employee employee = found.get();
    try {
      return reset.apply(employee);
    } catch (IamException.PermissionDenied
        | IamException.InvalidState
        | IamException.OperationNotSupported e) {
      return Result.unchanged(Status.REFUSED, e.summary(), Optional.of(employee.id()));
    } catch (IamException.NotFound e) {
      return Result.unchanged(Status.NOT_FOUND, e.summary(), Optional.of(employee.id()));
    }
  }
}
