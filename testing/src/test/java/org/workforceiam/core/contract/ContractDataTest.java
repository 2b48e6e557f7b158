package org.workforceiam.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.UserId;
import org.workforceiam.core.contract.ContractData.Person;

class ContractDataTest {

  @Test
  void theStandardDataHasOktaLikeIdsAndEveryStatusAsItsName() {
    ContractData data = ContractData.standard();
    assertThat(data.group()).isEqualTo(GroupId.of("00gContractEmployees"));
    assertThat(data.id(Person.ADA)).isEqualTo(UserId.of("00u01Ada"));
    assertThat(data.user(Person.GRACE).status()).isEqualTo(EmployeeStatus.LOCKED_OUT);
    assertThat(data.user(Person.GRACE).providerStatus()).isEqualTo("LOCKED_OUT");
    assertThat(data.statuses()).isEqualTo(EnumSet.allOf(EmployeeStatus.class));
    assertThat(data.users()).hasSize(Person.values().length);
    assertThat(data.memberIds()).hasSize(8).doesNotContain(data.id(Person.LINUS));
    assertThat(data.factors(Person.ADA)).extracting(Factor::type).containsExactly("sms", "push");
    assertThat(data.factors(Person.GRACE)).isEmpty();
    assertThat(data.factors()).containsOnlyKeys(data.id(Person.ADA), data.id(Person.MARGARET));
    assertThat(data.privileged()).containsExactly(data.id(Person.ROOT));
    assertThat(data.privilegedRefusal())
        .isEqualTo(IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW);
    assertThat(data.initialStatus(data.id(Person.SAM))).isEqualTo(EmployeeStatus.SUSPENDED);
  }

  @Test
  void aProviderGivesItsOwnIdsStatusesAndWordsKeepingThePeople() {
    ContractData data = EntraShapedFakeContractTest.entraShaped();
    assertThat(data.user(Person.SAM).status()).isEqualTo(EmployeeStatus.DISABLED);
    assertThat(data.user(Person.SAM).providerStatus()).isEqualTo("disabled");
    assertThat(data.user(Person.ADA).login()).isEqualTo("ada@example.com");
    assertThat(data.user(Person.ADA).attributes()).containsEntry("department", "Engineering");
    assertThat(data.id(Person.ADA).value()).startsWith("00000000-");
    assertThat(data.factors(Person.MARGARET)).isEmpty();
  }

  @Test
  void refusesAStatusTheProviderDoesNotRepresentNamingThePerson() {
    assertThatThrownBy(
            () -> ContractData.builder().statuses(EnumSet.of(EmployeeStatus.ACTIVE)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GRACE has status LOCKED_OUT")
        .hasMessageContaining("status(person, status, word)");
  }

  @Test
  void refusesRepeatedIdsTooFewFactorsForAdaAndAnUnknownUserOrFactorThatExists() {
    assertThatThrownBy(() -> ContractData.builder().id(Person.GRACE, UserId.of("00u01Ada")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two people have the same id");
    assertThatThrownBy(
            () ->
                ContractData.builder()
                    .factors(Person.ADA, Factor.of(FactorId.of("f1"), "sms", "X", "ACTIVE"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ADA needs at least two factors");
    assertThatThrownBy(() -> ContractData.builder().unknownUser(UserId.of("00u01Ada")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is a person's id");
    assertThatThrownBy(
            () -> ContractData.builder().unknownFactor(FactorId.of("sms01AdaFactor")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is enrolled");
  }
}
