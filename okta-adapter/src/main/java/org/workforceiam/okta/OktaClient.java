package org.workforceiam.okta;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.AuditListener;
import org.workforceiam.core.Capabilities;
import org.workforceiam.core.Employee;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.Factor;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.Page;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;
import org.workforceiam.http.AccessToken;
import org.workforceiam.http.PrivateKeys;
import org.workforceiam.http.ServiceAppKey;
import org.workforceiam.http.Sleeper;

/**
 * A client for one Okta org, acting as one API Services app that authenticates with a private key
 * ({@code private_key_jwt}) and, when the app requires it, DPoP.
 *
 * <pre>{@code
 * try (OktaClient okta = OktaClient.builder()
 *     .orgUrl("https://yourcompany.okta.com")
 *     .clientId("0oa1bcd2efGHIJ3kl4x7")
 *     .privateKeyFile(Path.of("okta-app.pem"))
 *     .build()) {
 *   // use it
 * }
 * }</pre>
 *
 * <p>Build one client per configuration and share it: it is immutable and thread-safe, and caches
 * its access token. {@link #close()} releases the HTTP threads and connections when the client
 * created its own {@link OkHttpClient}; a client given one by {@link
 * Builder#httpClient(OkHttpClient)} leaves it to its owner.
 */
public final class OktaClient implements IamDirectory, ResetService, AutoCloseable {
  /** The scopes requested when none are configured: enough to list a group and reset users. */
  public static final List<String> DEFAULT_SCOPES =
      List.of("okta.groups.read", "okta.users.manage");

  private final OktaConnection connection;
  private final OktaDirectory directory;
  private final OktaResets oktaResets;
  private final String clientId;
  private final Optional<GroupId> group;
  private final Optional<ResetService> guardedResets;

