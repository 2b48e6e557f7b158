package org.workforceiam.core.contract;

import org.workforceiam.core.Employee;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.testing.InMemoryIdentityProvider;

/** The contract, kept by the fake seeded with the standard data and its default capabilities. */
class InMemoryProviderContractTest extends ProviderContract {

  @Override
  protected Provider provider() {
    ContractData data = ContractData.standard();
    InMemoryIdentityProvider.Builder builder =
        InMemoryIdentityProvider.builder().pageSize(ContractData.PAGE_SIZE);
    for (Employee user : data.users()) {
      if (data.memberIds().contains(user.id())) {
        builder.employee(user, data.group());
      } else {
        builder.employee(user);
      }
    }
    data.factors().forEach((user, list) -> list.forEach(f -> builder.factor(user, f)));
    InMemoryIdentityProvider fake = builder.build();
    data.privileged().forEach(fake::markPrivileged);
    return new Provider() {
      @Override
      public IamDirectory directory() {
        return fake;
      }

      @Override
      public ResetService resets() {
        return fake;
      }

      @Override
      public ContractData data() {
        return data;
      }
    };
  }
}
