package org.workforceiam.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error this library throws for a failed directory or reset call. Unchecked.
 *
 * <p>The subclasses are ordered by what the caller does next:
 *
 * <ul>
 *   <li>fix the set-up: {@link ConfigurationException}, {@link AuthenticationFailedException},
 *       {@link PermissionDeniedException}, {@link OperationNotSupportedException};
 *   <li>fix the request: {@link NotFoundException}, {@link AmbiguousUserException}, {@link
 *       InvalidStateException};
 *   <li>wait and retry: {@link RateLimitedException}, {@link ProviderUnavailableException};
 *   <li>report it: {@link ProtocolViolationException};
 *   <li>check before retrying: {@link OutcomeUnknownException}, where a change may or may not have
 *       happened.
 * </ul>
 *
 * <p>Each carries what the provider said ({@link #details()}), and its message ends with those
 * details so a support request can quote it. Messages never contain secrets. Misuse of the API,
 * such as a blank id, is an {@link IllegalArgumentException} instead.
 */
public abstract class IamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String summary;
  private final @Nullable Integer httpStatus;
  private final @Nullable String errorCode;
  private final @Nullable String errorId;
  private final @Nullable String requestId;

  /**
   * Creates an error.
   *
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  protected IamException(String summary, ErrorDetails details, @Nullable Throwable cause) {
    super(withDetails(summary, details), cause);
    this.summary = summary;
    this.httpStatus = details.httpStatus().isPresent() ? details.httpStatus().getAsInt() : null;
    this.errorCode = details.errorCode().orElse(null);
    this.errorId = details.errorId().orElse(null);
    this.requestId = details.requestId().orElse(null);
  }

  private static String withDetails(String summary, ErrorDetails details) {
    Objects.requireNonNull(summary, "summary == null");
    Objects.requireNonNull(details, "details == null");
    String described = details.describe();
    return described.isEmpty() ? summary : summary + " (" + described + ")";
  }

  /**
   * Returns the message without the provider's details.
   *
   * @return what went wrong and what to do about it
   */
  public String summary() {
    return summary;
  }

  /**
   * Returns what the provider said about the failure.
   *
   * @return the details; empty ones when the failure happened before or without a response
   */
  public ErrorDetails details() {
    return new ErrorDetails(httpStatus(), errorCode(), errorId(), requestId());
  }

  /**
   * Returns the HTTP status of the provider's response.
   *
   * @return the status, when there was a response
   */
  public OptionalInt httpStatus() {
    return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
  }

  /**
   * Returns the provider's error code, for example Okta's {@code E0000006}.
   *
   * @return the code, when the provider sent one
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * Returns the provider's identifier of this error occurrence, to quote to its support.
   *
   * @return the id, when the provider sent one
   */
  public Optional<String> errorId() {
    return Optional.ofNullable(errorId);
  }

  /**
   * Returns the provider's request identifier, to find the request in its logs.
   *
   * @return the id, when the provider sent one
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Returns whether the same call, made again later, may succeed.
   *
   * @return {@code true} for transient failures such as rate limits and outages
   */
  public abstract boolean isRetryable();
}
