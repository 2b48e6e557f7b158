package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedOrg.ADA;
import static org.workforceiam.cli.SimulatedOrg.GRACE;
import static org.workforceiam.cli.SimulatedOrg.LINUS;
import static org.workforceiam.cli.SimulatedOrg.ROOT;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;

/** {@code unlock} and {@code revoke-sessions}. */
class UnlockAndRevokeSessionsCommandTest extends DemoOrgTest {
  @Test
  void unlocksALockedOutMember() {
    CliRun unlock = org.run("unlock", "grace@example.com");

    assertThat(unlock.code()).isZero();
    assertThat(unlock.json())
        .containsOnlyKeys("userId", "action", "status")
        .containsEntry("userId", GRACE)
        .containsEntry("action", "unlock")
        .containsEntry("status", "ACTIVE");
    assertThat(org.changesSent())
        .containsExactly("POST /api/v1/users/" + GRACE + "/lifecycle/unlock");
    assertThat(org.directory().status(GRACE)).isEqualTo("ACTIVE");
  }

  @Test
  void unlockingAnActiveMemberIsExit8NamingTheStatus() {
    CliRun unlock = org.run("unlock", ADA);

    assertThat(unlock.code()).isEqualTo(8);
    assertThat(unlock.errorLine()).contains("in status ACTIVE").contains("E0000032");
    assertThat(org.directory().changes()).isEmpty();
  }

  @Test
  void aLockedOutUserOutsideTheGroupIsExit4BeforeAnyChangeIsSent() {
    org.directory().user(SimUser.of(LINUS, "linus@contractor.example", "LOCKED_OUT"));

    CliRun unlock = org.run("unlock", LINUS);

    assertThat(unlock.code()).isEqualTo(4);
    assertThat(unlock.errorLine()).contains(LINUS);
    assertThat(org.changesSent()).isEmpty();
    assertThat(org.directory().status(LINUS)).isEqualTo("LOCKED_OUT");
  }

  @Test
  void unlockingAMemberHoldingAHigherAdminRoleIsExit4() {
    CliRun unlock = org.run("unlock", ROOT);

    assertThat(unlock.code()).isEqualTo(4);
    assertThat(unlock.errorLine()).contains("E0000006");
  }

  @Test
  void endsAMembersSessionsKeepingTheirDevicesUnlessAsked() {
    CliRun revoke = org.run("revoke-sessions", "ada@example.com");

    assertThat(revoke.code()).isZero();
    assertThat(revoke.json())
        .containsOnlyKeys("userId", "action")
        .containsEntry("userId", ADA)
        .containsEntry("action", "revoke_sessions");
    // Okta forgets devices unless told not to: the CLI tells it.
    assertThat(org.changesSent())
        .containsExactly(
            "DELETE /api/v1/users/" + ADA + "/sessions?oauthTokens=false&forgetDevices=false");
    assertThat(org.directory().revokedSessions())
        .containsExactly(new SimDirectory.RevokedSessions(ADA, false, false));
  }

  @Test
  void alsoRevokesOauthTokensAndForgetsDevicesWhenAsked() {
    CliRun revoke = org.run("revoke-sessions", ADA, "--oauth-tokens", "--forget-devices");

    assertThat(revoke.code()).isZero();
    assertThat(revoke.json()).containsEntry("action", "revoke_sessions");
    assertThat(org.changesSent())
        .containsExactly(
            "DELETE /api/v1/users/" + ADA + "/sessions?oauthTokens=true&forgetDevices=true");
    assertThat(org.directory().revokedSessions())
        .containsExactly(new SimDirectory.RevokedSessions(ADA, true, true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--oauth-tokens", "--forget-devices"})
  void eachOptionTurnsOnlyItsOwnParameterOn(String option) {
    CliRun revoke = org.run("revoke-sessions", ADA, option);

    assertThat(revoke.code()).isZero();
    boolean tokens = option.equals("--oauth-tokens");
    assertThat(org.changesSent())
        .containsExactly(
            "DELETE /api/v1/users/"
                + ADA
                + "/sessions?oauthTokens="
                + tokens
                + "&forgetDevices="
                + !tokens);
    assertThat(org.directory().revokedSessions())
        .containsExactly(new SimDirectory.RevokedSessions(ADA, tokens, !tokens));
  }

  @Test
  void aUserOutsideTheGroupIsExit4BeforeAnyChangeIsSent() {
    CliRun revoke = org.run("revoke-sessions", LINUS, "--oauth-tokens");

    assertThat(revoke.code()).isEqualTo(4);
    assertThat(revoke.errorLine()).contains(LINUS);
    assertThat(org.changesSent()).isEmpty();
  }

  @Test
  void aMemberHoldingAHigherAdminRoleIsExit4() {
    CliRun revoke = org.run("revoke-sessions", ROOT);

    assertThat(revoke.code()).isEqualTo(4);
    assertThat(revoke.errorLine()).contains("E0000006");
    assertThat(org.directory().sessionRevocations()).isEmpty();
  }

  @Test
  void aUserNobodyIsIsExit5() {
    CliRun revoke = org.run("revoke-sessions", "00uNobody");

    assertThat(revoke.code()).isEqualTo(5);
    assertThat(org.changesSent()).isEmpty();
  }
}
