package org.workforceiam.entra;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.http.JsonBodies;
import org.workforceiam.http.ProviderError;

/**
 * Maps Microsoft Graph's error answers onto the core error hierarchy.
 *
 * <p>Graph's error body is {@code {"error":{"code","message","innerError":{"date","request-id",
 * "client-request-id"}}}}, with the request id also in the {@code request-id} response header
 * (GRAPH-NOTES, "Errors"). The details of each exception carry the HTTP status, {@code error.code}
 * and the request id (the header, else {@code innerError.request-id}). Graph has no id of its own
 * for an error occurrence, so the {@link ProviderError}'s error id, Okta's field, is null: that
 * argument, in {@link #read}, is the one place where {@code innerError.date} and {@code
 * client-request-id} go once {@link ErrorDetails} names provider fields neutrally; today they are
 * not kept. Graph's {@code message} is quoted only through {@link ProviderError#said()}: control
 * characters removed, length capped.
 *
 * <p>The mapping, by status first, then by code:
 *
 * <ul>
 *   <li>401 → {@link IamException.AuthenticationFailed} (a fresh token was refused too; the
 *       authorizing interceptor has already tried one).
 *   <li>403 → {@link IamException.PermissionDenied}: {@code Authorization_RequestDenied}
 *       ("Insufficient privileges to complete the operation") is {@code ROLE_DOES_NOT_ALLOW}, since
 *       Graph gives it both for a missing application permission and for a missing or too weak
 *       directory role (a password change on an administrator); other codes ({@code accessDenied},
 *       {@code Forbidden}) are {@code MISSING_GRANT}. Which of the two it really is cannot be told
 *       from the answer: the message says both fixes.
 *   <li>404 → {@link IamException.NotFound} ({@code Request_ResourceNotFound}, {@code
 *       ResourceNotFound}, {@code itemNotFound}).
 *   <li>400 → {@code AadPremiumLicenseRequired} is {@link IamException.OperationNotSupported} (the
 *       tenant lacks the licence, for example for PIM); any other code is {@link
 *       IamException.InvalidState}: Graph refused the request as it stands and changed nothing (a
 *       password that breaks the policy, a default method that cannot go first).
 *   <li>409, 412 → {@link IamException.InvalidState}.
 *   <li>429 → {@link IamException.RateLimited}, with the wait {@code Retry-After} asked for.
 *   <li>5xx → {@link IamException.ProviderUnavailable}.
 *   <li>Anything else → {@link IamException.ProtocolViolation}.
 * </ul>
 */
final class GraphErrors {
  /** The response header with Graph's request id. */
  static final String REQUEST_ID_HEADER = "request-id";

  /** The most of an error body read: Graph's are small, and anything bigger is not one. */
  private static final long MAX_ERROR_BODY = 64 * 1024;

  static final String PERMISSION_HINT =
      "the app lacks the application permission this needs (grant it on the app registration's"
          + " API permissions, with admin consent), or, for a password change, a directory role"
          + " that covers this user (Helpdesk, Password or User Administrator for ordinary users,"
          + " Privileged Authentication Administrator for administrators)";

  private GraphErrors() {}

  /**
   * Reads Graph's error body from a response without consuming it, reading at most 64 KiB. A body
   * that is not Graph's leaves the code and summary empty.
   */
  static ProviderError read(Response response) {
    String code = null;
    String message = null;
    String innerRequestId = null;
    Map<String, String> fields = new LinkedHashMap<>();
    try {
      // Peeked, not consumed: a caller may still read the body.
      Map<String, Object> body = JsonBodies.peekObject(response, MAX_ERROR_BODY);
      if (body.get("error") instanceof Map<?, ?> error) {
        code = nonBlank(error.get("code"));
        message = nonBlank(error.get("message"));
        Object inner = error.get("innerError");
        if (inner == null) {
          inner = error.get("innererror");
        }
        if (inner instanceof Map<?, ?> innerError) {
          innerRequestId = nonBlank(innerError.get("request-id"));
          String clientRequestId = nonBlank(innerError.get("client-request-id"));
          if (clientRequestId != null) {
            fields.put("innerError.client-request-id", clientRequestId);
          }
          String date = nonBlank(innerError.get("date"));
          if (date != null) {
            fields.put("innerError.date", date);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Graph's error body (a proxy's page, say); the status still tells the kind of failure.
    }
    String requestId = response.header(REQUEST_ID_HEADER);
    return new ProviderError(
        response.code(),
        code,
        message,
        fields,
        requestId != null ? requestId : innerRequestId,
        response.header("WWW-Authenticate"));
  }

  private static @Nullable String nonBlank(@Nullable Object value) {
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  /**
   * The error for a response that is not a success.
   *
   * @param response the response; its body is peeked
   * @param what what was asked, for the message, for example {@code "reading user 87d3…"}
   * @return the error to throw
   */
  static IamException fromResponse(Response response, String what) {
    return from(read(response), what, null);
  }

  static IamException from(ProviderError error, String what, @Nullable Duration retryAfter) {
    ErrorDetails details = error.details();
    int status = error.status();
    String code = error.errorCode() == null ? "" : error.errorCode();
    String said = error.said();
    if (status == 401) {
      return new IamException.AuthenticationFailed(
          "Microsoft Graph did not accept the app's access token for "
              + what
              + said
              + "; a fresh token was refused too: check the app registration's credentials and"
              + " that the Graph URL belongs to the authority's cloud",
          details);
    }
    if (status == 403) {
      return new IamException.PermissionDenied(
          code.equals("Authorization_RequestDenied")
              ? IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW
              : IamException.PermissionDenied.Reason.MISSING_GRANT,
          "Microsoft Graph refused " + what + said + "; " + PERMISSION_HINT,
          details);
    }
    if (status == 404 || status == 410) {
      return new IamException.NotFound(what + " found nothing" + said, details);
    }
    if (status == 400 && code.equals("AadPremiumLicenseRequired")) {
      return new IamException.OperationNotSupported(
          "Microsoft Graph cannot do " + what + " in this tenant" + said, details);
    }
    if (status == 400 || status == 409 || status == 412) {
      return new IamException.InvalidState(
          null, "Microsoft Graph refused " + what + " and changed nothing" + said, details);
    }
    if (status == 429) {
      return new IamException.RateLimited(
          retryAfter, what + " is throttled by Microsoft Graph (HTTP 429)" + said, details);
    }
    if (status >= 500) {
      return new IamException.ProviderUnavailable(
          "Microsoft Graph could not answer " + what + " (HTTP " + status + ")" + said, details);
    }
    return new IamException.ProtocolViolation(
        "Microsoft Graph answered " + what + " with an unexpected HTTP " + status + said, details);
  }
}
