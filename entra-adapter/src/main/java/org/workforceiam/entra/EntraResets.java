package org.workforceiam.entra;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.Capabilities;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.Factor;
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
import org.workforceiam.core.TemporaryAccessPass;
import org.workforceiam.core.UserId;
import org.workforceiam.http.Json;
import org.workforceiam.http.JsonBodies;

/**
 * Microsoft Graph's credential and session operations as a {@link ResetService}, without guard,
 * privilege check or audit (the client adds them). What each sends (GRAPH-NOTES; the CLI contract's
 * "Protocol"):
 *
 * <ul>
 *   <li><b>Temporary password</b>: {@code PATCH /v1.0/users/{id}} with {@code {"passwordProfile":
 *       {"password": …, "forceChangePasswordNextSignIn": true}}}, the password generated here
 *       ({@link TemporaryPasswords}); 204. With {@link OperationOption#REVOKE_SESSIONS}, then
 *       {@code POST /v1.0/users/{id}/revokeSignInSessions}.
 *   <li><b>MFA reset</b>: {@code GET /v1.0/users/{id}/authentication/methods}, then {@code DELETE
 *       /v1.0/users/{id}/authentication/{collection}/{methodId}} for every method but the password,
 *       in the order of {@link AuthMethods}; one method: the list, then its {@code DELETE}.
 *   <li><b>Sessions</b>: {@code POST /v1.0/users/{id}/revokeSignInSessions}.
 *   <li><b>Temporary Access Pass</b>: {@code POST /v1.0/users/{id}/authentication/
 *       temporaryAccessPassMethods} with {@code {"lifetimeInMinutes": n, "isUsableOnce": b}}; 201.
 * </ul>
 *
 * <p>Every write goes through {@link GraphApi#send}, which never repeats it where Graph may have
 * acted: a lost answer is {@link IamException.OutcomeUnknown}, and so is a server error (500, 502,
 * 504, a proxy's 503) answering a write. A change of several requests that fails after one
 * succeeded is {@link IamException.PartiallyApplied}, naming what was done; {@link
 * IamException.PartiallyApplied#result()} then holds what the caller must still have.
 *
 * <p>Graph has no API for a self-service reset link, for expiring a password without setting one,
 * or for unlocking an account ({@link #unsupported}): those are refused before any request.
 */
final class EntraResets implements ResetService {
  /**
   * What Entra supports here. {@link OperationOption#REVOKE_OAUTH_TOKENS} is accepted with {@link
   * Operation#REVOKE_SESSIONS} and changes nothing in the request: {@code revokeSignInSessions}
   * always revokes the refresh tokens issued to applications (and the browser session cookies);
   * access tokens already issued stay valid until they expire (about an hour).
   */
  static final Capabilities CAPABILITIES =
      Capabilities.builder()
          .operation(Operation.SET_TEMPORARY_PASSWORD, OperationOption.REVOKE_SESSIONS)
          .operation(Operation.RESET_ALL_FACTORS)
          .operation(Operation.RESET_FACTOR)
          .operation(Operation.REVOKE_SESSIONS, OperationOption.REVOKE_OAUTH_TOKENS)
          .operation(Operation.ISSUE_TEMPORARY_ACCESS_PASS)
          .build();

  /** How many times an MFA reset tries to delete one method that Graph refuses for now. */
  static final int MAX_DELETE_ATTEMPTS = 3;

