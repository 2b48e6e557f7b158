package org.workforceiam.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.workforceiam.core.testing.People.CONTRACTORS;
import static org.workforceiam.core.testing.People.EMPLOYEES;
import static org.workforceiam.core.testing.People.person;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Capabilities;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.Secret;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.TemporaryAccessPass;
import org.workforceiam.core.UserId;

/** The fake changes state as a provider does, and refuses what the user's status forbids. */
class InMemoryIdentityProviderStateTest {
  private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
  private static final UserId ADA = UserId.of("00u1Ada");
  private static final FactorId SMS = FactorId.of("sms1Ada");
  private static final FactorId PUSH = FactorId.of("opf1Ada");

  private static final OperationOption REMOVE_RECOVERY =
      OperationOption.of("okta", "REMOVE_RECOVERY_ENROLLMENT");

  private static InMemoryIdentityProvider withAda(EmployeeStatus status) {
    return withAda(status, InMemoryIdentityProvider.defaultCapabilities());
  }

  private static InMemoryIdentityProvider withAda(
      EmployeeStatus status, Capabilities capabilities) {
    return InMemoryIdentityProvider.builder()
        .capabilities(capabilities)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .employee(person(ADA.value(), status), EMPLOYEES)
        .factor(ADA, Factor.of(SMS, "sms", "OKTA", "ACTIVE"))
        .factor(ADA, Factor.of(PUSH, "push", "OKTA", "ACTIVE"))
        .build();
  }

  private static EmployeeStatus statusOf(InMemoryIdentityProvider fake, UserId user) {
    return fake.employee(user).orElseThrow().status();
  }

  // ------------------------------------------------------------------ passwords

