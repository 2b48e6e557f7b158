package org.workforceiam.core;

/**
 * How much of its HTTP traffic a client logs, through SLF4J at INFO on its adapter's HTTP logger
 * ({@code org.workforceiam.okta.http} for Okta). Provider-neutral: every HTTP adapter takes it.
 *
 * <p>Secrets are never logged at any level: the {@code Authorization}, {@code DPoP} and {@code
 * DPoP-Nonce} headers and cookies are redacted, and no request or response body is logged (token
 * responses, reset links and temporary passwords travel in bodies).
 */
public enum HttpLogging {
  /** Logs nothing. */
  NONE,
  /** Logs one line per exchange: method, URL, status, duration and the provider's request id. */
  BASIC,
  /** Logs {@link #BASIC} plus the request and response headers, secrets redacted. */
  HEADERS
}
