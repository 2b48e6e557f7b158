package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.core.UserId;
import org.workforceiam.http.HttpClients;
import org.workforceiam.http.JsonBodies;

/**
 * A hostile or broken server cannot make a call run forever, read without bound or throw from
 * header arithmetic: each case ends in a typed error, bounded by counts and byte limits.
 */
class HostileServerBoundsTest {
  private static final GroupId GROUP = GroupId.of("00gEngineering");

  /** More than the socket buffers of both ends can hold on loopback, far less than 300 MB. */
  private static final long SOCKET_SLACK = 16L * 1024 * 1024;

  private ScriptedOkta okta;
  private OktaConnection connection;

  @BeforeEach
  void start() throws Exception {
    okta = new ScriptedOkta();
    connection =
        okta.connect(
            SimFixture.clock(),
            new RecordingSleeper(SimFixture.clock()),
            RetryPolicy.defaults(),
            200,
            new OkHttpClient());
  }

  @AfterEach
  void stop() {
    connection.close();
    okta.close();
  }

  private MockResponse emptyPageWithNext(int n) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .setHeader(
            "Link",
            "<"
                + okta.url("/api/v1/groups/00gEngineering/users?after=c" + n + "&limit=200")
                + ">; rel=\"next\"")
        .body("[]")
        .build();
  }

  @Test
  void anEndlessChainOfEmptyPagesStopsWithAProtocolViolationAfterTenPages() {
    for (int i = 0; i < 50; i++) {
      okta.enqueue(emptyPageWithNext(i));
    }

    assertThatThrownBy(() -> connection.directory().members(GROUP).count())
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("10 empty pages in a row");
    assertThat(okta.apiRequests()).hasSize(10);
  }

  @Test
  void aPageWithMoreUsersThanTheLimitIsAProtocolViolation() {
    String users =
        IntStream.range(0, 201)
            .mapToObj(i -> "{\"id\":\"00u" + i + "\",\"profile\":{\"login\":\"u" + i + "@x\"}}")
            .collect(Collectors.joining(",", "[", "]"));
    okta.enqueue(ScriptedOkta.json(200, users));

    assertThatThrownBy(() -> connection.directory().membersPage(GROUP))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("more than the 200 users asked for");
    assertThat(okta.apiRequests()).hasSize(1);
  }

  @Test
  void aHugePageStopsAtTheByteLimitWithoutReadingItAll() {
    // 40 MiB of one user's unknown field, more than the 32 MiB bound; streamed from a buffer.
    Buffer body = new Buffer().writeUtf8("[{\"id\":\"00u1\",\"x\":\"");
    byte[] chunk = "a".repeat(1024 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i < 40; i++) {
      body.write(chunk);
    }
    body.writeUtf8("\",\"profile\":{\"login\":\"a@x\"}}]");
    long size = body.size();
    okta.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(body)
            .build());

    assertThatThrownBy(() -> connection.directory().membersPage(GROUP))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("larger than " + JsonBodies.MAX_BODY_BYTES + " bytes");
    assertThat(okta.apiRequests()).hasSize(1);
    assertThat(okta.apiRequests().get(0).getBodySize()).isZero();
    assertThat(size).isGreaterThan(JsonBodies.MAX_BODY_BYTES);
  }

  @Test
  void a300MegabytePageEndsInAProtocolViolationAfterReadingNoMoreThanTheByteLimit()
      throws Exception {
    // A page that is valid JSON, padded with 300 MB of white space between its brackets, made
    // while it is sent.
    GeneratedBody page = new GeneratedBody("[", ' ', 300L * 1000 * 1000, "]");
    okta.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(page)
            .build());

    assertThatThrownBy(() -> connection.directory().membersPage(GROUP))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("larger than " + JsonBodies.MAX_BODY_BYTES + " bytes");

    assertThat(okta.apiRequests()).hasSize(1);
    // The client stopped at the limit and closed the connection instead of draining the rest:
    // what the server got out is the limit plus what socket buffers hold, far from 300 MB.
    assertThat(page.bytesSentInTheEnd())
        .isGreaterThan(JsonBodies.MAX_BODY_BYTES)
        .isLessThan(JsonBodies.MAX_BODY_BYTES + SOCKET_SLACK);
  }

  @Test
  void aUserWithA100MegabyteFirstNameEndsInAProtocolViolationWithinTheByteLimit() throws Exception {
    GeneratedBody user =
        new GeneratedBody(
            "{\"id\":\"00u1Ada\",\"status\":\"ACTIVE\",\"profile\":{\"login\":\"ada@x\","
                + "\"firstName\":\"",
            'a',
            100L * 1000 * 1000,
            "\"}}");
    okta.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(user)
            .build());

    assertThatThrownBy(() -> connection.directory().findById(UserId.of("00u1Ada")))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("larger than " + JsonBodies.MAX_BODY_BYTES + " bytes");

    assertThat(okta.apiRequests()).hasSize(1);
    assertThat(user.bytesSentInTheEnd())
        .isGreaterThan(JsonBodies.MAX_BODY_BYTES)
        .isLessThan(JsonBodies.MAX_BODY_BYTES + SOCKET_SLACK);
  }

  @Test
  void aResetAnswerLargerThanTheByteLimitIsOutcomeUnknownAfterReadingNoMoreThanTheLimit()
      throws Exception {
    GeneratedBody answer =
        new GeneratedBody("{\"resetPasswordUrl\":\"https://x/", 'a', 100L * 1000 * 1000, "\"}");
    okta.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(answer)
            .build());
    OktaResets resets =
        new OktaResets(connection.orgUrl(), connection.api(), connection.directory());

    // Okta answered 200, so the change was made; only its answer is unusable.
    assertThatThrownBy(() -> resets.resetPassword(UserId.of("00u1Ada"), PasswordReset.link()))
        .isInstanceOf(IamException.OutcomeUnknown.class)
        .hasMessageContaining("was answered with success, but the answer could not be read")
        .cause()
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("larger than " + JsonBodies.MAX_BODY_BYTES + " bytes");

    assertThat(okta.apiRequests()).hasSize(1);
    assertThat(answer.bytesSentInTheEnd()).isLessThan(JsonBodies.MAX_BODY_BYTES + SOCKET_SLACK);
  }

  /** A page that trickles in a byte at a time, slower than any call timeout allows. */
  private static MockResponse trickling(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .throttleBody(1, 50, TimeUnit.MILLISECONDS)
        .build();
  }

  private OktaClient clientWithCallTimeout(OkHttpClient http) {
    return OktaClient.builder()
        .orgUrl(okta.orgUrl())
        .clientId(SimFixture.CLIENT_ID)
        .privateKey(SimFixture.KEYS.getPrivate())
        .keyId(SimFixture.KID)
        .dpopMode(DpopMode.OFF)
        .httpClient(http)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  @Test
  void aPageThatTricklesInEndsAtTheCallersCallTimeoutAsProviderUnavailable() {
    OkHttpClient tiny = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(200)).build();
    okta.enqueue(trickling("[" + " ".repeat(10_000) + "]"));
    try (OktaClient client = clientWithCallTimeout(tiny)) {
      assertThatThrownBy(() -> client.directory().membersPage(GROUP))
          .isInstanceOf(IamException.ProviderUnavailable.class)
          .hasMessageContaining("did not answer GET /api/v1/groups/00gEngineering/users in time")
          .cause()
          .isExactlyInstanceOf(InterruptedIOException.class)
          .hasMessage("timeout");
    } finally {
      tiny.connectionPool().evictAll();
    }
    assertThat(okta.apiRequests()).hasSize(1);
  }

  @Test
  void aUserThatTricklesInEndsAtTheCallersCallTimeoutAsProviderUnavailable() {
    OkHttpClient tiny = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(200)).build();
    okta.enqueue(
        trickling(
            "{\"id\":\"00u1Ada\",\"profile\":{\"login\":\"ada@x\",\"x\":\""
                + "a".repeat(10_000)
                + "\"}}"));
    try (OktaClient client = clientWithCallTimeout(tiny)) {
      assertThatThrownBy(() -> client.directory().findById(UserId.of("00u1Ada")))
          .isInstanceOf(IamException.ProviderUnavailable.class)
          .cause()
          .isExactlyInstanceOf(InterruptedIOException.class)
          .hasMessage("timeout");
    } finally {
      tiny.connectionPool().evictAll();
    }
    assertThat(okta.apiRequests()).hasSize(1);
  }

  @Test
  void aResetAnswerThatTricklesInEndsAtTheCallTimeoutAsOutcomeUnknownSentOnce() {
    OkHttpClient tiny = new OkHttpClient.Builder().callTimeout(Duration.ofMillis(200)).build();
    okta.enqueue(ScriptedOkta.json(200, "[{\"id\":\"00gEngineering\",\"profile\":{}}]"))
        .enqueue(trickling("{\"resetPasswordUrl\":\"https://x/" + "a".repeat(10_000) + "\"}"));
    try (OktaClient client = clientWithCallTimeout(tiny)) {
      assertThatThrownBy(
              () -> client.resets(GROUP).resetPassword(UserId.of("00u1Ada"), PasswordReset.link()))
          .isInstanceOf(IamException.OutcomeUnknown.class)
          .cause()
          .isExactlyInstanceOf(InterruptedIOException.class)
          .hasMessage("timeout");
    } finally {
      tiny.connectionPool().evictAll();
    }
    assertThat(okta.apiRequests())
        .extracting(RecordedRequest::getMethod)
        .containsExactly("GET", "POST");
  }

  @Test
  void aSuccessfulResetWithAnAbsurdRateLimitResetReturnsItsLink() {
    okta.enqueue(
        ScriptedOkta.json(200, "{\"resetPasswordUrl\":\"https://org.example/reset/abc\"}")
            .newBuilder()
            .setHeader("X-Rate-Limit-Limit", "600")
            .setHeader("X-Rate-Limit-Remaining", "599")
            .setHeader("X-Rate-Limit-Reset", "32000000000000000")
            .setHeader("Retry-After", "9223372036854775807")
            .build());
    OktaResets resets =
        new OktaResets(connection.orgUrl(), connection.api(), connection.directory());

    ResetResult.Password result = resets.resetPassword(UserId.of("00u1Ada"), PasswordReset.link());

    assertThat(result.resetLink())
        .map(link -> link.reveal())
        .contains("https://org.example/reset/abc");
    assertThat(okta.apiRequests()).hasSize(1);
  }

  @Test
  void everyClientTheSdkBuildsHasACallTimeout() {
    assertThat(HttpClients.derive(null).build().callTimeoutMillis())
        .isEqualTo(HttpClients.DEFAULT_CALL_TIMEOUT.toMillis());
    assertThat(HttpClients.derive(new OkHttpClient()).build().callTimeoutMillis())
        .isEqualTo(HttpClients.DEFAULT_CALL_TIMEOUT.toMillis());
    OkHttpClient own =
        new OkHttpClient.Builder().callTimeout(java.time.Duration.ofSeconds(5)).build();
    assertThat(HttpClients.derive(own).build().callTimeoutMillis()).isEqualTo(5000);
  }
}
