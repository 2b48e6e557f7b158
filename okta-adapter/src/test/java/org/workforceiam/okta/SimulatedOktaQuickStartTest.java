package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.SimFactor;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * The README's "Testing against a simulated Okta" as a test: an org seeded from the builder alone,
 * an {@link OktaClient} pointed at it with nothing but {@code orgUrl()}, {@code clientId()} and the
 * app's key, and assertions on what the org received and the state it kept.
 */
class SimulatedOktaQuickStartTest {

  @Test
  void aClientPointedAtABuilderSeededOrgListsMembersResetsAndIsRefusedOnAPrivilegedUser()
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    try (SimulatedOkta sim =
            SimulatedOkta.builder()
                .publicKey(keys.getPublic(), "my-key")
                .group("00gEmployees", "All Employees")
                .member(
                    "00gEmployees",
                    SimUser.of("00u1ada", "ada@example.com", "LOCKED_OUT")
                        .profile("firstName", "Ada")
                        .profile("lastName", "Lovelace")
                        .profile("email", "ada@example.com"))
                .member("00gEmployees", SimUser.of("00u2bob", "bob", "ACTIVE"))
                .member(
                    "00gEmployees",
                    SimUser.of("00u3root", "root@example.com", "ACTIVE").privileged())
                .factor("00u1ada", new SimFactor("sms1", "sms", "OKTA", "ACTIVE"))
                .start();
        OktaClient okta =
            OktaClient.builder()
                .orgUrl(sim.orgUrl())
                .clientId(sim.clientId())
                .privateKey(keys.getPrivate())
                .keyId("my-key")
                .build()) {
      GroupId employees = GroupId.of("00gEmployees");
      assertThat(okta.directory().members(employees).count()).isEqualTo(3);

      ResetService resets = okta.resets(employees);
      resets.unlock(UserId.of("00u1ada"));
      assertThat(sim.directory().status("00u1ada")).isEqualTo("ACTIVE");

      assertThatThrownBy(
              () -> resets.resetPassword(UserId.of("00u3root"), PasswordReset.emailedLink()))
          .isInstanceOf(IamException.PermissionDenied.class);
      assertThat(sim.directory().status("00u3root")).isEqualTo("ACTIVE");

      assertThat(sim.apiCalls())
          .extracting(SimulatedOkta.Call::requestLine)
          .contains(
              "POST /api/v1/users/00u1ada/lifecycle/unlock",
              "POST /api/v1/users/00u3root/lifecycle/reset_password"
                  + "?sendEmail=true&revokeSessions=false");
      assertThat(sim.directory().changes()).containsExactly("unlock");
    }
  }
}
