package org.workforceiam.okta;

/**
 * How much of its HTTP traffic the client logs, through SLF4J at INFO on the logger {@code
 * org.workforceiam.okta.http}.
 *
 * <p>Secrets are never logged at any level: the {@code Authorization}, {@code DPoP} and {@code
 * DPoP-Nonce} headers and cookies are redacted, and no request or response body is logged (token
 * responses, reset links and temporary passwords travel in bodies).
 */
public enum HttpLogging {
  /** Logs nothing. */
  NONE,
  /** Logs one line per exchange: method, URL, status, duration and Okta's request id. */
  BASIC,
  /** Logs {@link #BASIC} plus the request and response headers, secrets redacted. */
  HEADERS
}
