package org.workforceiam.okta;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.AuditListener;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Operation;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.RetryPolicy;
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
 *   GroupId employees = GroupId.of("00g1emaKYZTWRYYRRTSK");
 *   IamDirectory directory = okta.directory();          // sync, find, factors
 *   ResetService resets = okta.resets(employees);       // changes, for members of the group only
 * }
 * }</pre>
 *
 * <p>What it gives is what it can do: {@link #directory()} reads the org; {@link #resets(GroupId)}
 * changes users, only members of one group, every attempt audited; {@link #check(GroupId)}
 * diagnoses the set-up; {@link #dryRuns(GroupId)} works out what a change would do through the same
 * guard, sending no change.
 *
 * <p>Build one client per configuration and share it: it is immutable and thread-safe, and caches
 * its access token. {@link #close()} releases the HTTP threads and connections when the client
 * created its own {@link OkHttpClient}; a client given one by {@link
 * Builder#httpClient(OkHttpClient)} leaves it to its owner.
 *
 * <p><b>Many tenants in one JVM.</b> Give every client the same {@link OkHttpClient}: they then
 * share its connection pool and dispatcher, and each keeps its own credentials, token, DPoP key,
 * rate-limit share and guard. Building a client does no network I/O and starts no thread; an idle
 * client holds a few kilobytes (mostly its parsed key; see {@code benchmarks/PERFORMANCE.md}). Rate
 * limits are the org's: clients of one org in this JVM pace on the same windows, and one org's
 * limits never slow another's calls. See {@link Builder#rateLimitShare(double)} and {@link
 * Builder#eventListener(IamEventListener)}.
 */
public final class OktaClient implements AutoCloseable {
  /** The scopes requested when none are configured: enough to list a group and reset users. */
  public static final List<String> DEFAULT_SCOPES =
      List.of("okta.groups.read", "okta.users.manage");

  private final OktaConnection connection;
  private final OktaDirectory directory;
  private final OktaResets oktaResets;
  private final String clientId;
  private final AuditListener audit;

  private OktaClient(OktaConnection connection, String clientId, AuditListener audit) {
    this.connection = connection;
    this.directory = connection.directory();
    this.oktaResets = new OktaResets(connection.orgUrl(), connection.api(), directory);
    this.clientId = clientId;
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
   * Returns the org's directory: group members page by page ({@code GET
   * /api/v1/groups/{groupId}/users?limit=N}, following Okta's {@code next} links on the same origin
   * only), users by id, login or primary email, their factors and their groups.
   *
   * <p>Okta lists only the factors that the highest-priority authenticator enrollment policy marks
   * required or optional, judged in this app's context, so a user may have enrolled factors that
   * {@link IamDirectory#factors} does not show. Okta's email search is eventually consistent: a
   * user created moments ago may not be found yet.
   *
   * @return the directory; thread-safe
   */
  public IamDirectory directory() {
    return directory;
  }

  /**
   * Returns the service that changes users' passwords, factors, lock and sessions, for members of
   * one group only: a change to anyone else is refused with {@link IamException.PermissionDenied}
   * (reason {@code OUTSIDE_GROUP}) after one membership check ({@code GET
   * /api/v1/users/{id}/groups}) and before anything is sent. Every attempt, refused or not, goes to
   * the builder's {@link Builder#auditListener(AuditListener) audit listener}.
   *
   * <p>Okta supports every {@link Operation} but {@link Operation#ISSUE_TEMPORARY_ACCESS_PASS},
   * with the provider-neutral options that apply and Okta's own in {@link OktaOptions}; {@link
   * ResetService#capabilities()} says which. Anything else is refused with {@link
   * IamException.OperationNotSupported} before any request. The requests: {@code POST
   * /api/v1/users/{id}/lifecycle/reset_password}, {@code …/expire_password_with_temp_password},
   * {@code …/expire_password}, {@code …/reset_factors}, {@code …/unlock}, {@code DELETE
   * /api/v1/users/{id}/factors/{factorId}} and {@code DELETE /api/v1/users/{id}/sessions}.
   *
   * <p>Each user and factor id must have Okta's form ({@code 00u…} for a user, ASCII letters and
   * digits): any other value, such as {@code ..}, is refused with {@link IllegalArgumentException}
   * before any request, and every URL is checked to be exactly its endpoint's before it is sent.
   *
   * @param employees the group whose members may be changed ({@code 00g…})
   * @return the guarded, audited service; thread-safe
   * @throws IllegalArgumentException when the group id is not an Okta group id
   */
  public ResetService resets(GroupId employees) {
    return ResetService.audited(
        ResetService.intercepted(
            ResetService.groupScoped(oktaResets, directory, requireOktaGroup(employees)),
            OktaIdCheck.INSTANCE),
        audit,
        connection.clock());
  }

  /**
   * Works out what changes would do, changing nothing: each call passes the same guard as {@link
   * #resets(GroupId)} (capability, then membership), asks Okta whether it offers the operation for
   * the user now, and returns the exact requests the change would send.
   *
   * @param employees the group whose members may be changed ({@code 00g…})
   * @return the dry runs; thread-safe
   * @throws IllegalArgumentException when the group id is not an Okta group id
   */
  public DryRuns dryRuns(GroupId employees) {
    return new OktaDryRuns(
        oktaResets, directory, ResetService.groupGuard(directory, requireOktaGroup(employees)));
  }

  /**
   * Tests the set-up as an admin does after creating the app: gets a token, compares the scopes
   * Okta granted with those requested, reads the group and its first page. Never throws for what it
   * finds; problems, an empty group among them, are collected in the result.
   *
   * @param employees the group of all active employees ({@code 00g…})
   * @return what was found
   * @throws IllegalArgumentException when the group id is not an Okta group id
   */
  public ConnectionCheck check(GroupId employees) {
    return ConnectionChecker.check(connection, directory, requireOktaGroup(employees));
  }

  private static GroupId requireOktaGroup(GroupId group) {
    Objects.requireNonNull(group, "group == null");
    if (!OktaIds.isGroupId(group.value())) {
      throw new IllegalArgumentException("the group id " + OktaIds.groupMessage(group.value()));
    }
    return group;
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
    private int pageSize = OktaConnection.DEFAULT_PAGE_SIZE;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private AuditListener auditListener = AuditListener.logging();
    private IamEventListener eventListener = IamEventListener.NONE;
    private double rateLimitShare = 1.0;

    private Builder() {}

    /**
     * Sets where this client's telemetry goes: each request (endpoint templates only, never a URL,
     * id or secret), retry, rate-limit wait, token fetch and page; by default {@link
     * IamEventListener#NONE}, which costs nothing. The {@code workforce-iam-micrometer} module
     * turns the events into meters. Events are not the audit trail: see {@link
     * #auditListener(AuditListener)}.
     *
     * @param eventListener the listener; thread-safe and quick, since it is called on the calling
     *     thread
     * @return this builder
     */
    public Builder eventListener(IamEventListener eventListener) {
      this.eventListener = Objects.requireNonNull(eventListener, "eventListener == null");
      return this;
    }

    /**
     * Sets this app's share of each of the org's rate-limit buckets, when an admin capped it (Okta
     * Admin Console: the app's "Application rate limits" tab; Okta's default for an OAuth app is
     * 50%); by default 1, the whole window Okta reports. The client then paces within that share of
     * each window: of {@code X-Rate-Limit-Limit} it treats {@code limit × share} as its own and
     * assumes the rest is used by others, so it spreads its requests out before its share runs out
     * rather than running into 429s.
     *
     * <p>Okta's documentation does not say whether its headers report the org's bucket or the app's
     * capped part of it (this could not be checked without a live org): if a capped app sees its
     * own capped limit in {@code X-Rate-Limit-Limit}, leave the share at 1.
     *
     * @param share more than 0 and at most 1, for example {@code 0.5}
     * @return this builder
     * @throws IllegalArgumentException when the share is not in (0, 1]
     */
    public Builder rateLimitShare(double share) {
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException(
            "rateLimitShare must be more than 0 and at most 1 (for example 0.5 for 50%): " + share);
      }
      this.rateLimitShare = share;
      return this;
    }

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
     * Uses the caller's HTTP client for what it is meant to share: its connection pool, dispatcher,
     * proxy, proxy selector and proxy authenticator, socket and TLS settings (trust, hostname
     * verifier, certificate pinner), DNS, protocols and timeouts are honoured. The client is
     * shared, not closed, by {@link OktaClient#close()}.
     *
     * <p>Nothing of the caller's that could see or replay a credential is used: its application and
     * network interceptors, event listener, cache, cookie jar and authenticator are dropped from
     * the clients this SDK derives, because every request carries an access token, a DPoP proof or
     * a client assertion, and a reset answer may carry a reset link. Log traffic with {@link
     * #httpLogging(HttpLogging)}, which redacts them. Redirects and OkHttp's own retries are off
     * too: only the {@link #retryPolicy(RetryPolicy) retry policy} sends a request again. When the
     * client has no call timeout, each exchange is bounded by 60 seconds.
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
              () -> ThreadLocalRandom.current().nextDouble(),
              eventListener,
              rateLimitShare);
      return new OktaClient(connection, client, auditListener);
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
