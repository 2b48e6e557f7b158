package org.workforceiam.entra.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The demo tenant the CLI's demo walks through. */
class DemoTenantTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void theDemoTenantHasItsEmployeesTheirMethodsAndTheirRoles() throws Exception {
    try (SimulatedEntra entra =
            DemoTenant.builder()
                .certificate(TestApp.CERTIFICATE)
                .clock(new MutableClock(NOW))
                .start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      assertThat(entra.tenantId()).isEqualTo(DemoTenant.TENANT_ID);
      assertThat(entra.clientId()).isEqualTo(DemoTenant.CLIENT_ID);
      GraphClient.Reply users =
          graph.get(
              "/v1.0/groups/"
                  + DemoTenant.EMPLOYEES
                  + "/transitiveMembers/microsoft.graph.user?$select=id,mail,accountEnabled");
      assertThat(users.value())
          .extracting(u -> u.get("id"))
          .containsExactlyInAnyOrder(
              DemoTenant.ADA,
              DemoTenant.GRACE,
              DemoTenant.ALAN,
              DemoTenant.KATHERINE,
              DemoTenant.MARGARET,
              DemoTenant.EDSGER,
              DemoTenant.BARBARA);
      assertThat(entra.tenant().transitiveMemberIds(DemoTenant.EMPLOYEES))
          .contains(DemoTenant.DEVICE, DemoTenant.CONTACT, DemoTenant.SERVICE_PRINCIPAL)
          .doesNotContain(DemoTenant.LINUS);
      assertThat(users.value())
          .filteredOn(u -> u.get("id").equals(DemoTenant.ALAN))
          .singleElement()
          .satisfies(u -> assertThat(u).containsEntry("mail", null));
      assertThat(users.value())
          .filteredOn(u -> u.get("id").equals(DemoTenant.KATHERINE))
          .singleElement()
          .satisfies(u -> assertThat(u).containsEntry("accountEnabled", false));
      assertThat(
              graph
                  .get(
                      "/v1.0/users/"
                          + DemoTenant.BARBARA
                          + "/transitiveMemberOf/microsoft.graph.directoryRole")
                  .value())
          .extracting(r -> r.get("displayName"))
          .containsExactly("Helpdesk Administrator");
      for (String user :
          new String[] {
            DemoTenant.ADA,
            DemoTenant.GRACE,
            DemoTenant.ALAN,
            DemoTenant.MARGARET,
            DemoTenant.EDSGER,
            DemoTenant.BARBARA
          }) {
        assertThat(entra.tenant().defaultMethod(user)).as(user).isPresent();
      }
    }
  }
}
