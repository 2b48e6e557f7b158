package org.workforceiam.core.testing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Capabilities;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.Page;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.Secret;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.TemporaryAccessPass;
import org.workforceiam.core.UserId;

/**
 * An identity provider that lives in memory: a fake for the tests of code that uses {@link
 * IamDirectory} and {@link ResetService}.
 *
 * <p>It keeps real state, as a provider does: a reset link puts the user in {@link
 * EmployeeStatus#RECOVERY}, expiring the password or setting a temporary one puts them in {@link
 * EmployeeStatus#PASSWORD_EXPIRED}, an MFA reset removes the factors, an unlock makes a {@link
 * EmployeeStatus#LOCKED_OUT} user {@link EmployeeStatus#ACTIVE}, and a Temporary Access Pass is
 * kept per user, a new one replacing the last ({@link #accessPass(UserId)}). An operation the
 * user's status does not allow throws {@link IamException.InvalidState} and changes nothing:
 *
 * <ul>
 *   <li>password operations need ACTIVE, RECOVERY, PASSWORD_EXPIRED or LOCKED_OUT;
 *   <li>MFA resets and Temporary Access Passes need ACTIVE, RECOVERY, PASSWORD_EXPIRED, LOCKED_OUT
 *       or PROVISIONED;
 *   <li>unlock needs LOCKED_OUT;
 *   <li>session revocation needs anything but DEPROVISIONED.
 * </ul>
 *
 * <p>What it supports is what its builder says ({@link Builder#capabilities(Capabilities)}), by
 * default {@link #defaultCapabilities()}: every operation with every provider-neutral option, and
 * no provider's own option. An operation or option it does not support is refused with {@link
 * IamException.OperationNotSupported} before anything else, as an adapter refuses it.
 *
 * <p>It pages like a provider (the page size is configurable and cursors are opaque), records every
 * change it was asked for ({@link #operations()}), counts calls ({@link #calls()}, {@link
 * #pageRequests()}), and injects failures deterministically: {@link #markPrivileged(UserId)},
 * {@link #rateLimitAfter(int, Duration)}, {@link #setUnavailable(boolean)}, {@link
 * #failListingAfter(int, IamException)}, {@link #failNextCall(IamException)} and {@link
 * #failNextMfaResetAfter(int, IamException)} (an MFA reset that stops midway, {@link
 * IamException.PartiallyApplied}), each throwing the same exception a real adapter throws. A
 * generated group ({@link Builder#generatedGroup(GroupId, int, IntFunction)}) serves any number of
 * members produced on demand.
 *
 * <pre>{@code
 * InMemoryIdentityProvider idp = InMemoryIdentityProvider.builder()
 *     .group(EMPLOYEES)
 *     .employee(ada, EMPLOYEES)
 *     .factor(ada.id(), Factor.of(FactorId.of("sms1"), "sms", "OKTA", "ACTIVE"))
 *     .build();
 * new Helpdesk(idp, idp).resetMfa("ada@example.com");
 * assertThat(idp.enrolledFactors(ada.id())).isEmpty();
 * }</pre>
 *
 * <p>Thread-safe: every method locks the provider.
 */
public final class InMemoryIdentityProvider implements IamDirectory, ResetService {
  private static final Set<EmployeeStatus> PASSWORD_STATUSES =
      EnumSet.of(
          EmployeeStatus.ACTIVE,
          EmployeeStatus.RECOVERY,
          EmployeeStatus.PASSWORD_EXPIRED,
          EmployeeStatus.LOCKED_OUT);
  private static final Set<EmployeeStatus> MFA_STATUSES =
      EnumSet.of(
          EmployeeStatus.ACTIVE,
          EmployeeStatus.RECOVERY,
          EmployeeStatus.PASSWORD_EXPIRED,
          EmployeeStatus.LOCKED_OUT,
          EmployeeStatus.PROVISIONED);
  private static final Comparator<UserId> BY_VALUE = Comparator.comparing(UserId::value);

  private final int pageSize;
  private final Capabilities capabilities;
  private final Clock clock;
  private final Random random;

