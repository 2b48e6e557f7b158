package org.workforceiam.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.IamException;

/**
 * What one provider does differently, for the shared plumbing: its name, request ids, error bodies
 * and rate-limit headers. An adapter implements it once; {@link RetryingTransport}, {@link
 * RateLimitPacer}, {@link JsonBodies} and {@link HttpLogInterceptor} use it.
 */
public interface ProviderRules {

  /** {@return the provider's name for messages, such as {@code Okta}} */
  String name();

  /**
   * {@return where the provider records what it did, for messages, such as {@code Okta System Log}}
   */
  default String auditLogName() {
    return name() + " audit log";
  }

  /**
   * {@return the response header with the provider's request id, such as {@code X-Okta-Request-Id}}
   */
  String requestIdHeader();

  /**
   * Reads the provider's error body from a response without consuming it, reading a bounded amount.
   * A body that is not the provider's leaves the code and summary empty.
   *
   * @param response the response
   * @return what the provider said
   */
  ProviderError readError(Response response);

  /**
   * Maps an error answer to the core error hierarchy.
   *
   * @param error what the provider said
   * @param what what was asked, for the message, for example {@code "GET /api/v1/users/00u1"}
   * @param retryAfter for a rate limit, how long to wait before trying again, when known
   * @return the exception to throw
   */
  IamException toException(ProviderError error, String what, @Nullable Duration retryAfter);

  /**
   * Marks a request that is sent again, as some providers ask (Okta: {@code X-Okta-Retry-For} and
   * {@code X-Okta-Retry-Count}). By default the request is unchanged.
   *
   * @param request the request
   * @param retryCount how many times it was sent before
   * @param firstFailureRequestId the provider's request id of the first failed send, if known
   * @return the request to send
   */
  default Request markRetry(
      Request request, int retryCount, @Nullable String firstFailureRequestId) {
    return request;
  }

  /**
   * Returns the rate-limit bucket of a request: requests in one bucket share one window. By default
   * the method and path.
   *
   * @param request the request
   * @return the bucket's key
   */
  default String rateLimitBucket(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  /**
   * Reads what a response says about its bucket's rate-limit window. By default nothing, which
   * turns pacing off.
   *
   * @param response the response
   * @param clock the local clock, to which the window's reset is moved
   * @return the window, or null when the response says nothing about it
   */
  default RateLimitPacer.@Nullable Window rateLimitWindow(Response response, Clock clock) {
    return null;
  }

  /**
   * Returns when a rate-limited (429) request may be sent again, in local time. By default from the
   * {@code Retry-After} header.
   *
   * @param response the 429 response
   * @param clock the local clock
   * @return the time, or null when the response does not say (the loop then backs off)
   */
  default @Nullable Instant retryAt(Response response, Clock clock) {
    return HttpHeaders.retryAfter(response, clock);
  }

  /**
   * Returns when a request answered 503 (service unavailable) may be sent again, in local time, for
   * a provider that says so reliably (Microsoft Graph sends {@code Retry-After} with its 503s). By
   * default null: the loop backs off exponentially, as it does for a 504 or a failed connection.
   *
   * @param response the 503 response
   * @param clock the local clock
   * @return the time, or null to back off
   */
  default @Nullable Instant unavailableUntil(Response response, Clock clock) {
    return null;
  }
}
