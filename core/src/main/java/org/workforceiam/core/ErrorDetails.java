package org.workforceiam.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What the provider said about a failure, for support and for deciding what to do next: the HTTP
 * status, the provider's error code, the request id to quote to the provider's support, and the
 * provider's other error fields under the provider's own names. Never a secret.
 *
 * <pre>{@code
 * ErrorDetails.ofStatus(403)
 *     .withErrorCode("E0000006")                 // Okta; Graph: Authorization_RequestDenied
 *     .withRequestId("XaBcD1234")                // Okta: X-Okta-Request-Id; Graph: request-id
 *     .withProviderField("errorId", "oaeXyZ");   // Graph: innerError.date, client-request-id
 * }</pre>
 */
public final class ErrorDetails {
  /** The most characters of a provider field's value kept. */
  private static final int MAX_FIELD_VALUE = 200;

  /** The most provider fields kept. */
  private static final int MAX_FIELDS = 16;

  private final OptionalInt httpStatus;
  private final Optional<String> errorCode;
  private final Optional<String> requestId;
  private final Map<String, String> providerFields;

  private ErrorDetails(
      OptionalInt httpStatus,
      Optional<String> errorCode,
      Optional<String> requestId,
      Map<String, String> providerFields) {
    Objects.requireNonNull(httpStatus, "httpStatus == null");
    Objects.requireNonNull(errorCode, "errorCode == null");
    Objects.requireNonNull(requestId, "requestId == null");
    Objects.requireNonNull(providerFields, "providerFields == null");
    if (httpStatus.isPresent() && (httpStatus.getAsInt() < 100 || httpStatus.getAsInt() > 599)) {
      throw new IllegalArgumentException("httpStatus must be 100..599: " + httpStatus.getAsInt());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    providerFields.forEach((name, value) -> putField(fields, name, value));
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.requestId = requestId;
    this.providerFields = Collections.unmodifiableMap(fields);
  }

  /**
   * Creates the value; for providers and tests (callers receive it).
   *
   * @param httpStatus the HTTP status of the provider's response, when there was one
   * @param errorCode the provider's error code, for example Okta's {@code E0000006} or Microsoft
   *     Graph's {@code Authorization_RequestDenied}
   * @param requestId the provider's request id, to quote to the provider's support and find the
   *     request in its logs, for example Okta's {@code X-Okta-Request-Id} or Graph's {@code
   *     request-id}
   * @param providerFields the provider's other error fields under its own names, in the order
   *     given; see {@link #withProviderField(String, String)}
   * @return the value
   */
  public static ErrorDetails of(
      OptionalInt httpStatus,
      Optional<String> errorCode,
      Optional<String> requestId,
      Map<String, String> providerFields) {
    return new ErrorDetails(httpStatus, errorCode, requestId, providerFields);
  }

  /** {@return the HTTP status of the provider's response, when there was one} */
  public OptionalInt httpStatus() {
    return httpStatus;
  }

  /**
   * {@return the provider's error code, for example Okta's {@code E0000006} or Microsoft Graph's
   * {@code Authorization_RequestDenied}}
   */
  public Optional<String> errorCode() {
    return errorCode;
  }

  /**
   * {@return the provider's request id, to quote to the provider's support and find the request in
   * its logs: for example Okta's {@code X-Okta-Request-Id} or Microsoft Graph's {@code request-id}}
   */
  public Optional<String> requestId() {
    return requestId;
  }

  /**
   * {@return the provider's other error fields, under the provider's own names, in the order the
   * adapter added them} For example Okta's {@code errorId}, or Microsoft Graph's {@code
   * innerError.date} and {@code client-request-id}. Empty when there are none.
   */
  public Map<String, String> providerFields() {
    return providerFields;
  }

  private static final ErrorDetails NONE =
      new ErrorDetails(OptionalInt.empty(), Optional.empty(), Optional.empty(), Map.of());

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
    return new ErrorDetails(OptionalInt.of(status), errorCode, requestId, providerFields);
  }

  /**
   * Returns a copy with the provider's error code set.
   *
   * @param code the code, for example {@code E0000006}
   * @return new details
   */
  public ErrorDetails withErrorCode(String code) {
    return new ErrorDetails(httpStatus, Optional.of(code), requestId, providerFields);
  }

  /**
   * Returns a copy with the provider's request id set.
   *
   * @param id the request's id
   * @return new details
   */
  public ErrorDetails withRequestId(String id) {
    return new ErrorDetails(httpStatus, errorCode, Optional.of(id), providerFields);
  }

  /**
   * Returns a copy with one more of the provider's error fields, or with a new value for one of the
   * same name. The value comes from the provider's answer, so it is made safe to print: control
   * characters become spaces and at most 200 characters are kept. At most 16 fields are kept;
   * further ones are ignored. Never pass a secret: these fields are part of error messages.
   *
   * @param name the field's name as the provider spells it, for example {@code errorId}: not blank,
   *     no control characters
   * @param value its value
   * @return new details
   * @throws IllegalArgumentException when the name is blank or holds a control character
   */
  public ErrorDetails withProviderField(String name, String value) {
    Map<String, String> fields = new LinkedHashMap<>(providerFields);
    putField(fields, name, value);
    return new ErrorDetails(httpStatus, errorCode, requestId, fields);
  }

  private static void putField(Map<String, String> fields, String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, () -> "value of provider field " + name + " == null");
    if (name.isBlank() || name.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "a provider field's name must not be blank or hold control characters: '"
              + name.replaceAll("\\p{Cntrl}", "?")
              + "'");
    }
    if (fields.size() >= MAX_FIELDS && !fields.containsKey(name)) {
      return;
    }
    String clean = value.codePoints().anyMatch(Character::isISOControl) ? clean(value) : value;
    fields.put(
        name, clean.length() > MAX_FIELD_VALUE ? clean.substring(0, MAX_FIELD_VALUE) + "…" : clean);
  }

  private static String clean(String value) {
    StringBuilder text = new StringBuilder(value.length());
    value.codePoints().forEach(c -> text.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return text.toString();
  }

  /**
   * Renders the known details for the end of an error message, for example {@code "HTTP 403,
   * errorCode E0000006, errorId oaeXYZ, requestId abc123"}: the status, the code, each provider
   * field as its name and value, and the request id.
   *
   * @return the details, comma-separated; empty when nothing is known
   */
  public String describe() {
    StringBuilder text = new StringBuilder();
    httpStatus.ifPresent(status -> append(text, "HTTP " + status));
    errorCode.ifPresent(code -> append(text, "errorCode " + code));
    providerFields.forEach((name, value) -> append(text, name + " " + value));
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
        && requestId.equals(that.requestId)
        && providerFields.equals(that.providerFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(httpStatus, errorCode, requestId, providerFields);
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
        + "requestId="
        + requestId
        + ", "
        + "providerFields="
        + providerFields
        + "]";
  }
}
