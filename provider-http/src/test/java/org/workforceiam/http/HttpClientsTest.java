package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clients {@link HttpClients} derives send each request once per call, whatever follow-up
 * OkHttp would make.
 */
class HttpClientsTest {
  private final MockWebServer server = new MockWebServer();
  private OkHttpClient client;

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
    if (client != null) {
      client.connectionPool().evictAll();
    }
  }

  private Request post(String path) {
    return new Request.Builder()
        .url(server.url(path))
        .post(RequestBody.create(new byte[0], null))
        .build();
  }

  @Test
  void aFollowUpOkHttpWouldMakeIsRefusedBeforeItReachesTheNetwork() {
    // Stands for a follow-up this client cannot switch off, such as OkHttp's repeat of a request
    // answered 421 on a coalesced HTTP/2 connection (which needs TLS for two host names, so it is
    // not reproduced here): a redirect switched back on after derive().
    client = HttpClients.build(HttpClients.derive(null).followRedirects(true));
    server.enqueue(
        new MockResponse.Builder().code(307).setHeader("Location", server.url("/again")).build());
    server.enqueue(new MockResponse.Builder().code(200).body("second answer").build());

    assertThatThrownBy(() -> client.newCall(post("/v1/reset")).execute().close())
        .isInstanceOf(HttpClients.FollowUpRefused.class)
        .hasMessageContaining(
            "refused to send POST /again a second time in one call after HTTP 307");

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a503WithRetryAfterZeroIsAnsweredOnceAndKeepsItsRetryAfter() throws Exception {
    client = HttpClients.build(HttpClients.derive(null));
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .setHeader("Retry-After", "0")
            .setHeader("Content-Type", "text/html")
            .body("<html>busy</html>")
            .build());
    server.enqueue(new MockResponse.Builder().code(200).body("second answer").build());

    try (Response response = client.newCall(post("/v1/reset")).execute()) {
      assertThat(response.code()).isEqualTo(503);
      assertThat(response.header("Retry-After")).isEqualTo("0");
      assertThat(response.header(HttpClients.HIDDEN_RETRY_AFTER)).isNull();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a421OnAPlainConnectionReachesTheCallerAfterOneSend() throws Exception {
    client = HttpClients.build(HttpClients.derive(null));
    server.enqueue(new MockResponse.Builder().code(421).body("misdirected").build());
    server.enqueue(new MockResponse.Builder().code(200).body("second answer").build());

    try (Response response = client.newCall(post("/v1/reset")).execute()) {
      assertThat(response.code()).isEqualTo(421);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
