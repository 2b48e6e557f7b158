package org.workforceiam.okta.internal;

import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.core.ProviderUnavailableException;
import org.workforceiam.core.RateLimitedException;

/** Maps Okta's answers to the core error hierarchy. */
final class OktaErrors {
  static final String REQUEST_ID_HEADER = "X-Okta-Request-Id";

  private OktaErrors() {}

  /** The error for a rate limit or server failure, where the status alone decides. */
  static IamException fromStatus(int status, ErrorDetails details, String what) {
    if (status == 429) {
      return new RateLimitedException(
          null, what + " is rate-limited (HTTP 429); wait and try again", details);
    }
    return new ProviderUnavailableException(
        what + " is unavailable (HTTP " + status + "); try again later", details);
  }
}