  private OktaClient(
      OktaConnection connection, String clientId, Optional<GroupId> group, AuditListener audit) {
    this.connection = connection;
    this.directory = connection.directory();
    this.oktaResets = new OktaResets(connection.orgUrl(), connection.api(), directory);
    this.clientId = clientId;
    this.group = group;
    this.guardedResets =
        group.map(
            g ->
                ResetService.audited(
                    ResetService.groupScoped(oktaResets, directory, g), audit, connection.clock()));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the group of employees this client was configured with.
   *
   * @return the group, when {@link Builder#groupId(String)} was set
   */
  public Optional<GroupId> group() {
    return group;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sends {@code GET /api/v1/groups/{groupId}/users?limit=N} with the configured page size.
   */
  @Override
  public Page<Employee> membersPage(GroupId group) {
    return directory.membersPage(group);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The cursor is the URL of Okta's {@code next} link; one that points to another host is
   * refused before any request is sent.
   */
  @Override
  public Page<Employee> membersPage(GroupId group, Page.Cursor cursor) {
    return directory.membersPage(group, cursor);
  }

  @Override
  public Optional<Employee> findById(UserId id) {
    return directory.findById(id);
  }

  @Override
  public Optional<Employee> findByLogin(String login) {
    return directory.findByLogin(login);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Searches {@code profile.email eq "…"}; Okta's search is eventually consistent, so a user
   * created moments ago may not be found yet.
   */
  @Override
  public Optional<Employee> findByEmail(String email) {
    return directory.findByEmail(email);
  }

  /**
   * {@inheritDoc}
   *
   * <p>An id or a login takes one request to Okta; an email address that is neither takes a second,
   * a search.
   */
  @Override
  public Optional<Employee> find(String idLoginOrEmail) {
    return directory.find(idLoginOrEmail);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One request to Okta, which takes either.
   */
  @Override
  public Optional<Employee> findByIdOrLogin(String idOrLogin) {
    return directory.findByIdOrLogin(idOrLogin);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Okta lists only the factors that the highest-priority authenticator enrollment policy marks
   * required or optional, judged in this app's context (its network zone, for example), so a user
   * may have enrolled factors this list does not show.
   */
  @Override
  public List<Factor> factors(UserId user) {
    return directory.factors(user);
  }

  @Override
  public boolean isMember(UserId user, GroupId group) {
    return directory.isMember(user, group);
  }

  // ------------------------------------------------------------------ connection check

  /**
   * Tests the connection as an admin does after setting the app up: gets a token, compares the
   * scopes Okta granted with those requested, reads the configured group and its first page. Never
   * throws for what it finds; problems are collected in the result.
   *
   * @return what was found
   */
  public ConnectionCheck check() {
    List<IamException> problems = new ArrayList<>();
    List<String> requested = connection.requestedScopes();
    String org = connection.orgUrl().toString().replaceAll("/$", "");
    AccessToken token;
    try {
      token = connection.tokens().get();
    } catch (IamException e) {
      problems.add(e);
      return ConnectionCheck.of(
          org, Optional.empty(), requested, List.of(), group, false, OptionalInt.empty(), problems);
    }
    List<String> granted = List.copyOf(token.grantedScopes());
    List<String> missing = requested.stream().filter(s -> !granted.contains(s)).toList();
    if (!missing.isEmpty()) {
      problems.add(
          new IamException.PermissionDenied(
              IamException.PermissionDenied.Reason.MISSING_GRANT,
              "Okta granted "
                  + granted
                  + " but not "
                  + missing
                  + "; grant them to the app in the Admin Console under its Okta API Scopes",
              ErrorDetails.none()));
    }
    boolean readable = false;
    OptionalInt firstPage = OptionalInt.empty();
    if (group.isPresent()) {
      try {
        directory.groupName(group.get());
        readable = true;
        firstPage = OptionalInt.of(directory.membersPage(group.get()).items().size());
      } catch (IamException e) {
        problems.add(e);
      }
    }
    return ConnectionCheck.of(
        org, Optional.of(token.scheme()), requested, granted, group, readable, firstPage, problems);
  }

  // ------------------------------------------------------------------ ResetService

  /**
   * {@inheritDoc}
   *
   * <p>Okta supports every {@link Operation}: reset links (returned or emailed), temporary
   * passwords and expiry, each optionally ending the sessions; resetting all factors or one
   * (optionally removing the phone as a recovery method); unlock; and ending sessions (optionally
   * with OAuth tokens and remembered devices).
   */
  @Override
  public Capabilities capabilities() {
    return OktaResets.CAPABILITIES;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sends {@code POST /api/v1/users/{id}/lifecycle/reset_password?sendEmail=…&revokeSessions=…},
   * {@code …/expire_password_with_temp_password?revokeSessions=…} or {@code …/expire_password}
   * (followed, with revokeSessions, by {@code DELETE /api/v1/users/{id}/sessions}). Refused for a
   * user outside the configured group before anything is sent; audited.
   *
   * @throws IllegalStateException when the client was built without {@link Builder#groupId}
   */
  @Override
  public ResetResult.Password resetPassword(UserId user, PasswordReset request) {
    return resets().resetPassword(user, request);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sends {@code POST /api/v1/users/{id}/lifecycle/reset_factors} (after listing the factors it
   * will remove) or {@code DELETE /api/v1/users/{id}/factors/{factorId}}. Refused for a user
   * outside the configured group before anything is sent; audited.
   *
   * @throws IllegalStateException when the client was built without {@link Builder#groupId}
   */
  @Override
  public ResetResult.Mfa resetMfa(UserId user, MfaReset request) {
    return resets().resetMfa(user, request);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sends {@code POST /api/v1/users/{id}/lifecycle/unlock}; Okta unlocks only users it is the
   * source of, not users sourced from Active Directory. Refused for a user outside the configured
   * group before anything is sent; audited.
   *
   * @throws IllegalStateException when the client was built without {@link Builder#groupId}
   */
  @Override
  public ResetResult.Unlock unlock(UserId user) {
    return resets().unlock(user);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sends {@code DELETE /api/v1/users/{id}/sessions}. Refused for a user outside the configured
   * group before anything is sent; audited.
   *
   * @throws IllegalStateException when the client was built without {@link Builder#groupId}
   */
  @Override
  public ResetResult.Sessions revokeSessions(UserId user, SessionRevocation request) {
    return resets().revokeSessions(user, request);
  }

  private ResetService resets() {
    return guardedResets.orElseThrow(
        () ->
            new IllegalStateException(
                "changes are made only for members of the employees group: build the client with"
                    + " groupId(\"00g…\")"));
  }

  // ------------------------------------------------------------------ dry runs

  /**
   * Works out what {@link #resetPassword} would do, changing nothing: checks the capability and the
   * group guard, asks Okta whether it offers the operation for the user now, and returns the exact
   * requests it would send.
   *
   * @param user the user
   * @param request the reset
   * @return what the reset would do
   * @throws IamException.PermissionDenied when the user is outside the configured group
   * @throws IamException.NotFound when the user does not exist
   */
  public DryRun dryRun(UserId user, PasswordReset request) {
    return dryRun(user, request.operation(), request.options(), oktaResets.plan(user, request));
  }

  /**
   * Works out what {@link #resetMfa} would do, changing nothing; see {@link #dryRun(UserId,
   * PasswordReset)}.
   *
   * @param user the user
   * @param request the reset
   * @return what the reset would do
   */
  public DryRun dryRun(UserId user, MfaReset request) {
    return dryRun(user, request.operation(), request.options(), oktaResets.plan(user, request));
  }

  /**
   * Works out what {@link #unlock} would do, changing nothing; see {@link #dryRun(UserId,
   * PasswordReset)}.
   *
   * @param user the user
   * @return what the unlock would do
   */
  public DryRun dryRunUnlock(UserId user) {
    return dryRun(user, Operation.UNLOCK, Set.of(), oktaResets.planUnlock(user));
  }

  /**
   * Works out what {@link #revokeSessions} would do, changing nothing; see {@link #dryRun(UserId,
   * PasswordReset)}.
   *
   * @param user the user
   * @param request the revocation
   * @return what the revocation would do
   */
  public DryRun dryRun(UserId user, SessionRevocation request) {
    return dryRun(user, request.operation(), request.options(), oktaResets.plan(user, request));
  }

  private DryRun dryRun(
      UserId user,
      Operation operation,
      Set<OperationOption> options,
      List<OktaResets.PlannedRequest> planned) {
    Objects.requireNonNull(user, "user == null");
    GroupId employees =
        group.orElseThrow(
            () ->
                new IllegalStateException(
                    "changes are made only for members of the employees group: build the client with"
                        + " groupId(\"00g…\")"));
    capabilities().require(operation, options);
    if (!directory.isMember(user, employees)) {
      throw new IamException.PermissionDenied(
          IamException.PermissionDenied.Reason.OUTSIDE_GROUP,
          "user "
              + user
              + " is not a member of group "
              + employees
              + ", the only group this client may change; nothing would be done",
          ErrorDetails.none());
    }
    String link = OktaResets.linkFor(operation);
    Optional<Boolean> available =
        link == null ? Optional.empty() : Optional.of(directory.links(user).contains(link));
    List<DryRun.Request> requests =
        planned.stream()
            .map(
                r ->
                    DryRun.Request.of(
                        r.method(),
                        r.url().encodedPath()
                            + (r.url().encodedQuery() == null ? "" : "?" + r.url().encodedQuery())))
            .toList();
    return DryRun.of(user, operation, options, requests, available);
  }

  /** The token source and authorizing transport behind this client, for this package's tests. */
  OktaConnection connection() {
    return connection;
  }

  /** Releases the HTTP client's threads and connections if this client created it. */
  @Override
  public void close() {
    connection.close();
  }

  /** {@return the org URL and client id; never a key or token} */
  @Override
  public String toString() {
    return "OktaClient{orgUrl=" + connection.orgUrl() + ", clientId=" + clientId + "}";
  }

  /**
   * Configures an {@link OktaClient}. Not thread-safe. {@link #build()} checks everything and
   * parses the key, and does no network I/O.
   */
  public static final class Builder {
    private @Nullable String orgUrl;
    private @Nullable String clientId;
    private @Nullable KeySource keySource;
    private @Nullable String keyId;
    private List<String> scopes = DEFAULT_SCOPES;
    private @Nullable OkHttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private DpopMode dpopMode = DpopMode.AUTO;
    private HttpLogging httpLogging = HttpLogging.NONE;
    private @Nullable String groupId;
    private int pageSize = OktaConnection.DEFAULT_PAGE_SIZE;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private AuditListener auditListener = AuditListener.logging();

    private Builder() {}

    /**
     * Sets where audit events of changes go; by default {@link AuditListener#logging()}. Every
     * attempted change, refused or not, produces one event; none holds a secret.
     *
     * @param auditListener the listener
     * @return this builder
     */
    public Builder auditListener(AuditListener auditListener) {
      this.auditListener = Objects.requireNonNull(auditListener, "auditListener == null");
      return this;
    }

    /**
     * Sets the group of all active employees, whose members this client syncs and may change
     * ({@code 00g…}, from the group's page in the Admin Console).
     *
     * @param groupId the group id
     * @return this builder
     */
    public Builder groupId(String groupId) {
      this.groupId = Objects.requireNonNull(groupId, "groupId == null");
      return this;
    }

    /**
     * Sets how many members to ask Okta for per page; by default 1000, Okta's own default. A page
     * that Okta cannot produce in time is asked for again with half the size, down to 200. Okta's
     * documentation recommends 200, but against a rate limit of a few hundred list requests a
     * minute, 1000 needs a fifth of the requests.
     *
     * @param pageSize the page size, 1 to 10,000
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 10_000) {
        throw new IllegalArgumentException("pageSize must be 1 to 10000: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets when to retry rate-limited and failed calls and when to give up; by default {@link
     * RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Sets the org's URL, such as {@code https://yourcompany.okta.com}. It must be {@code
     * https://}; {@code http://} is accepted only for loopback hosts (tests and demos). A trailing
     * slash is dropped; a path, query or fragment, or the Admin Console's {@code -admin} host, is
     * refused by {@link #build()}.
     *
     * @param orgUrl the org URL
     * @return this builder
     */
    public Builder orgUrl(String orgUrl) {
      this.orgUrl = Objects.requireNonNull(orgUrl, "orgUrl == null");
      return this;
    }

    /**
     * Sets the API Services app's client id.
     *
     * @param clientId the client id, such as {@code 0oa1bcd2efGHIJ3kl4x7}
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId == null");
      return this;
    }

    /**
     * Reads the app's private key from a file: PEM (PKCS#8 {@code BEGIN PRIVATE KEY}, PKCS#1 {@code
     * BEGIN RSA PRIVATE KEY} or SEC1 {@code BEGIN EC PRIVATE KEY}) or a JWK JSON private key. RSA
     * keys need 2048 bits or more; EC keys P-256, P-384 or P-521.
     *
     * @param file the key file, read by {@link #build()}
     * @return this builder
     */
    public Builder privateKeyFile(Path file) {
      Objects.requireNonNull(file, "file == null");
      this.keySource = () -> PrivateKeys.fromFile(file);
      return this;
    }

    /**
     * Takes the app's private key as text, for example from an environment variable: PEM or JWK
     * JSON, as for {@link #privateKeyFile(Path)}.
     *
     * @param pemOrJwk the key text, parsed by {@link #build()}
     * @return this builder
     */
    public Builder privateKey(String pemOrJwk) {
      Objects.requireNonNull(pemOrJwk, "pemOrJwk == null");
      this.keySource = () -> PrivateKeys.fromText(pemOrJwk, "the private key text");
      return this;
    }

    /**
     * Takes the app's private key as a key object.
     *
     * @param key an RSA (2048 bits or more) or EC (P-256, P-384, P-521) private key
     * @return this builder
     */
    public Builder privateKey(PrivateKey key) {
      Objects.requireNonNull(key, "key == null");
      this.keySource = () -> PrivateKeys.fromKey(key, null);
      return this;
    }

    /**
     * Sets the key id ({@code kid}) Okta shows for the app's public key. Without it, a JWK private
     * key's own {@code kid} is used; Okta can also match the key without one.
     *
     * @param keyId the key id
     * @return this builder
     */
    public Builder keyId(String keyId) {
      this.keyId = Objects.requireNonNull(keyId, "keyId == null");
      return this;
    }

    /**
     * Sets the scopes to request; by default {@link #DEFAULT_SCOPES}. They must be granted to the
     * app under its Okta API Scopes.
     *
     * @param scopes the scopes
     * @return this builder
     */
    public Builder scopes(List<String> scopes) {
      Objects.requireNonNull(scopes, "scopes == null");
      this.scopes = List.copyOf(scopes);
      return this;
    }

    /**
     * Uses the caller's HTTP client, so its proxy, TLS, timeouts, connection pool and dispatcher
     * are honoured. The client is shared, not closed, by {@link OktaClient#close()}.
     *
     * @param httpClient the HTTP client
     * @return this builder
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /**
     * Sets the clock for token expiry and the times in signed JWTs; by default the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets whether to use DPoP; by default {@link DpopMode#AUTO}.
     *
     * @param dpopMode the mode
     * @return this builder
     */
    public Builder dpopMode(DpopMode dpopMode) {
      this.dpopMode = Objects.requireNonNull(dpopMode, "dpopMode == null");
      return this;
    }

    /**
     * Sets how much HTTP traffic to log; by default {@link HttpLogging#NONE}. Secrets are redacted
     * at every level.
     *
     * @param httpLogging the level
     * @return this builder
     */
    public Builder httpLogging(HttpLogging httpLogging) {
      this.httpLogging = Objects.requireNonNull(httpLogging, "httpLogging == null");
      return this;
    }

    /**
     * Checks the configuration, parses the key and builds the client. Does no network I/O.
     *
     * @return the client
     * @throws IllegalStateException when the org URL, client id or private key was not set
     * @throws IamException.InvalidConfiguration when a value is invalid; the message names it and
     *     the fix
     */
    public OktaClient build() {
      if (orgUrl == null) {
        throw new IllegalStateException(
            "orgUrl is required: call orgUrl(\"https://yourcompany.okta.com\")");
      }
      if (clientId == null) {
        throw new IllegalStateException(
            "clientId is required: call clientId(...) with the API Services app's client id");
      }
      if (keySource == null) {
        throw new IllegalStateException(
            "a private key is required: call privateKeyFile(path), privateKey(text) or"
                + " privateKey(key)");
      }
      var url = OrgUrl.parse(orgUrl);
      String client = clientId.strip();
      if (client.isEmpty() || client.chars().anyMatch(Character::isWhitespace)) {
        throw invalid(
            "the client id '"
                + clientId
                + "' is blank or contains white space; copy it from the app's General tab in Okta");
      }
      List<String> requested = new ArrayList<>();
      for (String scope : scopes) {
        String trimmed = scope.strip();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(Character::isWhitespace)) {
          throw invalid("scope '" + scope + "' is blank or contains white space");
        }
        requested.add(trimmed);
      }
      if (requested.isEmpty()) {
        throw invalid("at least one scope is required, for example " + DEFAULT_SCOPES);
      }
      ServiceAppKey key = keySource.load();
      if (keyId != null) {
        if (keyId.isBlank()) {
          throw invalid("the key id is blank; give the kid Okta shows for the app's public key");
        }
        key = key.withKeyId(keyId.strip());
      }
      Optional<GroupId> group = Optional.empty();
      if (groupId != null) {
        String trimmed = groupId.strip();
        if (!OktaIds.isGroupId(trimmed)) {
          throw invalid("the group id " + OktaIds.groupMessage(trimmed));
        }
        group = Optional.of(GroupId.of(trimmed));
      }
      OktaConnection connection =
          new OktaConnection(
              url,
              client,
              key,
              requested,
              httpClient,
              clock,
              dpopMode,
              httpLogging,
              pageSize,
              retryPolicy,
              Sleeper.SYSTEM,
              () -> ThreadLocalRandom.current().nextDouble());
      return new OktaClient(connection, client, group, auditListener);
    }

    private static IamException.InvalidConfiguration invalid(String message) {
      return new IamException.InvalidConfiguration(message, ErrorDetails.none());
    }

    /** Reads the key when {@link #build()} runs. */
    @FunctionalInterface
    private interface KeySource {
      ServiceAppKey load();
    }
  }
}
