package org.workforceiam.core.contract;

import java.util.EnumSet;
import org.workforceiam.core.Capabilities;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;
import org.workforceiam.core.contract.ContractData.Person;
import org.workforceiam.core.testing.InMemoryIdentityProvider;

/**
 * The contract takes its ids, factors and statuses from the provider: here the fake stands in for a
 * provider shaped like Microsoft Entra ID (GUIDs, only ACTIVE and DISABLED, no password links,
 * expiry or unlock, Temporary Access Passes), so every promise is asserted by capability and
 * normalised status, not by Okta's ids and statuses.
 */
class EntraShapedFakeContractTest extends ProviderContract {
  static final ContractData DATA = entraShaped();

  static ContractData entraShaped() {
    ContractData.Builder data =
        ContractData.builder()
            .group(GroupId.of("6f1d2c3b-0000-4000-8000-00000000e000"))
            .statuses(EnumSet.of(EmployeeStatus.ACTIVE, EmployeeStatus.DISABLED))
            .unknownUser(UserId.of("00000000-0000-4000-8000-0000000000ff"))
            .unknownFactor(FactorId.of("00000000-0000-4000-8000-00000000f0ff"));
    int n = 1;
    for (Person person : Person.values()) {
      data.id(person, UserId.of(String.format("00000000-0000-4000-8000-%012d", n++)));
    }
    return data.status(Person.GRACE, EmployeeStatus.ACTIVE, "enabled")
        .status(Person.SAM, EmployeeStatus.DISABLED, "disabled")
        .status(Person.MARGARET, EmployeeStatus.ACTIVE, "enabled")
        .factors(
            Person.ADA,
            Factor.of(
                FactorId.of("3179e48a-750b-4051-897c-87b9720928f7"), "phone", "AZURE_AD", "ACTIVE"),
            Factor.of(
                FactorId.of("b2d6a2b4-0000-4000-8000-000000000a0a"),
                "microsoftAuthenticator",
                "AZURE_AD",
                "ACTIVE"))
        .factors(Person.MARGARET)
        .build();
  }

  @Override
  protected Provider provider() {
    InMemoryIdentityProvider.Builder builder =
        InMemoryIdentityProvider.builder()
            .pageSize(ContractData.PAGE_SIZE)
            .capabilities(
                Capabilities.builder()
                    .operation(Operation.RESET_ALL_FACTORS)
                    .operation(Operation.RESET_FACTOR)
                    .operation(Operation.REVOKE_SESSIONS, OperationOption.REVOKE_OAUTH_TOKENS)
                    .operation(Operation.ISSUE_TEMPORARY_ACCESS_PASS)
                    .build());
    for (Employee user : DATA.users()) {
      if (DATA.memberIds().contains(user.id())) {
        builder.employee(user, DATA.group());
      } else {
        builder.employee(user);
      }
    }
    DATA.factors().forEach((user, list) -> list.forEach(f -> builder.factor(user, f)));
    InMemoryIdentityProvider fake = builder.build();
    DATA.privileged().forEach(fake::markPrivileged);
    return new Provider() {
      @Override
      public IamDirectory directory() {
        return fake;
      }

      @Override
      public ResetService resets() {
        return ResetService.groupScoped(fake, fake, DATA.group());
      }

      @Override
      public ContractData data() {
        return DATA;
      }
    };
  }
}
