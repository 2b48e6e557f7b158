package org.workforceiam.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.workforceiam.core.contract.ContractData.ADA;
import static org.workforceiam.core.contract.ContractData.ADA_PUSH;
import static org.workforceiam.core.contract.ContractData.ADA_SMS;
import static org.workforceiam.core.contract.ContractData.ALAN;
import static org.workforceiam.core.contract.ContractData.EDSGER;
import static org.workforceiam.core.contract.ContractData.EMPLOYEES;
import static org.workforceiam.core.contract.ContractData.GRACE;
import static org.workforceiam.core.contract.ContractData.KATHERINE;
import static org.workforceiam.core.contract.ContractData.LINUS;
import static org.workforceiam.core.contract.ContractData.MARGARET;
import static org.workforceiam.core.contract.ContractData.PAGE_SIZE;
import static org.workforceiam.core.contract.ContractData.ROOT;
import static org.workforceiam.core.contract.ContractData.SAM;
import static org.workforceiam.core.contract.ContractData.SHARED_EMAIL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.Page;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ProfileField;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;

/**
 * The promises every provider adapter keeps, stated as tests. An adapter's test extends this class
 * and returns, from {@link #provider()}, a provider seeded with exactly {@link ContractData} and
 * paging by {@link ContractData#PAGE_SIZE}; the in-memory fake and the Okta adapter (over a
 * simulated Okta) both pass it.
 *
 * <p>Reset promises are checked only for operations the provider declares in its capabilities.
 */
public abstract class ProviderContract {

  /** A provider under test: its directory and its reset service, which may be one object. */
  public interface Provider {
    /**
     * Returns the directory.
     *
     * @return the directory
     */
    IamDirectory directory();

    /**
     * Returns the reset service. It may be wrapped in a group guard only for {@link
     * ContractData#EMPLOYEES}, the group that holds every user the contract changes (the Okta
     * client is guarded so), and in nothing else that refuses a change.
     *
     * @return the reset service
     */
    ResetService resets();
  }

  private IamDirectory directory;
  private ResetService resets;

  /**
   * Creates a provider holding a fresh copy of {@link ContractData}. Called before every test.
   *
   * @return the provider
   */
  protected abstract Provider provider();

  @BeforeEach
  final void createProvider() {
    Provider provider = provider();
    directory = provider.directory();
    resets = provider.resets();
  }

  // ------------------------------------------------------------------ listing

  @Test
  void membersListsEveryMemberExactlyOnce() {
    List<UserId> ids;
    try (Stream<Employee> members = directory.members(EMPLOYEES)) {
      ids = members.map(Employee::id).collect(Collectors.toList());
    }
    assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(memberIds());
  }

  @Test
  void membersExcludesUsersOutsideTheGroup() {
    assertThat(directory.members(EMPLOYEES).map(Employee::id)).doesNotContain(LINUS);
  }

  @Test
  void membersPagesFollowCursorsToTheLastPage() {
    List<Page<Employee>> pages = new ArrayList<>();
    Page<Employee> page = directory.membersPage(EMPLOYEES);
    pages.add(page);
    while (page.next().isPresent()) {
      page = directory.membersPage(EMPLOYEES, page.next().get());
      pages.add(page);
      assertThat(pages).as("pages before giving up").hasSizeLessThan(20);
    }
    assertThat(pages).allSatisfy(p -> assertThat(p.items()).hasSizeLessThanOrEqualTo(PAGE_SIZE));
    assertThat(pages).hasSizeGreaterThanOrEqualTo(memberIds().size() / PAGE_SIZE);
    assertThat(pages.stream().flatMap(p -> p.items().stream()).map(Employee::id))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(memberIds());
  }

  @Test
  void memberPagesStreamMatchesExplicitPaging() {
    assertThat(directory.memberPages(EMPLOYEES).flatMap(p -> p.items().stream()).map(Employee::id))
        .containsExactlyElementsOf(directory.members(EMPLOYEES).map(Employee::id).toList());
  }

  @Test
  void incompleteProfilesAreListedWithTheirMissingFields() {
    List<Employee> members = directory.members(EMPLOYEES).toList();
    assertThat(byId(members, ALAN).missingProfileFields()).containsExactly(ProfileField.EMAIL);
    assertThat(byId(members, KATHERINE).missingProfileFields())
        .containsExactly(ProfileField.FIRST_NAME, ProfileField.LAST_NAME);
    assertThat(byId(members, ADA).missingProfileFields()).isEmpty();
  }

  @Test
  void listedEmployeesCarryProfileStatusAndAttributes() {
    Employee ada = byId(directory.members(EMPLOYEES).toList(), ADA);
    assertThat(ada.login()).isEqualTo("ada@example.com");
    assertThat(ada.firstName()).contains("Ada");
    assertThat(ada.lastName()).contains("Lovelace");
    assertThat(ada.email()).contains("ada@example.com");
    assertThat(ada.status()).isEqualTo(EmployeeStatus.ACTIVE);
    assertThat(ada.attributes()).containsEntry("department", "Engineering");
    Employee grace = byId(directory.members(EMPLOYEES).toList(), GRACE);
    assertThat(grace.status()).isEqualTo(EmployeeStatus.LOCKED_OUT);
  }