  private final Map<UserId, Employee> employees = new HashMap<>();
  private final Map<GroupId, NavigableSet<UserId>> groups = new HashMap<>();
  private final Map<GroupId, GeneratedGroup> generatedGroups = new HashMap<>();
  private final Map<UserId, Map<FactorId, Factor>> factors = new HashMap<>();
  private final Set<UserId> privileged = new HashSet<>();
  private final Map<UserId, ResetResult.AccessPass> accessPasses = new HashMap<>();

  private final List<RecordedOperation> operations = new ArrayList<>();
  private final Deque<IamException> nextCallFailures = new ArrayDeque<>();
  private int calls;
  private int pageRequests;
  private long requestSequence;

  private boolean unavailable;
  private int callsBeforeRateLimit = -1;
  private Duration rateLimitRetryAfter = Duration.ZERO;
  private int pagesBeforeListingFailure = -1;
  private @Nullable IamException listingFailure;
  private int factorsBeforeMfaResetFailure = -1;
  private @Nullable IamException mfaResetFailure;

  private InMemoryIdentityProvider(Builder builder) {
    this.pageSize = builder.pageSize;
    this.capabilities = builder.capabilities;
    this.clock = builder.clock;
    this.random = new Random(builder.seed);
    builder.groups.forEach(group -> groups.put(group, new TreeSet<>(BY_VALUE)));
    builder.employees.forEach(
        (employee, memberOf) -> {
          employees.put(employee.id(), employee);
          memberOf.forEach(group -> members(group, true).add(employee.id()));
        });
    builder.factors.forEach(
        (user, list) -> list.forEach(factor -> enrolled(user).put(factor.id(), factor)));
    generatedGroups.putAll(builder.generatedGroups);
  }

  /**
   * Starts a builder for an empty provider with pages of 200 and {@link #defaultCapabilities()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns what the fake supports unless its builder says otherwise: every {@link Operation}, each
   * with the provider-neutral options that apply to it ({@link OperationOption#SEND_EMAIL} and
   * {@link OperationOption#REVOKE_SESSIONS} with a reset link, {@link
   * OperationOption#REVOKE_SESSIONS} with the other password operations, {@link
   * OperationOption#REVOKE_OAUTH_TOKENS} with ending sessions), and no provider's own option. To
   * stand in for a provider, give the builder that provider's capabilities.
   *
   * @return the default capabilities
   */
  public static Capabilities defaultCapabilities() {
    return DEFAULT_CAPABILITIES;
  }

  private static final Capabilities DEFAULT_CAPABILITIES =
      Capabilities.builder()
          .operation(
              Operation.RESET_PASSWORD_LINK,
              OperationOption.SEND_EMAIL,
              OperationOption.REVOKE_SESSIONS)
          .operation(Operation.SET_TEMPORARY_PASSWORD, OperationOption.REVOKE_SESSIONS)
          .operation(Operation.EXPIRE_PASSWORD, OperationOption.REVOKE_SESSIONS)
          .operation(Operation.RESET_ALL_FACTORS)
          .operation(Operation.RESET_FACTOR)
          .operation(Operation.UNLOCK)
          .operation(Operation.REVOKE_SESSIONS, OperationOption.REVOKE_OAUTH_TOKENS)
          .operation(Operation.ISSUE_TEMPORARY_ACCESS_PASS)
          .build();

  // ---------------------------------------------------------------- IamDirectory

  @Override
  public synchronized Page<Employee> membersPage(GroupId group) {
    Objects.requireNonNull(group, "group == null");
    return page(group, null);
  }

  @Override
  public synchronized Page<Employee> membersPage(GroupId group, Page.Cursor cursor) {
    Objects.requireNonNull(group, "group == null");
    Objects.requireNonNull(cursor, "cursor == null");
    return page(group, cursor);
  }

