package org.workforceiam.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error this library throws for a failed directory or reset call. Unchecked.
 *
 * <p>Its subclasses, nested here so the whole hierarchy reads on one page, are ordered by what the
 * caller does next:
 *
 * <ul>
 *   <li>fix the set-up: {@link InvalidConfiguration}, {@link AuthenticationFailed}, {@link
 *       PermissionDenied}, {@link OperationNotSupported};
 *   <li>fix the request: {@link NotFound}, {@link AmbiguousUser}, {@link InvalidState};
 *   <li>wait and retry: {@link RateLimited}, {@link ProviderUnavailable};
 *   <li>report it: {@link ProtocolViolation};
 *   <li>check before retrying: {@link OutcomeUnknown}, where a change may or may not have happened,
 *       and {@link PartiallyApplied}, where a change of several steps was made in part.
 * </ul>
 *
 * <p>Each carries what the provider said ({@link #details()}), and its message ends with those
 * details so a support request can quote it. Messages never contain secrets. Misuse of the API,
 * such as a blank id, is an {@link IllegalArgumentException} instead.
 */
public abstract class IamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String summary;
  private final @Nullable Integer httpStatus;
  private final @Nullable String errorCode;
  private final @Nullable String requestId;
  private final LinkedHashMap<String, String> providerFields;

  /**
   * Creates an error.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  protected IamException(String summary, ErrorDetails details, @Nullable Throwable cause) {
    super(withDetails(summary, details), cause);
    this.summary = summary;
    this.httpStatus = details.httpStatus().isPresent() ? details.httpStatus().getAsInt() : null;
    this.errorCode = details.errorCode().orElse(null);
    this.requestId = details.requestId().orElse(null);
    this.providerFields = new LinkedHashMap<>(details.providerFields());
  }

  private static String withDetails(String summary, ErrorDetails details) {
    Objects.requireNonNull(summary, "summary == null");
    Objects.requireNonNull(details, "details == null");
    String described = details.describe();
    return described.isEmpty() ? summary : summary + " (" + described + ")";
  }

  /**
   * Returns the message without the provider's details.
   *
   * @return what went wrong and what to do about it
   */
  public String summary() {
    return summary;
  }

  /**
   * Returns what the provider said about the failure.
   *
   * @return the details; empty ones when the failure happened before or without a response
   */
  public ErrorDetails details() {
    return ErrorDetails.of(httpStatus(), errorCode(), requestId(), providerFields);
  }

  /**
   * Returns the HTTP status of the provider's response.
   *
   * @return the status, when there was a response
   */
  public OptionalInt httpStatus() {
    return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /**
   * Returns the provider's error code, for example Okta's {@code E0000006} or Microsoft Graph's
   * {@code Authorization_RequestDenied}.
   *
   * @return the code, when the provider sent one
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * Returns the provider's request id, to quote to the provider's support and find the request in
   * its logs: for example Okta's {@code X-Okta-Request-Id} or Microsoft Graph's {@code request-id}.
   * The provider's other error fields are in {@link #details()}.
   *
   * @return the id, when the provider sent one
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Returns whether the same call, made again later, may succeed.
   *
   * @return {@code true} for transient failures such as rate limits and outages
   */
  public abstract boolean isRetryable();

  /**
   * The client is configured wrongly, for example a malformed org URL or an unreadable key, or the
   * provider rejects the configuration. Fix the configuration; retrying will not help.
   */
  public static final class InvalidConfiguration extends IamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     */
    public InvalidConfiguration(String summary, ErrorDetails details) {
      this(summary, details, null);
    }

    /**
     * Creates the error with its cause.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidConfiguration(String summary, ErrorDetails details, @Nullable Throwable cause) {
      super(summary, details, cause);
    }

    /** {@return {@code false}: the configuration must change first} */
    @Override
    public boolean isRetryable() {
      return false;
    }
  }

  /**
   * The provider did not accept the client's credentials: a wrong client id, a key the provider
   * does not know, a refused network zone, or a token it no longer accepts. Check the app's
   * credentials at the provider; retrying will not help.
   */
  public static final class AuthenticationFailed extends IamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     */
    public AuthenticationFailed(String summary, ErrorDetails details) {
      this(summary, details, null);
    }

    /**
     * Creates the error with its cause.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     * @param cause the underlying failure, or {@code null}
     */
    public AuthenticationFailed(String summary, ErrorDetails details, @Nullable Throwable cause) {
      super(summary, details, cause);
    }

    /** {@return {@code false}: the credentials must change first} */
    @Override
    public boolean isRetryable() {
      return false;
    }
  }

  /**
   * The client may not do this, and {@link #reason()} says why. Retrying will not help; the set-up
   * or the choice of user must change.
   */
  public static final class PermissionDenied extends IamException {
    private static final long serialVersionUID = 1L;

    /** Why a permission was denied. */
    public enum Reason {
      /**
       * The client lacks a grant it needs, for example an OAuth scope that was not granted to the
       * app.
       */
      MISSING_GRANT,
      /** The user is not a member of the group this client is configured to act on. */
      OUTSIDE_GROUP,
      /**
       * The provider's administrator role given to the client does not allow this operation on this
       * user: the user holds a more privileged role, is outside the role's groups, or the role
       * lacks the operation.
       */
      ROLE_DOES_NOT_ALLOW,
      /**
       * The user holds an administrator role, and the client itself refuses to change privileged
       * users, whatever the provider would allow: for example the Microsoft Entra ID adapter, whose
       * application permissions reach every user of the tenant, refuses a user holding any
       * directory role.
       */
      PRIVILEGED_USER
    }

    private final Reason reason;

    /**
     * Creates the error.
     *
     * @param reason why the permission was denied
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     */
    public PermissionDenied(Reason reason, String summary, ErrorDetails details) {
      this(reason, summary, details, null);
    }

    /**
     * Creates the error with its cause.
     *
     * @param reason why the permission was denied
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     * @param cause the underlying failure, or {@code null}
     */
    public PermissionDenied(
        Reason reason, String summary, ErrorDetails details, @Nullable Throwable cause) {
      super(summary, details, cause);
      this.reason = Objects.requireNonNull(reason, "reason == null");
    }

    /**
     * Returns why the permission was denied.
     *
     * @return the reason
     */
    public Reason reason() {
      return reason;
    }

    /** {@return {@code false}: the set-up or the user must change first} */
    @Override
    public boolean isRetryable() {
      return false;
    }
  }

  /**
   * The provider does not support the requested operation or option. Raised before any request is
   * made; see {@link ResetService#capabilities()}.
   */
  public static final class OperationNotSupported extends IamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     */
    public OperationNotSupported(String summary, ErrorDetails details) {
      this(summary, details, null);
    }

    /**
     * Creates the error with its cause.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     * @param cause the underlying failure, or {@code null}
     */
    public OperationNotSupported(String summary, ErrorDetails details, @Nullable Throwable cause) {
      super(summary, details, cause);
    }

    /** {@return {@code false}: the provider's capabilities do not change} */
    @Override
    public boolean isRetryable() {
      return false;
    }
  }

  /** The user, group or factor does not exist, or the client may not see it. */
  public static final class NotFound extends IamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     */
    public NotFound(String summary, ErrorDetails details) {
      this(summary, details, null);
    }

    /**
     * Creates the error with its cause.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     * @param cause the underlying failure, or {@code null}
     */
    public NotFound(String summary, ErrorDetails details, @Nullable Throwable cause) {
      super(summary, details, cause);
    }

    /** {@return {@code false}: it will not appear by itself} */
    @Override
    public boolean isRetryable() {
      return false;
    }
  }

  /**
   * A lookup by a value that should identify one user, such as a primary email, matched several.
   * Look the user up by id or login instead.
   */
  public static final class AmbiguousUser extends IamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     */
    public AmbiguousUser(String summary, ErrorDetails details) {
      this(summary, details, null);
    }

    /**
     * Creates the error with its cause.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     * @param cause the underlying failure, or {@code null}
     */
    public AmbiguousUser(String summary, ErrorDetails details, @Nullable Throwable cause) {
      super(summary, details, cause);
    }

    /** {@return {@code false}: the directory still holds several matches} */
    @Override
    public boolean isRetryable() {
      return false;
    }
  }

  /**
   * The operation is not allowed in the user's current status, for example unlocking a user who is
   * not locked out or resetting the password of a suspended user. Nothing was changed.
   */
  public static final class InvalidState extends IamException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String currentStatus;

    /**
     * Creates the error.
     *
     * @param currentStatus the user's status as the provider spells it, or {@code null} when
     *     unknown
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     */
    public InvalidState(@Nullable String currentStatus, String summary, ErrorDetails details) {
      this(currentStatus, summary, details, null);
    }

    /**
     * Creates the error with its cause.
     *
     * @param currentStatus the user's status as the provider spells it, or {@code null} when
     *     unknown
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidState(
        @Nullable String currentStatus,
        String summary,
        ErrorDetails details,
        @Nullable Throwable cause) {
      super(summary, details, cause);
      this.currentStatus = currentStatus;
    }

    /**
     * Returns the user's status when the operation was refused.
     *
     * @return the status as the provider spells it, when known
     */
    public Optional<String> currentStatus() {
      return Optional.ofNullable(currentStatus);
    }

    /** {@return {@code false}: the user's status must change first} */
    @Override
    public boolean isRetryable() {
      return false;
    }
  }

  /**
   * The provider's rate limit was reached, also after the client's own waiting and retrying. Wait
   * {@link #retryAfter()} and try again.
   */
  public static final class RateLimited extends IamException {
    private static final long serialVersionUID = 1L;

    private final @Nullable Duration retryAfter;

    /**
     * Creates the error.
     *
     * @param retryAfter how long to wait before the limit resets, or {@code null} when unknown
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     */
    public RateLimited(@Nullable Duration retryAfter, String summary, ErrorDetails details) {
      this(retryAfter, summary, details, null);
    }

    /**
     * Creates the error with its cause.
     *
     * @param retryAfter how long to wait before the limit resets, or {@code null} when unknown
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     * @param cause the underlying failure, or {@code null}
     */
    public RateLimited(
        @Nullable Duration retryAfter,
        String summary,
        ErrorDetails details,
        @Nullable Throwable cause) {
      super(summary, details, cause);
      if (retryAfter != null && retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
      }
      this.retryAfter = retryAfter;
    }

    /**
     * Returns how long to wait before the provider's limit resets.
     *
     * @return the wait, when the provider said
     */
    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }

    /** {@return {@code true}: the limit resets} */
    @Override
    public boolean isRetryable() {
      return true;
    }
  }

  /**
   * The provider could not be reached or answered with a server error, also after the client's own
   * retries. Try again later. For a change this means the provider certainly did not act (its own
   * refusal, such as Okta's read-only mode, or a connection never made); any other server error
   * answering a change, such as a proxy's HTML 503, is {@link OutcomeUnknown}.
   */
  public static final class ProviderUnavailable extends IamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     */
    public ProviderUnavailable(String summary, ErrorDetails details) {
      this(summary, details, null);
    }

    /**
     * Creates the error with its cause.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     * @param cause the underlying failure, or {@code null}
     */
    public ProviderUnavailable(String summary, ErrorDetails details, @Nullable Throwable cause) {
      super(summary, details, cause);
    }

    /** {@return {@code true}: outages pass} */
    @Override
    public boolean isRetryable() {
      return true;
    }
  }

  /**
   * The provider's answer broke the protocol: a malformed or truncated body, a pagination link to
   * another host, a cursor that came round again. Nothing is presented as complete after one;
   * report it with the request id.
   */
  public static final class ProtocolViolation extends IamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     */
    public ProtocolViolation(String summary, ErrorDetails details) {
      this(summary, details, null);
    }

    /**
     * Creates the error with its cause.
     *
     * @param summary what went wrong and what to do about it, without secrets
     * @param details what the provider said
     * @param cause the underlying failure, or {@code null}
     */
    public ProtocolViolation(String summary, ErrorDetails details, @Nullable Throwable cause) {
      super(summary, details, cause);
    }

    /** {@return {@code false}: the same answer is likely again} */
    @Override
    public boolean isRetryable() {
      return false;
    }
  }

  /**
   * A change was sent to the provider but its result cannot be known, for example because the
   * connection broke after the request was written. The change may or may not have happened.
   *
   * <p>Never repeat the call blindly: check the user's current state (and the provider's audit log,
   * using {@link #requestId()} where present) first. The library itself never retries such a call.
   */
  public static final class OutcomeUnknown extends IamException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param summary what was sent and how to check its outcome, without secrets
     * @param details what the provider said
     * @param cause the underlying failure, or {@code null}
     */
    public OutcomeUnknown(String summary, ErrorDetails details, @Nullable Throwable cause) {
      super(summary, details, cause);
    }

    /** {@return {@code false}: check the outcome before deciding to repeat the change} */
    @Override
    public boolean isRetryable() {
      return false;
    }
  }

  /**
   * A change made of several requests to the provider failed midway: some steps were made, one
   * failed, and the rest were not attempted. It says exactly which, never all-or-nothing falsely.
   *
   * <p>An adapter throws it when a change needs several requests and a later one fails after an
   * earlier one succeeded: for example an MFA reset that deletes a user's authentication methods
   * one by one, or an expired password whose sessions are then ended by a second request. The cause
   * ({@link #getCause()}) is the failed step's own error, and its type says what became of that
   * step: {@link OutcomeUnknown} when it may or may not have happened, any other kind when it did
   * not. When the first step fails, nothing was made and the adapter throws that step's error
   * itself.
   *
   * <p>Check the user before repeating the change: repeating it may repeat what was already done.
   * The steps are the provider's own names for what each request changes, such as the ids of the
   * factors or methods removed, never a secret.
   *
   * <p>When the steps made returned something the caller must have, {@link #result()} holds it: a
   * temporary password that was set before ending the user's sessions failed is in force, so it
   * must still reach the verified employee. The message never shows it; the result's {@code
   * toString()} does not either.
   *
   * <pre>{@code
   * try {
   *   show(resets.resetPassword(user, PasswordReset.temporaryPassword().withRevokeSessions(true)));
   * } catch (IamException.PartiallyApplied e) {
   *   e.result().ifPresent(done -> show(done));   // the password set, sessions not ended
   *   reportToOperator(e.getMessage());           // what was done, what failed
   * }
   * }</pre>
   */
  public static final class PartiallyApplied extends IamException {
    private static final long serialVersionUID = 1L;

    private final ArrayList<String> applied;
    private final String failedStep;
    private final ArrayList<String> notAttempted;

    /** Not serialised: it may hold a {@link Secret}, which is never written anywhere. */
    private final transient @Nullable ResetResult result;

    /**
     * Creates the error.
     *
     * @param applied the steps made, in order; at least one
     * @param failedStep the step that failed
     * @param notAttempted the steps not attempted after it, in order; may be empty
     * @param summary what the change was and what to check, without secrets; the steps are added to
     *     the message
     * @param details what the provider said, usually that of the failed step
     * @param cause the failed step's error
     * @throws IllegalArgumentException when no step was made or a step is blank
     */
    public PartiallyApplied(
        List<String> applied,
        String failedStep,
        List<String> notAttempted,
        String summary,
        ErrorDetails details,
        IamException cause) {
      super(
          stepsMessage(summary, applied, failedStep, notAttempted),
          details,
          Objects.requireNonNull(cause, "cause == null"));
      this.applied = new ArrayList<>(applied);
      this.failedStep = failedStep;
      this.notAttempted = new ArrayList<>(notAttempted);
      this.result = null;
    }

    /**
     * Creates the error with what the steps made returned, which the caller must still have: for
     * example the temporary password set before ending the sessions failed.
     *
     * @param applied the steps made, in order; at least one
     * @param failedStep the step that failed
     * @param notAttempted the steps not attempted after it, in order; may be empty
     * @param summary what the change was and what to check, without secrets; the steps are added to
     *     the message
     * @param details what the provider said, usually that of the failed step
     * @param cause the failed step's error
     * @param result what the steps made returned, for the same user and operation as the change
     * @throws IllegalArgumentException when no step was made or a step is blank
     */
    public PartiallyApplied(
        List<String> applied,
        String failedStep,
        List<String> notAttempted,
        String summary,
        ErrorDetails details,
        IamException cause,
        ResetResult result) {
      super(
          stepsMessage(summary, applied, failedStep, notAttempted),
          details,
          Objects.requireNonNull(cause, "cause == null"));
      this.applied = new ArrayList<>(applied);
      this.failedStep = failedStep;
      this.notAttempted = new ArrayList<>(notAttempted);
      this.result = Objects.requireNonNull(result, "result == null");
    }

    private static String stepsMessage(
        String summary, List<String> applied, String failedStep, List<String> notAttempted) {
      return Objects.requireNonNull(summary, "summary == null")
          + "; done: "
          + checkSteps(applied, "applied", true)
          + ", failed: "
          + checkStep(failedStep, "failedStep")
          + ", not attempted: "
          + checkSteps(notAttempted, "notAttempted", false);
    }

    /**
     * Returns what the steps made returned, when the caller must still have it: a {@link
     * ResetResult.Password} with the temporary password that was set, or a {@link ResetResult.Mfa}
     * naming the methods that were deleted. Empty when the adapter gave none, and after the
     * exception was serialised (it may hold a secret, which is never written).
     *
     * @return the result of the steps made
     */
    public Optional<ResetResult> result() {
      return Optional.ofNullable(result);
    }

    private static List<String> checkSteps(List<String> steps, String name, boolean required) {
      Objects.requireNonNull(steps, name + " == null");
      if (required && steps.isEmpty()) {
        throw new IllegalArgumentException(
            name + " must name at least one step: when the first step fails, throw its own error");
      }
      steps.forEach(step -> checkStep(step, "a step in " + name));
      return steps;
    }

    private static String checkStep(String step, String name) {
      Objects.requireNonNull(step, name + " == null");
      if (step.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return step;
    }

    /** {@return the steps made, in order} */
    public List<String> applied() {
      return Collections.unmodifiableList(applied);
    }

    /** {@return the step that failed; {@link #getCause()} says what became of it} */
    public String failedStep() {
      return failedStep;
    }

    /** {@return the steps not attempted after the failed one, in order; may be empty} */
    public List<String> notAttempted() {
      return Collections.unmodifiableList(notAttempted);
    }

    /**
     * Returns the failed step's error: {@link OutcomeUnknown} when that step may or may not have
     * happened, any other kind when it did not.
     *
     * @return the failed step's error
     */
    @Override
    public synchronized IamException getCause() {
      return (IamException) Objects.requireNonNull(super.getCause());
    }

    /** {@return {@code false}: check the user before deciding to repeat any of the change} */
    @Override
    public boolean isRetryable() {
      return false;
    }
  }
}
