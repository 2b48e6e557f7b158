package org.workforceiam.okta;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Capabilities;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.Secret;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;
import org.workforceiam.http.JsonBodies;
import org.workforceiam.http.ProviderError;
import org.workforceiam.http.Transport;

/**
 * Okta's lifecycle and credential operations as a {@link ResetService}, without guard or audit (the
 * client adds both). Every change is sent once: it is repeated only when Okta certainly did not
 * act, and an ambiguous failure is {@link IamException.OutcomeUnknown}.
 */
final class OktaResets implements ResetService {
  /**
   * Exactly the operations and options Okta offers here: every {@link Operation} but {@link
   * Operation#ISSUE_TEMPORARY_ACCESS_PASS} (Okta has no Temporary Access Pass), each with the
   * options that apply to it, Okta's own ({@link OktaOptions}) among them.
   */
  public static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .operation(
              Operation.RESET_PASSWORD_LINK,
              OperationOption.SEND_EMAIL,
              OperationOption.REVOKE_SESSIONS)
          .operation(Operation.SET_TEMPORARY_PASSWORD, OperationOption.REVOKE_SESSIONS)
          .operation(Operation.EXPIRE_PASSWORD, OperationOption.REVOKE_SESSIONS)
          .operation(Operation.RESET_ALL_FACTORS)
          .operation(Operation.RESET_FACTOR, OktaOptions.REMOVE_RECOVERY_ENROLLMENT)
          .operation(Operation.UNLOCK)
          .operation(
              Operation.REVOKE_SESSIONS,
              OperationOption.REVOKE_OAUTH_TOKENS,
              OktaOptions.FORGET_DEVICES)
          .build();

  private final HttpUrl orgUrl;
  private final Transport api;
  private final OktaDirectory directory;

