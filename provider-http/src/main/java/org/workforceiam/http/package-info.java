/**
 * The plumbing every HTTP adapter of workforce-iam shares: the one retry loop with one deadline per
 * call ({@link org.workforceiam.http.RetryingTransport}), rate-limit pacing, access-token caching
 * with one refresh in flight ({@link org.workforceiam.http.TokenCache}), bounded JSON decoding, the
 * same-origin guard for paging links, {@code Link} header parsing, private key parsing and HTTP
 * logging with secrets redacted.
 *
 * <p><b>Internal API.</b> Public only so that adapters in other packages (Okta, and the ones to
 * come) can use it; applications should not. Anything here may change in any release, without
 * notice. What a provider does differently (its error bodies, rate-limit headers, request ids)
 * comes in through {@link org.workforceiam.http.ProviderRules}.
 */
@NullMarked
package org.workforceiam.http;

import org.jspecify.annotations.NullMarked;
