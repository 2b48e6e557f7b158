package org.workforceiam.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.workforceiam.core.contract.ContractData.PAGE_SIZE;
import static org.workforceiam.core.contract.ContractData.Person.ADA;
import static org.workforceiam.core.contract.ContractData.Person.ALAN;
import static org.workforceiam.core.contract.ContractData.Person.EDSGER;
import static org.workforceiam.core.contract.ContractData.Person.GRACE;
import static org.workforceiam.core.contract.ContractData.Person.KATHERINE;
import static org.workforceiam.core.contract.ContractData.Person.LINUS;
import static org.workforceiam.core.contract.ContractData.Person.MARGARET;
import static org.workforceiam.core.contract.ContractData.Person.ROOT;
import static org.workforceiam.core.contract.ContractData.Person.SAM;
import static org.workforceiam.core.contract.ContractData.SHARED_EMAIL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
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
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.Page;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ProfileField;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.TemporaryAccessPass;
import org.workforceiam.core.UserId;
import org.workforceiam.core.contract.ContractData.Person;

/**
 * The promises every provider adapter keeps, stated as tests. An adapter's test extends this class
 * and returns, from {@link #provider()}, a provider seeded with exactly its {@link ContractData}
 * ({@link ContractData#standard()} unless it has its own ids, factors or statuses) and paging by
 * {@link ContractData#PAGE_SIZE}; the in-memory fake, the Okta adapter (over a simulated Okta) and
 * the Microsoft Entra ID adapter (over a simulated tenant, with its own data) pass it.
 *
 * <p>Statuses are asserted as normalised statuses ({@link EmployeeStatus}), and only those the data
 * says the provider represents. Reset promises are checked for the operations and options the
 * provider declares in its capabilities; every operation it does not declare must be refused with
 * {@link IamException.OperationNotSupported} and change nothing. Every change to {@link
 * Person#ROOT}, a user the client may not touch, must end in {@link IamException.PermissionDenied}.
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
     * Returns the reset service. It may be wrapped in a group guard only for the data's {@link
     * ContractData#group()}, the group that holds every user the contract changes (the Okta client
     * is guarded so), and in nothing else that refuses a change.
     *
     * @return the reset service
     */
    ResetService resets();

    /**
     * Returns the data the provider was seeded with.
     *
     * @return by default {@link ContractData#standard()}
     */
    default ContractData data() {
      return ContractData.standard();
    }
  }

  private IamDirectory directory;
  private ResetService resets;
  private ContractData data;

  /**
   * Creates a provider holding a fresh copy of its {@link ContractData}. Called before every test.
   *
   * @return the provider
   */
  protected abstract Provider provider();

  @BeforeEach
  final void createProvider() {
    Provider provider = provider();
    directory = provider.directory();
    resets = provider.resets();
    data = provider.data();
  }

  // ------------------------------------------------------------------ listing

  @Test
  void membersListsEveryMemberExactlyOnce() {
    List<UserId> ids;
    try (Stream<Employee> members = directory.members(data.group())) {
      ids = members.map(Employee::id).collect(Collectors.toList());
    }
    assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(data.memberIds());
  }

  @Test
  void membersExcludesUsersOutsideTheGroup() {
    assertThat(directory.members(data.group()).map(Employee::id)).doesNotContain(id(LINUS));
  }

  @Test
  void membersPagesFollowCursorsToTheLastPage() {
    List<Page<Employee>> pages = new ArrayList<>();
    Page<Employee> page = directory.membersPage(data.group());
    pages.add(page);
    while (page.next().isPresent()) {
      page = directory.membersPage(data.group(), page.next().get());
      pages.add(page);
      assertThat(pages).as("pages before giving up").hasSizeLessThan(20);
    }
    assertThat(pages).allSatisfy(p -> assertThat(p.items()).hasSizeLessThanOrEqualTo(PAGE_SIZE));
    assertThat(pages).hasSizeGreaterThanOrEqualTo(data.memberIds().size() / PAGE_SIZE);
    assertThat(pages.stream().flatMap(p -> p.items().stream()).map(Employee::id))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(data.memberIds());
  }

  @Test
  void memberPagesStreamMatchesExplicitPaging() {
    assertThat(
            directory.memberPages(data.group()).flatMap(p -> p.items().stream()).map(Employee::id))
        .containsExactlyElementsOf(directory.members(data.group()).map(Employee::id).toList());
  }

  @Test
  void incompleteProfilesAreListedWithTheirMissingFields() {
    List<Employee> members = directory.members(data.group()).toList();
    assertThat(byId(members, id(ALAN)).missingProfileFields()).containsExactly(ProfileField.EMAIL);
    assertThat(byId(members, id(KATHERINE)).missingProfileFields())
        .containsExactly(ProfileField.FIRST_NAME, ProfileField.LAST_NAME);
    assertThat(byId(members, id(ADA)).missingProfileFields()).isEmpty();
  }

  @Test
  void listedEmployeesCarryProfileStatusAndAttributes() {
    Employee ada = byId(directory.members(data.group()).toList(), id(ADA));
    assertThat(ada.login()).isEqualTo("ada@example.com");
    assertThat(ada.firstName()).contains("Ada");
    assertThat(ada.lastName()).contains("Lovelace");
    assertThat(ada.email()).contains("ada@example.com");
    assertThat(ada.status()).isEqualTo(EmployeeStatus.ACTIVE);
    assertThat(ada.attributes()).containsEntry("department", "Engineering");
    Employee grace = byId(directory.members(data.group()).toList(), id(GRACE));
    assertThat(grace.status()).isEqualTo(data.user(GRACE).status());
  }

  @Test
  void everyMemberIsListedWithTheNormalisedStatusItWasSeededWith() {
    Map<UserId, EmployeeStatus> listed =
        directory.members(data.group()).collect(Collectors.toMap(Employee::id, Employee::status));
    for (Employee member : data.members()) {
      assertThat(listed.get(member.id()))
          .as("status of %s", member.login())
          .isEqualTo(member.status());
    }
  }

  // ------------------------------------------------------------------ lookups

  @Test
  void findsAUserByIdLoginAndEmail() {
    assertThat(directory.findById(id(ADA))).map(Employee::login).contains("ada@example.com");
    assertThat(directory.findByLogin("grace@example.com")).map(Employee::id).contains(id(GRACE));
    assertThat(directory.findByEmail("margaret@example.com"))
        .map(Employee::id)
        .contains(id(MARGARET));
  }

  @Test
  void findAcceptsWhateverAPersonTyped() {
    assertThat(directory.find(id(ADA).value())).map(Employee::id).contains(id(ADA));
    assertThat(directory.find("grace@example.com")).map(Employee::id).contains(id(GRACE));
  }

  @Test
  void findingAnUnknownUserIsEmpty() {
    assertThat(directory.findById(data.unknownUser())).isEmpty();
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
    assertThat(directory.factors(id(ADA)))
        .extracting(Factor::id, Factor::type)
        .containsExactlyInAnyOrderElementsOf(
            data.factors(ADA).stream().map(f -> Tuple.tuple(f.id(), f.type())).toList());
    assertThat(directory.factors(id(GRACE)))
        .extracting(Factor::id)
        .containsExactlyInAnyOrderElementsOf(data.factors(GRACE).stream().map(Factor::id).toList());
  }

  @Test
  void factorsOfAnUnknownUserIsNotFound() {
    assertThatThrownBy(() -> directory.factors(data.unknownUser()))
        .isInstanceOf(IamException.NotFound.class);
  }

  @Test
  void tellsMembersFromNonMembers() {
    assertThat(directory.isMember(id(ADA), data.group())).isTrue();
    assertThat(directory.isMember(id(LINUS), data.group())).isFalse();
  }

  // ------------------------------------------------------------------ resets

  @Test
  void resetLinkIsReturnedAndPutsTheUserInRecovery() {
    assumeSupported(Operation.RESET_PASSWORD_LINK);
    ResetResult.Password result = resets.resetPassword(id(ADA), PasswordReset.link());
    assertThat(result.user()).isEqualTo(id(ADA));
    assertThat(result.operation()).isEqualTo(Operation.RESET_PASSWORD_LINK);
    assertThat(result.resetLink()).isPresent();
    assertThat(result.emailSent()).isFalse();
    assertThat(result.toString()).doesNotContain(result.resetLink().get().reveal());
    assertStatusBecame(ADA, EmployeeStatus.RECOVERY);
  }

  @Test
  void emailedResetLinkIsNotReturned() {
    assumeSupported(Operation.RESET_PASSWORD_LINK, OperationOption.SEND_EMAIL);
    ResetResult.Password result = resets.resetPassword(id(ADA), PasswordReset.emailedLink());
    assertThat(result.resetLink()).isEmpty();
    assertThat(result.emailSent()).isTrue();
    assertStatusBecame(ADA, EmployeeStatus.RECOVERY);
  }

  @Test
  void temporaryPasswordIsReturnedOnceAndExpiresThePassword() {
    assumeSupported(Operation.SET_TEMPORARY_PASSWORD);
    ResetResult.Password result = resets.resetPassword(id(ADA), PasswordReset.temporaryPassword());
    assertThat(result.temporaryPassword()).isPresent();
    assertThat(result.toString()).doesNotContain(result.temporaryPassword().get().reveal());
    assertStatusBecame(ADA, EmployeeStatus.PASSWORD_EXPIRED);
  }

  @Test
  void expiringThePasswordForcesANewOneAtNextSignIn() {
    assumeSupported(Operation.EXPIRE_PASSWORD);
    ResetResult.Password result = resets.resetPassword(id(ADA), PasswordReset.expire());
    assertThat(result.resetLink()).isEmpty();
    assertThat(result.temporaryPassword()).isEmpty();
    assertStatusBecame(ADA, EmployeeStatus.PASSWORD_EXPIRED);
  }

  @Test
  void resettingAllFactorsRemovesThemAndSaysWhich() {
    assumeSupported(Operation.RESET_ALL_FACTORS);
    ResetResult.Mfa result = resets.resetMfa(id(ADA), MfaReset.allFactors());
    assertThat(result.factorsReset())
        .containsExactlyInAnyOrderElementsOf(data.factors(ADA).stream().map(Factor::id).toList());
    assertThat(directory.factors(id(ADA))).isEmpty();
    assertThat(statusOf(id(ADA))).isEqualTo(EmployeeStatus.ACTIVE);
  }

  @Test
  void resettingOneFactorKeepsTheOthers() {
    assumeSupported(Operation.RESET_FACTOR);
    List<Factor> enrolled = data.factors(ADA);
    ResetResult.Mfa result = resets.resetMfa(id(ADA), MfaReset.factor(enrolled.get(0).id()));
    assertThat(result.factorsReset()).containsExactly(enrolled.get(0).id());
    assertThat(directory.factors(id(ADA)))
        .extracting(Factor::id)
        .containsExactlyInAnyOrderElementsOf(
            enrolled.subList(1, enrolled.size()).stream().map(Factor::id).toList());
  }

  @Test
  void resettingAnUnknownFactorIsNotFound() {
    assumeSupported(Operation.RESET_FACTOR);
    assertThatThrownBy(() -> resets.resetMfa(id(ADA), MfaReset.factor(data.unknownFactor())))
        .isInstanceOf(IamException.NotFound.class);
    assertThat(directory.factors(id(ADA))).hasSize(data.factors(ADA).size());
  }

  @Test
  void unlockingALockedOutUserMakesThemActive() {
    assumeSupported(Operation.UNLOCK);
    assumeSeeded(GRACE, EmployeeStatus.LOCKED_OUT);
    ResetResult.Unlock result = resets.unlock(id(GRACE));
    assertThat(result.status()).isEqualTo(EmployeeStatus.ACTIVE);
    assertThat(statusOf(id(GRACE))).isEqualTo(EmployeeStatus.ACTIVE);
  }

  @Test
  void unlockingAUserWhoIsNotLockedOutIsInvalidState() {
    assumeSupported(Operation.UNLOCK);
    assertThatThrownBy(() -> resets.unlock(id(ADA))).isInstanceOf(IamException.InvalidState.class);
    assertThat(statusOf(id(ADA))).isEqualTo(EmployeeStatus.ACTIVE);
  }

  @Test
  void revokingSessionsSucceedsForAnActiveUser() {
    assumeSupported(Operation.REVOKE_SESSIONS);
    boolean tokens =
        resets
            .capabilities()
            .supports(Operation.REVOKE_SESSIONS, OperationOption.REVOKE_OAUTH_TOKENS);
    ResetResult.Sessions result =
        resets.revokeSessions(id(ADA), SessionRevocation.sessionsOnly().withOauthTokens(tokens));
    assertThat(result.user()).isEqualTo(id(ADA));
    if (tokens) {
      assertThat(result.oauthTokensRevoked()).isTrue();
    }
    assertThat(statusOf(id(ADA))).isEqualTo(EmployeeStatus.ACTIVE);
  }

  @Test
  void aTemporaryAccessPassIsReturnedOnceAndChangesNothingElse() {
    assumeSupported(Operation.ISSUE_TEMPORARY_ACCESS_PASS);
    ResetResult.AccessPass result =
        resets.issueTemporaryAccessPass(
            id(ADA), TemporaryAccessPass.usableOnce(Duration.ofMinutes(60)));
    assertThat(result.user()).isEqualTo(id(ADA));
    assertThat(result.operation()).isEqualTo(Operation.ISSUE_TEMPORARY_ACCESS_PASS);
    assertThat(result.pass().reveal()).isNotBlank();
    assertThat(result.toString()).doesNotContain(result.pass().reveal());
    assertThat(result.lifetime()).isEqualTo(Duration.ofMinutes(60));
    assertThat(result.usableOnce()).isTrue();
    assertThat(statusOf(id(ADA))).isEqualTo(EmployeeStatus.ACTIVE);
  }

  @Test
  void aTemporaryAccessPassIsRefusedWhereTheProviderHasNone() {
    assumeTrue(
        !resets.capabilities().supports(Operation.ISSUE_TEMPORARY_ACCESS_PASS),
        "the provider has Temporary Access Passes");
    Employee before = directory.findById(id(ADA)).orElseThrow();
    assertThatThrownBy(
            () ->
                resets.issueTemporaryAccessPass(
                    id(ADA), TemporaryAccessPass.usableOnce(Duration.ofMinutes(60))))
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessageContaining(Operation.ISSUE_TEMPORARY_ACCESS_PASS.name());
    assertThat(directory.findById(id(ADA))).contains(before);
    assertThat(directory.factors(id(ADA))).hasSize(data.factors(ADA).size());
  }

  @Test
  void everyOperationTheProviderLacksIsRefusedAndChangesNothing() {
    Employee before = directory.findById(id(ADA)).orElseThrow();
    for (Operation operation : Operation.values()) {
      if (resets.capabilities().supports(operation)) {
        continue;
      }
      assertThatThrownBy(() -> change(operation).apply(id(ADA)))
          .as(operation.name())
          .isInstanceOf(IamException.OperationNotSupported.class);
    }
    assertThat(directory.findById(id(ADA))).contains(before);
    assertThat(directory.factors(id(ADA))).hasSize(data.factors(ADA).size());
  }

  @Test
  void aUserWithAMorePrivilegedRoleIsRefusedAndUnchanged() {
    Employee before = directory.findById(id(ROOT)).orElseThrow();
    List<Operation> tried = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      if (!resets.capabilities().supports(operation)) {
        continue;
      }
      tried.add(operation);
      assertThatThrownBy(() -> change(operation).apply(id(ROOT)))
          .as(operation.name())
          .isInstanceOfSatisfying(
              IamException.PermissionDenied.class,
              e -> assertThat(e.reason()).isEqualTo(data.privilegedRefusal()));
    }
    assertThat(tried).as("the provider supports some change").isNotEmpty();
    assertThat(statusOf(id(ROOT))).isEqualTo(EmployeeStatus.ACTIVE);
    assertThat(directory.findById(id(ROOT))).contains(before);
    assertThat(directory.factors(id(ROOT))).hasSize(data.factors(ROOT).size());
  }

  @Test
  void aSuspendedUserIsInvalidStateNamingTheStatus() {
    assumeSupported(Operation.RESET_PASSWORD_LINK);
    assumeSeeded(SAM, EmployeeStatus.SUSPENDED);
    assertThatThrownBy(() -> resets.resetPassword(id(SAM), PasswordReset.link()))
        .isInstanceOfSatisfying(
            IamException.InvalidState.class,
            e -> assertThat(e.currentStatus()).contains(data.user(SAM).providerStatus()));
    assertThat(statusOf(id(SAM))).isEqualTo(EmployeeStatus.SUSPENDED);
  }

  @Test
  void changingAnUnknownUserIsNotFound() {
    Operation operation = firstSupported();
    assertThatThrownBy(() -> change(operation).apply(data.unknownUser()))
        .isInstanceOf(IamException.NotFound.class);
  }

  @Test
  void aPasswordExpiredUserCanGetAResetLink() {
    assumeSupported(Operation.RESET_PASSWORD_LINK);
    resets.resetPassword(id(MARGARET), PasswordReset.link());
    assertStatusBecame(MARGARET, EmployeeStatus.RECOVERY);
  }

  @Test
  void usersOutsideTheConfiguredGroupAreStillVisibleToLookups() {
    assertThat(directory.findById(id(LINUS))).isPresent();
    assertThat(directory.findById(id(EDSGER))).isPresent();
  }

  // ------------------------------------------------------------------ helpers

  private UserId id(Person person) {
    return data.id(person);
  }

  /**
   * One change of each operation, without options, on a user: what the contract tries on users the
   * client may not touch and for operations the provider lacks.
   */
  private Function<UserId, ResetResult> change(Operation operation) {
    return switch (operation) {
      case RESET_PASSWORD_LINK -> user -> resets.resetPassword(user, PasswordReset.link());
      case SET_TEMPORARY_PASSWORD ->
          user -> resets.resetPassword(user, PasswordReset.temporaryPassword());
      case EXPIRE_PASSWORD -> user -> resets.resetPassword(user, PasswordReset.expire());
      case RESET_ALL_FACTORS -> user -> resets.resetMfa(user, MfaReset.allFactors());
      case RESET_FACTOR ->
          user -> {
            List<Factor> enrolled = data.factors().getOrDefault(user, List.of());
            FactorId factor = enrolled.isEmpty() ? data.unknownFactor() : enrolled.get(0).id();
            return resets.resetMfa(user, MfaReset.factor(factor));
          };
      case UNLOCK -> resets::unlock;
      case REVOKE_SESSIONS -> user -> resets.revokeSessions(user, SessionRevocation.sessionsOnly());
      case ISSUE_TEMPORARY_ACCESS_PASS ->
          user ->
              resets.issueTemporaryAccessPass(
                  user, TemporaryAccessPass.usableOnce(Duration.ofMinutes(60)));
    };
  }

  /** The first operation the provider supports, in declaration order. */
  private Operation firstSupported() {
    for (Operation operation : Operation.values()) {
      if (resets.capabilities().supports(operation)) {
        return operation;
      }
    }
    throw new AssertionError("the provider supports no change: " + resets.capabilities());
  }

  private void assumeSupported(Operation operation) {
    assumeTrue(resets.capabilities().supports(operation), operation + " not supported");
  }

  private void assumeSupported(Operation operation, OperationOption option) {
    assumeTrue(
        resets.capabilities().supports(operation, option),
        operation + " with " + option + " not supported");
  }

  private void assumeSeeded(Person person, EmployeeStatus status) {
    assumeTrue(
        data.user(person).status() == status,
        person + " is not seeded " + status + " by this provider");
  }

  /**
   * Asserts the status a change leads to where the provider represents it; where it does not, the
   * status must be the one the user was seeded with.
   */
  private void assertStatusBecame(Person person, EmployeeStatus expected) {
    EmployeeStatus status = statusOf(id(person));
    if (data.statuses().contains(expected)) {
      assertThat(status).isEqualTo(expected);
    } else {
      assertThat(status)
          .as("%s is not a status this provider represents", expected)
          .isEqualTo(data.user(person).status());
    }
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
}
