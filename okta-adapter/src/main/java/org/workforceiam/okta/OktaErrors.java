package org.workforceiam.okta;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.http.JsonBodies;
import org.workforceiam.http.ProviderError;

/**
 * Maps Okta's error answers to the core error hierarchy, branching on Okta's {@code errorCode}
 * (never on {@code errorSummary}, and on the HTTP status only when there is no code). The details
 * carry the {@code errorCode}, the {@code X-Okta-Request-Id} header as the request id, and Okta's
 * {@code errorId} (its id of the error occurrence) as a provider field under that name.
 */
final class OktaErrors {
  static final String REQUEST_ID_HEADER = "X-Okta-Request-Id";

  /** The most of an error body read: Okta's are small, and anything bigger is not one. */
  private static final long MAX_ERROR_BODY = 64 * 1024;

  static final String ROLE_HINT =
      "the app's role does not allow this operation on this user. A Help Desk Administrator"
          + " cannot act on users who hold a more privileged admin role, or on users outside the"
          + " role's groups, and Okta's Help Desk role may not cover every operation (for example"
          + " setting a temporary password for an active user). If the user should be in scope,"
          + " give the app a custom admin role with the needed permissions";

  private OktaErrors() {}

  /**
   * Reads Okta's error body from a response without consuming it, reading at most 64 KiB. A body
   * that is not JSON leaves the code and summary empty.
   */
  static ProviderError read(Response response) {
    String code = null;
    String summary = null;
    String errorId = null;
    try {
      // Peeked, not consumed: a caller may still read the body.
      Map<String, Object> body = JsonBodies.peekObject(response, MAX_ERROR_BODY);
      code = body.get("errorCode") instanceof String s ? s : null;
      summary = body.get("errorSummary") instanceof String s ? s : null;
      errorId = body.get("errorId") instanceof String s ? s : null;
    } catch (IOException | RuntimeException e) {
      // Not an Okta error body; the status still tells what kind of failure it is.
    }
    return new ProviderError(
        response.code(),
        code,
        summary,
        errorId == null ? Map.of() : Map.of("errorId", errorId),
        response.header(REQUEST_ID_HEADER),
        response.header("WWW-Authenticate"));
  }

  /**
   * The error for a response that is not a success.
   *
   * @param response the response; its body is read
   * @param what what was asked, for the message, for example {@code "listing group 00g1"}
   * @return the error to throw
   */
  static IamException fromResponse(Response response, String what) {
    return from(read(response), what, null);
  }

  static IamException from(ProviderError error, String what, @Nullable Duration retryAfter) {
    ErrorDetails details = error.details();
    String code = error.errorCode() == null ? "" : error.errorCode();
    String challenge = error.wwwAuthenticate();
    if (challenge != null && challenge.contains("insufficient_scope")) {
      String scope = challengeParameter(challenge, "scope");
      return new IamException.PermissionDenied(
          IamException.PermissionDenied.Reason.MISSING_GRANT,
          what
              + " needs the scope "
              + (scope == null ? "(not named by Okta)" : scope)
              + ", which the access token lacks; request it and grant it to the app under its"
              + " Okta API Scopes",
          details);
    }
    return switch (code) {
      case "E0000006" ->
          new IamException.PermissionDenied(
              IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW,
              "Okta refused " + what + ": " + ROLE_HINT,
              details);
      case "E0000015" ->
          new IamException.PermissionDenied(
              IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW,
              "Okta refused " + what + error.said() + " (a feature not enabled for the org)",
              details);
      case "E0000007" -> new IamException.NotFound(what + " found nothing" + error.said(), details);
      case "E0000004", "E0000005", "E0000011" ->
          new IamException.AuthenticationFailed(
              "Okta did not accept the app's access token for "
                  + what
                  + error.said()
                  + "; a fresh token was refused too: check the app's credentials and DPoP"
                  + " setting",
              details);
      case "E0000047" ->
          new IamException.RateLimited(
              retryAfter, what + " is rate-limited by Okta" + error.said(), details);
      case "E0000017", "E0000032", "E0000038", "E0000069", "E0000112", "E0000154", "E0000180" ->
          new IamException.InvalidState(
              null,
              "Okta does not allow " + what + " in the user's current state" + error.said(),
              details);
      case "E0000010" ->
          new IamException.ProviderUnavailable(
              "Okta is in read-only mode; " + what + " cannot be done now" + error.said(), details);
      default -> fromStatus(error, what, retryAfter, details);
    };
  }

  private static IamException fromStatus(
      ProviderError error, String what, @Nullable Duration retryAfter, ErrorDetails details) {
    int status = error.status();
    String said = error.said();
    if (status == 429) {
      return new IamException.RateLimited(
          retryAfter, what + " is rate-limited by Okta (HTTP 429)" + said, details);
    }
    if (status >= 500) {
      return new IamException.ProviderUnavailable(
          "Okta could not answer " + what + " (HTTP " + status + ")" + said, details);
    }
    if (status == 401) {
      return new IamException.AuthenticationFailed(
          "Okta did not accept the app's credentials for " + what + said, details);
    }
    if (status == 403) {
      return new IamException.PermissionDenied(
          IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW,
          "Okta refused " + what + said + "; " + ROLE_HINT,
          details);
    }
    if (status == 404 || status == 410) {
      return new IamException.NotFound(
          what + " found nothing (HTTP " + status + ")" + said, details);
    }
    if (status == 409 || status == 423) {
      return new IamException.InvalidState(
          null,
          "Okta does not allow " + what + " in the current state (HTTP " + status + ")" + said,
          details);
    }
    return new IamException.ProtocolViolation(
        "Okta answered " + what + " with an unexpected HTTP " + status + said, details);
  }

  /** The error for a rate limit or server failure, where the status alone decides. */
  static IamException fromStatus(int status, ErrorDetails details, String what) {
    if (status == 429) {
      return new IamException.RateLimited(
          null, what + " is rate-limited (HTTP 429); wait and try again", details);
    }
    return new IamException.ProviderUnavailable(
        what + " is unavailable (HTTP " + status + "); try again later", details);
  }

  /** A parameter of a {@code WWW-Authenticate} challenge, such as {@code scope="..."}. */
  static @Nullable String challengeParameter(String challenge, String name) {
    String marker = name + "=\"";
    int start = challenge.indexOf(marker);
    if (start < 0) {
      return null;
    }
    int end = challenge.indexOf('"', start + marker.length());
    return end < 0 ? null : challenge.substring(start + marker.length(), end);
  }
}
