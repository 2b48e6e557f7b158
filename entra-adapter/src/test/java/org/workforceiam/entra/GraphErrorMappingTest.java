package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.entra.ScriptedEntra.GROUP;
import static org.workforceiam.entra.ScriptedEntra.USER;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.core.UserId;
import org.workforceiam.http.Transport;

/** Graph's error answers, throttling and lost answers, through the real adapter. */
class GraphErrorMappingTest {
  private final ScriptedEntra entra = ScriptedEntra.start();
  private final EntraClient client = entra.client();

  @AfterEach
  void stop() {
    client.close();
    entra.close();
  }

  private static MockResponse error(int status, String code, String message) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("request-id", "req-" + status)
        .body(
            "{\"error\":{\"code\":\""
                + code
                + "\",\"message\":\""
                + message
                + "\",\"innerError\":{\"date\":\"2026-11-30T12:00:00\",\"request-id\":\"inner-"
                + status
                + "\",\"client-request-id\":\"c\"}}}")
        .build();
  }

  @ParameterizedTest(name = "{0} {1} is {2}")
  @CsvSource({
    "401, InvalidAuthenticationToken, AuthenticationFailed, ",
    "403, Authorization_RequestDenied, PermissionDenied, ROLE_DOES_NOT_ALLOW",
    "403, accessDenied, PermissionDenied, MISSING_GRANT",
    "404, Request_ResourceNotFound, NotFound, ",
    "400, Request_BadRequest, InvalidState, ",
    "400, AadPremiumLicenseRequired, OperationNotSupported, ",
    "409, conflict, InvalidState, ",
    "418, teapot, ProtocolViolation, ",
    "500, generalException, ProviderUnavailable, "
  })
  void eachAnswerMapsToWhatTheCallerDoesNext(int status, String code, String kind, String reason) {
    entra.enqueue(error(status, code, "Insufficient privileges\\u001b[2J to complete."));
    if (status == 401) {
      entra.enqueue(error(status, code, "Insufficient privileges\\u001b[2J to complete."));
    }

    assertThatThrownBy(() -> client.directory().factors(UserId.of(USER)))
        .satisfies(
            e -> {
              assertThat(e.getClass().getSimpleName()).isEqualTo(kind);
              IamException iam = (IamException) e;
              assertThat(iam.httpStatus()).hasValue(status);
              assertThat(iam.errorCode()).hasValue(code);
              assertThat(iam.requestId()).hasValue("req-" + status);
              assertThat(iam.details().providerFields())
                  .containsEntry("innerError.date", "2026-11-30T12:00:00")
                  .containsEntry("innerError.client-request-id", "c");
              assertThat(iam.getMessage())
                  .contains("Insufficient privileges")
                  .doesNotContain("\u001b")
                  .contains("authentication methods of user " + USER);
              if (reason != null) {
                assertThat(((IamException.PermissionDenied) e).reason().name()).isEqualTo(reason);
              }
            });
  }

  @Test
  void theRequestIdComesFromTheInnerErrorWhenTheHeaderIsMissing() {
    entra.enqueue(
        404,
        "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"x\",\"innerError\":"
            + "{\"request-id\":\"from-body\"}}}");

    assertThatThrownBy(() -> client.directory().factors(UserId.of(USER)))
        .isInstanceOfSatisfying(
            IamException.NotFound.class, e -> assertThat(e.requestId()).hasValue("from-body"));
  }

  @Test
  void aBodyThatIsNotGraphsStillMapsByStatus() {
    entra.enqueue(new MockResponse.Builder().code(403).body("<html>proxy says no</html>").build());

    assertThatThrownBy(() -> client.directory().factors(UserId.of(USER)))
        .isInstanceOfSatisfying(
            IamException.PermissionDenied.class,
            e -> {
              assertThat(e.errorCode()).isEmpty();
              assertThat(e.getMessage()).doesNotContain("proxy says no");
            });
  }

  @Test
  void aThrottledReadWaitsForRetryAfterSeconds() {
    entra
        .enqueue(
            new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "5")
                .body("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")
                .build())
        .enqueue(
            new MockResponse.Builder()
                .code(503)
                .setHeader("Retry-After", "2")
                .body("{\"error\":{\"code\":\"serviceNotAvailable\",\"message\":\"busy\"}}")
                .build())
        .enqueue(200, "{\"value\":[]}");

    assertThat(client.directory().factors(UserId.of(USER))).isEmpty();

    // Each wait is Retry-After plus the 1 s margin and jitter 0.5 × 1 s.
    assertThat(entra.waits).containsExactly(Duration.ofMillis(6_500), Duration.ofMillis(3_500));
    assertThat(entra.graphRequests()).hasSize(3);
  }

  @Test
  void throttlingThatOutlastsTheRetryPolicyIsRateLimited() {
    try (EntraClient tight =
        entra
            .builder(EntraCredential.clientSecret(org.workforceiam.core.Secret.of("s3cr3t~value")))
            .retryPolicy(new RetryPolicy(2, Duration.ofMinutes(5), Duration.ofMinutes(1)))
            .build()) {
      for (int i = 0; i < 2; i++) {
        entra.enqueue(
            new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "30")
                .body("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow\"}}")
                .build());
      }
      assertThatThrownBy(() -> tight.directory().membersPage(GroupId.of(GROUP)))
          .isInstanceOfSatisfying(
              IamException.RateLimited.class,
              e -> {
                assertThat(e.errorCode()).hasValue("TooManyRequests");
                assertThat(e.getMessage()).contains("after 2 attempts");
              });
    }
  }

  @Test
  void aWriteWhoseAnswerIsLostIsOutcomeUnknownAndNeverSentAgain() {
    client.connection().tokens().get();
    entra
        .enqueue(
            new MockResponse.Builder()
                .code(204)
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build())
        .enqueue(new MockResponse.Builder().code(204).build());
    Request patch =
        new Request.Builder()
            .url(entra.url("/v1.0/users/" + USER))
            .patch(RequestBody.create("{}", MediaType.get("application/json")))
            .build();

    assertThatThrownBy(
            () -> {
              try (Response response = client.connection().graph().send(patch)) {
                response.code();
              }
            })
        .isInstanceOf(IamException.OutcomeUnknown.class)
        .hasMessageContaining("PATCH /v1.0/users/" + USER)
        .hasMessageContaining("Microsoft Entra audit log");
    assertThat(entra.graphRequests()).hasSize(1);
  }

  @Test
  void onlyReadsAndReadOnlyActionsAreRepeatable() {
    RequestBody body = RequestBody.create("{}", MediaType.get("application/json"));
    String base = entra.origin() + "/v1.0/users/" + USER;
    assertThat(GraphApi.safety(new Request.Builder().url(base).get().build()))
        .isEqualTo(Transport.Safety.REPEATABLE);
    assertThat(
            GraphApi.safety(
                new Request.Builder().url(base + "/checkMemberGroups").post(body).build()))
        .isEqualTo(Transport.Safety.REPEATABLE);
    for (Request write :
        new Request[] {
          new Request.Builder().url(base).patch(body).build(),
          new Request.Builder().url(base + "/authentication/phoneMethods/x").delete().build(),
          new Request.Builder().url(base + "/revokeSignInSessions").post(body).build(),
          new Request.Builder()
              .url(base + "/authentication/temporaryAccessPassMethods")
              .post(body)
              .build()
        }) {
      assertThat(GraphApi.safety(write))
          .as(write.method() + " " + write.url())
          .isEqualTo(Transport.Safety.NOT_REPEATABLE);
    }
  }
}
