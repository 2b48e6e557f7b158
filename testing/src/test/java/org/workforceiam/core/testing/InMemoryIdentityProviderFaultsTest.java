package org.workforceiam.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.core.testing.People.EMPLOYEES;
import static org.workforceiam.core.testing.People.person;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Capabilities;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;

/** The fake's injected faults throw what a real adapter throws, deterministically. */
class InMemoryIdentityProviderFaultsTest {
  private static final UserId ADA = UserId.of("00u1Ada");
  private static final UserId ROOT = UserId.of("00u2Root");

  private static InMemoryIdentityProvider seeded() {
    return InMemoryIdentityProvider.builder()
        .pageSize(2)
        .employee(person(ADA.value(), EmployeeStatus.LOCKED_OUT), EMPLOYEES)
        .employee(person(ROOT.value()), EMPLOYEES)
        .employee(person("00u3"), EMPLOYEES)
        .employee(person("00u4"), EMPLOYEES)
        .employee(person("00u5"), EMPLOYEES)
        .factor(ROOT, Factor.of(FactorId.of("sms2Root"), "sms", "OKTA", "ACTIVE"))
        .build();
  }

  private static final List<Consumer<InMemoryIdentityProvider>> CHANGES_TO_ROOT =
      List.of(
          fake -> fake.resetPassword(ROOT, PasswordReset.link()),
          fake -> fake.resetPassword(ROOT, PasswordReset.temporaryPassword()),
          fake -> fake.resetMfa(ROOT, MfaReset.allFactors()),
          fake -> fake.unlock(ROOT),
          fake -> fake.revokeSessions(ROOT, SessionRevocation.sessionsOnly()));

  // ------------------------------------------------------------------ privileged users

  @Test
  void everyChangeToAPrivilegedUserIsDeniedAndChangesNothing() {
    InMemoryIdentityProvider fake = seeded().markPrivileged(ROOT);
    Employee before = fake.employee(ROOT).orElseThrow();
    for (Consumer<InMemoryIdentityProvider> change : CHANGES_TO_ROOT) {
      assertThatThrownBy(() -> change.accept(fake))
          .isInstanceOfSatisfying(
              IamException.PermissionDenied.class,
              e -> {
                assertThat(e.reason())
                    .isEqualTo(IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW);
                assertThat(e.requestId()).isPresent();
              })
          .hasMessageContaining("more privileged role");
    }
    assertThat(fake.employee(ROOT)).contains(before);
    assertThat(fake.enrolledFactors(ROOT)).hasSize(1);
    assertThat(fake.operations()).hasSize(5).noneMatch(RecordedOperation::applied);
  }

  @Test
  void aPrivilegedUserCanStillBeRead() {
    InMemoryIdentityProvider fake = seeded().markPrivileged(ROOT);
    assertThat(fake.findById(ROOT)).isPresent();
    assertThat(fake.factors(ROOT)).hasSize(1);
    assertThat(fake.isMember(ROOT, EMPLOYEES)).isTrue();
  }

  @Test
  void privilegeIsCheckedBeforeTheStatus() {
    InMemoryIdentityProvider fake = seeded().markPrivileged(ROOT);
    assertThatThrownBy(() -> fake.unlock(ROOT)).isInstanceOf(IamException.PermissionDenied.class);
  }

  // ------------------------------------------------------------------ rate limits

  @Test
  void rateLimitLetsTheGivenCallsThroughThenRefusesEveryCall() {
    InMemoryIdentityProvider fake = seeded().rateLimitAfter(2, Duration.ofSeconds(30));
    assertThat(fake.findById(ADA)).isPresent();
    assertThat(fake.isMember(ADA, EMPLOYEES)).isTrue();

    assertThatThrownBy(() -> fake.unlock(ADA))
        .isInstanceOfSatisfying(
            IamException.RateLimited.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
              assertThat(e.isRetryable()).isTrue();
              assertThat(e.httpStatus()).hasValue(429);
              assertThat(e.requestId()).isPresent();
            })
        .hasMessageContaining("retry after PT30S");
    assertThatThrownBy(() -> fake.findById(ADA)).isInstanceOf(IamException.RateLimited.class);
    assertThatThrownBy(() -> fake.membersPage(EMPLOYEES))
        .isInstanceOf(IamException.RateLimited.class);

