package org.workforceiam.okta;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.workforceiam.http.AccessToken;
import org.workforceiam.http.JsonBodies;
import org.workforceiam.http.TokenCache;

/**
 * Authorizes every API request with the app's access token: {@code Authorization: DPoP <token>}
 * plus a fresh DPoP proof (with {@code ath}) for a DPoP-bound token, {@code Authorization: Bearer
 * <token>} otherwise.
 *
 * <p>Two answers are handled here, each at most once per request: a DPoP nonce challenge from the
 * resource server ({@code WWW-Authenticate: DPoP error="use_dpop_nonce"} with a {@code DPoP-Nonce}
 * header) is retried with the new nonce; a 401 that says Okta no longer accepts the token ({@code
 * error="invalid_token"} or {@code E0000011}) refreshes it and retries the request. Any other 401,
 * and a second one, is returned to the caller, which reports an authentication failure. Retrying
 * after a 401 is safe for every request: Okta refused it before acting on it.
 */
final class AuthInterceptor implements Interceptor {
  /** Okta's error bodies are a few hundred bytes; a larger body is not one. */
  private static final long ERROR_BODY_PEEK_LIMIT = 16 * 1024;

  private final TokenCache tokens;
  private final @Nullable Dpop dpop;

  AuthInterceptor(TokenCache tokens, @Nullable Dpop dpop) {
    this.tokens = tokens;
    this.dpop = dpop;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    // A step of the attempt: a token request that fails ends it, and the call's loop decides.
    AccessToken token = tokens.current();
    boolean nonceRetried = false;
    boolean refreshed = false;
    while (true) {
      Response response = chain.proceed(authorize(original, token));
      if (token.dpopBound() && !nonceRetried && isNonceChallenge(response)) {
        String nonce = response.header("DPoP-Nonce");
        if (nonce != null) {
          Objects.requireNonNull(dpop).resourceNonce(nonce);
          nonceRetried = true;
          response.close();
          continue;
        }
      }
      if (response.code() == 401
          && !refreshed
          && !isNonceChallenge(response)
          && isInvalidToken(response)) {
        refreshed = true;
        response.close();
        tokens.invalidate(token);
        token = tokens.current();
        continue;
      }
      return response;
    }
  }

  private Request authorize(Request request, AccessToken token) {
    Request.Builder authorized =
        request.newBuilder().header("Authorization", token.scheme() + " " + token.value());
    if (token.dpopBound()) {
      Dpop state = Objects.requireNonNull(dpop, "DPoP-bound token without DPoP state");
      @Nullable String nonce = state.resourceNonce();
      authorized.header("DPoP", state.proof(request.method(), request.url(), token.value(), nonce));
    } else {
      authorized.removeHeader("DPoP");
    }
    return authorized.build();
  }

  /**
   * Whether a 401 says the access token is no longer accepted: an RFC 6750 {@code invalid_token}
   * challenge, or Okta's {@code E0000011} ("Invalid token provided"). Okta answers 401 for other
   * reasons too, such as {@code E0000015} (a feature that is not enabled), which a new token cannot
   * fix.
   */
  static boolean isInvalidToken(Response response) throws IOException {
    for (String challenge : response.headers("WWW-Authenticate")) {
      if (challenge.replace(" ", "").contains("error=\"invalid_token\"")) {
        return true;
      }
    }
    // Peeked, not read: the caller still gets the whole body, with Okta's error in it.
    try {
      Map<String, Object> error = JsonBodies.peekObject(response, ERROR_BODY_PEEK_LIMIT);
      return "E0000011".equals(error.get("errorCode"));
    } catch (IOException | RuntimeException notOktasErrorJson) {
      return false;
    }
  }

  static boolean isNonceChallenge(Response response) {
    if (response.code() != 401 && response.code() != 400) {
      return false;
    }
    for (String challenge : response.headers("WWW-Authenticate")) {
      if (challenge.regionMatches(true, 0, "DPoP", 0, 4)
          && challenge.replace(" ", "").contains("error=\"use_dpop_nonce\"")) {
        return true;
      }
    }
    return false;
  }
}
