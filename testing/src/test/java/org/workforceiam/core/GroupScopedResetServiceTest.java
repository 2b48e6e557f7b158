package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.workforceiam.core.testing.InMemoryIdentityProvider;
import org.workforceiam.core.testing.RecordedOperation;

/** {@link ResetService#groupScoped}: nothing reaches the provider for a user outside the group. */
class GroupScopedResetServiceTest {
  private static final GroupId EMPLOYEES = GroupId.of("00gEmployees");
  private static final GroupId CONTRACTORS = GroupId.of("00gContractors");
  private static final UserId ADA = UserId.of("00u1Ada");
  private static final UserId LINUS = UserId.of("00u2Linus");
  private static final UserId CARL = UserId.of("00u3Carl");
  private static final FactorId LINUS_SMS = FactorId.of("sms2Linus");

  private static InMemoryIdentityProvider.Builder seeded() {
    return InMemoryIdentityProvider.builder()
        .employee(Employee.builder(ADA, "ada@example.com").build(), EMPLOYEES)
        .employee(
            Employee.builder(LINUS, "linus@example.com").status(EmployeeStatus.LOCKED_OUT).build())
        .employee(Employee.builder(CARL, "carl@example.com").build(), CONTRACTORS)
        .factor(LINUS, Factor.of(LINUS_SMS, "sms", "OKTA", "ACTIVE"));
  }

  static Stream<Arguments> everyOperation() {
    return Stream.of(
        operation("password reset link", (s, u) -> s.resetPassword(u, PasswordReset.link())),
        operation("emailed reset link", (s, u) -> s.resetPassword(u, PasswordReset.emailedLink())),
        operation(
            "temporary password", (s, u) -> s.resetPassword(u, PasswordReset.temporaryPassword())),
        operation(
            "expire password",
            (s, u) -> s.resetPassword(u, PasswordReset.expire().withRevokeSessions(true))),
        operation("reset all factors", (s, u) -> s.resetMfa(u, MfaReset.allFactors())),
        operation("reset one factor", (s, u) -> s.resetMfa(u, MfaReset.factor(LINUS_SMS))),
        operation("unlock", ResetService::unlock),
        operation(
            "revoke sessions",
            (s, u) -> s.revokeSessions(u, SessionRevocation.sessionsOnly().withOauthTokens(true))),
        operation(
            "temporary access pass",
            (s, u) ->
                s.issueTemporaryAccessPass(
                    u, TemporaryAccessPass.usableOnce(java.time.Duration.ofHours(1)))));
  }

  private static Arguments operation(String name, Attempt attempt) {
    return Arguments.of(name, attempt);
  }

  /** One reset-service call on one user. */
  interface Attempt {
    void apply(ResetService service, UserId user);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOperation")
  void nonMemberIsRefusedAndNothingReachesTheProvider(String name, Attempt attempt) {
    InMemoryIdentityProvider fake = seeded().build();
    Employee before = fake.employee(LINUS).orElseThrow();
    ResetService guarded = ResetService.groupScoped(fake, fake, EMPLOYEES);

    assertThatThrownBy(() -> attempt.apply(guarded, LINUS))
        .isInstanceOfSatisfying(
            IamException.PermissionDenied.class,
            e -> {
              assertThat(e.reason()).isEqualTo(IamException.PermissionDenied.Reason.OUTSIDE_GROUP);
              assertThat(e.isRetryable()).isFalse();
            })
        .hasMessage(
            "user 00u2Linus is not a member of group 00gEmployees, the only group this client may"
                + " change; nothing was changed");

    assertThat(fake.operations()).as("changes that reached the provider").isEmpty();
    assertThat(fake.calls()).as("calls: only the membership check").isEqualTo(1);
    assertThat(fake.employee(LINUS)).contains(before);
    assertThat(fake.enrolledFactors(LINUS)).extracting(Factor::id).containsExactly(LINUS_SMS);
  }

  @Test
  void memberOfAnotherGroupIsRefusedToo() {
    InMemoryIdentityProvider fake = seeded().build();
    ResetService guarded = ResetService.groupScoped(fake, fake, EMPLOYEES);
    assertThatThrownBy(() -> guarded.resetPassword(CARL, PasswordReset.link()))
        .isInstanceOf(IamException.PermissionDenied.class);
    assertThat(fake.operations()).isEmpty();
    assertThat(fake.employee(CARL).orElseThrow().status()).isEqualTo(EmployeeStatus.ACTIVE);
  }

