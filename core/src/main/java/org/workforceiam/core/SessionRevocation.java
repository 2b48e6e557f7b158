package org.workforceiam.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How far to go when ending a user's sessions.
 *
 * @param oauthTokens also revoke the user's OAuth and OpenID Connect tokens
 * @param forgetDevices also forget the devices the user asked to be remembered
 */
public record SessionRevocation(boolean oauthTokens, boolean forgetDevices) {

  /**
   * End the sessions only.
   *
   * @return the request
   */
  public static SessionRevocation sessionsOnly() {
    return new SessionRevocation(false, false);
  }

  /**
   * Returns a copy that does or does not also revoke OAuth tokens.
   *
   * @param revoke whether to revoke them
   * @return the changed request
   */
  public SessionRevocation withOauthTokens(boolean revoke) {
    return new SessionRevocation(revoke, forgetDevices);
  }

  /**
   * Returns a copy that does or does not also forget remembered devices.
   *
   * @param forget whether to forget them
   * @return the changed request
   */
  public SessionRevocation withForgetDevices(boolean forget) {
    return new SessionRevocation(oauthTokens, forget);
  }

  /**
   * Returns the operation this request performs.
   *
   * @return {@link Operation#REVOKE_SESSIONS}
   */
  public Operation operation() {
    return Operation.REVOKE_SESSIONS;
  }

  /**
   * Returns the options this request asks for.
   *
   * @return the options
   */
  public Set<OperationOption> options() {
    Set<OperationOption> options = EnumSet.noneOf(OperationOption.class);
    if (oauthTokens) {
      options.add(OperationOption.REVOKE_OAUTH_TOKENS);
    }
    if (forgetDevices) {
      options.add(OperationOption.FORGET_DEVICES);
    }
    return Collections.unmodifiableSet(options);
  }
}
