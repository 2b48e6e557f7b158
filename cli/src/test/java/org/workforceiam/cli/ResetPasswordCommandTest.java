package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedOrg.ADA;
import static org.workforceiam.cli.SimulatedOrg.BARBARA;
import static org.workforceiam.cli.SimulatedOrg.GRACE;
import static org.workforceiam.cli.SimulatedOrg.LINUS;
import static org.workforceiam.cli.SimulatedOrg.ROOT;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.okta.simulator.SimDirectory;

/** {@code reset-password} in each mode, and every refusal of the contract. */
class ResetPasswordCommandTest extends DemoOrgTest {
  private static final String LIFECYCLE = "/api/v1/users/" + ADA + "/lifecycle/";

  @Test
  void givesAOneTimeResetLinkByDefault() {
    CliRun reset = org.run("reset-password", "ada@example.com");

    assertThat(reset.code()).isZero();
    Map<String, Object> json = reset.json();
    assertThat(json)
        .containsOnlyKeys(
            "userId", "action", "resetUrl", "emailSent", "tempPassword", "sessionsRevoked")
        .containsEntry("userId", ADA)
        .containsEntry("action", "reset_password")
        .containsEntry("emailSent", false)
        .containsEntry("tempPassword", null)
        .containsEntry("sessionsRevoked", false);
    assertThat((String) json.get("resetUrl"))
        .startsWith(org.orgUrl() + "/reset_password/drp" + ADA);
    assertThat(org.changesSent())
        .containsExactly(
            "POST " + LIFECYCLE + "reset_password?sendEmail=false&revokeSessions=false");
    assertThat(org.directory().status(ADA)).isEqualTo("RECOVERY");
    assertThat(reset.err()).isEmpty();
  }

  @Test
  void withSendEmailOktaEmailsTheLinkAndNoneIsPrinted() {
    CliRun reset = org.run("reset-password", ADA, "--mode", "link", "--send-email");

    assertThat(reset.code()).isZero();
    assertThat(reset.json())
        .containsEntry("action", "reset_password")
        .containsEntry("resetUrl", null)
        .containsEntry("emailSent", true)
        .containsEntry("tempPassword", null);
    assertThat(org.changesSent())
        .containsExactly(
            "POST " + LIFECYCLE + "reset_password?sendEmail=true&revokeSessions=false");
  }

  @Test
  void aResetLinkWithRevokeSessionsAsksOktaToEndThemInTheSameCall() {
    CliRun reset = org.run("reset-password", ADA, "--revoke-sessions");

    assertThat(reset.code()).isZero();
    assertThat(reset.json()).containsEntry("sessionsRevoked", true);
    assertThat(org.changesSent())
        .containsExactly(
            "POST " + LIFECYCLE + "reset_password?sendEmail=false&revokeSessions=true");
  }

  @Test
  void tempSetsATemporaryPasswordAndPrintsItOnStdoutOnly() {
    CliRun reset = org.run("reset-password", ADA, "--mode", "temp");

    assertThat(reset.code()).isZero();
    Map<String, Object> json = reset.json();
    assertThat(json)
        .containsEntry("userId", ADA)
        .containsEntry("action", "expire_password_with_temp_password")
        .containsEntry("resetUrl", null)
        .containsEntry("emailSent", false)
        .containsEntry("sessionsRevoked", false);
    assertThat((String) json.get("tempPassword")).startsWith("Tmp-" + ADA);
    assertThat(reset.allStderr()).doesNotContain((String) json.get("tempPassword"));
    assertThat(org.changesSent())
        .containsExactly(
            "POST " + LIFECYCLE + "expire_password_with_temp_password?revokeSessions=false");
    assertThat(org.directory().status(ADA)).isEqualTo("PASSWORD_EXPIRED");
  }

  @Test
  void tempWithRevokeSessionsAsksOktaToEndThemInTheSameCall() {
    CliRun reset = org.run("reset-password", ADA, "--mode", "TEMP", "--revoke-sessions");

    assertThat(reset.code()).isZero();
    assertThat(org.changesSent())
        .containsExactly(
            "POST " + LIFECYCLE + "expire_password_with_temp_password?revokeSessions=true");
  }

