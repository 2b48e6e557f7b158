package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
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
    "403, E0000006, PermissionDenied",
    "401, E0000015, PermissionDenied",
    "404, E0000007, NotFound",
    "401, E0000011, AuthenticationFailed",
    "401, E0000004, AuthenticationFailed",
    "403, E0000005, AuthenticationFailed",
    "429, E0000047, RateLimited",
    "403, E0000038, InvalidState",
    "403, E0000017, InvalidState",
    "403, E0000032, InvalidState",
    "403, E0000069, InvalidState",
    "409, E0000112, InvalidState",
    "410, E0000154, InvalidState",
    "423, E0000180, InvalidState",
    "503, E0000010, ProviderUnavailable",
    "500, E0000009, ProviderUnavailable",
    "400, E0000001, ProtocolViolation"
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
    assertThat(e.details().providerFields()).containsExactly(entry("errorId", "oae" + code));
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
        .isInstanceOf(IamException.InvalidState.class);
  }

  @Test
  void aHelpDeskRefusalExplainsTheLikelyCausesAndTheFix() {
    okta.enqueue(oktaError(403, "E0000006"));
    assertThatThrownBy(() -> connection.directory().factors(UserId.of("00u1")))
        .isInstanceOfSatisfying(
            IamException.PermissionDenied.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW))
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
            IamException.PermissionDenied.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(IamException.PermissionDenied.Reason.MISSING_GRANT))
        .hasMessageContaining("okta.groups.read")
        .hasMessageContaining("Okta API Scopes");
  }

  @ParameterizedTest
  @CsvSource({
    "401, AuthenticationFailed",
    "403, PermissionDenied",
    "404, NotFound",
    "409, InvalidState",
    "500, ProviderUnavailable",
    "418, ProtocolViolation"
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
        .isInstanceOf(IamException.AuthenticationFailed.class);
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
        .isInstanceOf(IamException.InvalidState.class)
        .hasMessageContaining("line1 line2")
        .hasMessageNotContaining("\n");
  }

  @Test
  void rateLimitedAndUnavailableAreRetryable() {
    okta.enqueue(oktaError(429, "E0000047"));
    assertThat(failureOf(() -> connection.directory().factors(UserId.of("00u1"))))
        .isInstanceOf(IamException.RateLimited.class)
        .satisfies(e -> assertThat(e.isRetryable()).isTrue());
    okta.enqueue(oktaError(503, "E0000010"));
    assertThat(failureOf(() -> connection.directory().factors(UserId.of("00u1"))))
        .isInstanceOf(IamException.ProviderUnavailable.class)
        .satisfies(e -> assertThat(e.isRetryable()).isTrue());
  }

  @Test
  void aProtocolViolationIsNotRetryable() {
    okta.enqueue(ScriptedOkta.json(200, "{\"not\":\"a list\"}"));
    assertThat(failureOf(() -> connection.directory().factors(UserId.of("00u1"))))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .satisfies(e -> assertThat(e.isRetryable()).isFalse());
  }

  @Test
  void aMissingUserIsNotFoundForFactorsAndMembership() {
    okta.enqueue(oktaError(404, "E0000007")).enqueue(oktaError(404, "E0000007"));
    assertThat(failureOf(() -> connection.directory().factors(UserId.of("00u404"))))
        .isInstanceOf(IamException.NotFound.class);
    assertThat(
            failureOf(
                () -> connection.directory().isMember(UserId.of("00u404"), GroupId.of("00gX"))))
        .isInstanceOf(IamException.NotFound.class);
  }
}
