package org.workforceiam.http;

import org.jspecify.annotations.Nullable;
import org.workforceiam.core.ErrorDetails;

/**
 * What a provider said in an error answer, as far as it said anything: read by {@link
 * ProviderRules#readError} without consuming the body.
 *
 * @param status the HTTP status
 * @param errorCode the provider's error code, such as Okta's {@code E0000047}
 * @param errorSummary the provider's human-readable summary
 * @param errorId the provider's id of this error occurrence
 * @param requestId the provider's request id
 * @param wwwAuthenticate the {@code WWW-Authenticate} challenge
 */
public record ProviderError(
    int status,
    @Nullable String errorCode,
    @Nullable String errorSummary,
    @Nullable String errorId,
    @Nullable String requestId,
    @Nullable String wwwAuthenticate) {

  /** The longest summary a message quotes. */
  private static final int MAX_SAID = 300;

  /** {@return the details for an exception: status, code, error id and request id} */
  public ErrorDetails details() {
    ErrorDetails details = ErrorDetails.ofStatus(status);
    if (errorCode != null) {
      details = details.withErrorCode(errorCode);
    }
    if (errorId != null) {
      details = details.withErrorId(errorId);
    }
    if (requestId != null) {
      details = details.withRequestId(requestId);
    }
    return details;
  }

  /**
   * Returns the provider's summary for a message: control characters (C0 and C1) removed, length
   * capped.
   *
   * @return {@code ": summary"}, or empty when the provider gave none
   */
  public String said() {
    if (errorSummary == null) {
      return "";
    }
    String clean = errorSummary.replaceAll("\\p{Cc}", " ").strip();
    return ": " + (clean.length() > MAX_SAID ? clean.substring(0, MAX_SAID) + "…" : clean);
  }

  /**
   * Returns whether the body was the provider's own error body (it has an error code), rather than,
   * say, a proxy's page.
   *
   * @return whether the provider itself answered
   */
  public boolean hasProviderBody() {
    return errorCode != null;
  }
}
