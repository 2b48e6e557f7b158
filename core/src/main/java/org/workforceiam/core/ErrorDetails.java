package org.workforceiam.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** What the provider said about a failure, for support and for deciding what to do next. */
public final class ErrorDetails {
  private final OptionalInt httpStatus;
  private final Optional<String> errorCode;
  private final Optional<String> errorId;
  private final Optional<String> requestId;

  private ErrorDetails(
      OptionalInt httpStatus,
      Optional<String> errorCode,
      Optional<String> errorId,
      Optional<String> requestId) {
    Objects.requireNonNull(httpStatus, "httpStatus == null");
    Objects.requireNonNull(errorCode, "errorCode == null");
    Objects.requireNonNull(errorId, "errorId == null");
    Objects.requireNonNull(requestId, "requestId == null");
    if (httpStatus.isPresent() && (httpStatus.getAsInt() < 100 || httpStatus.getAsInt() > 599)) {
      throw new IllegalArgumentException("httpStatus must be 100..599: " + httpStatus.getAsInt());
    }
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.errorId = errorId;
    this.requestId = requestId;
  }

  /**
   * Creates the value; for providers and tests (callers receive it).
   *
   * @param httpStatus the HTTP status of the provider's response, when there was one
   * @param errorCode the provider's error code, for example Okta's {@code E0000006}
   * @param errorId the provider's identifier of this error occurrence, for example Okta's {@code
   *     errorId}, to quote to the provider's support
   * @param requestId the provider's request identifier, for example Okta's {@code
   *     X-Okta-Request-Id}, to find the request in the provider's logs
   * @return the value
   */
  public static ErrorDetails of(
      OptionalInt httpStatus,
      Optional<String> errorCode,
      Optional<String> errorId,
      Optional<String> requestId) {
    return new ErrorDetails(httpStatus, errorCode, errorId, requestId);
  }

  /** {@return the HTTP status of the provider's response, when there was one} */
  public OptionalInt httpStatus() {
    return httpStatus;
  }

  /** {@return the provider's error code, for example Okta's {@code E0000006}} */
  public Optional<String> errorCode() {
    return errorCode;
  }

  /**
   * {@return the provider's identifier of this error occurrence, for example Okta's {@code
   * errorId}, to quote to the provider's support}
   */
  public Optional<String> errorId() {
    return errorId;
  }

  /**
   * {@return the provider's request identifier, for example Okta's {@code X-Okta-Request-Id}, to
   * find the request in the provider's logs}
   */
  public Optional<String> requestId() {
    return requestId;
  }

  private static final ErrorDetails NONE =
      new ErrorDetails(OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Returns details that know nothing: for failures detected before or without a response.
   *
   * @return empty details
   */
  public static ErrorDetails none() {
    return NONE;
  }

  /**
   * Returns details with just an HTTP status.
   *
   * @param httpStatus the response's status code
   * @return new details
   */
  public static ErrorDetails ofStatus(int httpStatus) {
    return NONE.withHttpStatus(httpStatus);
  }

  /**
   * Returns a copy with the HTTP status set.
   *
   * @param status the response's status code
   * @return new details
   */
  public ErrorDetails withHttpStatus(int status) {
    return new ErrorDetails(OptionalInt.of(status), errorCode, errorId, requestId);
  }

  /**
   * Returns a copy with the provider's error code set.
   *
   * @param code the code, for example {@code E0000006}
   * @return new details
   */
  public ErrorDetails withErrorCode(String code) {
    return new ErrorDetails(httpStatus, Optional.of(code), errorId, requestId);
  }

  /**
   * Returns a copy with the provider's error id set.
   *
   * @param id the error occurrence's id
   * @return new details
   */
  public ErrorDetails withErrorId(String id) {
    return new ErrorDetails(httpStatus, errorCode, Optional.of(id), requestId);
  }

  /**
   * Returns a copy with the provider's request id set.
   *
   * @param id the request's id
   * @return new details
   */
  public ErrorDetails withRequestId(String id) {
    return new ErrorDetails(httpStatus, errorCode, errorId, Optional.of(id));
  }

  /**
   * Renders the known details for the end of an error message, for example {@code "HTTP 403,
   * errorCode E0000006, errorId oaeXYZ, requestId abc123"}.
   *
   * @return the details, comma-separated; empty when nothing is known
   */
  public String describe() {
    StringBuilder text = new StringBuilder();
    httpStatus.ifPresent(status -> append(text, "HTTP " + status));
    errorCode.ifPresent(code -> append(text, "errorCode " + code));
    errorId.ifPresent(id -> append(text, "errorId " + id));
    requestId.ifPresent(id -> append(text, "requestId " + id));
    return text.toString();
  }

  private static void append(StringBuilder text, String part) {
    if (text.length() > 0) {
      text.append(", ");
    }
    text.append(part);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof ErrorDetails that)) {
      return false;
    }
    return httpStatus.equals(that.httpStatus)
        && errorCode.equals(that.errorCode)
        && errorId.equals(that.errorId)
        && requestId.equals(that.requestId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(httpStatus, errorCode, errorId, requestId);
  }

  @Override
  public String toString() {
    return "ErrorDetails["
        + "httpStatus="
        + httpStatus
        + ", "
        + "errorCode="
        + errorCode
        + ", "
        + "errorId="
        + errorId
        + ", "
        + "requestId="
        + requestId
        + "]";
  }
}