    assertThat(fake.employee(ADA).orElseThrow().status()).isEqualTo(EmployeeStatus.LOCKED_OUT);
    assertThat(fake.operations())
        .containsExactly(new RecordedOperation(Operation.UNLOCK, ADA, Set.of(), false));
    assertThat(fake.calls()).isEqualTo(5);
  }

  @Test
  void rateLimitAfterZeroRefusesTheNextCall() {
    InMemoryIdentityProvider fake = seeded().rateLimitAfter(0, Duration.ZERO);
    assertThatThrownBy(() -> fake.findById(ADA))
        .isInstanceOfSatisfying(
            IamException.RateLimited.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ZERO));
  }

  @Test
  void rateLimitCanStrikeInTheMiddleOfAListing() {
    InMemoryIdentityProvider fake = seeded().rateLimitAfter(1, Duration.ofSeconds(5));
    assertThatThrownBy(() -> fake.members(EMPLOYEES).toList())
        .isInstanceOf(IamException.RateLimited.class);
    assertThat(fake.pageRequests()).isEqualTo(1);
  }

  @Test
  void rateLimitRefusesANegativeCount() {
    assertThatThrownBy(() -> seeded().rateLimitAfter(-1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("calls must not be negative: -1");
  }

  // ------------------------------------------------------------------ outages

  @Test
  void anUnavailableProviderFailsEveryCallUntilItIsBack() {
    InMemoryIdentityProvider fake = seeded().setUnavailable(true);
    assertThatThrownBy(() -> fake.findByLogin("00u1Ada@example.com"))
        .isInstanceOfSatisfying(
            IamException.ProviderUnavailable.class,
            e -> {
              assertThat(e.isRetryable()).isTrue();
              assertThat(e.httpStatus()).hasValue(503);
            });
    assertThatThrownBy(() -> fake.resetPassword(ADA, PasswordReset.link()))
        .isInstanceOf(IamException.ProviderUnavailable.class);
    assertThat(fake.employee(ADA).orElseThrow().status()).isEqualTo(EmployeeStatus.LOCKED_OUT);

    fake.setUnavailable(false);
    assertThat(fake.findByLogin("00u1Ada@example.com")).isPresent();
  }

  // ------------------------------------------------------------------ listing failures

  @Test
  void aListingCanFailMidway() {
    IamException.ProtocolViolation truncated =
        new IamException.ProtocolViolation("truncated body", ErrorDetails.ofStatus(200));
    InMemoryIdentityProvider fake = seeded().failListingAfter(1, truncated);

    assertThat(fake.membersPage(EMPLOYEES).items()).hasSize(2);
    assertThatThrownBy(() -> fake.members(EMPLOYEES).toList()).isSameAs(truncated);
    assertThat(fake.findById(ADA)).as("other calls still work").isPresent();
  }

  @Test
  void aListingCanFailAtTheFirstPage() {
    IamException.NotFound gone =
        new IamException.NotFound("group deleted", ErrorDetails.ofStatus(404));
    InMemoryIdentityProvider fake = seeded().failListingAfter(0, gone);
    assertThatThrownBy(() -> fake.members(EMPLOYEES).findFirst()).isSameAs(gone);
  }

  @Test
  void failListingAfterRefusesANegativeCount() {
    assertThatThrownBy(
            () ->
                seeded()
                    .failListingAfter(-1, new IamException.NotFound("gone", ErrorDetails.none())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pages must not be negative: -1");
  }

  // ------------------------------------------------------------------ one-off failures

  @Test
  void failNextCallFailsExactlyOneCall() {
    IamException.OutcomeUnknown lost =
        new IamException.OutcomeUnknown(
            "connection broke after sending", ErrorDetails.none(), null);
    InMemoryIdentityProvider fake = seeded().failNextCall(lost);

    assertThatThrownBy(() -> fake.unlock(ADA)).isSameAs(lost);
    assertThat(fake.employee(ADA).orElseThrow().status()).isEqualTo(EmployeeStatus.LOCKED_OUT);
    assertThat(fake.operations())
        .singleElement()
        .extracting(RecordedOperation::applied)
        .isEqualTo(false);

    fake.unlock(ADA);
    assertThat(fake.employee(ADA).orElseThrow().status()).isEqualTo(EmployeeStatus.ACTIVE);
  }

  @Test
  void queuedFailuresHitConsecutiveCallsOfAnyKind() {
    IamException first = new IamException.ProviderUnavailable("502", ErrorDetails.ofStatus(502));
    IamException second = new IamException.RateLimited(null, "429", ErrorDetails.ofStatus(429));
    InMemoryIdentityProvider fake = seeded().failNextCall(first).failNextCall(second);

    assertThatThrownBy(() -> fake.findById(ADA)).isSameAs(first);
    assertThatThrownBy(() -> fake.membersPage(EMPLOYEES)).isSameAs(second);
    assertThat(fake.findById(ADA)).isPresent();
    assertThat(fake.calls()).isEqualTo(3);
  }

  // ------------------------------------------------------------------ clearing

  @Test
  void clearFaultsRemovesEveryFaultButPrivilege() {
    InMemoryIdentityProvider fake =
        seeded()
            .markPrivileged(ROOT)
            .rateLimitAfter(0, Duration.ofSeconds(1))
            .setUnavailable(true)
            .failListingAfter(0, new IamException.NotFound("gone", ErrorDetails.none()))
            .failNextCall(new IamException.NotFound("gone", ErrorDetails.none()));

    fake.clearFaults();

    assertThat(fake.findById(ADA)).isPresent();
    assertThat(fake.members(EMPLOYEES)).hasSize(5);
    fake.unlock(ADA);
    assertThatThrownBy(() -> fake.revokeSessions(ROOT, SessionRevocation.sessionsOnly()))
        .isInstanceOf(IamException.PermissionDenied.class);
  }

  // ------------------------------------------------------------------ capabilities

  // ------------------------------------------------------------------ a change that stops midway

  private static InMemoryIdentityProvider withThreeFactors() {
    return InMemoryIdentityProvider.builder()
        .employee(person(ADA.value()), EMPLOYEES)
        .factor(ADA, Factor.of(FactorId.of("fido1"), "webauthn", "FIDO", "ACTIVE"))
        .factor(ADA, Factor.of(FactorId.of("app1"), "push", "OKTA", "ACTIVE"))
        .factor(ADA, Factor.of(FactorId.of("sms1"), "sms", "OKTA", "ACTIVE"))
        .build();
  }

  @Test
  void anMfaResetCanStopMidwaySayingWhatWasDoneAndWhatNot() {
    InMemoryIdentityProvider fake = withThreeFactors();
    IamException.OutcomeUnknown lost =
        new IamException.OutcomeUnknown(
            "no answer", ErrorDetails.none().withRequestId("r-lost"), null);
    fake.failNextMfaResetAfter(1, lost);

    assertThatThrownBy(() -> fake.resetMfa(ADA, MfaReset.allFactors()))
        .isInstanceOfSatisfying(
            IamException.PartiallyApplied.class,
            e -> {
              assertThat(e.applied()).containsExactly("fido1");
              assertThat(e.failedStep()).isEqualTo("app1");
              assertThat(e.notAttempted()).containsExactly("sms1");
              assertThat(e.getCause()).isSameAs(lost);
              assertThat(e.requestId()).contains("r-lost");
            });
    assertThat(fake.enrolledFactors(ADA))
        .extracting(f -> f.id().value())
        .containsExactly("app1", "sms1");

    assertThat(fake.resetMfa(ADA, MfaReset.allFactors()).factorsReset())
        .as("the fault strikes once")
        .hasSize(2);
  }

  @Test
  void anMfaResetWhoseFirstStepFailsThrowsThatStepsErrorAndRemovesNothing() {
    InMemoryIdentityProvider fake = withThreeFactors();
    IamException denied =
        new IamException.PermissionDenied(
            IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW, "no", ErrorDetails.none());
    fake.failNextMfaResetAfter(0, denied);

    assertThatThrownBy(() -> fake.resetMfa(ADA, MfaReset.allFactors())).isSameAs(denied);
    assertThat(fake.enrolledFactors(ADA)).hasSize(3);
  }

  @Test
  void anMfaResetFaultWaitsForAUserWithMoreFactorsThanItLetsThrough() {
    InMemoryIdentityProvider fake = withThreeFactors();
    fake.failNextMfaResetAfter(
        3, new IamException.ProviderUnavailable("down", ErrorDetails.none()));

    assertThat(fake.resetMfa(ADA, MfaReset.allFactors()).factorsReset()).hasSize(3);
    assertThatThrownBy(
            () ->
                fake.failNextMfaResetAfter(
                    -1, new IamException.ProviderUnavailable("down", ErrorDetails.none())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnsupportedOperationIsRefusedBeforeAnyCall() {
    InMemoryIdentityProvider fake =
        InMemoryIdentityProvider.builder()
            .capabilities(
                Capabilities.builder()
                    .operation(Operation.RESET_PASSWORD_LINK)
                    .operation(Operation.REVOKE_SESSIONS, OperationOption.REVOKE_OAUTH_TOKENS)
                    .build())
            .employee(person(ADA.value(), EmployeeStatus.LOCKED_OUT))
            .build();

    assertThatThrownBy(() -> fake.unlock(ADA))
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessageContaining("does not support UNLOCK");
    assertThatThrownBy(() -> fake.resetMfa(ADA, MfaReset.allFactors()))
        .isInstanceOf(IamException.OperationNotSupported.class);
    assertThatThrownBy(() -> fake.resetPassword(ADA, PasswordReset.expire()))
        .isInstanceOf(IamException.OperationNotSupported.class);
    assertThatThrownBy(() -> fake.resetPassword(ADA, PasswordReset.emailedLink()))
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessageContaining("[SEND_EMAIL]");
    assertThatThrownBy(
            () ->
                fake.revokeSessions(
                    ADA,
                    SessionRevocation.sessionsOnly()
                        .with(OperationOption.of("okta", "FORGET_DEVICES"))))
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessageContaining("[okta:FORGET_DEVICES]");

    assertThat(fake.calls()).isZero();
    assertThat(fake.operations()).isEmpty();
    assertThat(fake.employee(ADA).orElseThrow().status()).isEqualTo(EmployeeStatus.LOCKED_OUT);

    fake.resetPassword(ADA, PasswordReset.link());
    assertThat(fake.calls()).as("what is supported goes through").isEqualTo(1);
  }

  @Test
  void anUnsupportedOperationIsRefusedEvenWhenTheProviderIsDown() {
    InMemoryIdentityProvider fake =
        InMemoryIdentityProvider.builder()
            .capabilities(Capabilities.builder().build())
            .employee(person(ADA.value()))
            .build()
            .setUnavailable(true);
    assertThatThrownBy(() -> fake.revokeSessions(ADA, SessionRevocation.sessionsOnly()))
        .isInstanceOf(IamException.OperationNotSupported.class);
    assertThat(fake.calls()).isZero();
  }
}