  // ------------------------------------------------------------------ lookups

  @Test
  void findsAUserByIdLoginAndEmail() {
    assertThat(directory.findById(ADA)).map(Employee::login).contains("ada@example.com");
    assertThat(directory.findByLogin("grace@example.com")).map(Employee::id).contains(GRACE);
    assertThat(directory.findByEmail("margaret@example.com")).map(Employee::id).contains(MARGARET);
  }

  @Test
  void findAcceptsWhateverAPersonTyped() {
    assertThat(directory.find(ADA.value())).map(Employee::id).contains(ADA);
    assertThat(directory.find("grace@example.com")).map(Employee::id).contains(GRACE);
  }

  @Test
  void findingAnUnknownUserIsEmpty() {
    assertThat(directory.findById(UserId.of("00uDoesNotExist"))).isEmpty();
    assertThat(directory.findByLogin("nobody@example.com")).isEmpty();
    assertThat(directory.findByEmail("nobody@example.com")).isEmpty();
    assertThat(directory.find("nobody@example.com")).isEmpty();
  }

  @Test
  void anEmailSharedByTwoUsersIsAmbiguous() {
    assertThatThrownBy(() -> directory.findByEmail(SHARED_EMAIL))
        .isInstanceOf(IamException.AmbiguousUser.class)
        .hasMessageContaining(SHARED_EMAIL);
  }

