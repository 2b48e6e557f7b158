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
  void walksThroughTheReadsAgainstASimulatedTenantWithoutAnyConfiguration() {
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
        .contains("are not in this version for Microsoft Entra ID")
        .doesNotContain("tempPassword")
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
