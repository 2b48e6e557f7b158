package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.workforceiam.entra.simulator.DemoTenant;

/** {@code demo --provider entra}: run in-process here and as a jar by the IT. */
// CliRun swaps the process-wide System.err to capture what the libraries log: no other class may
// write there meanwhile.
@ResourceLock(Resources.SYSTEM_ERR)
class EntraDemoCommandTest {
  @Test
  void walksThroughTheReadsAndChangesAgainstASimulatedTenantWithoutAnyConfiguration() {
    CliRun demo = CliRun.of(Map.of(), "demo", "--provider", "entra");

    assertThat(demo.code()).as("%s", demo).isZero();
    assertThat(demo.out())
        .startsWith("helpdesk demo --provider entra: the real Entra adapter")
        .contains("$ helpdesk keygen --provider entra --out ", "\"thumbprintSha1\"")
        .contains("'helpdesk simulate --provider entra' keeps such a tenant running")
        .doesNotContain("export ")
        .contains("$ helpdesk check", "\"tokenType\": \"Bearer\"", "\"problems\": []")
        .contains("\"firstPageCount\": 7")
        .contains("$ helpdesk sync --format table", "[stderr] 7 members on 1 page; 1 with")
        .contains("$ helpdesk find ada@contoso.example", "\"id\":\"" + DemoTenant.ADA + "\"")
        .contains("$ helpdesk factors ada@contoso.example", "fido2AuthenticationMethod")
        .contains(
            "$ helpdesk reset-password ada@contoso.example --mode temp --revoke-sessions",
            "\"action\":\"set_temporary_password\"",
            "\"sessionsRevoked\":true")
        .contains("$ helpdesk reset-mfa ada@contoso.example", "\"action\":\"delete_methods\"")
        .contains(
            "$ helpdesk issue-tap ada@contoso.example",
            "\"action\":\"issue_temporary_access_pass\"",
            "\"lifetimeMinutes\":60,\"usableOnce\":true")
        .contains("$ helpdesk revoke-sessions grace@contoso.example --dry-run", "\"dryRun\":true")
        .contains(
            "$ helpdesk reset-password linus@contoso.example --mode temp",
            "is not a member of group " + DemoTenant.EMPLOYEES)
        .contains(
            "$ helpdesk reset-mfa margaret@contoso.example",
            "holds the directory role Global Administrator (active)")
        .contains("$ helpdesk unlock grace@contoso.example", "does not support UNLOCK")
        .contains(
            "root set_temporary_password ada@contoso.example: SUCCEEDED"
                .replace("root", AuditLog.osUser()),
            "delete_methods margaret@contoso.example: REFUSED",
            "revoke_sessions (dry run) grace@contoso.example: PLANNED")
        .doesNotContain("are not in this version")
        .doesNotContain("expected ")
        .endsWith("Demo complete: every step behaved as expected.\n");
    assertThat(demo.err()).isEmpty();
  }

  @Test
  void iamProviderChoosesTheEntraDemoToo() {
    CliRun demo = CliRun.of(Map.of("IAM_PROVIDER", "entra"), "demo");

    assertThat(demo.code()).as("%s", demo).isZero();
    assertThat(demo.out()).startsWith("helpdesk demo --provider entra:");
  }
}
