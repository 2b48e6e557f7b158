package org.workforceiam.okta;

import org.junit.jupiter.api.AfterEach;
import org.workforceiam.core.Employee;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.contract.ContractData;
import org.workforceiam.core.contract.ProviderContract;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimFactor;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * The core contract, kept by the Okta adapter over a simulated Okta seeded with exactly {@link
 * ContractData#standard()}: the client is built as an application builds it and its changes are
 * made through {@code resets(EMPLOYEES)} (so every change goes through the group guard and the
 * audit), the contract's page size, and DPoP required by the app.
 */
class OktaContractTest extends ProviderContract {
  private static final String CLIENT_ID = "0oaContractApp";
  private static final OktaKeyPair KEYS = OktaKeyPair.generate(OktaKeyPair.Algorithm.ES256);
  private static final ContractData DATA = ContractData.standard();

  private SimulatedOkta sim;
  private OktaClient okta;

  @Override
  protected Provider provider() {
    try {
      sim =
          SimulatedOkta.builder()
              .clientId(CLIENT_ID)
              .publicKey(KEYS.publicKey(), KEYS.keyId())
              .requireDpop(true)
              .directory(contractDirectory())
              .start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    okta =
        OktaClient.builder()
            .orgUrl(sim.orgUrl())
            .clientId(CLIENT_ID)
            .privateKey(KEYS.privateKey())
            .keyId(KEYS.keyId())
            .dpopMode(DpopMode.REQUIRED)
            .pageSize(ContractData.PAGE_SIZE)
            .auditListener(event -> {})
            .build();
    OktaClient client = okta;
    return new Provider() {
      @Override
      public IamDirectory directory() {
        return client.directory();
      }

      @Override
      public ResetService resets() {
        return client.resets(DATA.group());
      }

      @Override
      public ContractData data() {
        return DATA;
      }
    };
  }

  @AfterEach
  void closeClientAndOrg() {
    okta.close();
    sim.close();
  }

  /** A simulated Okta directory holding exactly {@link ContractData#standard()}. */
  static SimDirectory contractDirectory() {
    SimDirectory directory = new SimDirectory();
    directory.group(DATA.group().value(), "Employees");
    for (Employee employee : DATA.users()) {
      SimUser user =
          SimUser.of(employee.id().value(), employee.login(), employee.providerStatus())
              .profile("firstName", employee.firstName().orElse(null))
              .profile("lastName", employee.lastName().orElse(null))
              .profile("email", employee.email().orElse(null));
      employee.attributes().forEach(user::profile);
      employee.lastUpdated().ifPresent(user::lastUpdated);
      if (DATA.privileged().contains(employee.id())) {
        user.privileged();
      }
      directory.user(user);
      if (DATA.memberIds().contains(employee.id())) {
        directory.member(DATA.group().value(), employee.id().value());
      }
    }
    DATA.factors()
        .forEach(
            (user, factors) ->
                factors.forEach(
                    f ->
                        directory.factor(
                            user.value(),
                            new SimFactor(f.id().value(), f.type(), f.provider(), f.status()))));
    return directory;
  }
}
