package org.workforceiam.core;

import java.util.Objects;
import java.util.Set;

/**
 * How far to go when ending a user's sessions.
 *
 * <pre>{@code
 * resets.revokeSessions(user, SessionRevocation.sessionsOnly().withOauthTokens(true));
 * resets.revokeSessions(user, SessionRevocation.sessionsOnly().with(OktaOptions.FORGET_DEVICES));
 * }</pre>
 *
 * @param options what else to revoke: {@link OperationOption#REVOKE_OAUTH_TOKENS}, or a provider's
 *     own option; each must be in the provider's {@link Capabilities} for {@link
 *     Operation#REVOKE_SESSIONS}
 */
public record SessionRevocation(Set<OperationOption> options) {

  /**
   * Validates and copies the values.
   *
   * @param options what else to revoke
   */
  public SessionRevocation {
    options = OperationOption.sortedCopy(Objects.requireNonNull(options, "options == null"));
  }

  /**
   * End the sessions only.
   *
   * @return the request
   */
  public static SessionRevocation sessionsOnly() {
    return new SessionRevocation(Set.of());
  }

  /**
   * Returns a copy that does or does not also revoke OAuth tokens ({@link
   * OperationOption#REVOKE_OAUTH_TOKENS}).
   *
   * @param revoke whether to revoke them
   * @return the changed request
   */
  public SessionRevocation withOauthTokens(boolean revoke) {
    return revoke
        ? with(OperationOption.REVOKE_OAUTH_TOKENS)
        : without(OperationOption.REVOKE_OAUTH_TOKENS);
  }

  /**
   * Returns a copy that also asks for an option.
   *
   * @param option the option
   * @return the changed request
   */
  public SessionRevocation with(OperationOption option) {
    return new SessionRevocation(Requests.with(options, option));
  }

  /**
   * Returns a copy that does not ask for an option.
   *
   * @param option the option
   * @return the changed request
   */
  public SessionRevocation without(OperationOption option) {
    return new SessionRevocation(Requests.without(options, option));
  }

  /**
   * Returns whether OAuth and OpenID Connect tokens are revoked too.
   *
   * @return whether {@link #options()} holds {@link OperationOption#REVOKE_OAUTH_TOKENS}
   */
  public boolean oauthTokens() {
    return options.contains(OperationOption.REVOKE_OAUTH_TOKENS);
  }

  /**
   * Returns the operation this request performs.
   *
   * @return {@link Operation#REVOKE_SESSIONS}
   */
  public Operation operation() {
    return Operation.REVOKE_SESSIONS;
  }
}
