package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * Syncs 100,000 members through the real adapter, DPoP on, in a JVM whose whole heap is 64 MiB:
 * memory is bounded by one page however big the group. Runs in its own surefire execution.
 */
@Tag("small-heap")
class LargeGroupMemoryTest {
  private static final int MEMBERS = 100_000;

  @Test
  void syncsAHundredThousandMembersInA64MibHeap() throws Exception {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("this test must run in the small-heap execution (-Xmx64m)")
        .isLessThanOrEqualTo(64L * 1024 * 1024);

    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    SimDirectory directory =
        new SimDirectory()
            .generatedGroup(
                "00gEveryone",
                MEMBERS,
                i ->
                    SimUser.of(String.format("00u%07d", i), "user" + i + "@example.com", "ACTIVE")
                        .profile("firstName", "First" + i)
                        .profile("lastName", "Last" + i)
                        .profile("email", "user" + i + "@example.com")
                        .profile("department", "Department " + (i % 40)));
    try (SimulatedOkta sim =
            SimulatedOkta.builder()
                .clientId("0oaLargeGroup")
                .publicKey(keys.getPublic(), "k1")
                .directory(directory)
                .start();
        OktaClient okta =
            OktaClient.builder()
                .orgUrl(sim.orgUrl())
                .clientId("0oaLargeGroup")
                .privateKey(keys.getPrivate())
                .keyId("k1")
                .build()) {
      AtomicLong incomplete = new AtomicLong();
      long count;
      try (Stream<Employee> members = okta.directory().members(GroupId.of("00gEveryone"))) {
        count =
            members
                .peek(
                    e -> {
                      if (!e.hasCompleteProfile()) {
                        incomplete.incrementAndGet();
                      }
                    })
                .count();
      }
      assertThat(count).isEqualTo(MEMBERS);
      assertThat(incomplete).hasValue(0);
      assertThat(sim.apiCalls()).hasSize(MEMBERS / 1000);
      assertThat(sim.tokenRequests()).isLessThanOrEqualTo(2);
    }
  }
}