  @Test
  void resetLinkIsReturnedAndPutsTheUserInRecovery() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.ACTIVE);
    ResetResult.Password result = fake.resetPassword(ADA, PasswordReset.link());

    assertThat(result.operation()).isEqualTo(Operation.RESET_PASSWORD_LINK);
    assertThat(result.resetLink())
        .map(Secret::reveal)
        .get()
        .asString()
        .startsWith("https://fake-idp.invalid/reset/");
    assertThat(result.emailSent()).isFalse();
    assertThat(result.temporaryPassword()).isEmpty();
    assertThat(result.sessionsRevoked()).isFalse();
    assertThat(result.requestId()).get().asString().startsWith("fake-");
    assertThat(statusOf(fake, ADA)).isEqualTo(EmployeeStatus.RECOVERY);
    assertThat(fake.employee(ADA).orElseThrow().lastUpdated()).contains(NOW);
  }

  @Test
  void emailedLinkIsNotReturned() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.ACTIVE);
    ResetResult.Password result = fake.resetPassword(ADA, PasswordReset.emailedLink());
    assertThat(result.resetLink()).isEmpty();
    assertThat(result.emailSent()).isTrue();
    assertThat(statusOf(fake, ADA)).isEqualTo(EmployeeStatus.RECOVERY);
  }

  @Test
  void temporaryPasswordIsReturnedAndExpiresThePassword() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.LOCKED_OUT);
    ResetResult.Password result =
        fake.resetPassword(ADA, PasswordReset.temporaryPassword().withRevokeSessions(true));
    assertThat(result.temporaryPassword()).map(Secret::reveal).get().asString().hasSize(12);
    assertThat(result.resetLink()).isEmpty();
    assertThat(result.sessionsRevoked()).isTrue();
    assertThat(statusOf(fake, ADA)).isEqualTo(EmployeeStatus.PASSWORD_EXPIRED);
  }

  @Test
  void expiringThePasswordReturnsNoSecret() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.RECOVERY);
    ResetResult.Password result = fake.resetPassword(ADA, PasswordReset.expire());
    assertThat(result.resetLink()).isEmpty();
    assertThat(result.temporaryPassword()).isEmpty();
    assertThat(statusOf(fake, ADA)).isEqualTo(EmployeeStatus.PASSWORD_EXPIRED);
  }

  @Test
  void secretsAreFreshForEveryResetAndTheSameForTheSameSeed() {
    InMemoryIdentityProvider one = withAda(EmployeeStatus.ACTIVE);
    InMemoryIdentityProvider two = withAda(EmployeeStatus.ACTIVE);
    String first = one.resetPassword(ADA, PasswordReset.link()).resetLink().orElseThrow().reveal();
    String second = one.resetPassword(ADA, PasswordReset.link()).resetLink().orElseThrow().reveal();
    assertThat(first).isNotEqualTo(second);
    assertThat(two.resetPassword(ADA, PasswordReset.link()).resetLink().orElseThrow().reveal())
        .isEqualTo(first);
    InMemoryIdentityProvider reseeded =
        InMemoryIdentityProvider.builder().seed(7).employee(person(ADA.value())).build();
    assertThat(reseeded.resetPassword(ADA, PasswordReset.link()).resetLink().orElseThrow().reveal())
        .isNotEqualTo(first);
  }

  // ------------------------------------------------------------------ MFA

  @Test
  void resettingAllFactorsRemovesEveryFactorAndKeepsTheStatus() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.PASSWORD_EXPIRED);
    ResetResult.Mfa result = fake.resetMfa(ADA, MfaReset.allFactors());
    assertThat(result.operation()).isEqualTo(Operation.RESET_ALL_FACTORS);
    assertThat(result.factorsReset()).containsExactly(SMS, PUSH);
    assertThat(fake.enrolledFactors(ADA)).isEmpty();
    assertThat(fake.factors(ADA)).isEmpty();
    assertThat(statusOf(fake, ADA)).isEqualTo(EmployeeStatus.PASSWORD_EXPIRED);
    assertThat(fake.employee(ADA).orElseThrow().lastUpdated()).contains(NOW);
  }

  @Test
  void resettingAllFactorsOfAUserWithoutAnyRemovesNothing() {
    InMemoryIdentityProvider fake =
        InMemoryIdentityProvider.builder().employee(person("00u2")).build();
    assertThat(fake.resetMfa(UserId.of("00u2"), MfaReset.allFactors()).factorsReset()).isEmpty();
  }

  @Test
  void resettingOneFactorKeepsTheOthersAndRecordsAProvidersOwnOption() {
    InMemoryIdentityProvider fake =
        withAda(
            EmployeeStatus.ACTIVE,
            Capabilities.builder().operation(Operation.RESET_FACTOR, REMOVE_RECOVERY).build());
    ResetResult.Mfa result = fake.resetMfa(ADA, MfaReset.factor(SMS).with(REMOVE_RECOVERY));
    assertThat(result.operation()).isEqualTo(Operation.RESET_FACTOR);
    assertThat(result.factorsReset()).containsExactly(SMS);
    assertThat(fake.enrolledFactors(ADA)).extracting(Factor::id).containsExactly(PUSH);
    assertThat(fake.operations())
        .containsExactly(
            new RecordedOperation(Operation.RESET_FACTOR, ADA, Set.of(REMOVE_RECOVERY), true));
  }

  @Test
  void resettingAFactorTheUserDoesNotHaveIsNotFoundAndChangesNothing() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.ACTIVE);
    assertThatThrownBy(() -> fake.resetMfa(ADA, MfaReset.factor(FactorId.of("sms9Other"))))
        .isInstanceOf(IamException.NotFound.class)
        .hasMessageContaining("has no enrolled factor sms9Other");
    assertThat(fake.enrolledFactors(ADA)).hasSize(2);
    assertThat(fake.operations())
        .extracting(RecordedOperation::operation, RecordedOperation::applied)
        .containsExactly(tuple(Operation.RESET_FACTOR, false));
  }

  // ------------------------------------------------------------------ unlock and sessions

  @Test
  void unlockingALockedOutUserMakesThemActive() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.LOCKED_OUT);
    ResetResult.Unlock result = fake.unlock(ADA);
    assertThat(result.status()).isEqualTo(EmployeeStatus.ACTIVE);
    assertThat(result.requestId()).isPresent();
    assertThat(statusOf(fake, ADA)).isEqualTo(EmployeeStatus.ACTIVE);
    assertThat(fake.employee(ADA).orElseThrow().lastUpdated()).contains(NOW);
  }

  @Test
  void revokingSessionsReportsWhatWasRevokedAndKeepsTheUser() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.SUSPENDED);
    var before = fake.employee(ADA).orElseThrow();
    ResetResult.Sessions result =
        fake.revokeSessions(ADA, SessionRevocation.sessionsOnly().withOauthTokens(true));
    assertThat(result.oauthTokensRevoked()).isTrue();
    assertThat(result.options()).containsExactly(OperationOption.REVOKE_OAUTH_TOKENS);
    assertThat(fake.employee(ADA)).contains(before);
    assertThat(fake.enrolledFactors(ADA)).hasSize(2);
  }

  // ------------------------------------------------------------------ temporary access passes

  @Test
  void aTemporaryAccessPassIsRandomKeptPerUserAndReplacedByTheNextOne() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.ACTIVE);
    var before = fake.employee(ADA).orElseThrow();

    ResetResult.AccessPass first =
        fake.issueTemporaryAccessPass(ADA, TemporaryAccessPass.usableOnce(Duration.ofHours(1)));
    ResetResult.AccessPass second =
        fake.issueTemporaryAccessPass(ADA, TemporaryAccessPass.reusable(Duration.ofMinutes(30)));

    assertThat(first.pass().reveal()).hasSize(16).isNotEqualTo(second.pass().reveal());
    assertThat(first.lifetime()).isEqualTo(Duration.ofHours(1));
    assertThat(first.usableOnce()).isTrue();
    assertThat(first.startsAt()).contains(NOW);
    assertThat(first.requestId()).isPresent();
    assertThat(first.toString()).doesNotContain(first.pass().reveal());
    assertThat(second.usableOnce()).isFalse();
    assertThat(fake.accessPass(ADA)).contains(second);
    assertThat(fake.employee(ADA)).contains(before);
    assertThat(fake.enrolledFactors(ADA)).hasSize(2);
    assertThat(fake.operations())
        .extracting(RecordedOperation::operation, RecordedOperation::applied)
        .containsExactly(
            tuple(Operation.ISSUE_TEMPORARY_ACCESS_PASS, true),
            tuple(Operation.ISSUE_TEMPORARY_ACCESS_PASS, true));
  }

  @Test
  void aFakeWithoutTemporaryAccessPassesRefusesThemAsUnsupportedAndKeepsNone() {
    InMemoryIdentityProvider fake =
        withAda(EmployeeStatus.ACTIVE, Capabilities.builder().operation(Operation.UNLOCK).build());

    assertThatThrownBy(
            () ->
                fake.issueTemporaryAccessPass(
                    ADA, TemporaryAccessPass.usableOnce(Duration.ofHours(1))))
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessageContaining("ISSUE_TEMPORARY_ACCESS_PASS");
    assertThat(fake.accessPass(ADA)).isEmpty();
    assertThat(fake.calls()).isZero();
  }

  @Test
  void anAccessPassForAPrivilegedUserIsRefused() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.ACTIVE).markPrivileged(ADA);
    assertThatThrownBy(
            () ->
                fake.issueTemporaryAccessPass(
                    ADA, TemporaryAccessPass.usableOnce(Duration.ofHours(1))))
        .isInstanceOf(IamException.PermissionDenied.class);
    assertThat(fake.accessPass(ADA)).isEmpty();
  }

  // ------------------------------------------------------------------ the status rules

  @Test
  void passwordOperationsNeedActiveRecoveryPasswordExpiredOrLockedOut() {
    assertStatusRule(
        EnumSet.of(
            EmployeeStatus.ACTIVE,
            EmployeeStatus.RECOVERY,
            EmployeeStatus.PASSWORD_EXPIRED,
            EmployeeStatus.LOCKED_OUT),
        (fake, user) -> fake.resetPassword(user, PasswordReset.link()));
    assertStatusRule(
        EnumSet.of(
            EmployeeStatus.ACTIVE,
            EmployeeStatus.RECOVERY,
            EmployeeStatus.PASSWORD_EXPIRED,
            EmployeeStatus.LOCKED_OUT),
        (fake, user) -> fake.resetPassword(user, PasswordReset.temporaryPassword()));
    assertStatusRule(
        EnumSet.of(
            EmployeeStatus.ACTIVE,
            EmployeeStatus.RECOVERY,
            EmployeeStatus.PASSWORD_EXPIRED,
            EmployeeStatus.LOCKED_OUT),
        (fake, user) -> fake.resetPassword(user, PasswordReset.expire()));
  }

  @Test
  void mfaResetsAlsoAllowProvisionedUsers() {
    EnumSet<EmployeeStatus> allowed =
        EnumSet.of(
            EmployeeStatus.ACTIVE,
            EmployeeStatus.RECOVERY,
            EmployeeStatus.PASSWORD_EXPIRED,
            EmployeeStatus.LOCKED_OUT,
            EmployeeStatus.PROVISIONED);
    assertStatusRule(allowed, (fake, user) -> fake.resetMfa(user, MfaReset.allFactors()));
    assertStatusRule(allowed, (fake, user) -> fake.resetMfa(user, MfaReset.factor(SMS)));
  }

  @Test
  void temporaryAccessPassesNeedWhatMfaResetsNeed() {
    assertStatusRule(
        EnumSet.of(
            EmployeeStatus.ACTIVE,
            EmployeeStatus.RECOVERY,
            EmployeeStatus.PASSWORD_EXPIRED,
            EmployeeStatus.LOCKED_OUT,
            EmployeeStatus.PROVISIONED),
        (fake, user) ->
            fake.issueTemporaryAccessPass(
                user, TemporaryAccessPass.usableOnce(Duration.ofMinutes(60))));
  }

  @Test
  void unlockNeedsLockedOut() {
    assertStatusRule(EnumSet.of(EmployeeStatus.LOCKED_OUT), (fake, user) -> fake.unlock(user));
  }

  @Test
  void sessionRevocationNeedsAnythingButDeprovisioned() {
    assertStatusRule(
        EnumSet.complementOf(EnumSet.of(EmployeeStatus.DEPROVISIONED)),
        (fake, user) -> fake.revokeSessions(user, SessionRevocation.sessionsOnly()));
  }

  /**
   * Runs the operation on a user in every status: it must succeed for the allowed ones and, for the
   * rest, throw {@link IamException.InvalidState} naming the status and change nothing.
   */
  private static void assertStatusRule(
      Set<EmployeeStatus> allowed, BiConsumer<InMemoryIdentityProvider, UserId> operation) {
    for (EmployeeStatus status : EmployeeStatus.values()) {
      InMemoryIdentityProvider fake = withAda(status);
      var before = fake.employee(ADA).orElseThrow();
      List<Factor> factorsBefore = fake.enrolledFactors(ADA);
      if (allowed.contains(status)) {
        operation.accept(fake, ADA);
        assertThat(fake.operations()).as("allowed in %s", status).hasSize(1);
        assertThat(fake.operations().get(0).applied()).as("applied in %s", status).isTrue();
      } else {
        assertThatThrownBy(() -> operation.accept(fake, ADA))
            .as("refused in %s", status)
            .isInstanceOfSatisfying(
                IamException.InvalidState.class,
                e -> assertThat(e.currentStatus()).contains(before.providerStatus()))
            .hasMessageContaining("in status " + before.providerStatus())
            .hasMessageEndingWith("nothing was changed (requestId fake-1)");
        assertThat(fake.employee(ADA)).as("unchanged in %s", status).contains(before);
        assertThat(fake.enrolledFactors(ADA)).isEqualTo(factorsBefore);
        assertThat(fake.operations())
            .as("recorded as refused in %s", status)
            .singleElement()
            .extracting(RecordedOperation::applied)
            .isEqualTo(false);
      }
    }
  }

  // ------------------------------------------------------------------ lookups and recording

  @Test
  void aChangeToAnUnknownUserIsNotFoundAndRecordedAsRefused() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.ACTIVE);
    UserId nobody = UserId.of("00u9Nobody");
    assertThatThrownBy(() -> fake.unlock(nobody))
        .isInstanceOf(IamException.NotFound.class)
        .hasMessageContaining("user 00u9Nobody does not exist");
    assertThat(fake.operations())
        .containsExactly(new RecordedOperation(Operation.UNLOCK, nobody, Set.of(), false));
  }

  @Test
  void operationsRecordEveryChangeInOrderWithItsOptions() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.LOCKED_OUT);
    fake.unlock(ADA);
    fake.revokeSessions(ADA, SessionRevocation.sessionsOnly().withOauthTokens(true));
    fake.resetPassword(ADA, PasswordReset.emailedLink().withRevokeSessions(true));

    List<RecordedOperation> recorded = fake.operations();
    assertThat(recorded)
        .containsExactly(
            new RecordedOperation(Operation.UNLOCK, ADA, Set.of(), true),
            new RecordedOperation(
                Operation.REVOKE_SESSIONS, ADA, Set.of(OperationOption.REVOKE_OAUTH_TOKENS), true),
            new RecordedOperation(
                Operation.RESET_PASSWORD_LINK,
                ADA,
                Set.of(OperationOption.SEND_EMAIL, OperationOption.REVOKE_SESSIONS),
                true));
  }

  @Test
  void readsDoNotCountAsOperations() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.ACTIVE);
    assertThat(fake.findById(ADA)).isPresent();
    assertThat(fake.factors(ADA)).hasSize(2);
    assertThat(fake.isMember(ADA, EMPLOYEES)).isTrue();
    assertThat(fake.members(EMPLOYEES)).hasSize(1);
    assertThat(fake.operations()).isEmpty();
    assertThat(fake.calls()).isEqualTo(4);
  }

  @Test
  void stateAccessorsCountNoCall() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.ACTIVE);
    fake.setUnavailable(true);
    assertThat(fake.employee(ADA)).isPresent();
    assertThat(fake.enrolledFactors(ADA)).hasSize(2);
    assertThat(fake.enrolledFactors(UserId.of("00u9Nobody"))).isEmpty();
    assertThat(fake.calls()).isZero();
  }

  @Test
  void operationsIsASnapshot() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.LOCKED_OUT);
    List<RecordedOperation> before = fake.operations();
    fake.unlock(ADA);
    assertThat(before).isEmpty();
    assertThatThrownBy(() -> fake.operations().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requestIdsAreDistinct() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.LOCKED_OUT);
    String unlock = fake.unlock(ADA).requestId().orElseThrow();
    String revoke =
        fake.revokeSessions(ADA, SessionRevocation.sessionsOnly()).requestId().orElseThrow();
    assertThat(unlock).isNotEqualTo(revoke);
  }

  // ------------------------------------------------------------------ seeding state

  @Test
  void putReplacesAnEmployeeAndAddsMemberships() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.ACTIVE);
    fake.put(person(ADA.value(), EmployeeStatus.LOCKED_OUT), CONTRACTORS);
    assertThat(statusOf(fake, ADA)).isEqualTo(EmployeeStatus.LOCKED_OUT);
    assertThat(fake.isMember(ADA, EMPLOYEES)).as("still a member").isTrue();
    assertThat(fake.isMember(ADA, CONTRACTORS)).isTrue();
  }

  @Test
  void deleteRemovesTheUserTheirFactorsAndMemberships() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.ACTIVE);
    fake.delete(ADA);
    assertThat(fake.findById(ADA)).isEmpty();
    assertThat(fake.enrolledFactors(ADA)).isEmpty();
    assertThat(fake.members(EMPLOYEES)).isEmpty();
    assertThatThrownBy(() -> fake.isMember(ADA, EMPLOYEES))
        .isInstanceOf(IamException.NotFound.class);
  }

  @Test
  void removeMemberLeavesTheUser() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.ACTIVE);
    fake.removeMember(EMPLOYEES, ADA);
    assertThat(fake.isMember(ADA, EMPLOYEES)).isFalse();
    assertThat(fake.findById(ADA)).isPresent();
    assertThatThrownBy(() -> fake.removeMember(CONTRACTORS, ADA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("group 00gContractors does not exist");
  }

  @Test
  void enrollAddsAFactorForAKnownUserOnly() {
    InMemoryIdentityProvider fake = withAda(EmployeeStatus.ACTIVE);
    Factor totp = Factor.of(FactorId.of("ost1Ada"), "token:software:totp", "GOOGLE", "ACTIVE");
    fake.enroll(ADA, totp);
    assertThat(fake.factors(ADA)).extracting(Factor::id).containsExactly(SMS, PUSH, totp.id());
    assertThatThrownBy(() -> fake.enroll(UserId.of("00u9Nobody"), totp))
        .isInstanceOf(IamException.NotFound.class);
  }
}