  /**
   * Creates the service.
   *
   * @param orgUrl the org URL
   * @param api the authorizing, retrying transport
   * @param directory for the factor list of an MFA reset and the status of a refused change
   */
  OktaResets(HttpUrl orgUrl, Transport api, OktaDirectory directory) {
    this.orgUrl = orgUrl;
    this.api = api;
    this.directory = directory;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /** The request an operation sends: method and URL, query included. */
  public record PlannedRequest(String method, HttpUrl url) {}

  /**
   * Returns the requests a password reset sends, in order, without sending them.
   *
   * @param user the user
   * @param reset the reset
   * @return the requests
   */
  public List<PlannedRequest> plan(UserId user, PasswordReset reset) {
    return switch (reset.mode()) {
      case LINK ->
          List.of(
              post(
                  lifecycle(user, "reset_password")
                      .newBuilder()
                      .addQueryParameter("sendEmail", Boolean.toString(reset.sendEmail()))
                      .addQueryParameter("revokeSessions", Boolean.toString(reset.revokeSessions()))
                      .build()));
      case TEMPORARY_PASSWORD ->
          List.of(
              post(
                  lifecycle(user, "expire_password_with_temp_password")
                      .newBuilder()
                      .addQueryParameter("revokeSessions", Boolean.toString(reset.revokeSessions()))
                      .build()));
      case EXPIRE ->
          reset.revokeSessions()
              ? List.of(
                  post(lifecycle(user, "expire_password")),
                  plan(user, SessionRevocation.sessionsOnly()).get(0))
              : List.of(post(lifecycle(user, "expire_password")));
    };
  }

  /**
   * Returns the request an MFA reset sends, without sending it.
   *
   * @param user the user
   * @param reset the reset
   * @return the requests
   */
  public List<PlannedRequest> plan(UserId user, MfaReset reset) {
    if (reset.factor().isEmpty()) {
      return List.of(post(lifecycle(user, "reset_factors")));
    }
    HttpUrl.Builder url =
        OktaPaths.USER_FACTOR
            .url(
                orgUrl,
                OktaIds.requireUser(user).value(),
                OktaIds.requireFactor(reset.factor().get()).value())
            .newBuilder();
    if (reset.options().contains(OktaOptions.REMOVE_RECOVERY_ENROLLMENT)) {
      url.addQueryParameter("removeRecoveryEnrollment", "true");
    }
    return List.of(new PlannedRequest("DELETE", url.build()));
  }

  /**
   * Returns the request an unlock sends, without sending it.
   *
   * @param user the user
   * @return the requests
   */
  public List<PlannedRequest> planUnlock(UserId user) {
    return List.of(post(lifecycle(user, "unlock")));
  }

  /**
   * Returns the request a session revocation sends, without sending it.
   *
   * <p>{@code oauthTokens} and {@code forgetDevices} are always sent, {@code false} included:
   * Okta's {@code forgetDevices} defaults to {@code true} on Identity Engine orgs (to {@code false}
   * on Classic Engine), so leaving it out would forget the user's remembered devices and factors
   * while the result and the audit event say it did not (Okta's OpenAPI spec, {@code
   * revokeUserSessions}:
   * https://developer.okta.com/docs/api/openapi/okta-management/management/tag/UserSessions/).
   *
   * @param user the user
   * @param revocation the revocation
   * @return the requests
   */
  public List<PlannedRequest> plan(UserId user, SessionRevocation revocation) {
    HttpUrl url =
        OktaPaths.USER_SESSIONS
            .url(orgUrl, OktaIds.requireUser(user).value())
            .newBuilder()
            .addQueryParameter("oauthTokens", Boolean.toString(revocation.oauthTokens()))
            .addQueryParameter(
                "forgetDevices",
                Boolean.toString(revocation.options().contains(OktaOptions.FORGET_DEVICES)))
            .build();
    return List.of(new PlannedRequest("DELETE", url));
  }

  // ------------------------------------------------------------------ operations

  @Override
  public ResetResult.Password resetPassword(UserId user, PasswordReset reset) {
    OktaIds.requireUser(user);
    CAPABILITIES.require(reset.operation(), reset.options());
    List<PlannedRequest> requests = plan(user, reset);
    Reply reply = send(requests.get(0), user, reset.operation());
    Optional<Secret> link = Optional.empty();
    Optional<Secret> temporaryPassword = Optional.empty();
    if (reset.mode() == PasswordReset.Mode.LINK && !reset.sendEmail()) {
      link = Optional.of(requireSecret(reply, "resetPasswordUrl"));
    } else if (reset.mode() == PasswordReset.Mode.TEMPORARY_PASSWORD) {
      temporaryPassword = Optional.of(requireSecret(reply, "tempPassword"));
    }
    if (requests.size() > 1) {
      // expire_password takes no revokeSessions: the sessions end in a second call.
      try {
        send(requests.get(1), user, Operation.REVOKE_SESSIONS);
      } catch (IamException e) {
        throw afterPartialChange(
            e,
            "the password of user " + user + " was expired, but ending the sessions failed",
            List.of(Operation.EXPIRE_PASSWORD.name()),
            Operation.REVOKE_SESSIONS.name());
      }
    }
    return ResetResult.Password.of(
        user,
        reset.operation(),
        link,
        reset.sendEmail(),
        temporaryPassword,
        reset.revokeSessions(),
        reply.requestId());
  }

  @Override
  public ResetResult.Mfa resetMfa(UserId user, MfaReset reset) {
    OktaIds.requireUser(user);
    reset.factor().ifPresent(OktaIds::requireFactor);
    CAPABILITIES.require(reset.operation(), reset.options());
    List<FactorId> removed;
    if (reset.factor().isPresent()) {
      removed = List.of(reset.factor().get());
    } else {
      // Okta's reset answers with no body: what it removed is what the list showed before.
      removed = directory.factors(user).stream().map(f -> f.id()).toList();
    }
    Reply reply = send(plan(user, reset).get(0), user, reset.operation());
    return ResetResult.Mfa.of(user, reset.operation(), removed, reply.requestId());
  }

  @Override
  public ResetResult.Unlock unlock(UserId user) {
    OktaIds.requireUser(user);
    CAPABILITIES.require(Operation.UNLOCK, Set.of());
    Reply reply = send(planUnlock(user).get(0), user, Operation.UNLOCK);
    // Okta's unlock answers with no body; a locked-out user becomes ACTIVE.
    return ResetResult.Unlock.of(user, EmployeeStatus.ACTIVE, reply.requestId());
  }

  @Override
  public ResetResult.Sessions revokeSessions(UserId user, SessionRevocation revocation) {
    OktaIds.requireUser(user);
    CAPABILITIES.require(revocation.operation(), revocation.options());
    Reply reply = send(plan(user, revocation).get(0), user, Operation.REVOKE_SESSIONS);
    return ResetResult.Sessions.of(user, revocation.options(), reply.requestId());
  }

  // ------------------------------------------------------------------ plumbing

  /** A change's answer: the small JSON body (if any) and Okta's request id. */
  private record Reply(Map<String, Object> body, Optional<String> requestId) {
    @Override
    public String toString() {
      return "Reply{requestId=" + requestId + "}";
    }
  }

  private Reply send(PlannedRequest planned, UserId user, Operation operation) {
    String what = describe(planned);
    try (Response response =
        api.execute(
            () ->
                new Request.Builder()
                    .url(planned.url())
                    .header("Accept", "application/json")
                    .method(
                        planned.method(),
                        planned.method().equals("POST")
                            ? RequestBody.create(new byte[0], null)
                            : null)
                    .build(),
            Transport.Safety.NOT_REPEATABLE)) {
      Optional<String> requestId =
          Optional.ofNullable(response.header(OktaErrors.REQUEST_ID_HEADER));
      if (response.isSuccessful()) {
        return new Reply(readBody(response, what), requestId);
      }
      throw failure(response, what, user, operation);
    }
  }

  private IamException failure(Response response, String what, UserId user, Operation operation) {
    ProviderError error = OktaErrors.read(response);
    int status = error.status();
    if (status >= 500) {
      // A change that failed on Okta's side may or may not have been applied.
      return new IamException.OutcomeUnknown(
          what
              + " failed at Okta (HTTP "
              + status
              + ")"
              + error.said()
              + "; the change may or may not have taken effect: check the user's status and"
              + " search the Okta System Log for request id "
              + (error.requestId() == null ? "(none given)" : error.requestId())
              + " before repeating it",
          error.details(),
          null);
    }
    IamException mapped = OktaErrors.from(error, what, null);
    boolean wrongStatus =
        mapped instanceof IamException.InvalidState
            || ("E0000001".equals(error.errorCode()) && status == 400);
    if (wrongStatus) {
      Optional<String> current = currentStatus(user);
      return new IamException.InvalidState(
          current.orElse(null),
          "Okta does not allow "
              + operationName(operation)
              + " for user "
              + user
              + current.map(s -> " in status " + s).orElse(" in the user's current status")
              + error.said()
              + "; nothing was changed",
          error.details());
    }
    return mapped;
  }

  /** The user's status, read after a refusal to name it in the error; empty if that fails. */
  private Optional<String> currentStatus(UserId user) {
    try {
      return directory.findById(user).map(Employee::providerStatus);
    } catch (IamException e) {
      return Optional.empty();
    }
  }

  private static Map<String, Object> readBody(Response response, String what) {
    try {
      if (response.body().source().exhausted()) {
        // reset_factors and unlock answer 200 with no body at all.
        return Map.of();
      }
      // Bounded like every body: a reset answer larger than MAX_BODY_BYTES stops being read there.
      Map<?, ?> value =
          JsonBodies.decodeWhole(
              OktaRules.INSTANCE,
              response.request().url(),
              response,
              reader -> reader.readJsonValue() instanceof Map<?, ?> map ? map : Map.of(),
              false);
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) value;
      return object;
    } catch (IOException | RuntimeException e) {
      // The change was made (2xx) but its answer could not be read.
      throw new IamException.OutcomeUnknown(
          what
              + " was answered with success, but the answer could not be read ("
              + e.getClass().getSimpleName()
              + "); check the user's status before repeating it",
          ErrorDetails.ofStatus(response.code()),
          e);
    }
  }

