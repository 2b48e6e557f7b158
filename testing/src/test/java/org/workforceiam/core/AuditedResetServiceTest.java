package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.AuditEvent.Outcome;
import org.workforceiam.core.testing.InMemoryIdentityProvider;
import org.workforceiam.core.testing.RecordedOperation;

/** {@link ResetService#audited}: one event per attempt, never a secret in it. */
class AuditedResetServiceTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final GroupId EMPLOYEES = GroupId.of("00gEmployees");
  private static final UserId ADA = UserId.of("00u1Ada");
  private static final UserId GRACE = UserId.of("00u2Grace");
  private static final UserId LINUS = UserId.of("00u3Linus");

  private final List<AuditEvent> events = new ArrayList<>();

  private static InMemoryIdentityProvider.Builder seeded() {
    return InMemoryIdentityProvider.builder()
        .employee(Employee.builder(ADA, "ada@example.com").build(), EMPLOYEES)
        .employee(
            Employee.builder(GRACE, "grace@example.com").status(EmployeeStatus.LOCKED_OUT).build(),
            EMPLOYEES)
        .employee(Employee.builder(LINUS, "linus@example.com").build())
        .factor(ADA, Factor.of(FactorId.of("sms1"), "sms", "OKTA", "ACTIVE"));
  }

  private ResetService audited(ResetService delegate) {
    return ResetService.audited(delegate, events::add, CLOCK);
  }

  private AuditEvent onlyEvent() {
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  @Test
  void successIsOneEventWithUserOperationOptionsTimeAndRequestId() {
    InMemoryIdentityProvider fake = seeded().build();
    ResetResult.Password result =
        audited(fake).resetPassword(ADA, PasswordReset.emailedLink().withRevokeSessions(true));

    AuditEvent event = onlyEvent();
    assertThat(event.user()).isEqualTo(ADA);
    assertThat(event.operation()).isEqualTo(Operation.RESET_PASSWORD_LINK);
    assertThat(event.options())
        .containsExactlyInAnyOrder(OperationOption.SEND_EMAIL, OperationOption.REVOKE_SESSIONS);
    assertThat(event.time()).isEqualTo(NOW);
    assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(event.requestId()).isEqualTo(result.requestId()).isPresent();
    assertThat(event.errorType()).isEmpty();
    assertThat(event.errorCode()).isEmpty();
  }

  @Test
  void everyOperationEmitsExactlyOneEventPerAttempt() {
    ResetService resets = audited(seeded().build());
    resets.unlock(GRACE);
    resets.resetMfa(ADA, MfaReset.factor(FactorId.of("sms1")));
    resets.revokeSessions(ADA, SessionRevocation.sessionsOnly().withOauthTokens(true));
    resets.resetPassword(ADA, PasswordReset.temporaryPassword());
    assertThatThrownBy(() -> resets.unlock(GRACE)).isInstanceOf(IamException.InvalidState.class);

    assertThat(events)
        .extracting(AuditEvent::operation, AuditEvent::outcome)
        .containsExactly(
            tuple(Operation.UNLOCK, Outcome.SUCCEEDED),
            tuple(Operation.RESET_FACTOR, Outcome.SUCCEEDED),
            tuple(Operation.REVOKE_SESSIONS, Outcome.SUCCEEDED),
            tuple(Operation.SET_TEMPORARY_PASSWORD, Outcome.SUCCEEDED),
            tuple(Operation.UNLOCK, Outcome.REFUSED));
    assertThat(events.get(2).options()).containsExactly(OperationOption.REVOKE_OAUTH_TOKENS);
    assertThat(events.get(0).options()).isEmpty();
  }

  @Test
  void permissionDeniedIsRefused() {
    InMemoryIdentityProvider fake = seeded().build().markPrivileged(ADA);
    assertThatThrownBy(() -> audited(fake).resetPassword(ADA, PasswordReset.link()))
        .isInstanceOf(IamException.PermissionDenied.class);
    AuditEvent event = onlyEvent();
    assertThat(event.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(event.errorType()).contains("PermissionDenied");
    assertThat(event.requestId()).as("the fake's request id").isPresent();
  }

  @Test
  void invalidStateIsRefused() {
    assertThatThrownBy(() -> audited(seeded().build()).unlock(ADA))
        .isInstanceOf(IamException.InvalidState.class);
    assertThat(onlyEvent().outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(onlyEvent().errorType()).contains("InvalidState");
  }

  @Test
  void unsupportedOperationIsRefused() {
    InMemoryIdentityProvider fake =
        seeded().capabilities(Capabilities.builder().operation(Operation.UNLOCK).build()).build();
    assertThatThrownBy(() -> audited(fake).resetMfa(ADA, MfaReset.allFactors()))
        .isInstanceOf(IamException.OperationNotSupported.class);
    AuditEvent event = onlyEvent();
    assertThat(event.operation()).isEqualTo(Operation.RESET_ALL_FACTORS);
    assertThat(event.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(event.errorType()).contains("OperationNotSupported");
    assertThat(fake.calls()).isZero();
  }

  @Test
  void providerFailureIsFailedWithTheProvidersCodeAndRequestId() {
    InMemoryIdentityProvider fake = seeded().build();
    fake.failNextCall(
        new IamException.ProviderUnavailable(
            "Okta is down",
            ErrorDetails.ofStatus(503).withErrorCode("E0000009").withRequestId("req-503")));
    assertThatThrownBy(() -> audited(fake).revokeSessions(ADA, SessionRevocation.sessionsOnly()))
        .isInstanceOf(IamException.ProviderUnavailable.class);
    AuditEvent event = onlyEvent();
    assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(event.errorType()).contains("ProviderUnavailable");
    assertThat(event.errorCode()).contains("E0000009");
    assertThat(event.requestId()).contains("req-503");
    assertThat(event.time()).isEqualTo(NOW);
  }

  @Test
  void notFoundIsFailed() {
    assertThatThrownBy(
            () -> audited(seeded().build()).resetPassword(UserId.of("00u9"), PasswordReset.link()))
        .isInstanceOf(IamException.NotFound.class);
    assertThat(onlyEvent().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(onlyEvent().user()).isEqualTo(UserId.of("00u9"));
  }

  @Test
  void unknownOutcomeIsRecordedAsSuch() {
    InMemoryIdentityProvider fake = seeded().build();
    fake.failNextCall(
        new IamException.OutcomeUnknown(
            "the reset was sent but the connection broke; check the user before repeating it",
            ErrorDetails.none().withRequestId("req-lost"),
            null));
    assertThatThrownBy(() -> audited(fake).resetPassword(ADA, PasswordReset.expire()))
        .isInstanceOf(IamException.OutcomeUnknown.class);
    AuditEvent event = onlyEvent();
    assertThat(event.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
    assertThat(event.errorType()).contains("OutcomeUnknown");
    assertThat(event.requestId()).contains("req-lost");
  }

  @Test
  void aChangeMadeInPartIsRecordedAsPartiallyAppliedNotAsFailed() {
    InMemoryIdentityProvider fake =
        seeded().build().enroll(ADA, Factor.of(FactorId.of("push1"), "push", "OKTA", "ACTIVE"));
    IamException.OutcomeUnknown lost =
        new IamException.OutcomeUnknown(
            "no answer",
            ErrorDetails.ofStatus(504).withErrorCode("GatewayTimeout").withRequestId("r9"),
            null);
    fake.failNextMfaResetAfter(1, lost);
    ResetService resets = audited(fake);

    assertThatThrownBy(() -> resets.resetMfa(ADA, MfaReset.allFactors()))
        .isInstanceOf(IamException.PartiallyApplied.class);

    AuditEvent event = events.get(0);
    assertThat(event.outcome()).isEqualTo(Outcome.PARTIALLY_APPLIED);
    assertThat(event.errorType()).contains("PartiallyApplied");
    assertThat(event.errorCode()).contains("GatewayTimeout");
    assertThat(event.requestId()).contains("r9");
  }

  @Test
  void aFailureOutsideTheHierarchyIsFailedAndRethrown() {
    IllegalStateException bug = new IllegalStateException("bug in a hand-written provider");
    ResetService broken = new ThrowingResetService(bug);
    assertThatThrownBy(() -> audited(broken).unlock(ADA)).isSameAs(bug);
    AuditEvent event = onlyEvent();
    assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(event.errorType()).contains("IllegalStateException");
    assertThat(event.errorCode()).isEmpty();
    assertThat(event.requestId()).isEmpty();
  }

  @Test
  void noEventEverShowsAResetLinkOrTemporaryPassword() {
    ResetService resets = audited(seeded().build());
    Secret link = resets.resetPassword(ADA, PasswordReset.link()).resetLink().orElseThrow();
    Secret password =
        resets
            .resetPassword(ADA, PasswordReset.temporaryPassword())
            .temporaryPassword()
            .orElseThrow();

    assertThat(events).hasSize(2);
    assertThat(events)
        .allSatisfy(
            event ->
                assertThat(event.toString())
                    .doesNotContain(link.reveal())
                    .doesNotContain(password.reveal())
                    .doesNotContain("fake-idp.invalid"));
  }

  @Test
  void aThrowingListenerDoesNotChangeASuccess() {
    InMemoryIdentityProvider fake = seeded().build();
    ResetService resets =
        ResetService.audited(
            fake,
            event -> {
              throw new IllegalStateException("audit table is down");
            },
            CLOCK);
    ResetResult.Unlock result = resets.unlock(GRACE);
    assertThat(result.status()).isEqualTo(EmployeeStatus.ACTIVE);
    assertThat(fake.employee(GRACE).orElseThrow().status()).isEqualTo(EmployeeStatus.ACTIVE);
  }

  @Test
  void aThrowingListenerDoesNotReplaceTheFailure() {
    ResetService resets =
        ResetService.audited(
            seeded().build(),
            event -> {
              throw new IllegalStateException("audit table is down");
            },
            CLOCK);
    assertThatThrownBy(() -> resets.unlock(ADA)).isInstanceOf(IamException.InvalidState.class);
  }

  @Test
  void guardAndAuditComposedRecordTheRefusal() {
    InMemoryIdentityProvider fake = seeded().build();
    ResetService resets = audited(ResetService.groupScoped(fake, fake, EMPLOYEES));

    assertThatThrownBy(() -> resets.resetPassword(LINUS, PasswordReset.link()))
        .isInstanceOf(IamException.PermissionDenied.class);
    resets.resetPassword(ADA, PasswordReset.link());

    assertThat(events).hasSize(2);
    AuditEvent refusal = events.get(0);
    assertThat(refusal.user()).isEqualTo(LINUS);
    assertThat(refusal.operation()).isEqualTo(Operation.RESET_PASSWORD_LINK);
    assertThat(refusal.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(refusal.errorType()).contains("PermissionDenied");
    assertThat(refusal.requestId()).as("refused locally, no provider request").isEmpty();
    assertThat(events.get(1).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(fake.operations()).extracting(RecordedOperation::user).containsExactly(ADA);
  }

  @Test
  void withoutAClockEventsCarryTheCurrentTime() {
    Instant before = Instant.now();
    ResetService.audited(seeded().build(), events::add).unlock(GRACE);
    assertThat(onlyEvent().time()).isBetween(before, Instant.now());
  }

  @Test
  void capabilitiesAreTheDelegates() {
    InMemoryIdentityProvider fake = seeded().build();
    assertThat(audited(fake).capabilities()).isEqualTo(fake.capabilities());
  }

  @Test
  void theDefaultListenerHandlesEveryOutcome() {
    AuditListener logging = AuditListener.logging();
    for (Outcome outcome : Outcome.values()) {
      logging.onEvent(
          AuditEvent.of(
              ADA,
              Operation.UNLOCK,
              Set.of(),
              NOW,
              outcome,
              Optional.of("X"),
              Optional.empty(),
              Optional.empty()));
    }
    assertThat(logging).hasToString("AuditListener.logging()").isSameAs(AuditListener.logging());
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullArguments() {
    InMemoryIdentityProvider fake = seeded().build();
    assertThatThrownBy(() -> ResetService.audited(null, events::add))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("delegate == null");
    assertThatThrownBy(() -> ResetService.audited(fake, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("listener == null");
    assertThatThrownBy(() -> ResetService.audited(fake, events::add, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock == null");
  }

  @Test
  void eventOptionsAreACopy() {
    Set<OperationOption> options = new HashSet<>(Set.of(OperationOption.SEND_EMAIL));
    AuditEvent event =
        AuditEvent.of(
            ADA,
            Operation.RESET_PASSWORD_LINK,
            options,
            NOW,
            Outcome.SUCCEEDED,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    options.add(OperationOption.REVOKE_SESSIONS);
    assertThat(event.options()).containsExactly(OperationOption.SEND_EMAIL);
  }

  /** A hand-written provider with a bug: throws something outside the IamException hierarchy. */
  private static final class ThrowingResetService implements ResetService {
    private final RuntimeException failure;

    ThrowingResetService(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.builder().operation(Operation.UNLOCK).build();
    }

    @Override
    public ResetResult.Password resetPassword(UserId user, PasswordReset request) {
      throw failure;
    }

    @Override
    public ResetResult.Mfa resetMfa(UserId user, MfaReset request) {
      throw failure;
    }

    @Override
    public ResetResult.Unlock unlock(UserId user) {
      throw failure;
    }

    @Override
    public ResetResult.Sessions revokeSessions(UserId user, SessionRevocation request) {
      throw failure;
    }
  }
}
