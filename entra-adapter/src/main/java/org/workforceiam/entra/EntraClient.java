package org.workforceiam.entra;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.AuditListener;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Operation;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.http.BaseUrls;
import org.workforceiam.http.Sleeper;

/**
 * A client for one Microsoft Entra ID tenant, acting as one app registration through Microsoft
 * Graph with application permissions (client credentials: a certificate or a client secret).
 *
 * <pre>{@code
 * try (EntraClient entra = EntraClient.builder()
 *     .tenantId("72f988bf-86f1-41af-91ab-2d7cd011db47")
 *     .clientId("6731de76-14a6-49ae-97bc-6eba6914391e")
 *     .credential(EntraCredential.certificateFiles(
 *         Path.of("entra-app.key.pem"), Path.of("entra-app.cert.pem")))
 *     .build()) {
 *   GroupId employees = GroupId.of("02bd9fd6-8f93-4758-87c3-1fb73740a315");
 *   EntraConnectionCheck check = entra.check(employees);   // set-up diagnostics
 *   IamDirectory directory = entra.directory();            // sync, find, factors
 *   ResetService resets = entra.resets(employees);         // changes, members only, no admins
 *   ResetResult.AccessPass tap = resets.issueTemporaryAccessPass(
 *       user, TemporaryAccessPass.usableOnce(Duration.ofHours(1)));
 * }
 * }</pre>
 *
 * <p>{@link #directory()} reads the tenant; {@link #resets(GroupId)} changes members of one group
 * who hold no directory role, every attempt audited; {@link #dryRuns(GroupId)} works out what a
 * change would do through the same checks, changing nothing; {@link #check(GroupId)} diagnoses the
 * set-up. The app needs the application permissions {@link #REQUIRED_PERMISSIONS}, granted with
 * admin consent, and, to set temporary passwords, a directory role (Helpdesk, Password or User
 * Administrator).
 *
 * <p>Build one client per configuration and share it: it is immutable and thread-safe, and caches
 * its access token. Building does no I/O. {@link #close()} releases the HTTP threads and
 * connections when the client created its own {@link OkHttpClient}.
 */
public final class EntraClient implements AutoCloseable {
  /** The default authority of the global cloud. */
  public static final String DEFAULT_AUTHORITY_URL = "https://login.microsoftonline.com";

  /** The default Microsoft Graph of the global cloud. */
  public static final String DEFAULT_GRAPH_URL = "https://graph.microsoft.com";

  /** The most members Graph returns on one page ({@code $top}), and the default page size. */
  public static final int MAX_PAGE_SIZE = 999;

  /**
   * The Microsoft Graph application permissions this SDK needs, least privileged: reading group
   * members and users, authentication methods (to list and delete them, and to issue a Temporary
   * Access Pass), setting temporary passwords, revoking sessions, and reading directory roles (to
   * refuse changes to administrators).
   */
  public static final List<String> REQUIRED_PERMISSIONS =
      List.of(
          "GroupMember.Read.All",
          "User.Read.All",
          "UserAuthenticationMethod.ReadWrite.All",
          "User-PasswordProfile.ReadWrite.All",
          "User.RevokeSessions.All",
          "RoleManagement.Read.Directory");

  private final EntraConnection connection;
  private final String clientId;
  private final EntraResets entraResets;
  private final PrivilegedUserGuard privileged;
  private final AuditListener audit;