  private Page<Employee> page(GroupId group, Page.@Nullable Cursor cursor) {
    Cursor position = cursor == null ? null : Cursor.decode(cursor, group);
    enterCall();
    pageRequests++;
    if (pagesBeforeListingFailure == 0 && listingFailure != null) {
      throw listingFailure;
    }
    if (pagesBeforeListingFailure > 0) {
      pagesBeforeListingFailure--;
    }
    GeneratedGroup generated = generatedGroups.get(group);
    if (generated != null) {
      int from = position == null ? 0 : Integer.parseInt(position.position());
      int to = Math.min(from + pageSize, generated.size());
      List<Employee> items = new ArrayList<>(Math.max(0, to - from));
      for (int i = from; i < to; i++) {
        items.add(generated.generator().apply(i));
      }
      Optional<Page.Cursor> next =
          to < generated.size()
              ? Optional.of(new Cursor(group, Integer.toString(to)).encode())
              : Optional.empty();
      return Page.of(items, next);
    }
    NavigableSet<UserId> members = groups.get(group);
    if (members == null) {
      throw new IamException.NotFound("group " + group + " does not exist", details());
    }
    NavigableSet<UserId> rest =
        position == null ? members : members.tailSet(UserId.of(position.position()), false);
    List<Employee> items = new ArrayList<>();
    Optional<Page.Cursor> next = Optional.empty();
    for (UserId id : rest) {
      if (items.size() == pageSize) {
        next = Optional.of(new Cursor(group, items.get(pageSize - 1).id().value()).encode());
        break;
      }
      items.add(Objects.requireNonNull(employees.get(id), "member without employee"));
    }
    return Page.of(items, next);
  }

  @Override
  public synchronized Optional<Employee> findById(UserId id) {
    Objects.requireNonNull(id, "id == null");
    enterCall();
    return Optional.ofNullable(employees.get(id));
  }

  @Override
  public synchronized Optional<Employee> findByLogin(String login) {
    Objects.requireNonNull(login, "login == null");
    enterCall();
    return employees.values().stream()
        .filter(e -> e.login().equalsIgnoreCase(login.strip()))
        .findFirst();
  }

  @Override
  public synchronized Optional<Employee> findByEmail(String email) {
    Objects.requireNonNull(email, "email == null");
    enterCall();
    String wanted = email.strip().toLowerCase(Locale.ROOT);
    List<Employee> matches =
        employees.values().stream()
            .filter(
                e -> e.email().map(m -> m.toLowerCase(Locale.ROOT).equals(wanted)).orElse(false))
            .sorted(Comparator.comparing(Employee::id, BY_VALUE))
            .toList();
    if (matches.size() > 1) {
      throw new IamException.AmbiguousUser(
          matches.size()
              + " users have the primary email "
              + email.strip()
              + " ("
              + matches.stream().map(e -> e.id().value()).toList()
              + "); look the user up by id or login instead",
          details());
    }
    return matches.stream().findFirst();
  }

  @Override
  public synchronized List<Factor> factors(UserId user) {
    Objects.requireNonNull(user, "user == null");
    enterCall();
    requireUser(user);
    return List.copyOf(enrolled(user).values());
  }