  /** The most bytes of a change's answer read: Graph's are a few hundred. */
  static final long MAX_ANSWER_BYTES = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(EntraResets.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpUrl graphUrl;
  private final GraphApi graph;
  private final EntraDirectory directory;
  private final Supplier<String> passwords;

  EntraResets(HttpUrl graphUrl, GraphApi graph, EntraDirectory directory) {
    this(graphUrl, graph, directory, newPasswordSource());
  }

  EntraResets(
      HttpUrl graphUrl, GraphApi graph, EntraDirectory directory, Supplier<String> passwords) {
    this.graphUrl = graphUrl;
    this.graph = graph;
    this.directory = directory;
    this.passwords = passwords;
  }

  private static Supplier<String> newPasswordSource() {
    SecureRandom random = new SecureRandom();
    return () -> TemporaryPasswords.generate(random);
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  // ------------------------------------------------------------------ refusals before any request

  /**
   * Refuses, before any request, what Graph cannot do, with what to do instead; then anything else
   * the capabilities lack (another provider's option, say).
   *
   * @param operation the operation
   * @param options its options
   * @throws IamException.OperationNotSupported when Entra lacks it
   */
  static void requireSupported(Operation operation, Set<OperationOption> options) {
    String instead = unsupported(operation);
    if (instead != null) {
      throw new IamException.OperationNotSupported(
          "Microsoft Entra ID does not support "
              + operation
              + ": Microsoft Graph has no API for it; "
              + instead
              + "; nothing was sent",
          ErrorDetails.none());
    }
    try {
      CAPABILITIES.require(operation, options);
    } catch (IamException.OperationNotSupported e) {
      throw new IamException.OperationNotSupported(
          "Microsoft Entra ID: "
              + e.summary()
              + " (another provider's options, such as Okta's, are not Entra's); nothing was sent",
          ErrorDetails.none());
    }
  }

  /** What to do instead of an operation Graph has no API for; null for the others. */
  static @Nullable String unsupported(Operation operation) {
    return switch (operation) {
      case RESET_PASSWORD_LINK ->
          "set a temporary password (SET_TEMPORARY_PASSWORD) instead, or have the user reset it"
              + " through self-service password reset";
      case EXPIRE_PASSWORD ->
          "set a temporary password (SET_TEMPORARY_PASSWORD), which the user must change at the"
              + " next sign-in";
      case UNLOCK ->
          "a smart-lockout account unlocks itself after the lockout duration; setting a temporary"
              + " password also lets the user sign in";
      default -> null;
    };
  }

  // ------------------------------------------------------------------ plans

  /** A request a change sends: method and URL. */
  record PlannedRequest(String method, HttpUrl url) {}

  /**
   * Returns the requests a password reset sends, in order, without sending them.
   *
   * @param user the user, checked
   * @param reset the reset, supported
   * @return the requests
   */
  List<PlannedRequest> plan(UserId user, PasswordReset reset) {
    String id = EntraIds.requireUser(user).value();
    PlannedRequest patch = new PlannedRequest("PATCH", GraphPaths.USER_UPDATE.url(graphUrl, id));
    return reset.revokeSessions() ? List.of(patch, revokeRequest(id)) : List.of(patch);
  }

  /**
   * Returns the request a session revocation sends, without sending it.
   *
   * @param user the user, checked
   * @return the requests
   */
  List<PlannedRequest> planRevocation(UserId user) {
    return List.of(revokeRequest(EntraIds.requireUser(user).value()));
  }

  /**
   * Returns the request a Temporary Access Pass sends, without sending it.
   *
   * @param user the user, checked
   * @return the requests
   */
  List<PlannedRequest> planAccessPass(UserId user) {
    return List.of(
        new PlannedRequest(
            "POST",
            GraphPaths.USER_ACCESS_PASSES.url(graphUrl, EntraIds.requireUser(user).value())));
  }

  /**
   * Lists the user's methods and returns the deletes an MFA reset would send, in the order it would
   * first try them, without sending them. Refuses what the reset would refuse after the list (an
   * unknown method, the password, a method of a type this version cannot delete, only such methods
   * for a reset of all); methods of such a type among others are left out, as the reset leaves
   * them.
   *
   * @param user the user, checked
   * @param reset the reset, supported
   * @return the deletes; empty when the user has no method to delete
   */
  List<PlannedRequest> plan(UserId user, MfaReset reset) {
    String id = EntraIds.requireUser(user).value();
    List<Factor> listed = directory.factors(user);
    List<AuthMethods.Method> methods;
    if (reset.factor().isPresent()) {
      methods = List.of(oneMethod(user, listed, reset.factor().get()));
    } else {
      AuthMethods.Plan plan = AuthMethods.plan(listed);
      if (plan.deletable().isEmpty() && !plan.unknown().isEmpty()) {
        throw onlyUnknownMethods(user, plan.unknown());
      }
      methods = plan.deletable();
    }
    return methods.stream().map(m -> deleteRequest(id, m)).toList();
  }

  private PlannedRequest revokeRequest(String id) {
    return new PlannedRequest("POST", GraphPaths.USER_REVOKE_SESSIONS.url(graphUrl, id));
  }

  private PlannedRequest deleteRequest(String id, AuthMethods.Method method) {
    return new PlannedRequest(
        "DELETE",
        GraphPaths.USER_METHOD.url(graphUrl, id, method.collection(), method.id().value()));
  }

  // ------------------------------------------------------------------ password

  /**
   * {@inheritDoc}
   *
   * <p>Only {@link PasswordReset#temporaryPassword()}, optionally {@link
   * PasswordReset#withRevokeSessions(boolean) with the sessions revoked} after the password is set.
   * When that revocation fails, the password is in force all the same: the error is {@link
   * IamException.PartiallyApplied} (applied {@code SET_TEMPORARY_PASSWORD}, failed {@code
   * REVOKE_SESSIONS}) whose {@link IamException.PartiallyApplied#result() result} holds the
   * password, to hand to the employee, with {@code sessionsRevoked} false. Revoking first was
   * rejected: the CLI contract asks for the revocation after the change, and a revocation followed
   * by a failed password change would leave the user signed out without the new password.
   */
  @Override
  public ResetResult.Password resetPassword(UserId user, PasswordReset reset) {
    EntraIds.requireUser(user);
    requireSupported(reset.operation(), reset.options());
    List<PlannedRequest> requests = plan(user, reset);
    Secret password = Secret.of(passwords.get());
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("password", password.reveal());
    profile.put("forceChangePasswordNextSignIn", true);
    Reply reply =
        send(
            requests.get(0),
            Json.OBJECT.toJson(Map.of("passwordProfile", profile)),
            "setting a temporary password for user " + user);
    ResetResult.Password set =
        ResetResult.Password.of(
            user,
            Operation.SET_TEMPORARY_PASSWORD,
            Optional.empty(),
            false,
            Optional.of(password),
            false,
            reply.requestId());
    if (requests.size() == 1) {
      return set;
    }
    Reply revoked;
    try {
      revoked = revoke(requests.get(1), user);
    } catch (IamException e) {
      throw new IamException.PartiallyApplied(
          List.of(Operation.SET_TEMPORARY_PASSWORD.name()),
          Operation.REVOKE_SESSIONS.name(),
          List.of(),
          "the temporary password of user "
              + user
              + " was set and is in force (hand it to the employee: it is in this error's"
              + " result), but revoking the user's sessions afterwards failed: "
              + e.summary()
              + "; revoke them again (revokeSessions) once the cause is fixed",
          e.details(),
          e,
          set);
    }
    return ResetResult.Password.of(
        user,
        Operation.SET_TEMPORARY_PASSWORD,
        Optional.empty(),
        false,
        Optional.of(password),
        true,
        revoked.requestId().or(reply::requestId));
  }

  // ------------------------------------------------------------------ sessions

  /**
   * {@inheritDoc}
   *
   * <p>{@code POST /v1.0/users/{id}/revokeSignInSessions}. The result's options always hold {@link
   * OperationOption#REVOKE_OAUTH_TOKENS}: Graph revokes the refresh tokens issued to applications
   * whether asked or not (access tokens already issued stay valid until they expire).
   */
  @Override
  public ResetResult.Sessions revokeSessions(UserId user, SessionRevocation revocation) {
    EntraIds.requireUser(user);
    requireSupported(revocation.operation(), revocation.options());
    Reply reply = revoke(planRevocation(user).get(0), user);
    Set<OperationOption> applied = new LinkedHashSet<>(revocation.options());
    applied.add(OperationOption.REVOKE_OAUTH_TOKENS);
    return ResetResult.Sessions.of(user, applied, reply.requestId());
  }

  /**
   * Sends {@code revokeSignInSessions} and checks its answer: Graph documents 204 and answers 200
   * {@code {"value": true}} (Graph known issues); both are success. {@code {"value": false}} is
   * outside the protocol, and Graph says with it that it did not revoke: a {@link
   * IamException.ProtocolViolation} (the audit records the attempt as failed), never a success.
   */
  private Reply revoke(PlannedRequest request, UserId user) {
    String what = "revoking the sign-in sessions of user " + user;
    Reply reply = send(request, null, what);
    Object value = reply.body().get("value");
    if (value instanceof Boolean revoked && !revoked) {
      throw new IamException.ProtocolViolation(
          "Microsoft Graph answered the revocation of the sign-in sessions of user "
              + user
              + " with {\"value\": false}: it did not confirm the revocation; check the user's"
              + " sessions (signInSessionsValidFromDateTime) in the Entra admin center and revoke"
              + " them there if needed",
          reply.details());
    }
    return reply;
  }

  // ------------------------------------------------------------------ Temporary Access Pass

  /**
   * {@inheritDoc}
   *
   * <p>A lifetime or kind of pass outside the tenant's Temporary Access Pass policy (10 to 43,200
   * minutes at most, narrower if the policy says; one-time passes only, unless it allows reusable
   * ones; the method enabled) is refused by Graph with 400: {@link IamException.InvalidState},
   * naming Graph's message, nothing changed. The pass comes back in the 201 answer only; an answer
   * without it is {@link IamException.OutcomeUnknown} (a pass was probably created: issuing a new
   * one replaces it).
   */
  @Override
  public ResetResult.AccessPass issueTemporaryAccessPass(UserId user, TemporaryAccessPass request) {
    EntraIds.requireUser(user);
    requireSupported(request.operation(), request.options());
    long minutes = request.lifetime().toMinutes();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("lifetimeInMinutes", minutes);
    body.put("isUsableOnce", request.usableOnce());
    String what =
        "issuing a Temporary Access Pass of "
            + minutes
            + " minutes ("
            + (request.usableOnce() ? "usable once" : "reusable")
            + ") to user "
            + user;
    Reply reply;
    try {
      reply = send(planAccessPass(user).get(0), Json.OBJECT.toJson(body), what);
    } catch (IamException.InvalidState e) {
      throw new IamException.InvalidState(
          null,
          e.summary()
              + "; the tenant's Temporary Access Pass policy decides the lifetimes allowed (10 to"
              + " 43,200 minutes at most), whether reusable passes are allowed and whether the"
              + " method is enabled: ask within it, or change the policy in the Entra admin center"
              + " (Authentication methods > Temporary Access Pass)",
          e.details(),
          e);
    }
    if (!(reply.body().get("temporaryAccessPass") instanceof String pass) || pass.isBlank()) {
      throw new IamException.OutcomeUnknown(
          "Microsoft Graph's answer to "
              + what
              + " lacks the pass; a pass was probably created: issue a new one, which replaces it",
          reply.details(),
          null);
    }
    Duration lifetime = request.lifetime();
    if (reply.body().get("lifetimeInMinutes") instanceof Number set && set.longValue() > 0) {
      lifetime = Duration.ofMinutes(set.longValue());
    }
    boolean usableOnce =
        reply.body().get("isUsableOnce") instanceof Boolean once ? once : request.usableOnce();
    Optional<Instant> startsAt = Optional.empty();
    if (reply.body().get("startDateTime") instanceof String start) {
      try {
        startsAt = Optional.of(Instant.parse(start));
      } catch (DateTimeParseException e) {
        LOG.debug("Graph's startDateTime of a Temporary Access Pass is not an instant; left out");
      }
    }
    return ResetResult.AccessPass.of(
        user, Secret.of(pass), lifetime, usableOnce, startsAt, reply.requestId());
  }

  // ------------------------------------------------------------------ MFA

  /**
   * {@inheritDoc}
   *
   * <p><b>All methods</b>: every listed method but the password is deleted through its type's
   * collection, in the order of {@link AuthMethods}. Graph refuses (400) the user's default method
   * while others remain, and a mobile phone while an alternate mobile phone exists; such a method
   * is tried again after the others, each method at most {@value #MAX_DELETE_ATTEMPTS} times.
   * Methods of a type this version cannot delete are left. When every method is gone the result
   * lists them; when something is left (a refusal that outlasted the retries, another failure, a
   * method of an unknown type), the error is {@link IamException.PartiallyApplied} naming the
   * methods deleted ({@code collection/id}), the one that failed and those not attempted, with the
   * deleted ones as its result, or, when nothing was deleted, the first failure itself.
   *
   * <p><b>One method</b>: {@link IamException.NotFound} when the user has no such method; {@link
   * IamException.OperationNotSupported} for the password or a type this version cannot delete;
   * {@link IamException.InvalidState} when Graph will not delete it now (the default method while
   * others remain, a mobile phone beside an alternate mobile phone).
   */
  @Override
  public ResetResult.Mfa resetMfa(UserId user, MfaReset reset) {
    EntraIds.requireUser(user);
    reset.factor().ifPresent(EntraIds::requireMethod);
    requireSupported(reset.operation(), reset.options());
    List<Factor> listed = directory.factors(user);
    if (reset.factor().isPresent()) {
      return deleteOne(user, listed, reset.factor().get());
    }
    return deleteAll(user, listed);
  }

  private ResetResult.Mfa deleteOne(UserId user, List<Factor> listed, FactorId factor) {
    AuthMethods.Method method = oneMethod(user, listed, factor);
    try {
      Reply reply = delete(user, method);
      return ResetResult.Mfa.of(user, Operation.RESET_FACTOR, List.of(factor), reply.requestId());
    } catch (IamException.InvalidState e) {
      if (listed.size() > 1 && e.httpStatus().orElse(0) == 400) {
        throw new IamException.InvalidState(
            null,
            "Microsoft Graph will not delete the "
                + method.type()
                + " "
                + factor
                + " of user "
                + user
                + " now, while the user has other methods: it is probably the user's default MFA"
                + " method (Graph v1.0 cannot say which is), or a mobile phone beside an alternate"
                + " mobile phone. Delete the other methods first (an MFA reset of all methods"
                + " orders them so), or change the user's default sign-in method in the Entra admin"
                + " center; nothing was changed ("
                + e.summary()
                + ")",
            e.details(),
            e);
      }
      throw e;
    }
  }

  /** The one method a single-method reset deletes, as the list shows it; refusals as documented. */
  private static AuthMethods.Method oneMethod(UserId user, List<Factor> listed, FactorId factor) {
    if (factor.value().equalsIgnoreCase(AuthMethods.PASSWORD_ID)) {
      throw new IamException.OperationNotSupported(
          "the password authentication method of user "
              + user
              + " cannot be deleted; set a temporary password instead; nothing was changed",
          ErrorDetails.none());
    }
    Factor found =
        listed.stream()
            .filter(f -> f.id().equals(factor))
            .findFirst()
            .orElseThrow(
                () ->
                    new IamException.NotFound(
                        "user "
                            + user
                            + " has no authentication method "
                            + factor
                            + "; list the user's factors for the ids of their methods",
                        ErrorDetails.none()));
    return AuthMethods.method(found)
        .orElseThrow(
            () ->
                new IamException.OperationNotSupported(
                    "method "
                        + factor
                        + " of user "
                        + user
                        + " is a "
                        + found.type()
                        + ", a type this version cannot delete; delete it in the Entra admin"
                        + " center; nothing was changed",
                    ErrorDetails.none()));
  }

  private static IamException onlyUnknownMethods(UserId user, List<Factor> unknown) {
    return new IamException.OperationNotSupported(
        "user "
            + user
            + " has only authentication methods of types this version cannot delete ("
            + describe(unknown)
            + "); delete them in the Entra admin center; nothing was changed",
        ErrorDetails.none());
  }

  private ResetResult.Mfa deleteAll(UserId user, List<Factor> listed) {
    AuthMethods.Plan plan = AuthMethods.plan(listed);
    if (plan.deletable().isEmpty()) {
      if (plan.unknown().isEmpty()) {
        return ResetResult.Mfa.of(user, Operation.RESET_ALL_FACTORS, List.of(), Optional.empty());
      }
      throw onlyUnknownMethods(user, plan.unknown());
    }
    Deque<AuthMethods.Method> queue = new ArrayDeque<>(plan.deletable());
    Map<AuthMethods.Method, Integer> attempts = new HashMap<>();
    Set<AuthMethods.Method> refusedSinceProgress = new HashSet<>();
    List<AuthMethods.Method> deleted = new ArrayList<>();
    Optional<String> lastRequestId = Optional.empty();
    while (!queue.isEmpty()) {
      AuthMethods.Method method = queue.poll();
      int attempt = attempts.merge(method, 1, Integer::sum);
      try {
        Optional<String> requestId = delete(user, method).requestId();
        if (requestId.isPresent()) {
          lastRequestId = requestId;
        }
        deleted.add(method);
        refusedSinceProgress.clear();
      } catch (IamException e) {
        boolean refusedForNow =
            e instanceof IamException.InvalidState && e.httpStatus().orElse(0) == 400;
        if (refusedForNow && !queue.isEmpty() && attempt < MAX_DELETE_ATTEMPTS) {
          refusedSinceProgress.add(method);
          if (!refusedSinceProgress.containsAll(queue)) {
            // Others may still go first; the default method, or the mobile phone, after them.
            LOG.debug(
                "Microsoft Graph refused to delete {} of user {} for now; trying it after the"
                    + " others",
                method.step(),
                user);
            queue.addLast(method);
            continue;
          }
        }
        throw stoppedMidway(user, deleted, method, queue, plan.unknown(), e, lastRequestId);
      }
    }
    List<FactorId> ids = deleted.stream().map(AuthMethods.Method::id).toList();
    if (!plan.unknown().isEmpty()) {
      IamException cause =
          new IamException.OperationNotSupported(
              "this version cannot delete authentication methods of type "
                  + plan.unknown().get(0).type(),
              ErrorDetails.none());
      List<String> rest = plan.unknown().stream().skip(1).map(EntraResets::unknownStep).toList();
      throw new IamException.PartiallyApplied(
          deleted.stream().map(AuthMethods.Method::step).toList(),
          unknownStep(plan.unknown().get(0)),
          rest,
          "the MFA reset of user "
              + user
              + " deleted every method it can, but left methods of types this version cannot"
              + " delete ("
              + describe(plan.unknown())
              + "): delete them in the Entra admin center",
          ErrorDetails.none(),
          cause,
          ResetResult.Mfa.of(user, Operation.RESET_ALL_FACTORS, ids, lastRequestId));
    }
    return ResetResult.Mfa.of(user, Operation.RESET_ALL_FACTORS, ids, lastRequestId);
  }

  private static IamException stoppedMidway(
      UserId user,
      List<AuthMethods.Method> deleted,
      AuthMethods.Method failed,
      Deque<AuthMethods.Method> queue,
      List<Factor> unknown,
      IamException e,
      Optional<String> lastRequestId) {
    if (deleted.isEmpty()) {
      // Nothing was deleted: the failure itself says what happened.
      return e;
    }
    List<String> notAttempted = new ArrayList<>();
    for (AuthMethods.Method method : queue) {
      if (!method.equals(failed)) {
        notAttempted.add(method.step());
      }
    }
    unknown.forEach(f -> notAttempted.add(unknownStep(f)));
    List<FactorId> ids = deleted.stream().map(AuthMethods.Method::id).toList();
    return new IamException.PartiallyApplied(
        deleted.stream().map(AuthMethods.Method::step).toList(),
        failed.step(),
        notAttempted,
        "the MFA reset of user "
            + user
            + " stopped midway: "
            + e.summary()
            + (e instanceof IamException.OutcomeUnknown
                ? " (the failed deletion may or may not have happened)"
                : "")
            + "; list the user's factors before repeating it",
        e.details(),
        e,
        ResetResult.Mfa.of(user, Operation.RESET_ALL_FACTORS, ids, lastRequestId));
  }

  private static String unknownStep(Factor factor) {
    return factor.type() + "/" + factor.id().value();
  }

  private static String describe(List<Factor> factors) {
    return String.join(", ", factors.stream().map(EntraResets::unknownStep).toList());
  }

  private Reply delete(UserId user, AuthMethods.Method method) {
    return send(
        deleteRequest(user.value(), method),
        null,
        "deleting the " + method.type() + " " + method.id() + " of user " + user);
  }

  @Override
  public ResetResult.Unlock unlock(UserId user) {
    EntraIds.requireUser(user);
    requireSupported(Operation.UNLOCK, Set.of());
    throw new IllegalStateException("unreachable: UNLOCK is refused by requireSupported");
  }

  // ------------------------------------------------------------------ plumbing

  /** A change's answer: its small JSON body (if any), request id and details. Never logged. */
  private record Reply(Map<String, Object> body, Optional<String> requestId, int status) {
    ErrorDetails details() {
      ErrorDetails details = ErrorDetails.ofStatus(status);
      return requestId.map(details::withRequestId).orElse(details);
    }

    @Override
    public String toString() {
      return "Reply{status=" + status + ", requestId=" + requestId + "}";
    }
  }

  /**
   * Sends one write and reads its answer. A refusal is mapped by {@link GraphErrors}; a server
   * error is {@link IamException.OutcomeUnknown}, since Graph may have acted before it failed; a
   * success whose body cannot be read is {@link IamException.OutcomeUnknown} too.
   */
  private Reply send(PlannedRequest planned, @Nullable String json, String what) {
    RequestBody body =
        json != null
            ? RequestBody.create(json, JSON)
            : planned.method().equals("POST") ? RequestBody.create(new byte[0], null) : null;
    Request request =
        new Request.Builder()
            .url(planned.url())
            .header("Accept", "application/json")
            .method(planned.method(), body)
            .build();
    try (Response response = graph.send(request)) {
      Optional<String> requestId =
          Optional.ofNullable(response.header(GraphErrors.REQUEST_ID_HEADER));
      if (response.isSuccessful()) {
        return new Reply(readBody(response, what, requestId), requestId, response.code());
      }
      if (response.code() >= 500) {
        IamException error = GraphErrors.fromResponse(response, what);
        throw new IamException.OutcomeUnknown(
            what
                + " failed at Microsoft Graph (HTTP "
                + response.code()
                + "): "
                + error.summary()
                + "; the change may or may not have taken effect: check the user in the Entra"
                + " admin center and the Microsoft Entra audit log (request id "
                + requestId.orElse("none given")
                + ") before repeating it",
            error.details(),
            error);
      }
      throw GraphErrors.fromResponse(response, what);
    }
  }

  private static Map<String, Object> readBody(
      Response response, String what, Optional<String> requestId) {
    try {
      if (response.code() == 204 || response.body().source().exhausted()) {
        return Map.of();
      }
      Map<?, ?> value =
          JsonBodies.decodeWhole(
              EntraRules.GRAPH,
              response.request().url(),
              response,
              reader -> reader.readJsonValue() instanceof Map<?, ?> map ? map : Map.of(),
              false,
              MAX_ANSWER_BYTES);
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) value;
      return object;
    } catch (IOException | RuntimeException e) {
      // Graph acted (2xx) but its answer could not be read.
      ErrorDetails details = ErrorDetails.ofStatus(response.code());
      throw new IamException.OutcomeUnknown(
          what
              + " was answered with success (HTTP "
              + response.code()
              + "), but the answer could not be read ("
              + e.getClass().getSimpleName()
              + "); check the user before repeating it",
          requestId.map(details::withRequestId).orElse(details),
          e);
    }
  }

  @Override
  public String toString() {
    return "EntraResets{graphUrl=" + graphUrl + "}";
  }
}
