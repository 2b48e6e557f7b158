package org.workforceiam.okta;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.ConfigurationException;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.okta.internal.OktaConnection;
import org.workforceiam.okta.internal.OrgUrl;
import org.workforceiam.okta.internal.PrivateKeys;
import org.workforceiam.okta.internal.ServiceAppKey;

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
public final class OktaClient implements AutoCloseable {
  /** The scopes requested when none are configured: enough to list a group and reset users. */
  public static final List<String> DEFAULT_SCOPES =
      List.of("okta.groups.read", "okta.users.manage");

  private final OktaConnection connection;
  private final String clientId;

  private OktaClient(OktaConnection connection, String clientId) {
    this.connection = connection;
    this.clientId = clientId;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The token source and authorizing transport behind this client, for this package's services. */
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

    private Builder() {}

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
     * @throws ConfigurationException when a value is invalid; the message names it and the fix
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
          new OktaConnection(url, client, key, requested, httpClient, clock, dpopMode, httpLogging);
      return new OktaClient(connection, client);
    }

    private static ConfigurationException invalid(String message) {
      return new ConfigurationException(message, ErrorDetails.none());
    }

    /** Reads the key when {@link #build()} runs. */
    @FunctionalInterface
    private interface KeySource {
      ServiceAppKey load();
    }
  }
}