  @Test
  void expireMakesTheUserChooseANewPasswordAtNextSignIn() {
    CliRun reset = org.run("reset-password", ADA, "--mode", "expire");

    assertThat(reset.code()).isZero();
    assertThat(reset.json())
        .containsEntry("userId", ADA)
        .containsEntry("action", "expire_password")
        .containsEntry("resetUrl", null)
        .containsEntry("emailSent", false)
        .containsEntry("tempPassword", null)
        .containsEntry("sessionsRevoked", false);
    assertThat(org.changesSent()).containsExactly("POST " + LIFECYCLE + "expire_password");
    assertThat(org.directory().status(ADA)).isEqualTo("PASSWORD_EXPIRED");
    assertThat(org.directory().sessionRevocations()).isEmpty();
  }

  @Test
  void expireWithRevokeSessionsIsTwoCallsTheSecondEndingTheSessions() {
    CliRun reset = org.run("reset-password", ADA, "--mode", "expire", "--revoke-sessions");

    assertThat(reset.code()).isZero();
    assertThat(reset.json())
        .containsEntry("action", "expire_password")
        .containsEntry("sessionsRevoked", true);
    assertThat(org.changesSent())
        .containsExactly(
            "POST " + LIFECYCLE + "expire_password",
            "DELETE /api/v1/users/" + ADA + "/sessions?oauthTokens=false&forgetDevices=false");
    assertThat(org.directory().revokedSessions())
        .containsExactly(new SimDirectory.RevokedSessions(ADA, false, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"temp", "expire"})
  void sendEmailWithAModeOtherThanLinkIsExit2BeforeAnythingIsSent(String mode) {
    CliRun reset = org.run("reset-password", ADA, "--mode", mode, "--send-email");

    assertThat(reset.code()).isEqualTo(2);
    assertThat(reset.errorLine()).contains("--send-email").contains(mode);
    assertThat(org.sim.calls()).isEmpty();
  }

  @Test
  void anUnknownModeIsExit2() {
    CliRun reset = org.run("reset-password", ADA, "--mode", "sms");

    assertThat(reset.code()).isEqualTo(2);
    assertThat(reset.errorLine()).contains("sms").contains("link, temp, expire");
  }

  @Test
  void aUserOutsideTheGroupIsExit4BeforeAnyLifecycleRequest() {
    CliRun reset = org.run("reset-password", "linus@contractor.example");

    assertThat(reset.code()).isEqualTo(4);
    assertThat(reset.errorLine()).contains(LINUS).contains(DemoOrg.GROUP);
    assertThat(reset.out()).isEmpty();
    assertThat(org.changesSent()).isEmpty();
    assertThat(org.apiRequests())
        .containsExactly(
            "GET /api/v1/users/linus%40contractor.example",
            "GET /api/v1/users/" + LINUS + "/groups");
  }

  @Test
  void aMemberHoldingAHigherAdminRoleIsExit4AsOktaRefuses() {
    CliRun reset = org.run("reset-password", ROOT);

    assertThat(reset.code()).isEqualTo(4);
    assertThat(reset.errorLine()).contains("E0000006").contains("Help Desk Administrator");
    assertThat(org.directory().changes()).isEmpty();
  }

  @Test
  void aUserNobodyIsIsExit5() {
    CliRun reset = org.run("reset-password", "nobody@example.com");

    assertThat(reset.code()).isEqualTo(5);
    assertThat(reset.errorLine()).contains("nobody@example.com");
    assertThat(org.changesSent()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"link", "temp", "expire"})
  void aSuspendedMemberIsExit8NamingTheStatus(String mode) {
    CliRun reset = org.run("reset-password", BARBARA, "--mode", mode);

    assertThat(reset.code()).isEqualTo(8);
    assertThat(reset.errorLine()).contains("in status SUSPENDED").contains("E0000038");
    assertThat(org.directory().changes()).isEmpty();
    assertThat(org.directory().status(BARBARA)).isEqualTo("SUSPENDED");
  }

  @Test
  void aLockedOutMemberMayGetAResetLink() {
    CliRun reset = org.run("reset-password", GRACE);

    assertThat(reset.code()).isZero();
    assertThat(reset.json()).containsEntry("userId", GRACE);
  }
}
