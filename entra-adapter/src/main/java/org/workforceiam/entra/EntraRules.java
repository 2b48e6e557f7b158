package org.workforceiam.entra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.IamException;
import org.workforceiam.http.HttpHeaders;
import org.workforceiam.http.ProviderError;
import org.workforceiam.http.ProviderRules;

/**
 * What Microsoft Entra ID does differently, for the shared HTTP plumbing: two sets of rules, one
 * for Microsoft Graph ({@link #GRAPH}: {@link GraphErrors}, the {@code request-id} header) and one
 * for the identity platform's token endpoint ({@link #LOGIN}: {@link LoginErrors}).
 *
 * <p>Throttling: Graph answers 429, and sometimes 503, with {@code Retry-After} in seconds
 * (Microsoft Graph throttling guidance); both are waited for, a 503 too ({@link
 * #unavailableUntil}). Graph sends no rate-limit window headers for the directory APIs, so nothing
 * is paced ahead of a 429.
 */
final class EntraRules implements ProviderRules {
  /** Microsoft Graph. */
  static final EntraRules GRAPH = new EntraRules(true);

  /** The token endpoint of the Microsoft identity platform. */
  static final EntraRules LOGIN = new EntraRules(false);

  private final boolean graph;

  private EntraRules(boolean graph) {
    this.graph = graph;
  }

  @Override
  public String name() {
    return graph ? "Microsoft Graph" : "Microsoft Entra ID";
  }

  @Override
  public String auditLogName() {
    return "Microsoft Entra audit log";
  }

  @Override
  public String requestIdHeader() {
    return graph ? GraphErrors.REQUEST_ID_HEADER : LoginErrors.REQUEST_ID_HEADER;
  }

  @Override
  public ProviderError readError(Response response) {
    return graph ? GraphErrors.read(response) : LoginErrors.read(response);
  }

  @Override
  public IamException toException(ProviderError error, String what, @Nullable Duration retryAfter) {
    return graph
        ? GraphErrors.from(error, what, retryAfter)
        : LoginErrors.from(error, what, retryAfter);
  }

  /** A 503 with {@code Retry-After} is waited for, as a 429 is. */
  @Override
  public @Nullable Instant unavailableUntil(Response response, Clock clock) {
    return HttpHeaders.retryAfter(response, clock);
  }

  @Override
  public String toString() {
    return "EntraRules{" + name() + "}";
  }
}