  private static Secret requireSecret(Reply reply, String field) {
    Object value = reply.body().get(field);
    if (value instanceof String text && !text.isBlank()) {
      return Secret.of(text);
    }
    ErrorDetails details = ErrorDetails.none();
    if (reply.requestId().isPresent()) {
      details = details.withRequestId(reply.requestId().get());
    }
    // Not a plain failure: Okta acted (2xx), only the secret is lost. Like an answer that cannot be
    // read, this must not be audited or counted as "nothing changed".
    throw new IamException.OutcomeUnknown(
        "Okta's answer lacks "
            + field
            + "; the change was made, so check the user before repeating it",
        details,
        null);
  }

  /**
   * An error raised after the first step of a two-step change succeeded, saying so: {@link
   * IamException.PartiallyApplied}, never a refusal or a plain failure, whatever the second step's
   * error, since those promise that nothing changed, and the audit and bulk outcomes would say so.
   * The second step's error is the cause, and its type says whether that step may have happened.
   */
  private static IamException afterPartialChange(
      IamException e, String prefix, List<String> applied, String failedStep) {
    return new IamException.PartiallyApplied(
        applied, failedStep, List.of(), prefix + ": " + e.summary(), e.details(), e);
  }

  private HttpUrl lifecycle(UserId user, String operation) {
    return OktaPaths.USER_LIFECYCLE.url(orgUrl, OktaIds.requireUser(user).value(), operation);
  }

  private static PlannedRequest post(HttpUrl url) {
    return new PlannedRequest("POST", url);
  }

  private static String describe(PlannedRequest planned) {
    return planned.method() + " " + planned.url().encodedPath();
  }

  static String operationName(Operation operation) {
    return switch (operation) {
      case RESET_PASSWORD_LINK -> "a password reset";
      case SET_TEMPORARY_PASSWORD -> "a temporary password";
      case EXPIRE_PASSWORD -> "expiring the password";
      case RESET_ALL_FACTORS -> "an MFA reset";
      case RESET_FACTOR -> "removing the factor";
      case UNLOCK -> "an unlock";
      case REVOKE_SESSIONS -> "ending the sessions";
      case ISSUE_TEMPORARY_ACCESS_PASS -> "a Temporary Access Pass";
    };
  }

  @Override
  public String toString() {
    return "OktaResets{orgUrl=" + orgUrl + "}";
  }

  /**
   * Returns the name of the link Okta shows on a user when it offers an operation for them.
   *
   * @param operation the operation
   * @return the link name, or null when Okta shows no link for it
   */
  public static @Nullable String linkFor(Operation operation) {
    return switch (operation) {
      case RESET_PASSWORD_LINK -> "resetPassword";
      case SET_TEMPORARY_PASSWORD, EXPIRE_PASSWORD -> "expirePassword";
      case RESET_ALL_FACTORS -> "resetFactors";
      case UNLOCK -> "unlock";
      case RESET_FACTOR, REVOKE_SESSIONS, ISSUE_TEMPORARY_ACCESS_PASS -> null;
    };
  }
}
