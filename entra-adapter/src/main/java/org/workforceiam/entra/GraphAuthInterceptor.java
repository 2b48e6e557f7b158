package org.workforceiam.entra;

import java.io.IOException;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.workforceiam.http.AccessToken;
import org.workforceiam.http.JsonBodies;
import org.workforceiam.http.TokenCache;

/**
 * Authorizes every Graph request with {@code Authorization: Bearer <token>}, fetching the token as
 * a step of the attempt ({@link TokenCache#current()}).
 *
 * <p>A 401 that says Graph no longer accepts the token ({@code error="invalid_token"} in {@code
 * WWW-Authenticate}, or Graph's code {@code InvalidAuthenticationToken}, which it gives with
 * "Access token has expired or is not yet valid." and a challenge without an {@code error}
 * parameter: seen in real answers quoted in issue threads, microsofthackathons/tdi #24 and
 * microsoftgraph/python-sample-auth #10, not in Microsoft's reference) forgets it and sends the
 * request once more with a new one. Any other 401, and a second one, goes to the caller. Sending
 * again after a 401 is safe for every request, writes included: Graph refused it before acting on
 * it.
 */
final class GraphAuthInterceptor implements Interceptor {
  /** Graph's error bodies are small; a larger body is not one. */
  private static final long ERROR_BODY_PEEK_LIMIT = 16 * 1024;

  private final TokenCache tokens;

  GraphAuthInterceptor(TokenCache tokens) {
    this.tokens = tokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    AccessToken token = tokens.current();
    Response response = chain.proceed(authorize(original, token));
    if (response.code() != 401 || !isInvalidToken(response)) {
      return response;
    }
    response.close();
    tokens.invalidate(token);
    return chain.proceed(authorize(original, tokens.current()));
  }

  private static Request authorize(Request request, AccessToken token) {
    return request.newBuilder().header("Authorization", "Bearer " + token.value()).build();
  }

  /** Whether a 401 says the token is no longer accepted, so a new one may help. */
  static boolean isInvalidToken(Response response) {
    for (String challenge : response.headers("WWW-Authenticate")) {
      if (challenge.replace(" ", "").contains("error=\"invalid_token\"")) {
        return true;
      }
    }
    try {
      // Peeked, not read: the caller still gets the whole body, with Graph's error in it.
      Map<String, Object> body = JsonBodies.peekObject(response, ERROR_BODY_PEEK_LIMIT);
      return body.get("error") instanceof Map<?, ?> error
          && "InvalidAuthenticationToken".equals(error.get("code"));
    } catch (IOException | RuntimeException notGraphsErrorJson) {
      return false;
    }
  }
}
