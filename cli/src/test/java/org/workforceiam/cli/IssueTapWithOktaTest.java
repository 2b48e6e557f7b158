package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedOrg.ADA;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code issue-tap} with Okta, which has no Temporary Access Pass: refused before any request. */
class IssueTapWithOktaTest extends DemoOrgTest {
  @Test
  void issueTapIsExit8BeforeAnyRequestAndTheRefusalIsAudited() {
    CliRun tap = org.run("issue-tap", ADA);

    assertThat(tap.code()).as("%s", tap).isEqualTo(8);
    assertThat(tap.errorLine()).contains("ISSUE_TEMPORARY_ACCESS_PASS");
    assertThat(tap.out()).isEmpty();
    assertThat(org.requestsReceived()).isZero();
    List<Map<String, Object>> audit = org.auditLines();
    assertThat(audit).hasSize(2);
    assertThat(audit.get(0))
        .containsEntry("provider", "okta")
        .containsEntry("operation", "issue_temporary_access_pass");
    assertThat(audit.get(1)).containsEntry("outcome", "REFUSED");
  }

  @Test
  void aDryRunOfIssueTapIsExit8BeforeAnyRequestToo() {
    CliRun tap = org.run("issue-tap", ADA, "--dry-run");

    assertThat(tap.code()).as("%s", tap).isEqualTo(8);
    assertThat(org.requestsReceived()).isZero();
  }

  @Test
  void anEntraMethodIdIsStillExit2ForOkta() {
    CliRun reset = org.run("reset-mfa", ADA, "--factor", "a1000000-0000-4000-8000-000000000003");

    assertThat(reset.code()).as("%s", reset).isEqualTo(2);
    assertThat(reset.errorLine()).contains("is not an Okta factor id");
    assertThat(org.requestsReceived()).isZero();
  }
}
