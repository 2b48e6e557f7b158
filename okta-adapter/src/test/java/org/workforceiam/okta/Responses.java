package org.workforceiam.okta;

import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Responses built in memory, for properties that try thousands of bodies without a server. */
final class Responses {
  private static final MediaType JSON = MediaType.get("application/json");

  private Responses() {}

  static Response of(HttpUrl url, String method, int code, byte[] body) {
    Request request =
        new Request.Builder()
            .url(url)
            .method(method, method.equals("GET") ? null : okhttp3.RequestBody.create(new byte[0]))
            .build();
    return new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message("status " + code)
        .header(OktaErrors.REQUEST_ID_HEADER, "req-1")
        .body(ResponseBody.create(body, JSON))
        .build();
  }

  static Response of(HttpUrl url, String method, int code, String body) {
    return of(url, method, code, body.getBytes(StandardCharsets.UTF_8));
  }
}
