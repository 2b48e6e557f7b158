package org.workforceiam.entra;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.http.JsonBodies;
import org.workforceiam.http.ProviderError;

/**
 * Maps the Microsoft identity platform's token endpoint refusals onto the core error hierarchy.
 *
 * <p>A refusal is {@code {"error","error_description","error_codes":[n],"trace_id",
 * "correlation_id",…}}, the description starting with {@code AADSTS<n>:} (identity platform error
 * code reference; GRAPH-NOTES, "Token"). The details carry the HTTP status, {@code AADSTS<n>} as
 * the error code (else the OAuth {@code error}) and {@code trace_id} as the request id (else the
 * {@code x-ms-request-id} header). Branching is on the number, never on the description.
 *
 * <ul>
 *   <li>90002 (tenant not found) → {@link IamException.InvalidConfiguration}.
 *   <li>700016 (application not found in the directory) → {@link
 *       IamException.InvalidConfiguration}, not {@code AuthenticationFailed}: Entra names the
 *       client id or tenant as unknown, which no credential can fix, and the fix is in the
 *       configuration (the client id, or a tenant id that points at another tenant).
 *   <li>70011 (invalid scope) → {@link IamException.InvalidConfiguration}: the scope is {@code
 *       {graph}/.default}, so the Graph URL does not belong to the authority's cloud.
 *   <li>700027 (assertion signature invalid, or a certificate the app does not have), 700024
 *       (assertion outside its time range: a clock off by minutes), 7000215 (invalid secret),
 *       7000222 (expired secret), and any other {@code invalid_client} or {@code
 *       unauthorized_client} → {@link IamException.AuthenticationFailed}.
 *   <li>429 → {@link IamException.RateLimited}; 5xx → {@link IamException.ProviderUnavailable}.
 * </ul>
 */
final class LoginErrors {
  /** The token endpoint's request id header (not verified: Microsoft's answers also carry it). */
  static final String REQUEST_ID_HEADER = "x-ms-request-id";

  /** The most bytes read of a token endpoint's refusal; they are about 1 KB. */
  static final long MAX_ERROR_BODY = 64 * 1024;

  private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d{1,9})");

  private LoginErrors() {}

  /** Reads a refusal without consuming the body; a body that is not one leaves the code empty. */
  static ProviderError read(Response response) {
    String code = null;
    String description = null;
    String traceId = null;
    try {
      Map<String, Object> body = JsonBodies.peekObject(response, MAX_ERROR_BODY);
      description = text(body.get("error_description"));
      traceId = text(body.get("trace_id"));
      String number = null;
      if (body.get("error_codes") instanceof List<?> codes
          && !codes.isEmpty()
          && codes.get(0) instanceof Number first
          && first.doubleValue() >= 0
          && first.doubleValue() < 1e9
          && first.doubleValue() == Math.rint(first.doubleValue())) {
        number = Long.toString(first.longValue());
      } else if (description != null) {
        Matcher matcher = AADSTS.matcher(description);
        if (matcher.lookingAt()) {
          number = matcher.group(1);
        }
      }
      code = number != null ? "AADSTS" + number : text(body.get("error"));
    } catch (IOException | RuntimeException e) {
      // Not the token endpoint's error body; the status still tells what kind of failure it is.
    }
    String header = response.header(REQUEST_ID_HEADER);
    return new ProviderError(
        response.code(), code, description, Map.of(), traceId != null ? traceId : header, null);
  }

  private static @Nullable String text(@Nullable Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  /**
   * Returns the exception for a refusal.
   *
   * @param error what the endpoint said
   * @param what what was asked, such as {@code "the token request to https://…/token"}
   * @param retryAfter for a rate limit, how long to wait, when known
   * @return the exception
   */
  static IamException from(ProviderError error, String what, @Nullable Duration retryAfter) {
    ErrorDetails details = error.details();
    String code = error.errorCode() == null ? "" : error.errorCode();
    String said = error.said();
    int status = error.status();
    @Nullable IamException known =
        switch (code) {
          case "AADSTS90002" ->
              new IamException.InvalidConfiguration(
                  "Microsoft Entra ID does not know the tenant of "
                      + what
                      + said
                      + "; check the tenant id (the Directory (tenant) ID or a verified domain) and, for"
                      + " a sovereign cloud, the authority URL",
                  details);
          case "AADSTS700016" ->
              new IamException.InvalidConfiguration(
                  "Microsoft Entra ID knows no application with this client id in the tenant of "
                      + what
                      + said
                      + "; check the client id (the Application (client) ID on the app registration's"
                      + " Overview) and that the tenant id is the app registration's own tenant",
                  details);
          case "AADSTS70011" ->
              new IamException.InvalidConfiguration(
                  "Microsoft Entra ID refused the scope of "
                      + what
                      + said
                      + "; the scope is the Graph URL + /.default, so check that the Graph URL belongs to"
                      + " the authority's cloud",
                  details);
          case "AADSTS700027" ->
              new IamException.AuthenticationFailed(
                  "Microsoft Entra ID did not accept the client assertion of "
                      + what
                      + said
                      + "; upload this certificate to the app registration (Certificates & secrets) and"
                      + " check that the private key belongs to it",
                  details);
          case "AADSTS700024" ->
              new IamException.AuthenticationFailed(
                  "Microsoft Entra ID found the client assertion of "
                      + what
                      + " outside its valid time"
                      + said
                      + "; check this machine's clock",
                  details);
          case "AADSTS7000215", "AADSTS7000222" ->
              new IamException.AuthenticationFailed(
                  "Microsoft Entra ID did not accept the client secret of "
                      + what
                      + said
                      + "; give the secret's Value (not its Secret ID) of a secret that has not expired,"
                      + " from the app registration's Certificates & secrets",
                  details);
          default -> null;
        };
    if (known != null) {
      return known;
    }
    if (status == 429) {
      return new IamException.RateLimited(
          retryAfter, what + " is throttled by Microsoft Entra ID (HTTP 429)" + said, details);
    }
    if (status >= 500) {
      return new IamException.ProviderUnavailable(
          "Microsoft Entra ID could not answer " + what + " (HTTP " + status + ")" + said, details);
    }
    return new IamException.AuthenticationFailed(
        "Microsoft Entra ID refused "
            + what
            + " with HTTP "
            + status
            + said
            + "; check the tenant id, client id and credential",
        details);
  }
}
