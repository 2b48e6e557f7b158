package org.workforceiam.okta;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimFactor;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * A session that makes every kind of call the adapter has, reads and resets, with every query
 * parameter it can send, against a simulated Okta of its own.
 */
final class SpecWorkload {
  private SpecWorkload() {}

  /**
   * Runs the session.
   *
   * @return every request the org received, in order
   */
  static List<SimulatedOkta.Call> run() throws Exception {
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
            .user(SimUser.of("00u3", "carol@example.com", "ACTIVE"))
            .user(SimUser.of("00u4", "dave@example.com", "ACTIVE"))
            .user(SimUser.of("00u5", "eve@example.com", "ACTIVE"))
            .member("00gSpec1", "00u1")
            .member("00gSpec1", "00u2")
            .member("00gSpec1", "00u3")
            .member("00gSpec1", "00u4")
            .member("00gSpec1", "00u5")
            .factor("00u1", new SimFactor("sms1", "sms", "OKTA", "ACTIVE"))
            .factor("00u3", new SimFactor("sms3", "sms", "OKTA", "ACTIVE"))
            .factor("00u3", new SimFactor("opf3", "push", "OKTA", "ACTIVE"));
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
                .pageSize(1)
                .build()) {
      GroupId group = GroupId.of("00gSpec1");
      ConnectionCheck check = okta.check(group);
      if (!check.ok()) {
        throw new AssertionError("expected a sound set-up, got " + check.problems());
      }
      IamDirectory iam = okta.directory();
      ResetService resets = okta.resets(group);
      long members = iam.members(group).count();
      if (members != 5) {
        throw new AssertionError("expected 5 members, got " + members);
      }
      iam.findById(UserId.of("00u1"));
      iam.findByLogin("ada@example.com");
      iam.findByEmail("bob@example.com");
      iam.find("nobody@example.com");
      iam.factors(UserId.of("00u1"));
      iam.isMember(UserId.of("00u1"), group);

      // Every reset call, with every query parameter the adapter can send.
      okta.dryRuns(group).unlock(UserId.of("00u1"));
      resets.unlock(UserId.of("00u1"));
      resets.resetPassword(UserId.of("00u2"), PasswordReset.link().withRevokeSessions(true));
      resets.resetPassword(UserId.of("00u2"), PasswordReset.expire().withRevokeSessions(true));
      resets.resetPassword(UserId.of("00u4"), PasswordReset.emailedLink());
      resets.resetPassword(
          UserId.of("00u5"), PasswordReset.temporaryPassword().withRevokeSessions(true));
      resets.resetMfa(
          UserId.of("00u3"),
          MfaReset.factor(FactorId.of("sms3")).with(OktaOptions.REMOVE_RECOVERY_ENROLLMENT));
      resets.resetMfa(UserId.of("00u3"), MfaReset.factor(FactorId.of("opf3")));
      resets.resetMfa(UserId.of("00u1"), MfaReset.allFactors());
      resets.revokeSessions(
          UserId.of("00u4"),
          SessionRevocation.sessionsOnly().withOauthTokens(true).with(OktaOptions.FORGET_DEVICES));
      resets.revokeSessions(UserId.of("00u5"), SessionRevocation.sessionsOnly());
      return sim.calls();
    }
  }
}
