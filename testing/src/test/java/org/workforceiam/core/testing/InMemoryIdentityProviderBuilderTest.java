package org.workforceiam.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.core.testing.People.CONTRACTORS;
import static org.workforceiam.core.testing.People.EMPLOYEES;
import static org.workforceiam.core.testing.People.person;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Capabilities;
import org.workforceiam.core.Employee;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.UserId;

class InMemoryIdentityProviderBuilderTest {
  private static final Factor SMS = Factor.of(FactorId.of("sms1"), "sms", "OKTA", "ACTIVE");

  @Test
  void pagesHoldTwoHundredMembersByDefault() {
    InMemoryIdentityProvider.Builder builder = InMemoryIdentityProvider.builder();
    for (int i = 0; i < 201; i++) {
      builder.employee(person(String.format("u%03d", i)), EMPLOYEES);
    }
    InMemoryIdentityProvider fake = builder.build();
    assertThat(fake.memberPages(EMPLOYEES).map(p -> p.items().size())).containsExactly(200, 1);
  }

  @Test
  void refusesAPageSizeBelowOne() {
    assertThatThrownBy(() -> InMemoryIdentityProvider.builder().pageSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize must be at least 1: 0");
    assertThat(
            InMemoryIdentityProvider.builder()
                .pageSize(1)
                .employee(person("u1"), EMPLOYEES)
                .employee(person("u2"), EMPLOYEES)
                .build()
                .memberPages(EMPLOYEES)
                .count())
        .isEqualTo(2);
  }

  @Test
  void supportsEveryOperationWithTheNeutralOptionsByDefault() {
    Capabilities capabilities = InMemoryIdentityProvider.builder().build().capabilities();
    assertThat(capabilities).isEqualTo(InMemoryIdentityProvider.defaultCapabilities());
    assertThat(capabilities.operations()).containsOnlyKeys(EnumSet.allOf(Operation.class));
    assertThat(capabilities.supports(Operation.RESET_PASSWORD_LINK, OperationOption.SEND_EMAIL))
        .isTrue();
    assertThat(
            capabilities.supports(Operation.REVOKE_SESSIONS, OperationOption.REVOKE_OAUTH_TOKENS))
        .isTrue();
    assertThat(capabilities.supports(Operation.ISSUE_TEMPORARY_ACCESS_PASS)).isTrue();
    assertThat(
            capabilities.supports(
                Operation.REVOKE_SESSIONS, OperationOption.of("okta", "FORGET_DEVICES")))
        .as("no provider's own option unless the builder is given it")
        .isFalse();
    assertThat(capabilities.supports(Operation.UNLOCK, OperationOption.SEND_EMAIL)).isFalse();
  }

  @Test
  void refusesTheSameEmployeeTwice() {
    InMemoryIdentityProvider.Builder builder =
        InMemoryIdentityProvider.builder().employee(person("u1"));
    Employee sameId = person("u1").toBuilder().firstName("Other").build();
    assertThatThrownBy(() -> builder.employee(sameId, EMPLOYEES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("employee u1 was already added");
  }

  @Test
  void refusesFactorsOfAUserItDoesNotHave() {
    InMemoryIdentityProvider.Builder builder =
        InMemoryIdentityProvider.builder().employee(person("u1")).factor(UserId.of("u2"), SMS);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("factor enrolled for user u2, who was not added with employee(...)");
  }

  @Test
  void refusesAGroupThatIsBothGeneratedAndSeeded() {
    InMemoryIdentityProvider.Builder builder =
        InMemoryIdentityProvider.builder()
            .employee(person("u1"), EMPLOYEES)
            .generatedGroup(EMPLOYEES, 10, i -> person("g" + i));
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("group 00gEmployees is both generated and has added members");
  }

  @Test
  void refusesAGeneratedGroupOfNegativeSize() {
    assertThatThrownBy(
            () ->
                InMemoryIdentityProvider.builder().generatedGroup(EMPLOYEES, -1, i -> person("g")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must not be negative: -1");
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNulls() {
    InMemoryIdentityProvider.Builder builder = InMemoryIdentityProvider.builder();
    assertThatThrownBy(() -> builder.capabilities(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("capabilities == null");
    assertThatThrownBy(() -> builder.clock(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock == null");
    assertThatThrownBy(() -> builder.group(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("group == null");
    assertThatThrownBy(() -> builder.employee(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("employee == null");
    assertThatThrownBy(() -> builder.factor(UserId.of("u1"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("factor == null");
    assertThatThrownBy(() -> builder.generatedGroup(EMPLOYEES, 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("generator == null");
  }

  @Test
  void aDeclaredGroupMayStayEmptyAndAnUndeclaredOneDoesNotExist() {
    InMemoryIdentityProvider fake = InMemoryIdentityProvider.builder().group(EMPLOYEES).build();
    assertThat(fake.members(EMPLOYEES)).isEmpty();
    assertThatThrownBy(() -> fake.membersPage(GroupId.of("00gUndeclared")))
        .isInstanceOf(IamException.NotFound.class);
  }

  @Test
  void anEmployeeMayBeInSeveralGroupsOrNone() {
    InMemoryIdentityProvider fake =
        InMemoryIdentityProvider.builder()
            .employee(person("u1"), EMPLOYEES, CONTRACTORS)
            .employee(person("u2"))
            .build();
    assertThat(fake.isMember(UserId.of("u1"), EMPLOYEES)).isTrue();
    assertThat(fake.isMember(UserId.of("u1"), CONTRACTORS)).isTrue();
    assertThat(fake.isMember(UserId.of("u2"), EMPLOYEES)).isFalse();
    assertThat(fake.findById(UserId.of("u2"))).isPresent();
  }

  @Test
  void providersBuiltFromOneBuilderDoNotShareState() {
    InMemoryIdentityProvider.Builder builder =
        InMemoryIdentityProvider.builder()
            .employee(person("u1"), EMPLOYEES)
            .factor(UserId.of("u1"), SMS);
    InMemoryIdentityProvider one = builder.build();
    InMemoryIdentityProvider two = builder.build();

    one.resetPassword(UserId.of("u1"), PasswordReset.expire());
    one.removeMember(EMPLOYEES, UserId.of("u1"));
    one.delete(UserId.of("u1"));

    assertThat(two.findById(UserId.of("u1"))).isPresent();
    assertThat(two.isMember(UserId.of("u1"), EMPLOYEES)).isTrue();
    assertThat(two.factors(UserId.of("u1"))).containsExactly(SMS);
    assertThat(two.operations()).isEmpty();
  }

  @Test
  void toStringSummarisesWithoutListingPeople() {
    InMemoryIdentityProvider fake =
        InMemoryIdentityProvider.builder()
            .pageSize(5)
            .employee(person("u1"), EMPLOYEES)
            .generatedGroup(GroupId.of("00gHuge"), 1000, i -> person("g" + i))
            .build();
    assertThat(fake).hasToString("InMemoryIdentityProvider{employees=1, groups=2, pageSize=5}");
  }
}
