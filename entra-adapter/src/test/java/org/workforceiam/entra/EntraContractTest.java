package org.workforceiam.entra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamException;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.Secret;
import org.workforceiam.core.UserId;
import org.workforceiam.core.contract.ContractData;
import org.workforceiam.core.contract.ContractData.Person;
import org.workforceiam.core.contract.ProviderContract;
import org.workforceiam.entra.simulator.AuthMethod;
import org.workforceiam.entra.simulator.DirectoryRole;
import org.workforceiam.entra.simulator.EntraTenant;
import org.workforceiam.entra.simulator.EntraUser;
import org.workforceiam.entra.simulator.SimulatedEntra;

/**
 * The core contract, kept by the Entra adapter over a simulated tenant seeded with Entra's own
 * {@link ContractData}: object ids (GUIDs), the two statuses Entra has ({@code ACTIVE} and {@code
 * DISABLED}: no lock-out, suspension or expired password to seed), authentication methods as
 * factors (Ada's default method is the one an MFA reset would delete first, so the reset must retry
 * it after the other), and {@link Person#ROOT} a Global Administrator, whom the SDK refuses with
 * {@code PRIVILEGED_USER}. Changes go through {@code resets(group)} as an application makes them:
 * group guard, privileged-user check and audit included.
 */
class EntraContractTest extends ProviderContract {
  private static final String SECRET = "contract~secret~0123456789abcdef";
  static final ContractData DATA = entraData();

  private SimulatedEntra sim;
  private EntraClient entra;

  static ContractData entraData() {
    ContractData.Builder data =
        ContractData.builder()
            .group(GroupId.of("6f1d2c3b-0000-4000-8000-00000000e000"))
            .statuses(EnumSet.of(EmployeeStatus.ACTIVE, EmployeeStatus.DISABLED))
            .unknownUser(UserId.of("00000000-0000-4000-8000-0000000000ff"))
            .unknownFactor(FactorId.of("00000000-0000-4000-8000-00000000f0ff"))
            .privilegedRefusal(IamException.PermissionDenied.Reason.PRIVILEGED_USER);
    int n = 1;
    for (Person person : Person.values()) {
      data.id(person, UserId.of(String.format("c0000000-0000-4000-8000-%012d", n++)));
    }
    return data.status(Person.GRACE, EmployeeStatus.ACTIVE, "ACTIVE")
        .status(Person.SAM, EmployeeStatus.DISABLED, GraphJson.DISABLED)
        .status(Person.MARGARET, EmployeeStatus.ACTIVE, "ACTIVE")
        .factors(
            Person.ADA,
            Factor.of(
                FactorId.of(AuthMethod.MOBILE_PHONE_ID),
                "phoneAuthenticationMethod",
                "MICROSOFT",
                "ACTIVE"),
            Factor.of(
                FactorId.of("c1000000-0000-4000-8000-000000000001"),
                "microsoftAuthenticatorAuthenticationMethod",
                "MICROSOFT",
                "ACTIVE"))
        .factors(
            Person.ROOT,
            Factor.of(
                FactorId.of("Q29udHJhY3RSb290S2V5"),
                "fido2AuthenticationMethod",
                "MICROSOFT",
                "ACTIVE"))
        .factors(Person.MARGARET)
        .build();
  }

  @Override
  protected Provider provider() {
    try {
      sim =
          SimulatedEntra.builder()
              .clientSecret(SECRET)
              .appRoles(DirectoryRole.HELPDESK_ADMINISTRATOR)
              .tenant(contractTenant())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    entra =
        EntraClient.builder()
            .tenantId(sim.tenantId())
            .clientId(sim.clientId())
            .credential(EntraCredential.clientSecret(Secret.of(SECRET)))
            .authorityUrl(sim.authorityUrl())
            .graphUrl(sim.graphUrl())
            .pageSize(ContractData.PAGE_SIZE)
            .auditListener(event -> {})
            .build();
    EntraClient client = entra;
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
  void closeClientAndTenant() {
    entra.close();
    sim.close();
  }

  /** A simulated tenant holding exactly {@link #DATA}. */
  static EntraTenant contractTenant() {
    EntraTenant tenant = new EntraTenant().group(DATA.group().value(), "Employees");
    for (Employee employee : DATA.users()) {
      EntraUser user =
          EntraUser.of(employee.id().value(), employee.login())
              .givenName(employee.firstName().orElse(null))
              .surname(employee.lastName().orElse(null))
              .mail(employee.email().orElse(null))
              .accountEnabled(employee.status() != EmployeeStatus.DISABLED);
      employee.attributes().forEach(user::property);
      tenant.user(user);
      if (DATA.memberIds().contains(employee.id())) {
        tenant.member(DATA.group().value(), employee.id().value());
      }
    }
    DATA.factors()
        .forEach(
            (user, factors) -> {
              for (Factor factor : factors) {
                tenant.method(user.value(), method(factor));
              }
            });
    // Ada's default is her Authenticator app, which an MFA reset would delete first.
    tenant.defaultMethod(DATA.id(Person.ADA).value(), "c1000000-0000-4000-8000-000000000001");
    DATA.privileged()
        .forEach(root -> tenant.activeRole(root.value(), DirectoryRole.GLOBAL_ADMINISTRATOR));
    return tenant;
  }

  private static AuthMethod method(Factor factor) {
    String id = factor.id().value();
    return switch (factor.type()) {
      case "phoneAuthenticationMethod" -> AuthMethod.mobilePhone("+1 2065550123");
      case "microsoftAuthenticatorAuthenticationMethod" -> AuthMethod.authenticatorApp(id, "Pixel");
      case "fido2AuthenticationMethod" -> AuthMethod.fido2(id, "YubiKey");
      default -> throw new IllegalArgumentException("no method for " + factor);
    };
  }
}
