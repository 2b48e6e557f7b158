package org.workforceiam.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.ErrorDetails;

/**
 * What a provider said in an error answer, as far as it said anything: read by {@link
 * ProviderRules#readError} without consuming the body.
 *
 * @param status the HTTP status
 * @param errorCode the provider's error code, such as Okta's {@code E0000047} or Microsoft Graph's
 *     {@code Authorization_RequestDenied}
 * @param errorSummary the provider's human-readable summary
 * @param providerFields the provider's other error fields worth quoting to its support, under its
 *     own names, such as Okta's {@code errorId} or Graph's {@code innerError.date}; never a secret
 * @param requestId the provider's request id, such as Okta's {@code X-Okta-Request-Id} or Graph's
 *     {@code request-id}
 * @param wwwAuthenticate the {@code WWW-Authenticate} challenge
 */
public record ProviderError(
    int status,
    @Nullable String errorCode,
    @Nullable String errorSummary,
    Map<String, String> providerFields,
    @Nullable String requestId,
    @Nullable String wwwAuthenticate) {

  /**
   * Copies the provider fields, keeping their order.
   *
   * @param status the HTTP status
   * @param errorCode the provider's error code
   * @param errorSummary the provider's human-readable summary
   * @param providerFields the provider's other error fields
   * @param requestId the provider's request id
   * @param wwwAuthenticate the {@code WWW-Authenticate} challenge
   */
  public ProviderError {
    providerFields =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(providerFields, "providerFields == null")));
  }

  /** The longest summary a message quotes. */
  private static final int MAX_SAID = 300;

  /** {@return the details for an exception: status, code, provider fields and request id} */
  public ErrorDetails details() {
    ErrorDetails details = ErrorDetails.ofStatus(status);
    if (errorCode != null) {
      details = details.withErrorCode(errorCode);
    }
    for (Map.Entry<String, String> field : providerFields.entrySet()) {
      details = details.withProviderField(field.getKey(), field.getValue());
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