  @Test
  void memberPassesThroughToTheProvider() {
    InMemoryIdentityProvider fake = seeded().build();
    ResetService guarded = ResetService.groupScoped(fake, fake, EMPLOYEES);

    ResetResult.Password result = guarded.resetPassword(ADA, PasswordReset.link());

    assertThat(result.user()).isEqualTo(ADA);
    assertThat(result.resetLink()).isPresent();
    assertThat(fake.employee(ADA).orElseThrow().status()).isEqualTo(EmployeeStatus.RECOVERY);
    assertThat(fake.operations())
        .containsExactly(new RecordedOperation(Operation.RESET_PASSWORD_LINK, ADA, Set.of(), true));
    assertThat(fake.calls()).as("the membership check and the reset").isEqualTo(2);
  }

  @Test
  void memberPassesThroughForEveryOperation() {
    UserId grace = UserId.of("00u4Grace");
    InMemoryIdentityProvider fake =
        seeded()
            .employee(
                Employee.builder(grace, "grace").status(EmployeeStatus.LOCKED_OUT).build(),
                EMPLOYEES)
            .build();
    ResetService guarded = ResetService.groupScoped(fake, fake, EMPLOYEES);

    guarded.unlock(grace);
    guarded.resetMfa(grace, MfaReset.allFactors());
    guarded.revokeSessions(grace, SessionRevocation.sessionsOnly());
    guarded.resetPassword(grace, PasswordReset.expire());

    assertThat(fake.operations())
        .extracting(RecordedOperation::operation, RecordedOperation::applied)
        .containsExactly(
            tuple(Operation.UNLOCK, true),
            tuple(Operation.RESET_ALL_FACTORS, true),
            tuple(Operation.REVOKE_SESSIONS, true),
            tuple(Operation.EXPIRE_PASSWORD, true));
  }

  @Test
  void unsupportedOperationIsRefusedBeforeTheMembershipLookup() {
    InMemoryIdentityProvider fake =
        seeded()
            .capabilities(Capabilities.builder().operation(Operation.RESET_PASSWORD_LINK).build())
            .build();
    ResetService guarded = ResetService.groupScoped(fake, fake, EMPLOYEES);

    assertThatThrownBy(() -> guarded.unlock(ADA))
        .isInstanceOf(IamException.OperationNotSupported.class);
    assertThatThrownBy(() -> guarded.unlock(LINUS))
        .as("even for a non-member, unsupported comes first")
        .isInstanceOf(IamException.OperationNotSupported.class);
    assertThatThrownBy(() -> guarded.resetPassword(ADA, PasswordReset.emailedLink()))
        .as("an unsupported option")
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessageContaining("SEND_EMAIL");

    assertThat(fake.calls()).as("not even the membership check").isZero();
    assertThat(fake.operations()).isEmpty();
  }

  @Test
  void membershipIsCheckedInTheGivenDirectoryNotTheResetService() {
    InMemoryIdentityProvider directory = seeded().build();
    InMemoryIdentityProvider resets = seeded().build();
    ResetService guarded = ResetService.groupScoped(resets, directory, EMPLOYEES);

    assertThatThrownBy(() -> guarded.unlock(LINUS))
        .isInstanceOf(IamException.PermissionDenied.class);
    guarded.revokeSessions(ADA, SessionRevocation.sessionsOnly());

    assertThat(directory.calls()).isEqualTo(2);
    assertThat(directory.operations()).isEmpty();
    assertThat(resets.calls()).isEqualTo(1);
    assertThat(resets.operations()).extracting(RecordedOperation::user).containsExactly(ADA);
  }

  @Test
  void unknownUserFailsAtTheMembershipCheckWithoutReachingTheProvider() {
    InMemoryIdentityProvider fake = seeded().build();
    ResetService guarded = ResetService.groupScoped(fake, fake, EMPLOYEES);
    assertThatThrownBy(() -> guarded.resetPassword(UserId.of("00u9Nobody"), PasswordReset.link()))
        .isInstanceOf(IamException.NotFound.class);
    assertThat(fake.operations()).isEmpty();
  }

  @Test
  void refusalsOfTheProviderBehindTheGuardStillReachTheCaller() {
    InMemoryIdentityProvider fake = seeded().build();
    fake.markPrivileged(ADA);
    ResetService guarded = ResetService.groupScoped(fake, fake, EMPLOYEES);
    assertThatThrownBy(() -> guarded.resetPassword(ADA, PasswordReset.link()))
        .isInstanceOfSatisfying(
            IamException.PermissionDenied.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW));
  }

  @Test
  void capabilitiesAreTheProviders() {
    InMemoryIdentityProvider fake = seeded().build();
    assertThat(ResetService.groupScoped(fake, fake, EMPLOYEES).capabilities())
        .isEqualTo(fake.capabilities());
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullArguments() {
    InMemoryIdentityProvider fake = seeded().build();
    assertThatThrownBy(() -> ResetService.groupScoped(null, fake, EMPLOYEES))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("delegate == null");
    assertThatThrownBy(() -> ResetService.groupScoped(fake, null, EMPLOYEES))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("directory == null");
    assertThatThrownBy(() -> ResetService.groupScoped(fake, fake, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("group == null");
  }
}