  private EntraClient(EntraConnection connection, String clientId, AuditListener audit) {
    this.connection = connection;
    this.clientId = clientId;
    this.entraResets =
        new EntraResets(connection.graphUrl(), connection.graph(), connection.directory());
    this.privileged = new PrivilegedUserGuard(connection.graphUrl(), connection.graph());
    this.audit = audit;
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
   * Returns the tenant's directory: a group's transitive user members page by page ({@code GET
   * /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user}, following {@code @odata.nextLink} on
   * the Graph origin only), users by object id, userPrincipalName or mail, their authentication
   * methods as factors, and transitive membership ({@code checkMemberGroups}).
   *
   * <p>Employees map from Graph users as: id = object id, login = {@code userPrincipalName}, first
   * and last name = {@code givenName} and {@code surname}, email = {@code mail} (users without a
   * mailbox have none and are reported as incomplete profiles), status {@code ACTIVE} when {@code
   * accountEnabled} is true, {@code DISABLED} when it is false. Object ids are GUIDs: any other
   * user or group id is refused with {@link IllegalArgumentException} before any request.
   *
   * @return the directory; thread-safe
   */
  public IamDirectory directory() {
    return connection.directory();
  }

  /**
   * Returns the service that changes users' credentials and sessions, for members of one group who
   * hold no directory role. Before anything is sent, every change passes, in this order:
   *
   * <ol>
   *   <li>the ids (a user id must be an object id, a method id of Graph's form: {@link
   *       IllegalArgumentException}) and the operation and its options ({@link
   *       IamException.OperationNotSupported}, before any request, not even the token's);
   *   <li>the group guard: {@code POST /v1.0/users/{id}/checkMemberGroups}, transitive; a
   *       non-member is {@link IamException.PermissionDenied} {@code OUTSIDE_GROUP};
   *   <li>the privileged-user check: a user who holds any directory role, active or eligible (PIM),
   *       directly or through a role-assignable group, at the tenant or an administrative unit, is
   *       {@link IamException.PermissionDenied} {@code PRIVILEGED_USER} naming the roles; roles
   *       that cannot be read (403) refuse the change too ({@code MISSING_GRANT}). Graph's
   *       application permissions reach every user, administrators included, so this check, not
   *       Graph, keeps a stolen key of this app from taking over an administrator's account (see
   *       the README, "Privileged users").
   * </ol>
   *
   * <p>Every attempt, refused or not, goes to the builder's {@link
   * Builder#auditListener(AuditListener) audit listener}, with the actor of {@link
   * ResetService#withActor(String)}.
   *
   * <p>What Entra supports ({@link ResetService#capabilities()}):
   *
   * <ul>
   *   <li>{@link Operation#SET_TEMPORARY_PASSWORD} ({@code PATCH /v1.0/users/{id}} with a generated
   *       20-character password and {@code forceChangePasswordNextSignIn}), with {@code
   *       REVOKE_SESSIONS} ({@code POST …/revokeSignInSessions} after it; if that fails, {@link
   *       IamException.PartiallyApplied} whose {@code result()} holds the password that is in
   *       force);
   *   <li>{@link Operation#RESET_ALL_FACTORS} and {@link Operation#RESET_FACTOR}: the methods
   *       listed, then {@code DELETE …/authentication/{collection}/{methodId}} for each, the
   *       default method last (retried after the others when Graph refuses it); a reset stopped
   *       midway is {@link IamException.PartiallyApplied}; one method Graph will not delete now is
   *       {@link IamException.InvalidState};
   *   <li>{@link Operation#REVOKE_SESSIONS} ({@code POST …/revokeSignInSessions}), with {@code
   *       REVOKE_OAUTH_TOKENS} accepted: Graph always revokes the refresh tokens;
   *   <li>{@link Operation#ISSUE_TEMPORARY_ACCESS_PASS} ({@code POST
   *       …/authentication/temporaryAccessPassMethods}); a lifetime outside the tenant's policy is
   *       {@link IamException.InvalidState}.
   * </ul>
   *
   * <p>{@link Operation#RESET_PASSWORD_LINK}, {@link Operation#EXPIRE_PASSWORD} and {@link
   * Operation#UNLOCK} have no Graph API, and Okta's options are not Entra's: all are refused with
   * {@link IamException.OperationNotSupported} before any request. No write is ever repeated where
   * Graph may have acted: a lost answer is {@link IamException.OutcomeUnknown}.
   *
   * @param employees the group whose members may be changed (its object id, a GUID)
   * @return the guarded, audited service; thread-safe
   * @throws IllegalArgumentException when the group id is not a GUID
   */
  public ResetService resets(GroupId employees) {
    GroupId group = EntraIds.requireGroup(employees);
    ResetService guarded = ResetService.intercepted(entraResets, privileged);
    guarded = ResetService.groupScoped(guarded, connection.directory(), group);
    guarded = ResetService.intercepted(guarded, EntraPreflight.INSTANCE);
    return ResetService.audited(guarded, audit, connection.clock());
  }

  /**
   * Works out what changes would do, changing nothing: each plan passes the same checks as {@link
   * #resets(GroupId)}, in the same order (ids and capabilities, group guard, privileged-user
   * check), and returns the requests the change would send (for an MFA reset, the user's methods
   * are listed to plan the deletes). {@link org.workforceiam.core.DryRun#available()} is always
   * empty. Nothing is audited.
   *
   * @param employees the group whose members may be changed (its object id, a GUID)
   * @return the dry runs; thread-safe
   * @throws IllegalArgumentException when the group id is not a GUID
   */
  public DryRuns dryRuns(GroupId employees) {
    GroupId group = EntraIds.requireGroup(employees);
    return new EntraDryRuns(
        entraResets,
        List.of(
            EntraPreflight.INSTANCE,
            ResetService.groupGuard(connection.directory(), group),
            privileged));
  }

  /**
   * Tests the set-up as an admin does after registering the app: gets a token, compares its {@code
   * roles} (the application permissions granted with admin consent) with {@link
   * #REQUIRED_PERMISSIONS}, reads the group and its first page, and warns when the certificate
   * expires within 30 days. Never throws for what it finds: problems are collected in the result.
   *
   * @param employees the group of all employees (its object id, a GUID)
   * @return what was found
   * @throws IllegalArgumentException when the group id is not a GUID
   */
  public EntraConnectionCheck check(GroupId employees) {
    return EntraConnectionChecker.check(connection, EntraIds.requireGroup(employees));
  }

  /** The wiring behind this client: where the reset service connects. */
  EntraConnection connection() {
    return connection;
  }

  /** Releases the HTTP client's threads and connections if this client created it. */
  @Override
  public void close() {
    connection.close();
  }

  /** {@return the tenant, client id and kind of credential; never a key, secret or token} */
  @Override
  public String toString() {
    return "EntraClient{tenant="
        + connection.tenant()
        + ", clientId="
        + clientId
        + ", credential="
        + connection.credential()
        + "}";
  }

  /**
   * Configures an {@link EntraClient}. Not thread-safe. {@link #build()} checks everything and does
   * no I/O.
   */
  public static final class Builder {
    private @Nullable String tenantId;
    private @Nullable String clientId;
    private @Nullable EntraCredential credential;
    private String authorityUrl = DEFAULT_AUTHORITY_URL;
    private String graphUrl = DEFAULT_GRAPH_URL;
    private @Nullable OkHttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private HttpLogging httpLogging = HttpLogging.NONE;
    private int pageSize = MAX_PAGE_SIZE;
    private IamEventListener eventListener = IamEventListener.NONE;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
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
     * Sets the tenant: its Directory (tenant) ID, a GUID, or a verified domain such as {@code
     * contoso.onmicrosoft.com}.
     *
     * @param tenantId the tenant
     * @return this builder
     */
    public Builder tenantId(String tenantId) {
      this.tenantId = Objects.requireNonNull(tenantId, "tenantId == null");
      return this;
    }

    /**
     * Sets the app registration's Application (client) ID, a GUID.
     *
     * @param clientId the client id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId == null");
      return this;
    }

    /**
     * Sets how the app proves itself: a certificate or a client secret.
     *
     * @param credential the credential
     * @return this builder
     */
    public Builder credential(EntraCredential credential) {
      this.credential = Objects.requireNonNull(credential, "credential == null");
      return this;
    }

    /**
     * Sets the authority (the sign-in host); by default {@value #DEFAULT_AUTHORITY_URL}. Sovereign
     * clouds have their own, such as {@code https://login.microsoftonline.us}. It must be {@code
     * https://} ({@code http://} only for loopback hosts, for tests) and have no path.
     *
     * @param authorityUrl the authority's origin
     * @return this builder
     */
    public Builder authorityUrl(String authorityUrl) {
      this.authorityUrl = Objects.requireNonNull(authorityUrl, "authorityUrl == null");
      return this;
    }

    /**
     * Sets Microsoft Graph's origin; by default {@value #DEFAULT_GRAPH_URL}. Sovereign clouds have
     * their own, such as {@code https://graph.microsoft.us}; the token's scope is this URL's {@code
     * /.default}. The same rules as {@link #authorityUrl(String)}.
     *
     * @param graphUrl Graph's origin
     * @return this builder
     */
    public Builder graphUrl(String graphUrl) {
      this.graphUrl = Objects.requireNonNull(graphUrl, "graphUrl == null");
      return this;
    }

    /**
     * Uses the caller's HTTP client for what it is meant to share: its connection pool, dispatcher,
     * proxy settings, socket and TLS settings, DNS, protocols and timeouts. Its interceptors, event
     * listener, cache, cookie jar and authenticator are dropped from the clients this SDK derives,
     * because every request carries a token, a client assertion or a secret; redirects and OkHttp's
     * own retries are off. The client is shared, not closed, by {@link EntraClient#close()}.
     *
     * @param httpClient the HTTP client
     * @return this builder
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
      return this;
    }

    /**
     * Sets the clock for token expiry, assertion times and retry deadlines; by default the system
     * clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets when to retry throttled and failed calls and when to give up; by default {@link
     * RetryPolicy#defaults()}. Graph's {@code Retry-After} is honoured within it.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Sets how much HTTP traffic to log (logger {@code org.workforceiam.entra.http}); by default
     * {@link HttpLogging#NONE}. Credentials are redacted and bodies never logged, at every level.
     *
     * @param httpLogging the level
     * @return this builder
     */
    public Builder httpLogging(HttpLogging httpLogging) {
      this.httpLogging = Objects.requireNonNull(httpLogging, "httpLogging == null");
      return this;
    }

    /**
     * Sets how many members to ask Graph for per page ({@code $top}); by default {@value
     * #MAX_PAGE_SIZE}, Graph's most for group members, which needs the fewest requests.
     *
     * @param pageSize 1 to 999
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException(
            "pageSize must be 1 to " + MAX_PAGE_SIZE + ": " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets where this client's telemetry goes: each request (endpoint templates such as {@code GET
     * /v1.0/groups/{groupId}/transitiveMembers/microsoft.graph.user}, never a URL, id or secret),
     * retry, rate-limit wait, token fetch and page; by default {@link IamEventListener#NONE}, which
     * costs nothing. The {@code workforce-iam-micrometer} module turns the events into meters.
     * Events are not the audit trail.
     *
     * @param eventListener the listener; thread-safe and quick, since it is called on the calling
     *     thread
     * @return this builder
     */
    public Builder eventListener(IamEventListener eventListener) {
      this.eventListener = Objects.requireNonNull(eventListener, "eventListener == null");
      return this;
    }

    /** Sets how to wait between attempts; for this package's tests. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Sets the random values in [0, 1) that spread retries out; for this package's tests. */
    Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter == null");
      return this;
    }

    /**
     * Checks the configuration and builds the client. Does no I/O (a credential's files were read
     * when it was made).
     *
     * @return the client
     * @throws IllegalStateException when the tenant id, client id or credential was not set
     * @throws IamException.InvalidConfiguration when a value is invalid; the message names it and
     *     the fix
     */
    public EntraClient build() {
      if (tenantId == null) {
        throw new IllegalStateException(
            "tenantId is required: call tenantId(...) with the Directory (tenant) ID");
      }
      if (clientId == null) {
        throw new IllegalStateException(
            "clientId is required: call clientId(...) with the Application (client) ID");
      }
      if (credential == null) {
        throw new IllegalStateException(
            "a credential is required: call credential(EntraCredential.certificateFiles(key, cert))"
                + " or credential(EntraCredential.clientSecret(secret))");
      }
      String tenant = EntraIds.requireTenant(tenantId);
      String client = EntraIds.requireClientId(clientId);
      HttpUrl authority =
          BaseUrls.parse(
              authorityUrl,
              "the authority URL",
              "Microsoft Entra ID",
              "the expected form is " + DEFAULT_AUTHORITY_URL,
              url -> Optional.empty());
      HttpUrl graph =
          BaseUrls.parse(
              graphUrl,
              "the Graph URL",
              "Microsoft Graph",
              "the expected form is " + DEFAULT_GRAPH_URL,
              url -> Optional.empty());
      EntraConnection connection =
          new EntraConnection(
              authority,
              graph,
              tenant,
              client,
              credential,
              httpClient,
              clock,
              httpLogging,
              pageSize,
              retryPolicy,
              sleeper,
              jitter,
              eventListener);
      return new EntraClient(connection, client, auditListener);
    }
  }
}
