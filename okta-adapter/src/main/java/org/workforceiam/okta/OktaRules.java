package org.workforceiam.okta;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.IamException;
import org.workforceiam.http.HttpHeaders;
import org.workforceiam.http.ProviderError;
import org.workforceiam.http.ProviderRules;
import org.workforceiam.http.RateLimitPacer;

/**
 * What Okta does differently, for the shared HTTP plumbing: its error bodies ({@link OktaErrors}),
 * {@code X-Okta-Request-Id}, the retry headers Okta's SDKs send, and its rate limits.
 *
 * <p>Okta's rate-limit windows belong to endpoints, so a bucket is the method and path template
 * (ids replaced by {@code {}}); {@code X-Rate-Limit-Reset} is epoch seconds on Okta's clock, moved
 * to the local one through the response's {@code Date} header.
 */
final class OktaRules implements ProviderRules {
  static final OktaRules INSTANCE = new OktaRules();

  private static final Set<String> COLLECTIONS =
      Set.of("users", "groups", "factors", "apps", "clients", "roles", "sessions");

  private OktaRules() {}

  @Override
  public String name() {
    return "Okta";
  }

  @Override
  public String auditLogName() {
    return "Okta System Log";
  }

  @Override
  public String requestIdHeader() {
    return OktaErrors.REQUEST_ID_HEADER;
  }

  @Override
  public ProviderError readError(Response response) {
    return OktaErrors.read(response);
  }

  @Override
  public IamException toException(ProviderError error, String what, @Nullable Duration retryAfter) {
    return OktaErrors.from(error, what, retryAfter);
  }

  /** Retries carry the request id of the first failure and their count, as Okta's SDKs send. */
  @Override
  public Request markRetry(
      Request request, int retryCount, @Nullable String firstFailureRequestId) {
    Request.Builder retry =
        request.newBuilder().header("X-Okta-Retry-Count", Integer.toString(retryCount));
    if (firstFailureRequestId != null) {
      retry.header("X-Okta-Retry-For", firstFailureRequestId);
    }
    return retry.build();
  }

  /** The endpoint a request belongs to: method and path with ids replaced by {@code {}}. */
  @Override
  public String rateLimitBucket(Request request) {
    List<String> segments = request.url().pathSegments();
    StringBuilder key = new StringBuilder(request.method()).append(' ');
    for (int i = 0; i < segments.size(); i++) {
      boolean isId = i > 0 && COLLECTIONS.contains(segments.get(i - 1)) && i >= 3;
      key.append('/').append(isId ? "{}" : segments.get(i));
    }
    return key.toString();
  }

  @Override
  public RateLimitPacer.@Nullable Window rateLimitWindow(Response response, Clock clock) {
    Long limit = HttpHeaders.longHeader(response, "X-Rate-Limit-Limit");
    Long remaining = HttpHeaders.longHeader(response, "X-Rate-Limit-Remaining");
    Instant resetAt = retryAt(response, clock);
    if (limit == null
        || remaining == null
        || resetAt == null
        || limit > Integer.MAX_VALUE
        || remaining > Integer.MAX_VALUE) {
      return null;
    }
    return new RateLimitPacer.Window(limit.intValue(), remaining.intValue(), resetAt);
  }

  /**
   * When the rate-limit window resets, in local time: {@code X-Rate-Limit-Reset} (epoch seconds on
   * Okta's clock) moved to the local clock through the response's {@code Date}, at most {@link
   * HttpHeaders#HORIZON} away whatever the header says.
   */
  @Override
  public @Nullable Instant retryAt(Response response, Clock clock) {
    Long reset = HttpHeaders.longHeader(response, "X-Rate-Limit-Reset");
    return reset == null
        ? null
        : HttpHeaders.toLocalTime(response, HttpHeaders.epochSecond(reset), clock);
  }

  @Override
  public String toString() {
    return "OktaRules";
  }
}
