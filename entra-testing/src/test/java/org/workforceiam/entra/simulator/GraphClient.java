package org.workforceiam.entra.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A plain OkHttp client playing the app: gets a token, then calls Graph. */
final class GraphClient implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");

  final SimulatedEntra entra;
  final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private String token = "";

  GraphClient(SimulatedEntra entra) {
    this.entra = entra;
  }

  /** An answer: status, headers and body text. */
  record Reply(int code, Headers headers, String body) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      Object parsed = Exchange.parseJson(body);
      assertThat(parsed).as(body).isInstanceOf(Map.class);
      return (Map<String, Object>) parsed;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> value() {
      return (List<Map<String, Object>>) json().get("value");
    }

    @SuppressWarnings("unchecked")
    String errorCode() {
      return String.valueOf(((Map<String, Object>) json().get("error")).get("code"));
    }

    @SuppressWarnings("unchecked")
    String errorMessage() {
      return String.valueOf(((Map<String, Object>) json().get("error")).get("message"));
    }
  }

  /** Gets a token with a certificate assertion, RS256 with x5t#S256. */
  GraphClient signIn(Instant now) throws IOException {
    return signIn(TestApp.assertion(entra, now, TestApp.Signing.RS256_WITH_S256, b -> b), null);
  }

  GraphClient signInWithSecret(String secret) throws IOException {
    return signIn(null, secret);
  }

  private GraphClient signIn(String assertion, String secret) throws IOException {
    Reply reply = token(form(assertion, secret).build());
    assertThat(reply.code()).as(reply.body()).isEqualTo(200);
    token = String.valueOf(reply.json().get("access_token"));
    return this;
  }

  String token() {
    return token;
  }

  FormBody.Builder form(String assertion, String secret) {
    FormBody.Builder form =
        new FormBody.Builder()
            .add("client_id", entra.clientId())
            .add("scope", entra.scope())
            .add("grant_type", "client_credentials");
    if (assertion != null) {
      form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
          .add("client_assertion", assertion);
    }
    if (secret != null) {
      form.add("client_secret", secret);
    }
    return form;
  }

  Reply token(RequestBody body) throws IOException {
    return token(entra.tokenUrl(), body);
  }

  Reply token(String url, RequestBody body) throws IOException {
    return send(new Request.Builder().url(url).post(body).build());
  }

  Reply get(String pathAndQuery) throws IOException {
    return send(authorized(entra.url(pathAndQuery)).get().build());
  }

  Reply getUrl(String url) throws IOException {
    return send(authorized(HttpUrl.get(url)).get().build());
  }

  Reply post(String path, String json) throws IOException {
    return send(authorized(entra.url(path)).post(RequestBody.create(json, JSON)).build());
  }

  Reply patch(String path, String json) throws IOException {
    return send(authorized(entra.url(path)).patch(RequestBody.create(json, JSON)).build());
  }

  Reply delete(String path) throws IOException {
    return send(authorized(entra.url(path)).delete().build());
  }

  private Request.Builder authorized(HttpUrl url) {
    return new Request.Builder().url(url).header("Authorization", "Bearer " + token);
  }

  Reply send(Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      return new Reply(response.code(), response.headers(), response.body().string());
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
