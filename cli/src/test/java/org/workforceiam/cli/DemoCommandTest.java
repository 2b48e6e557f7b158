package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code demo}: the README's first command, run in-process here and as a jar by the IT. */
// CliRun swaps the process-wide System.err to capture what the libraries log: no other class may
// write there meanwhile.
@ResourceLock(Resources.SYSTEM_ERR)
class DemoCommandTest {
  @Test
  void walksThroughEveryStepAsExpectedWithoutAnyConfigurationAndPointsToSimulateToTryMore() {
    CliRun demo = CliRun.of(Map.of(), "demo");

    assertThat(demo.code()).as("%s", demo).isZero();
    assertThat(demo.out())
        .contains("$ helpdesk keygen --out ")
        // No settings of an org that stops with the demo: simulate keeps one running.
        .contains("until the demo ends")
        .contains("'helpdesk simulate' keeps such an org running and prints its settings")
        .doesNotContain("export ")
        .contains("$ helpdesk check", "\"tokenType\": \"DPoP\"", "\"problems\": []")
        .contains("$ helpdesk sync --format table", "[stderr] 8 members on 1 page")
        .contains("$ helpdesk find ada@example.com", "\"id\":\"00uDemo01Ada\"")
        .contains("$ helpdesk reset-password ada@example.com", "\"resetUrl\":\"http://")
        .contains("$ helpdesk reset-mfa ada@example.com", "\"factorsReset\":[\"smsDemo01Ada\"")
        .contains("$ helpdesk reset-password linus@contractor.example", "(exit 4)")
        .contains("$ helpdesk reset-mfa root.admin@example.com", "E0000006")
        .contains("$ helpdesk unlock grace@example.com --dry-run", "\"dryRun\":true")
        .doesNotContain("expected ")
        .endsWith("Demo complete: every step behaved as expected.\n");
    assertThat(demo.err()).isEmpty();
  }

  @Test
  void withVerboseEachStepLogsItsHttpSummaryWithSecretsRedacted() {
    CliRun demo = CliRun.of(Map.of(), "demo", "--verbose");

    assertThat(demo.code()).as("%s", demo).isZero();
    assertThat(demo.logs())
        .containsPattern(
            "<-- 400 POST http://localhost:\\d+/oauth2/v1/token .*: use_dpop_nonce, the server asks")
        .containsPattern("<-- 200 POST http://localhost:\\d+/oauth2/v1/token")
        .containsPattern("<-- 200 GET http://localhost:\\d+/api/v1/groups/00gDemoEmployees/users")
        .containsPattern("<-- 200 POST http://localhost:\\d+/api/v1/users/00uDemo01Ada/lifecycle/")
        .doesNotContain("eyJ")
        .doesNotContain("Authorization")
        .doesNotContain("DPoP sim.")
        .doesNotContain("reset_password/drp");
    assertThat(demo.out()).contains("[stderr] org.workforceiam.core.IamException$PermissionDenied");
  }
}
