package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedOrg.ADA;
import static org.workforceiam.cli.SimulatedOrg.BARBARA;
import static org.workforceiam.cli.SimulatedOrg.EDSGER;
import static org.workforceiam.cli.SimulatedOrg.LINUS;
import static org.workforceiam.cli.SimulatedOrg.ROOT;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workforceiam.okta.simulator.SimFactor;

/** {@code reset-mfa}: every factor, or one, and the refusals. */
class ResetMfaCommandTest extends DemoOrgTest {
  @Test
  void resetsEveryFactorAndNamesThoseItRemoved() {
    CliRun reset = org.run("reset-mfa", "ada@example.com");

    assertThat(reset.code()).isZero();
    assertThat(reset.json())
        .containsOnlyKeys("userId", "action", "factorsReset")
        .containsEntry("userId", ADA)
        .containsEntry("action", "reset_factors")
        .containsEntry("factorsReset", List.of("smsDemo01Ada", "opfDemo01Ada"));
    assertThat(org.changesSent())
        .containsExactly("POST /api/v1/users/" + ADA + "/lifecycle/reset_factors");
    assertThat(org.directory().factorIds(ADA)).isEmpty();
    assertThat(reset.err()).isEmpty();
  }

  @Test
  void resettingAMemberWithoutFactorsResetsNone() {
    CliRun reset = org.run("reset-mfa", EDSGER);

    assertThat(reset.code()).isZero();
    assertThat(reset.json()).containsEntry("factorsReset", List.of());
  }

  @Test
  void removesOnlyTheFactorNamed() {
    CliRun reset = org.run("reset-mfa", ADA, "--factor", "smsDemo01Ada");

    assertThat(reset.code()).isZero();
    assertThat(reset.json())
        .containsOnlyKeys("userId", "action", "factorsReset")
        .containsEntry("userId", ADA)
        .containsEntry("action", "delete_factor")
        .containsEntry("factorsReset", List.of("smsDemo01Ada"));
    assertThat(org.changesSent())
        .containsExactly("DELETE /api/v1/users/" + ADA + "/factors/smsDemo01Ada");
    assertThat(org.directory().factorIds(ADA)).containsExactly("opfDemo01Ada");
  }

  @Test
  void aFactorTheUserDoesNotHaveIsNotFound() {
    CliRun reset = org.run("reset-mfa", ADA, "--factor", "smsSomeoneElse");

    assertThat(reset.code()).isEqualTo(5);
    assertThat(reset.errorLine()).contains("smsSomeoneElse");
    assertThat(org.directory().factorIds(ADA)).hasSize(2);
  }

  @Test
  void aUserOutsideTheGroupIsExit4BeforeAnyChangeIsSent() {
    org.directory().factor(LINUS, new SimFactor("smsLinus", "sms", "OKTA", "ACTIVE"));

    CliRun all = org.run("reset-mfa", LINUS);
    CliRun one = org.run("reset-mfa", LINUS, "--factor", "smsLinus");

    assertThat(List.of(all, one)).allSatisfy(run -> assertThat(run.code()).isEqualTo(4));
    assertThat(all.errorLine()).contains("not a member of group " + DemoOrg.GROUP);
    assertThat(org.changesSent()).isEmpty();
    assertThat(org.directory().factorIds(LINUS)).containsExactly("smsLinus");
  }

  @Test
  void aMemberHoldingAHigherAdminRoleIsExit4() {
    org.directory().factor(ROOT, new SimFactor("smsRoot", "sms", "OKTA", "ACTIVE"));

    CliRun all = org.run("reset-mfa", ROOT);
    CliRun one = org.run("reset-mfa", ROOT, "--factor", "smsRoot");

    assertThat(all.code()).isEqualTo(4);
    assertThat(one.code()).isEqualTo(4);
    assertThat(all.errorLine()).contains("E0000006");
    assertThat(org.directory().factorIds(ROOT)).containsExactly("smsRoot");
  }

  @Test
  void aSuspendedMemberIsExit8() {
    CliRun reset = org.run("reset-mfa", BARBARA);

    assertThat(reset.code()).isEqualTo(8);
    assertThat(reset.errorLine()).contains("in status SUSPENDED");
    assertThat(org.directory().changes()).isEmpty();
  }

  @Test
  void aUserNobodyIsIsExit5() {
    CliRun reset = org.run("reset-mfa", "nobody");

    assertThat(reset.code()).isEqualTo(5);
    assertThat(org.changesSent()).isEmpty();
  }
}
