package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.workforceiam.core.AuthenticationFailedException;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.InvalidStateException;
import org.workforceiam.core.NotFoundException;
import org.workforceiam.core.PermissionDeniedException;
import org.workforceiam.core.ProtocolViolationException;
import org.workforceiam.core.ProviderUnavailableException;
import org.workforceiam.core.RateLimitedException;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.MutableClock;

/** Okta's answers become typed errors by errorCode, carrying errorId and the request id. */
class ErrorMappingTest {
  private final MutableClock clock = SimFixture.clock();
  private ScriptedOkta okta;
  private OktaConnection connection;

  @BeforeEach
  void start() throws Exception {
    okta = new ScriptedOkta();
    connection =
        okta.connect(
            clock, new RecordingSleeper(clock), RetryPolicy.none(), 1000, new OkHttpClient());
  }

  @AfterEach
  void stop() {
    connection.close();
    okta.close();
  }

  private MockResponse oktaError(int status, String code) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Okta-Request-Id", "req-" + code)
        .body(
            "{\"errorCode\":\""
                + code
                + "\",\"errorSummary\":\"summary of "
                + code
                + "\",\"errorLink\":\""
                + code
                + "\",\"errorId\":\"oae"
                + code
                + "\",\"errorCauses\":[]}")
        .build();
  }

  private IamException failureOf(Runnable call) {
    try {
      call.run();
    } catch (IamException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }

  @ParameterizedTest
  @CsvSource({
    "403, E0000006, PermissionDeniedException",
    "401, E0000015, PermissionDeniedException",
    "404, E0000007, NotFoundException",
    "401, E0000011, AuthenticationFailedException",
    "401, E0000004, AuthenticationFailedException",
    "403, E0000005, AuthenticationFailedException",
    "429, E0000047, RateLimitedException",
    "403, E0000038, InvalidStateException",
    "403, E0000017, InvalidStateException",
    "403, E0000032, InvalidStateException",
    "403, E0000069, InvalidStateException",
    "409, E0000112, InvalidStateException",
    "410, E0000154, InvalidStateException",
    "423, E0000180, InvalidStateException",
    "503, E0000010, ProviderUnavailableException",
    "500, E0000009, ProviderUnavailableException",
    "400, E0000001, ProtocolViolationException"
  })
  void branchesOnOktasErrorCodeAndKeepsItsDetails(int status, String code, String type) {
    okta.enqueue(oktaError(status, code));
    if (status == 401) {
      // A 401 refreshes the token and tries once more.
      okta.enqueue(oktaError(status, code));
    }
    IamException e = failureOf(() -> connection.directory().factors(UserId.of("00u1")));
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.httpStatus()).hasValue(status);
    assertThat(e.errorCode()).contains(code);
    assertThat(e.errorId()).contains("oae" + code);
    assertThat(e.requestId()).contains("req-" + code);
    assertThat(e.getMessage())
        .endsWith(
            "(HTTP "
                + status
                + ", errorCode "
                + code
                + ", errorId oae"
                + code
                + ", requestId req-"
                + code
                + ")");
  }

  @Test
  void theCodeDecidesNotTheStatus() {
    // Okta answers some invalid-state errors with 403, like a permission error.
    okta.enqueue(oktaError(403, "E0000038"));
    assertThat(failureOf(() -> connection.directory().factors(UserId.of("00u1"))))
        .isInstanceOf(InvalidStateException.class);
  }

  @Test
  void aHelpDeskRefusalExplainsTheLikelyCausesAndTheFix() {
    okta.enqueue(oktaError(403, "E0000006"));
    assertThatThrownBy(() -> connection.directory().factors(UserId.of("00u1")))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(PermissionDeniedException.Reason.ROLE_DOES_NOT_ALLOW))
        .hasMessageContaining("more privileged admin role")
        .hasMessageContaining("outside the role's groups")
        .hasMessageContaining("custom admin role");
  }

  @Test
  void aMissingScopeIsAMissingGrantNamingTheScope() {
    okta.enqueue(
        oktaError(403, "E0000006")
            .newBuilder()
            .setHeader(
                "WWW-Authenticate",
                "DPoP algs=\"ES256\", error=\"insufficient_scope\", scope=\"okta.groups.read\"")
            .build());
    assertThatThrownBy(() -> connection.directory().membersPage(GroupId.of("00gEmployees1")))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(PermissionDeniedException.Reason.MISSING_GRANT))
        .hasMessageContaining("okta.groups.read")
        .hasMessageContaining("Okta API Scopes");
  }

  @ParameterizedTest
  @CsvSource({
    "401, AuthenticationFailedException",
    "403, PermissionDeniedException",
    "404, NotFoundException",
    "409, InvalidStateException",
    "500, ProviderUnavailableException",
    "418, ProtocolViolationException"
  })
  void aBodyThatIsNotJsonStillGivesATypedErrorWithTheStatus(int status, String type) {
    MockResponse plain =
        new MockResponse.Builder()
            .code(status)
            .setHeader("X-Okta-Request-Id", "plain")
            .body("<html>oops</html>")
            .build();
    okta.enqueue(plain).enqueue(plain);
    IamException e = failureOf(() -> connection.directory().factors(UserId.of("00u1")));
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.httpStatus()).hasValue(status);
    assertThat(e.errorCode()).isEmpty();
    assertThat(e.requestId()).contains("plain");
  }

  @Test
  void anInvalidTokenAfterARefreshIsAnAuthenticationFailure() {
    okta.enqueue(oktaError(401, "E0000011")).enqueue(oktaError(401, "E0000011"));
    assertThatThrownBy(() -> connection.directory().factors(UserId.of("00u1")))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThat(okta.tokenRequests()).isEqualTo(2);
    assertThat(okta.apiRequests()).hasSize(2);
  }

  @Test
  void aNotFoundLookupIsEmptyNotAnError() {
    okta.enqueue(oktaError(404, "E0000007"));
    assertThat(connection.directory().findById(UserId.of("00u404"))).isEmpty();
  }

  @Test
  void anErrorSummaryWithControlCharactersIsCleaned() {
    okta.enqueue(
        new MockResponse.Builder()
            .code(403)
            .body("{\"errorCode\":\"E0000038\",\"errorSummary\":\"line1\\nline2\\u0007\"}")
            .build());
    assertThatThrownBy(() -> connection.directory().factors(UserId.of("00u1")))
        .isInstanceOf(InvalidStateException.class)
        .hasMessageContaining("line1 line2")
        .hasMessageNotContaining("\n");
  }

  @Test
  void rateLimitedAndUnavailableAreRetryable() {
    okta.enqueue(oktaError(429, "E0000047"));
    assertThat(failureOf(() -> connection.directory().factors(UserId.of("00u1"))))
        .isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(e.isRetryable()).isTrue());
    okta.enqueue(oktaError(503, "E0000010"));
    assertThat(failureOf(() -> connection.directory().factors(UserId.of("00u1"))))
        .isInstanceOf(ProviderUnavailableException.class)
        .satisfies(e -> assertThat(e.isRetryable()).isTrue());
  }

  @Test
  void aProtocolViolationIsNotRetryable() {
    okta.enqueue(ScriptedOkta.json(200, "{\"not\":\"a list\"}"));
    assertThat(failureOf(() -> connection.directory().factors(UserId.of("00u1"))))
        .isInstanceOf(ProtocolViolationException.class)
        .satisfies(e -> assertThat(e.isRetryable()).isFalse());
  }

  @Test
  void aMissingUserIsNotFoundForFactorsAndMembership() {
    okta.enqueue(oktaError(404, "E0000007")).enqueue(oktaError(404, "E0000007"));
    assertThat(failureOf(() -> connection.directory().factors(UserId.of("00u404"))))
        .isInstanceOf(NotFoundException.class);
    assertThat(
            failureOf(
                () -> connection.directory().isMember(UserId.of("00u404"), GroupId.of("00gX"))))
        .isInstanceOf(NotFoundException.class);
  }
}
