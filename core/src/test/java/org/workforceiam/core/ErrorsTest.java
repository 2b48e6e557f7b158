package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ErrorDetails} and the {@link IamException} hierarchy. */
class ErrorsTest {
  private static final ErrorDetails FULL =
      ErrorDetails.ofStatus(403)
          .withErrorCode("E0000006")
          .withProviderField("errorId", "oaeXYZ")
          .withRequestId("abc123");

  @Test
  void noneDescribesNothing() {
    assertThat(ErrorDetails.none().describe()).isEmpty();
    assertThat(ErrorDetails.none().httpStatus()).isEmpty();
    assertThat(ErrorDetails.none().errorCode()).isEmpty();
    assertThat(ErrorDetails.none().providerFields()).isEmpty();
    assertThat(ErrorDetails.none().requestId()).isEmpty();
  }

  @Test
  void describeListsEveryKnownDetailInAFixedOrder() {
    assertThat(FULL.describe())
        .isEqualTo("HTTP 403, errorCode E0000006, errorId oaeXYZ, requestId abc123");
  }

  @Test
  void describeLeavesOutWhatIsUnknown() {
    assertThat(ErrorDetails.ofStatus(503).describe()).isEqualTo("HTTP 503");
    assertThat(ErrorDetails.none().withRequestId("r1").describe()).isEqualTo("requestId r1");
    assertThat(ErrorDetails.none().withErrorCode("E1").withRequestId("r1").describe())
        .isEqualTo("errorCode E1, requestId r1");
  }

  @Test
  void withersChangeOneValueAndKeepTheRest() {
    ErrorDetails changed = FULL.withHttpStatus(429).withRequestId("other");
    assertThat(changed.httpStatus()).hasValue(429);
    assertThat(changed.errorCode()).contains("E0000006");
    assertThat(changed.providerFields()).containsExactly(entry("errorId", "oaeXYZ"));
    assertThat(changed.requestId()).contains("other");
    assertThat(FULL.httpStatus()).hasValue(403);
  }

