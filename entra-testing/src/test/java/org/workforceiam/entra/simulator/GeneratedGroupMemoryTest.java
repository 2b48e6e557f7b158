package org.workforceiam.entra.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Serves the benchmark's 50,000 generated members in a JVM whose whole heap is 64 MiB: the
 * simulator makes members page by page and keeps none. Runs in its own surefire execution.
 */
@Tag("small-heap")
class GeneratedGroupMemoryTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final int MEMBERS = 50_000;

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  @Test
  void fiftyThousandGeneratedMembersArePagedInA64MibHeap() throws Exception {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("this test must run in the small-heap execution (-Xmx64m)")
        .isLessThanOrEqualTo(64L * 1024 * 1024);
    try (SimulatedEntra entra =
            SimulatedEntra.builder()
                .certificate(TestApp.CERTIFICATE)
                .clock(new MutableClock(NOW))
                .tenant(DemoTenant.bench(MEMBERS))
                .start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      String next =
          entra.graphUrl()
              + "/v1.0/groups/"
              + DemoTenant.BENCH_GROUP
              + "/transitiveMembers/microsoft.graph.user?$top=999"
              + "&$select=id,userPrincipalName,givenName,surname,mail,accountEnabled";
      int count = 0;
      int withoutMail = 0;
      int disabled = 0;
      while (next != null) {
        // Counted in the text: decoding 50,000 users into maps would cost more than serving them.
        String body = graph.getUrl(next).body();
        count += occurrences(body, "\"userPrincipalName\":");
        withoutMail += occurrences(body, "\"mail\":null");
        disabled += occurrences(body, "\"accountEnabled\":false");
        String marker = "\"@odata.nextLink\":\"";
        int link = body.indexOf(marker);
        int start = link + marker.length();
        next = link < 0 ? null : body.substring(start, body.indexOf('"', start));
      }

      assertThat(count).isEqualTo(MEMBERS);
      assertThat(withoutMail).isEqualTo(MEMBERS / 25);
      assertThat(disabled).isEqualTo(MEMBERS / 40);
    }
  }
}
