package org.workforceiam.okta;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimFactor;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/** A session that makes every kind of call the adapter has, against the simulated Okta. */
final class SpecWorkload {
  private SpecWorkload() {}

  static void run() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    SimDirectory directory =
        new SimDirectory()
            .user(
                SimUser.of("00u1", "ada@example.com", "LOCKED_OUT")
                    .profile("firstName", "Ada")
                    .profile("lastName", "Lovelace")
                    .profile("email", "ada@example.com"))
            .user(
                SimUser.of("00u2", "bob@example.com", "ACTIVE").profile("email", "bob@example.com"))
            .member("00gSpec1", "00u1")
            .member("00gSpec1", "00u2")
            .factor("00u1", new SimFactor("sms1", "sms", "OKTA", "ACTIVE"));
    try (SimulatedOkta sim =
            SimulatedOkta.builder()
                .clientId("0oaSpec")
                .publicKey(keys.getPublic(), "k")
                .directory(directory)
                .start();
        OktaClient okta =
            OktaClient.builder()
                .orgUrl(sim.orgUrl())
                .clientId("0oaSpec")
                .privateKey(keys.getPrivate())
                .keyId("k")
                .groupId("00gSpec1")
                .pageSize(1)
                .build()) {
      GroupId group = GroupId.of("00gSpec1");
      long members = okta.members(group).count();
      if (members != 2) {
        throw new AssertionError("expected 2 members, got " + members);
      }
      okta.findById(UserId.of("00u1"));
      okta.findByLogin("ada@example.com");
      okta.findByEmail("bob@example.com");
      okta.find("nobody@example.com");
      okta.factors(UserId.of("00u1"));
      okta.isMember(UserId.of("00u1"), group);
    }
  }
}