  @Test
  void providerFieldsKeepTheProvidersNamesInTheOrderAdded() {
    ErrorDetails graph =
        ErrorDetails.ofStatus(403)
            .withErrorCode("Authorization_RequestDenied")
            .withRequestId("7f3c")
            .withProviderField("innerError.date", "2026-05-01T10:00:00")
            .withProviderField("client-request-id", "c1");
    assertThat(graph.providerFields().keySet())
        .containsExactly("innerError.date", "client-request-id");
    assertThat(graph.describe())
        .isEqualTo(
            "HTTP 403, errorCode Authorization_RequestDenied, innerError.date 2026-05-01T10:00:00,"
                + " client-request-id c1, requestId 7f3c");
    assertThat(graph.withProviderField("client-request-id", "c2").providerFields())
        .containsEntry("client-request-id", "c2")
        .hasSize(2);
    assertThatThrownBy(() -> graph.providerFields().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(
            ErrorDetails.of(
                OptionalInt.empty(),
                Optional.empty(),
                Optional.empty(),
                new LinkedHashMap<>(Map.of("errorId", "oae1"))))
        .isEqualTo(ErrorDetails.none().withProviderField("errorId", "oae1"));
  }

  @Test
  void providerFieldValuesFromAHostileServerAreMadeSafeToPrint() {
    ErrorDetails details =
        ErrorDetails.none()
            .withProviderField("errorId", "oae\u001b[31mred\r\nInjected: yes\u0085")
            .withProviderField("long", "x".repeat(10_000));
    assertThat(details.providerFields().get("errorId")).isEqualTo("oae [31mred  Injected: yes ");
    assertThat(details.providerFields().get("long")).hasSize(201).endsWith("…");
    ErrorDetails many = ErrorDetails.none();
    for (int i = 0; i < 100; i++) {
      many = many.withProviderField("f" + i, "v");
    }
    assertThat(many.providerFields()).hasSize(16);
    assertThatThrownBy(() -> ErrorDetails.none().withProviderField(" ", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> ErrorDetails.none().withProviderField("a\nb", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a?b'");
  }

  @Test
  void partiallyAppliedSaysWhatWasDoneWhatFailedAndWhatWasNotAttempted() {
    IamException.OutcomeUnknown lost =
        new IamException.OutcomeUnknown("DELETE phone1 sent, no answer", FULL, null);
    IamException.PartiallyApplied e =
        new IamException.PartiallyApplied(
            List.of("fido1", "app1"),
            "phone1",
            List.of("email1"),
            "the MFA reset of user 00u1Ada stopped midway",
            lost.details(),
            lost);

    assertThat(e.applied()).containsExactly("fido1", "app1");
    assertThat(e.failedStep()).isEqualTo("phone1");
    assertThat(e.notAttempted()).containsExactly("email1");
    assertThat(e.getCause()).isSameAs(lost);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.requestId()).contains("abc123");
    assertThat(e)
        .hasMessage(
            "the MFA reset of user 00u1Ada stopped midway; done: [fido1, app1], failed: phone1,"
                + " not attempted: [email1] ("
                + FULL.describe()
                + ")");
    assertThatThrownBy(() -> e.applied().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void partiallyAppliedCarriesTheResultOfTheStepsMadeWithoutShowingItsSecret() throws Exception {
    Secret password = Secret.of("Tmp-Pass-4711-xyz!");
    ResetResult.Password done =
        ResetResult.Password.of(
            UserId.of("00u1Ada"),
            Operation.SET_TEMPORARY_PASSWORD,
            Optional.empty(),
            false,
            Optional.of(password),
            false,
            Optional.of("req-1"));
    IamException cause =
        new IamException.PermissionDenied(
            IamException.PermissionDenied.Reason.MISSING_GRANT, "no revoke", FULL);

    IamException.PartiallyApplied e =
        new IamException.PartiallyApplied(
            List.of("SET_TEMPORARY_PASSWORD"),
            "REVOKE_SESSIONS",
            List.of(),
            "the password was set, ending the sessions failed",
            FULL,
            cause,
            done);

    assertThat(e.result()).contains(done);
    assertThat(e.getMessage()).doesNotContain(password.reveal());
    assertThat(e.toString()).doesNotContain(password.reveal());
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    assertThat(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(password.reveal());
    try (var in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      IamException.PartiallyApplied read = (IamException.PartiallyApplied) in.readObject();
      assertThat(read.result()).isEmpty();
      assertThat(read.applied()).containsExactly("SET_TEMPORARY_PASSWORD");
    }
    assertThat(
            new IamException.PartiallyApplied(
                    List.of("a"), "b", List.of(), "x", ErrorDetails.none(), cause)
                .result())
        .isEmpty();
  }

  @Test
  void partiallyAppliedNeedsAStepDoneElseTheFailedStepsOwnErrorIsThrown() {
    IamException cause = new IamException.NotFound("gone", ErrorDetails.none());
    assertThatThrownBy(
            () ->
                new IamException.PartiallyApplied(
                    List.of(), "a", List.of(), "x", ErrorDetails.none(), cause))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "applied must name at least one step: when the first step fails, throw its own error");
    assertThatThrownBy(
            () ->
                new IamException.PartiallyApplied(
                    List.of("a"), " ", List.of(), "x", ErrorDetails.none(), cause))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failedStep must not be blank");
  }

  @Test
  void httpStatusMustBeAnHttpStatus() {
    assertThatThrownBy(() -> ErrorDetails.ofStatus(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("httpStatus must be 100..599: 99");
    assertThatThrownBy(() -> ErrorDetails.ofStatus(600))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("httpStatus must be 100..599: 600");
    assertThat(ErrorDetails.ofStatus(100).httpStatus()).hasValue(100);
    assertThat(ErrorDetails.ofStatus(599).httpStatus()).hasValue(599);
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void errorDetailsRefuseNulls() {
    assertThatThrownBy(() -> ErrorDetails.of(null, Optional.empty(), Optional.empty(), Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("httpStatus == null");
    assertThatThrownBy(() -> ErrorDetails.of(OptionalInt.empty(), Optional.empty(), null, Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("requestId == null");
    assertThatThrownBy(
            () -> ErrorDetails.of(OptionalInt.empty(), Optional.empty(), Optional.empty(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("providerFields == null");
  }

  static Stream<Arguments> everyError() {
    return Stream.of(
        error(IamException.InvalidConfiguration::new, false),
        error(IamException.AuthenticationFailed::new, false),
        error(
            (summary, details) ->
                new IamException.PermissionDenied(
                    IamException.PermissionDenied.Reason.MISSING_GRANT, summary, details),
            false),
        error(IamException.NotFound::new, false),
        error(IamException.AmbiguousUser::new, false),
        error(
            (summary, details) -> new IamException.InvalidState("SUSPENDED", summary, details),
            false),
        error((summary, details) -> new IamException.RateLimited(null, summary, details), true),
        error(IamException.ProviderUnavailable::new, true),
        error(IamException.ProtocolViolation::new, false),
        error(IamException.OperationNotSupported::new, false),
        error(
            (summary, details) -> new IamException.OutcomeUnknown(summary, details, null), false));
  }

  private static Arguments error(
      BiFunction<String, ErrorDetails, IamException> create, boolean retryable) {
    IamException sample = create.apply("x", ErrorDetails.none());
    return Arguments.of(sample.getClass().getSimpleName(), create, retryable);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyError")
  void saysWhetherRetryingMayHelp(
      String name, BiFunction<String, ErrorDetails, IamException> create, boolean retryable) {
    assertThat(create.apply("failed", ErrorDetails.none()).isRetryable())
        .as(name)
        .isEqualTo(retryable);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyError")
  void messageEndsWithTheProvidersDetails(
      String name, BiFunction<String, ErrorDetails, IamException> create, boolean retryable) {
    IamException e = create.apply("the user could not be reset", FULL);
    assertThat(e)
        .hasMessage(
            "the user could not be reset"
                + " (HTTP 403, errorCode E0000006, errorId oaeXYZ, requestId abc123)");
    assertThat(e.getMessage()).endsWith("(" + FULL.describe() + ")");
    assertThat(e.summary()).isEqualTo("the user could not be reset");
    assertThat(e.details()).isEqualTo(FULL);
    assertThat(e.httpStatus()).hasValue(403);
    assertThat(e.errorCode()).contains("E0000006");
    assertThat(e.details().providerFields()).containsExactly(entry("errorId", "oaeXYZ"));
    assertThat(e.requestId()).contains("abc123");
    assertThat(e).isInstanceOf(RuntimeException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyError")
  void messageIsTheSummaryAloneWhenNothingIsKnown(
      String name, BiFunction<String, ErrorDetails, IamException> create, boolean retryable) {
    IamException e = create.apply("no response", ErrorDetails.none());
    assertThat(e).hasMessage("no response");
    assertThat(e.details()).isEqualTo(ErrorDetails.none());
    assertThat(e.httpStatus()).isEmpty();
    assertThat(e.requestId()).isEmpty();
  }

  @Test
  void keepsTheCause() {
    IOException cause = new IOException("connection reset");
    IamException.OutcomeUnknown e =
        new IamException.OutcomeUnknown("reset sent, no answer", ErrorDetails.none(), cause);
    assertThat(e).hasCause(cause);
    assertThat(new IamException.NotFound("gone", ErrorDetails.none(), cause)).hasCause(cause);
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullSummaryAndDetails() {
    assertThatThrownBy(() -> new IamException.NotFound(null, ErrorDetails.none()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("summary == null");
    assertThatThrownBy(() -> new IamException.NotFound("gone", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("details == null");
  }

  @Test
  void permissionDeniedSaysWhy() {
    for (IamException.PermissionDenied.Reason reason :
        IamException.PermissionDenied.Reason.values()) {
      assertThat(new IamException.PermissionDenied(reason, "no", ErrorDetails.none()).reason())
          .isEqualTo(reason);
    }
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void permissionDeniedRefusesANullReason() {
    assertThatThrownBy(() -> new IamException.PermissionDenied(null, "no", ErrorDetails.none()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reason == null");
  }

  @Test
  void invalidStateKeepsTheUsersStatusWhenKnown() {
    assertThat(
            new IamException.InvalidState("SUSPENDED", "no", ErrorDetails.none()).currentStatus())
        .contains("SUSPENDED");
    assertThat(new IamException.InvalidState(null, "no", ErrorDetails.none()).currentStatus())
        .isEmpty();
  }

  @Test
  void rateLimitedSaysHowLongToWaitWhenKnown() {
    assertThat(
            new IamException.RateLimited(Duration.ofSeconds(30), "slow down", ErrorDetails.none())
                .retryAfter())
        .contains(Duration.ofSeconds(30));
    assertThat(new IamException.RateLimited(null, "slow down", ErrorDetails.none()).retryAfter())
        .isEmpty();
    assertThat(
            new IamException.RateLimited(Duration.ZERO, "slow down", ErrorDetails.none())
                .retryAfter())
        .contains(Duration.ZERO);
  }

  @Test
  void rateLimitedRefusesANegativeWait() {
    assertThatThrownBy(
            () ->
                new IamException.RateLimited(
                    Duration.ofSeconds(-1), "slow down", ErrorDetails.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retryAfter must not be negative: PT-1S");
  }
}