  @Test
  void listsAUsersFactors() {
    assertThat(directory.factors(ADA))
        .extracting(Factor::id, Factor::type)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ADA_SMS, "sms"),
            org.assertj.core.groups.Tuple.tuple(ADA_PUSH, "push"));
    assertThat(directory.factors(GRACE)).isEmpty();
  }

  @Test
  void factorsOfAnUnknownUserIsNotFound() {
    assertThatThrownBy(() -> directory.factors(UserId.of("00uDoesNotExist")))
        .isInstanceOf(IamException.NotFound.class);
  }

  @Test
  void tellsMembersFromNonMembers() {
    assertThat(directory.isMember(ADA, EMPLOYEES)).isTrue();
    assertThat(directory.isMember(LINUS, EMPLOYEES)).isFalse();
  }

  // ------------------------------------------------------------------ resets

  @Test
  void resetLinkIsReturnedAndPutsTheUserInRecovery() {
    assumeSupported(Operation.RESET_PASSWORD_LINK);
    ResetResult.Password result = resets.resetPassword(ADA, PasswordReset.link());
    assertThat(result.user()).isEqualTo(ADA);
    assertThat(result.operation()).isEqualTo(Operation.RESET_PASSWORD_LINK);
    assertThat(result.resetLink()).isPresent();
    assertThat(result.emailSent()).isFalse();
    assertThat(result.toString()).doesNotContain(result.resetLink().get().reveal());
    assertThat(statusOf(ADA)).isEqualTo(EmployeeStatus.RECOVERY);
  }

  @Test
  void emailedResetLinkIsNotReturned() {
    assumeSupported(Operation.RESET_PASSWORD_LINK);
    ResetResult.Password result = resets.resetPassword(ADA, PasswordReset.emailedLink());
    assertThat(result.resetLink()).isEmpty();
    assertThat(result.emailSent()).isTrue();
    assertThat(statusOf(ADA)).isEqualTo(EmployeeStatus.RECOVERY);
  }

  @Test
  void temporaryPasswordIsReturnedOnceAndExpiresThePassword() {
    assumeSupported(Operation.SET_TEMPORARY_PASSWORD);
    ResetResult.Password result = resets.resetPassword(ADA, PasswordReset.temporaryPassword());
    assertThat(result.temporaryPassword()).isPresent();
    assertThat(result.toString()).doesNotContain(result.temporaryPassword().get().reveal());
    assertThat(statusOf(ADA)).isEqualTo(EmployeeStatus.PASSWORD_EXPIRED);
  }

  @Test
  void expiringThePasswordForcesANewOneAtNextSignIn() {
    assumeSupported(Operation.EXPIRE_PASSWORD);
    ResetResult.Password result = resets.resetPassword(ADA, PasswordReset.expire());
    assertThat(result.resetLink()).isEmpty();
    assertThat(result.temporaryPassword()).isEmpty();
    assertThat(statusOf(ADA)).isEqualTo(EmployeeStatus.PASSWORD_EXPIRED);
  }

  @Test
  void resettingAllFactorsRemovesThemAndSaysWhich() {
    assumeSupported(Operation.RESET_ALL_FACTORS);
    ResetResult.Mfa result = resets.resetMfa(ADA, MfaReset.allFactors());
    assertThat(result.factorsReset()).containsExactlyInAnyOrder(ADA_SMS, ADA_PUSH);
    assertThat(directory.factors(ADA)).isEmpty();
    assertThat(statusOf(ADA)).isEqualTo(EmployeeStatus.ACTIVE);
  }

  @Test
  void resettingOneFactorKeepsTheOthers() {
    assumeSupported(Operation.RESET_FACTOR);
    ResetResult.Mfa result = resets.resetMfa(ADA, MfaReset.factor(ADA_SMS));
    assertThat(result.factorsReset()).containsExactly(ADA_SMS);
    assertThat(directory.factors(ADA)).extracting(Factor::id).containsExactly(ADA_PUSH);
  }

  @Test
  void resettingAnUnknownFactorIsNotFound() {
    assumeSupported(Operation.RESET_FACTOR);
    assertThatThrownBy(() -> resets.resetMfa(ADA, MfaReset.factor(FactorId.of("sms0Unknown"))))
        .isInstanceOf(IamException.NotFound.class);
    assertThat(directory.factors(ADA)).hasSize(2);
  }

  @Test
  void unlockingALockedOutUserMakesThemActive() {
    assumeSupported(Operation.UNLOCK);
    ResetResult.Unlock result = resets.unlock(GRACE);
    assertThat(result.status()).isEqualTo(EmployeeStatus.ACTIVE);
    assertThat(statusOf(GRACE)).isEqualTo(EmployeeStatus.ACTIVE);
  }

  @Test
  void unlockingAUserWhoIsNotLockedOutIsInvalidState() {
    assumeSupported(Operation.UNLOCK);
    assertThatThrownBy(() -> resets.unlock(ADA)).isInstanceOf(IamException.InvalidState.class);
    assertThat(statusOf(ADA)).isEqualTo(EmployeeStatus.ACTIVE);
  }

  @Test
  void revokingSessionsSucceedsForAnActiveUser() {
    assumeSupported(Operation.REVOKE_SESSIONS);
    ResetResult.Sessions result =
        resets.revokeSessions(ADA, SessionRevocation.sessionsOnly().withOauthTokens(true));
    assertThat(result.user()).isEqualTo(ADA);
    assertThat(result.oauthTokensRevoked()).isTrue();
  }

  @Test
  void aUserWithAMorePrivilegedRoleIsRefusedAndUnchanged() {
    assumeSupported(Operation.RESET_PASSWORD_LINK);
    assertThatThrownBy(() -> resets.resetPassword(ROOT, PasswordReset.link()))
        .isInstanceOfSatisfying(
            IamException.PermissionDenied.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW));
    assertThat(statusOf(ROOT)).isEqualTo(EmployeeStatus.ACTIVE);
  }

  @Test
  void aSuspendedUserIsInvalidStateNamingTheStatus() {
    assumeSupported(Operation.RESET_PASSWORD_LINK);
    assertThatThrownBy(() -> resets.resetPassword(SAM, PasswordReset.link()))
        .isInstanceOfSatisfying(
            IamException.InvalidState.class,
            e -> assertThat(e.currentStatus()).contains("SUSPENDED"));
    assertThat(statusOf(SAM)).isEqualTo(EmployeeStatus.SUSPENDED);
  }

  @Test
  void resettingAnUnknownUserIsNotFound() {
    assumeSupported(Operation.RESET_PASSWORD_LINK);
    assertThatThrownBy(
            () -> resets.resetPassword(UserId.of("00uDoesNotExist"), PasswordReset.link()))
        .isInstanceOf(IamException.NotFound.class);
  }

  @Test
  void aPasswordExpiredUserCanGetAResetLink() {
    assumeSupported(Operation.RESET_PASSWORD_LINK);
    resets.resetPassword(MARGARET, PasswordReset.link());
    assertThat(statusOf(MARGARET)).isEqualTo(EmployeeStatus.RECOVERY);
  }

  @Test
  void usersOutsideTheConfiguredGroupAreStillVisibleToLookups() {
    assertThat(directory.findById(LINUS)).isPresent();
    assertThat(directory.findById(EDSGER)).isPresent();
  }

  // ------------------------------------------------------------------ helpers

  private void assumeSupported(Operation operation) {
    assumeTrue(resets.capabilities().supports(operation), operation + " not supported");
  }

  private EmployeeStatus statusOf(UserId user) {
    Optional<Employee> employee = directory.findById(user);
    assertThat(employee).as("user %s", user).isPresent();
    return employee.get().status();
  }

  private static Employee byId(List<Employee> employees, UserId id) {
    return employees.stream()
        .filter(e -> e.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no employee " + id + " in " + employees));
  }

  private static java.util.Set<UserId> memberIds() {
    return ContractData.memberIds();
  }
}
