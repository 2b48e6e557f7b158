package org.workforceiam.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of ending a user's sessions.
 *
 * @param user the user whose sessions ended
 * @param oauthTokensRevoked whether OAuth tokens were revoked too
 * @param devicesForgotten whether remembered devices were forgotten too
 * @param requestId the provider's request id, when it sent one
 */
public record SessionRevocationResult(
    UserId user, boolean oauthTokensRevoked, boolean devicesForgotten, Optional<String> requestId)
    implements ResetResult {

  /**
   * Validates the values.
   *
   * @param user the user whose sessions ended
   * @param oauthTokensRevoked whether OAuth tokens were revoked too
   * @param devicesForgotten whether remembered devices were forgotten too
   * @param requestId the provider's request id, when it sent one
   */
  public SessionRevocationResult {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(requestId, "requestId == null");
  }

  /** {@return {@link Operation#REVOKE_SESSIONS}} */
  @Override
  public Operation operation() {
    return Operation.REVOKE_SESSIONS;
  }
}
