package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.okta.OktaClient;
import org.workforceiam.okta.OktaKeyPair;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/** The Okta adapter syncs a group from the simulated Okta org, as a user's integration test would. */
class SyncFromSimulatedOktaTest {
  static final String CLIENT_ID = "0oaConsumerApp";
  static final String EMPLOYEES = "00gEmployees";

  @Test
  void syncsTheMembersOfTheSeededGroup() throws Exception {
    OktaKeyPair keys = OktaKeyPair.generate(OktaKeyPair.Algorithm.ES256);
    SimDirectory org =
        new SimDirectory()
            .group(EMPLOYEES, "Employees")
            .user(person("00uAda", "ada@example.com"))
            .user(person("00uGrace", "grace@example.com"))
            .user(person("00uLinus", "linus@contractor.example"))
            .member(EMPLOYEES, "00uAda")
            .member(EMPLOYEES, "00uGrace");

    try (SimulatedOkta sim =
            SimulatedOkta.builder()
                .clientId(CLIENT_ID)
                .publicKey(keys.publicKey(), keys.keyId())
                .requireDpop(true)
                .directory(org)
                .start();
        OktaClient okta =
            OktaClient.builder()
                .orgUrl(sim.orgUrl())
                .clientId(CLIENT_ID)
                .privateKey(keys.privateKey())
                .keyId(keys.keyId())
                .build();
        Stream<Employee> members = okta.directory().members(GroupId.of(EMPLOYEES))) {
      assertThat(members.map(Employee::login))
          .containsExactlyInAnyOrder("ada@example.com", "grace@example.com");
    }
  }

  static SimUser person(String id, String login) {
    return SimUser.of(id, login, "ACTIVE")
        .profile("firstName", "First")
        .profile("lastName", "Last")
        .profile("email", login);
  }
}
