package org.workforceiam.core;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An option of an {@link Operation}, which a provider may or may not support: see {@link
 * Capabilities}. A provider refuses an option it does not support with {@link
 * IamException.OperationNotSupported} before it sends any request.
 *
 * <p>The options every provider may offer are the constants here ({@link #SEND_EMAIL}, {@link
 * #REVOKE_SESSIONS}, {@link #REVOKE_OAUTH_TOKENS}), which belong to no provider. An option only one
 * provider has belongs to it and is defined by its adapter, for example Okta's {@code
 * OktaOptions.FORGET_DEVICES}:
 *
 * <pre>{@code
 * public static final OperationOption FORGET_DEVICES = OperationOption.of("okta", "FORGET_DEVICES");
 *
 * resets.revokeSessions(user, SessionRevocation.sessionsOnly().with(OktaOptions.FORGET_DEVICES));
 * }</pre>
 *
 * <p>Options are values: equal when their provider and name are. They sort with the
 * provider-neutral options first, in the order they are declared here, then by provider and name.
 */
public final class OperationOption implements Comparable<OperationOption> {
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9-]*");

  /** With {@link Operation#RESET_PASSWORD_LINK}: the provider emails the link to the user. */
  public static final OperationOption SEND_EMAIL = new OperationOption(null, "SEND_EMAIL", 0);

  /** With a password operation: also end the user's sessions. */
  public static final OperationOption REVOKE_SESSIONS =
      new OperationOption(null, "REVOKE_SESSIONS", 1);

  /** With {@link Operation#REVOKE_SESSIONS}: also revoke OAuth and OpenID Connect tokens. */
  public static final OperationOption REVOKE_OAUTH_TOKENS =
      new OperationOption(null, "REVOKE_OAUTH_TOKENS", 2);

  private final @Nullable String provider;
  private final String name;

  /** The position of a provider-neutral option; -1 for a provider's own. */
  private final int rank;

  private OperationOption(@Nullable String provider, String name, int rank) {
    this.provider = provider;
    this.name = name;
    this.rank = rank;
  }

  /**
   * Returns a provider's own option, for the adapter that defines it.
   *
   * @param provider the provider's short name, lower case: a letter, then letters, digits or
   *     hyphens, for example {@code "okta"}
   * @param name the option's name, upper case: a letter, then letters, digits or underscores, for
   *     example {@code "FORGET_DEVICES"}
   * @return the option
   * @throws IllegalArgumentException when the provider or the name does not have that form
   */
  public static OperationOption of(String provider, String name) {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(name, "name == null");
    if (!PROVIDER.matcher(provider).matches()) {
      throw new IllegalArgumentException(
          "provider of an option must be lower case, a letter then letters, digits or hyphens"
              + " ([a-z][a-z0-9-]*), for example okta: '"
              + provider
              + "'");
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name of an option must be upper case, a letter then letters, digits or underscores"
              + " ([A-Z][A-Z0-9_]*), for example FORGET_DEVICES: '"
              + name
              + "'");
    }
    return new OperationOption(provider, name, -1);
  }

  /** {@return the option's name, for example {@code REVOKE_SESSIONS} or {@code FORGET_DEVICES}} */
  public String name() {
    return name;
  }

  /**
   * {@return the provider the option belongs to, for example {@code okta}; empty for an option
   * every provider may offer}
   */
  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  /**
   * Orders provider-neutral options first, in the order of their declaration, then a provider's own
   * by provider and name.
   */
  @Override
  public int compareTo(OperationOption other) {
    if (provider == null || other.provider == null) {
      if (provider != null) {
        return 1;
      }
      return other.provider != null ? -1 : Integer.compare(rank, other.rank);
    }
    int byProvider = provider.compareTo(other.provider);
    return byProvider != 0 ? byProvider : name.compareTo(other.name);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    return o instanceof OperationOption that
        && Objects.equals(provider, that.provider)
        && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, name);
  }

  /**
   * {@return the name, after the provider and a colon for a provider's own option: {@code
   * REVOKE_SESSIONS}, {@code okta:FORGET_DEVICES}}
   */
  @Override
  public String toString() {
    return provider == null ? name : provider + ":" + name;
  }

  /**
   * An unmodifiable copy, in the order of {@link #compareTo}, so options print and compare the same
   * in every run.
   */
  static Set<OperationOption> sortedCopy(Collection<OperationOption> options) {
    Objects.requireNonNull(options, "options == null");
    Set<OperationOption> sorted = new TreeSet<>();
    for (OperationOption option : options) {
      sorted.add(Objects.requireNonNull(option, "options must not contain null"));
    }
    return Collections.unmodifiableSet(sorted);
  }
}