  @Override
  public synchronized boolean isMember(UserId user, GroupId group) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(group, "group == null");
    enterCall();
    requireUser(user);
    NavigableSet<UserId> members = groups.get(group);
    return members != null && members.contains(user);
  }

  // ---------------------------------------------------------------- ResetService

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public synchronized ResetResult.Password resetPassword(UserId user, PasswordReset request) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(request, "request == null");
    Employee employee =
        beginChange(user, request.operation(), request.options(), PASSWORD_STATUSES);
    String requestId = nextRequestId();
    Optional<Secret> link = Optional.empty();
    Optional<Secret> temporaryPassword = Optional.empty();
    EmployeeStatus after;
    switch (request.mode()) {
      case LINK -> {
        after = EmployeeStatus.RECOVERY;
        if (!request.sendEmail()) {
          link = Optional.of(Secret.of("https://fake-idp.invalid/reset/" + randomToken(24)));
        }
      }
      case TEMPORARY_PASSWORD -> {
        after = EmployeeStatus.PASSWORD_EXPIRED;
        temporaryPassword = Optional.of(Secret.of(randomToken(12)));
      }
      case EXPIRE -> after = EmployeeStatus.PASSWORD_EXPIRED;
      default -> throw new AssertionError(request.mode());
    }
    update(employee, after);
    record(request.operation(), user, request.options(), true);
    return ResetResult.Password.of(
        user,
        request.operation(),
        link,
        request.sendEmail(),
        temporaryPassword,
        request.revokeSessions(),
        Optional.of(requestId));
  }

  @Override
  public synchronized ResetResult.Mfa resetMfa(UserId user, MfaReset request) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(request, "request == null");
    Employee employee = beginChange(user, request.operation(), request.options(), MFA_STATUSES);
    Map<FactorId, Factor> enrolled = enrolled(user);
    List<FactorId> removed;
    if (request.factor().isPresent()) {
      FactorId factor = request.factor().get();
      if (!enrolled.containsKey(factor)) {
        record(request.operation(), user, request.options(), false);
        throw new IamException.NotFound(
            "user " + user + " has no enrolled factor " + factor + "; nothing was changed",
            details());
      }
      enrolled.remove(factor);
      removed = List.of(factor);
    } else if (mfaResetFailure != null
        && factorsBeforeMfaResetFailure >= 0
        && factorsBeforeMfaResetFailure < enrolled.size()) {
      throw partiallyReset(user, request, employee, enrolled);
    } else {
      removed = List.copyOf(enrolled.keySet());
      enrolled.clear();
    }
    update(employee, employee.status());
    record(request.operation(), user, request.options(), true);
    return ResetResult.Mfa.of(user, request.operation(), removed, Optional.of(nextRequestId()));
  }

  /**
   * Removes the factors an injected MFA reset failure lets through, in enrollment order, and
   * returns the failure to throw: nothing when none may be removed (the cause itself, as an adapter
   * throws it), else {@link IamException.PartiallyApplied}.
   */
  private IamException partiallyReset(
      UserId user, MfaReset request, Employee employee, Map<FactorId, Factor> enrolled) {
    IamException cause = Objects.requireNonNull(mfaResetFailure);
    List<String> ids = enrolled.keySet().stream().map(FactorId::value).toList();
    int done = factorsBeforeMfaResetFailure;
    mfaResetFailure = null;
    factorsBeforeMfaResetFailure = -1;
    if (done == 0) {
      record(request.operation(), user, request.options(), false);
      return cause;
    }
    for (String id : ids.subList(0, done)) {
      enrolled.remove(FactorId.of(id));
    }
    update(employee, employee.status());
    record(request.operation(), user, request.options(), false);
    return new IamException.PartiallyApplied(
        ids.subList(0, done),
        ids.get(done),
        ids.subList(done + 1, ids.size()),
        "the MFA reset of user " + user + " stopped midway (injected fault)",
        cause.details(),
        cause);
  }

  @Override
  public synchronized ResetResult.Unlock unlock(UserId user) {
    Objects.requireNonNull(user, "user == null");
    Employee employee =
        beginChange(user, Operation.UNLOCK, Set.of(), EnumSet.of(EmployeeStatus.LOCKED_OUT));
    update(employee, EmployeeStatus.ACTIVE);
    record(Operation.UNLOCK, user, Set.of(), true);
    return ResetResult.Unlock.of(user, EmployeeStatus.ACTIVE, Optional.of(nextRequestId()));
  }

  @Override
  public synchronized ResetResult.Sessions revokeSessions(UserId user, SessionRevocation request) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(request, "request == null");
    Set<EmployeeStatus> allowed = EnumSet.allOf(EmployeeStatus.class);
    allowed.remove(EmployeeStatus.DEPROVISIONED);
    beginChange(user, request.operation(), request.options(), allowed);
    record(request.operation(), user, request.options(), true);
    return ResetResult.Sessions.of(user, request.options(), Optional.of(nextRequestId()));
  }

  @Override
  public synchronized ResetResult.AccessPass issueTemporaryAccessPass(
      UserId user, TemporaryAccessPass request) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(request, "request == null");
    beginChange(user, request.operation(), request.options(), MFA_STATUSES);
    ResetResult.AccessPass pass =
        ResetResult.AccessPass.of(
            user,
            Secret.of(randomToken(16)),
            request.lifetime(),
            request.usableOnce(),
            Optional.of(clock.instant()),
            Optional.of(nextRequestId()));
    accessPasses.put(user, pass);
    record(request.operation(), user, request.options(), true);
    return pass;
  }

  /**
   * Runs the checks every change goes through, in the order a provider applies them: capability
   * (before anything counts as a call), injected faults, existence, privilege, status.
   */
  private Employee beginChange(
      UserId user,
      Operation operation,
      Set<OperationOption> options,
      Set<EmployeeStatus> allowedStatuses) {
    capabilities.require(operation, options);
    try {
      enterCall();
    } catch (IamException e) {
      record(operation, user, options, false);
      throw e;
    }
    Employee employee = employees.get(user);
    if (employee == null) {
      record(operation, user, options, false);
      throw new IamException.NotFound(
          "user " + user + " does not exist; nothing was changed", details());
    }
    if (privileged.contains(user)) {
      record(operation, user, options, false);
      throw new IamException.PermissionDenied(
          IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW,
          "the client's role does not allow "
              + operation
              + " on user "
              + user
              + ", who holds a more privileged role; nothing was changed",
          details());
    }
    if (!allowedStatuses.contains(employee.status())) {
      record(operation, user, options, false);
      throw new IamException.InvalidState(
          employee.providerStatus(),
          operation
              + " is not allowed for user "
              + user
              + " in status "
              + employee.providerStatus()
              + "; nothing was changed",
          details());
    }
    return employee;
  }

  // ---------------------------------------------------------------- state for tests

  /**
   * Adds an employee, or replaces the one with the same id, and makes them a member of the given
   * groups (in addition to the groups they are already in).
   *
   * @param employee the employee
   * @param memberOf the groups to add them to
   * @return this provider
   */
  public synchronized InMemoryIdentityProvider put(Employee employee, GroupId... memberOf) {
    Objects.requireNonNull(employee, "employee == null");
    employees.put(employee.id(), employee);
    for (GroupId group : memberOf) {
      members(group, true).add(employee.id());
    }
    return this;
  }

  /**
   * Deletes a user, their factors and their memberships.
   *
   * @param user the user
   * @return this provider
   */
  public synchronized InMemoryIdentityProvider delete(UserId user) {
    employees.remove(user);
    factors.remove(user);
    groups.values().forEach(members -> members.remove(user));
    return this;
  }

  /**
   * Removes a user from a group.
   *
   * @param group the group
   * @param user the user
   * @return this provider
   */
  public synchronized InMemoryIdentityProvider removeMember(GroupId group, UserId user) {
    members(group, false).remove(user);
    return this;
  }

  /**
   * Enrolls a factor for a user.
   *
   * @param user the user
   * @param factor the factor
   * @return this provider
   */
  public synchronized InMemoryIdentityProvider enroll(UserId user, Factor factor) {
    requireUser(user);
    enrolled(user).put(factor.id(), factor);
    return this;
  }

  /**
   * Returns a user's current state, without counting a call or applying faults.
   *
   * @param user the user
   * @return the employee, or empty when the user does not exist
   */
  public synchronized Optional<Employee> employee(UserId user) {
    return Optional.ofNullable(employees.get(user));
  }

  /**
   * Returns a user's enrolled factors, without counting a call or applying faults.
   *
   * @param user the user
   * @return the factors, in enrollment order
   */
  public synchronized List<Factor> enrolledFactors(UserId user) {
    Map<FactorId, Factor> enrolled = factors.get(user);
    return enrolled == null ? List.of() : List.copyOf(enrolled.values());
  }

  /**
   * Returns the Temporary Access Pass last issued to a user, without counting a call or applying
   * faults: a user has one at a time.
   *
   * @param user the user
   * @return the pass, or empty when none was issued
   */
  public synchronized Optional<ResetResult.AccessPass> accessPass(UserId user) {
    return Optional.ofNullable(accessPasses.get(user));
  }

  /**
   * Returns every change asked of this provider, made or refused, in order.
   *
   * @return the recorded operations
   */
  public synchronized List<RecordedOperation> operations() {
    return List.copyOf(operations);
  }

  /**
   * Returns how many calls reached this provider (directory and reset calls; calls refused as
   * unsupported before reaching it do not count).
   *
   * @return the number of calls
   */
  public synchronized int calls() {
    return calls;
  }

  /**
   * Returns how many pages of group members were requested.
   *
   * @return the number of page requests
   */
  public synchronized int pageRequests() {
    return pageRequests;
  }

  // ---------------------------------------------------------------- faults

  /**
   * Makes the user one the client's role may not change, as a user holding a more privileged
   * administrator role: every change to them throws {@link IamException.PermissionDenied} with
   * reason {@link IamException.PermissionDenied.Reason#ROLE_DOES_NOT_ALLOW}.
   *
   * @param user the user
   * @return this provider
   */
  public synchronized InMemoryIdentityProvider markPrivileged(UserId user) {
    privileged.add(Objects.requireNonNull(user, "user == null"));
    return this;
  }

  /**
   * Lets the next {@code calls} calls through, then throws {@link IamException.RateLimited} with
   * the given retry-after on every call until {@link #clearFaults()}.
   *
   * @param calls how many calls still succeed
   * @param retryAfter what the exception reports
   * @return this provider
   */
  public synchronized InMemoryIdentityProvider rateLimitAfter(int calls, Duration retryAfter) {
    if (calls < 0) {
      throw new IllegalArgumentException("calls must not be negative: " + calls);
    }
    this.callsBeforeRateLimit = calls;
    this.rateLimitRetryAfter = Objects.requireNonNull(retryAfter, "retryAfter == null");
    return this;
  }

  /**
   * Makes every call throw {@link IamException.ProviderUnavailable}, or stops doing so.
   *
   * @param unavailable whether the provider is down
   * @return this provider
   */
  public synchronized InMemoryIdentityProvider setUnavailable(boolean unavailable) {
    this.unavailable = unavailable;
    return this;
  }

  /**
   * Lets the next {@code pages} page requests through, then throws {@code error} on every page
   * request until {@link #clearFaults()}: a listing that fails midway.
   *
   * @param pages how many page requests still succeed
   * @param error what to throw after them
   * @return this provider
   */
  public synchronized InMemoryIdentityProvider failListingAfter(int pages, IamException error) {
    if (pages < 0) {
      throw new IllegalArgumentException("pages must not be negative: " + pages);
    }
    this.pagesBeforeListingFailure = pages;
    this.listingFailure = Objects.requireNonNull(error, "error == null");
    return this;
  }

  /**
   * Throws {@code error} from the next call that reaches this provider, once. Several queued
   * failures are thrown by consecutive calls.
   *
   * @param error what to throw
   * @return this provider
   */
  public synchronized InMemoryIdentityProvider failNextCall(IamException error) {
    nextCallFailures.add(Objects.requireNonNull(error, "error == null"));
    return this;
  }

  /**
   * Makes the next reset of all of a user's factors stop midway, as a provider that removes them
   * one request at a time may: the first {@code removed} factors (in enrollment order) are removed,
   * then {@link IamException.PartiallyApplied} is thrown naming them, the failed factor and those
   * not attempted, with {@code failure} as its cause. With {@code removed} 0, nothing is removed
   * and {@code failure} itself is thrown. A user with no more than {@code removed} factors is reset
   * as usual and the fault stays for the next reset. Once thrown, the fault is gone.
   *
   * @param removed how many factors are removed before the failure
   * @param failure the failed step's error: {@link IamException.OutcomeUnknown} when its outcome is
   *     unknown, another kind when it did not happen
   * @return this provider
   */
  public synchronized InMemoryIdentityProvider failNextMfaResetAfter(
      int removed, IamException failure) {
    if (removed < 0) {
      throw new IllegalArgumentException("removed must not be negative: " + removed);
    }
    this.factorsBeforeMfaResetFailure = removed;
    this.mfaResetFailure = Objects.requireNonNull(failure, "failure == null");
    return this;
  }

  /**
   * Removes every injected fault except privileged users.
   *
   * @return this provider
   */
  public synchronized InMemoryIdentityProvider clearFaults() {
    unavailable = false;
    callsBeforeRateLimit = -1;
    pagesBeforeListingFailure = -1;
    listingFailure = null;
    factorsBeforeMfaResetFailure = -1;
    mfaResetFailure = null;
    nextCallFailures.clear();
    return this;
  }

  // ---------------------------------------------------------------- internals

  private void enterCall() {
    calls++;
    IamException queued = nextCallFailures.poll();
    if (queued != null) {
      throw queued;
    }
    if (unavailable) {
      throw new IamException.ProviderUnavailable(
          "the provider is unavailable (injected fault)", details().withHttpStatus(503));
    }
    if (callsBeforeRateLimit == 0) {
      throw new IamException.RateLimited(
          rateLimitRetryAfter,
          "the provider's rate limit was reached (injected fault); retry after "
              + rateLimitRetryAfter,
          details().withHttpStatus(429));
    }
    if (callsBeforeRateLimit > 0) {
      callsBeforeRateLimit--;
    }
  }

  private ErrorDetails details() {
    return ErrorDetails.none().withRequestId(nextRequestId());
  }

  private String nextRequestId() {
    return "fake-" + ++requestSequence;
  }

  private void requireUser(UserId user) {
    if (!employees.containsKey(user)) {
      throw new IamException.NotFound("user " + user + " does not exist", details());
    }
  }

  private NavigableSet<UserId> members(GroupId group, boolean create) {
    if (generatedGroups.containsKey(group)) {
      throw new IllegalArgumentException(
          "group " + group + " is generated; its members cannot be changed");
    }
    NavigableSet<UserId> members =
        create ? groups.computeIfAbsent(group, g -> new TreeSet<>(BY_VALUE)) : groups.get(group);
    if (members == null) {
      throw new IllegalArgumentException("group " + group + " does not exist");
    }
    return members;
  }

  private Map<FactorId, Factor> enrolled(UserId user) {
    return factors.computeIfAbsent(user, u -> new LinkedHashMap<>());
  }

  private void update(Employee employee, EmployeeStatus status) {
    employees.put(
        employee.id(), employee.toBuilder().status(status).lastUpdated(clock.instant()).build());
  }

  private void record(
      Operation operation, UserId user, Set<OperationOption> options, boolean applied) {
    operations.add(new RecordedOperation(operation, user, options, applied));
  }

  private String randomToken(int length) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder token = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      token.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return token.toString();
  }

  @Override
  public synchronized String toString() {
    return "InMemoryIdentityProvider{employees="
        + employees.size()
        + ", groups="
        + (groups.size() + generatedGroups.size())
        + ", pageSize="
        + pageSize
        + "}";
  }

  private record GeneratedGroup(int size, IntFunction<Employee> generator) {}

  /** A position in a group's listing, encoded into an opaque {@link Page.Cursor}. */
  private record Cursor(GroupId group, String position) {
    private static final String SEPARATOR = "\n";

    Page.Cursor encode() {
      String raw = group.value() + SEPARATOR + position;
      return new Page.Cursor(
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

    static Cursor decode(Page.Cursor cursor, GroupId expectedGroup) {
      String raw;
      try {
        raw = new String(Base64.getUrlDecoder().decode(cursor.value()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "not a page cursor this provider issued: " + cursor.value(), e);
      }
      int split = raw.indexOf(SEPARATOR);
      if (split < 0 || !raw.substring(0, split).equals(expectedGroup.value())) {
        throw new IllegalArgumentException(
            "page cursor " + cursor.value() + " was not issued for group " + expectedGroup);
      }
      return new Cursor(expectedGroup, raw.substring(split + 1));
    }
  }

  /** Builds an {@link InMemoryIdentityProvider}; not thread-safe. */
  public static final class Builder {
    private int pageSize = 200;
    private Capabilities capabilities = DEFAULT_CAPABILITIES;
    private Clock clock = Clock.systemUTC();
    private long seed = 42;
    private final Set<GroupId> groups = new HashSet<>();
    private final Map<Employee, List<GroupId>> employees = new LinkedHashMap<>();
    private final Map<UserId, List<Factor>> factors = new LinkedHashMap<>();
    private final Map<GroupId, GeneratedGroup> generatedGroups = new HashMap<>();

    private Builder() {}

    /**
     * Sets how many members a page holds at most.
     *
     * @param pageSize the page size, at least 1
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets what the provider supports; by default {@link #defaultCapabilities()}. Give it a
     * provider's capabilities, its own options included, to stand in for that provider.
     *
     * @param capabilities the capabilities
     * @return this builder
     */
    public Builder capabilities(Capabilities capabilities) {
      this.capabilities = Objects.requireNonNull(capabilities, "capabilities == null");
      return this;
    }

    /**
     * Sets the clock for {@link Employee#lastUpdated()} after changes.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the seed of the reset links and temporary passwords it makes up, which are otherwise the
     * same in every run.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Declares a group, which may stay empty.
     *
     * @param group the group
     * @return this builder
     */
    public Builder group(GroupId group) {
      groups.add(Objects.requireNonNull(group, "group == null"));
      return this;
    }

    /**
     * Adds an employee and makes them a member of the given groups.
     *
     * @param employee the employee; ids must be unique
     * @param memberOf the groups
     * @return this builder
     */
    public Builder employee(Employee employee, GroupId... memberOf) {
      Objects.requireNonNull(employee, "employee == null");
      if (employees.keySet().stream().anyMatch(e -> e.id().equals(employee.id()))) {
        throw new IllegalArgumentException("employee " + employee.id() + " was already added");
      }
      employees.put(employee, List.of(memberOf));
      groups.addAll(List.of(memberOf));
      return this;
    }

    /**
     * Enrolls a factor for an employee added to this builder.
     *
     * @param user the employee's id
     * @param factor the factor
     * @return this builder
     */
    public Builder factor(UserId user, Factor factor) {
      factors
          .computeIfAbsent(Objects.requireNonNull(user, "user == null"), u -> new ArrayList<>())
          .add(Objects.requireNonNull(factor, "factor == null"));
      return this;
    }

    /**
     * Adds a group whose members are produced on demand, page by page, and never stored: for tests
     * of very large groups. Its members can be listed but not looked up or changed.
     *
     * @param group the group
     * @param size how many members it has
     * @param generator makes the member at an index from 0 to {@code size - 1}; must return the
     *     same employee for the same index
     * @return this builder
     */
    public Builder generatedGroup(GroupId group, int size, IntFunction<Employee> generator) {
      Objects.requireNonNull(group, "group == null");
      Objects.requireNonNull(generator, "generator == null");
      if (size < 0) {
        throw new IllegalArgumentException("size must not be negative: " + size);
      }
      generatedGroups.put(group, new GeneratedGroup(size, generator));
      return this;
    }

    /**
     * Builds the provider.
     *
     * @return a new provider holding what was added
     */
    public InMemoryIdentityProvider build() {
      Set<UserId> known = new HashSet<>();
      employees.keySet().forEach(e -> known.add(e.id()));
      for (UserId user : factors.keySet()) {
        if (!known.contains(user)) {
          throw new IllegalStateException(
              "factor enrolled for user " + user + ", who was not added with employee(...)");
        }
      }
      for (GroupId group : generatedGroups.keySet()) {
        if (groups.contains(group)) {
          throw new IllegalStateException(
              "group " + group + " is both generated and has added members");
        }
      }
      return new InMemoryIdentityProvider(this);
    }
  }
}
