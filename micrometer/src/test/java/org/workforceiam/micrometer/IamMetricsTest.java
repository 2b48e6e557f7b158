package org.workforceiam.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.IamEventListener.CallKind;
import org.workforceiam.core.IamEventListener.RetryReason;
import org.workforceiam.okta.OktaClient;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/** The meters of a real Okta client syncing a simulated org, and of events given directly. */
class IamMetricsTest {
  private static final String GROUP = "00gMetrics0001";
  private static final String PAGE_ENDPOINT = "GET /api/v1/groups/{groupId}/users";

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final IamMetrics metrics = IamMetrics.of(registry);

  private static KeyPair keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static long sync(IamEventListener listener, int members) throws Exception {
    KeyPair keys = keys();
    try (SimulatedOkta sim =
            SimulatedOkta.builder()
                .publicKey(keys.getPublic(), "k1")
                .requireDpop(true)
                .directory(
                    new SimDirectory()
                        .generatedGroup(
                            GROUP,
                            members,
                            i ->
                                SimUser.of(
                                    String.format("00u%07dMetrics", i),
                                    "user" + i + "@example.com",
                                    "ACTIVE")))
                .start();
        OktaClient okta =
            OktaClient.builder()
                .orgUrl(sim.orgUrl())
                .clientId(sim.clientId())
                .privateKey(keys.getPrivate())
                .keyId("k1")
                .pageSize(200)
                .eventListener(listener)
                .build();
        Stream<?> synced = okta.directory().members(GroupId.of(GROUP))) {
      return synced.count();
    }
  }

  @Test
  void aSyncIsMeteredByPageRequestAndTokenUnderLowCardinalityTags() throws Exception {
    assertThat(sync(metrics.listener(), 450)).isEqualTo(450);

    assertThat(
            registry
                .get(IamMetrics.CALLS)
                .tags("provider", "Okta", "operation", "page", "endpoint", PAGE_ENDPOINT)
                .tags("outcome", "success", "status", "200")
                .timer()
                .count())
        .isEqualTo(3);
    assertThat(registry.get(IamMetrics.PAGES).tags("endpoint", PAGE_ENDPOINT).timer().count())
        .isEqualTo(3);
    assertThat(registry.get(IamMetrics.PAGE_ITEMS).summary().totalAmount()).isEqualTo(450);
    assertThat(registry.get(IamMetrics.PAGE_BYTES).summary().totalAmount()).isPositive();
    assertThat(registry.get(IamMetrics.TOKENS).tags("refresh", "false").timer().count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(IamMetrics.CALLS)
                .tags("operation", "token", "endpoint", "POST /oauth2/v1/token")
                .timers())
        .isNotEmpty();

    Set<String> tagKeys =
        registry.getMeters().stream()
            .flatMap(meter -> meter.getId().getTags().stream())
            .map(Tag::getKey)
            .collect(Collectors.toSet());
    assertThat(tagKeys)
        .doesNotContain("tenant")
        .isSubsetOf("provider", "operation", "endpoint", "outcome", "status", "refresh");
    assertThat(registry.getMeters())
        .allSatisfy(
            meter ->
                assertThat(meter.getId().getTags().toString())
                    .doesNotContain(GROUP)
                    .doesNotContain("00u")
                    .doesNotContain("127.0.0.1"));
  }

  @Test
  void aTenantTagIsAddedOnlyForTheCallerWhoAsksForIt() throws Exception {
    sync(metrics.listenerForTenant("acme"), 10);
    sync(metrics.listener(), 10);

    assertThat(registry.get(IamMetrics.PAGES).tags("tenant", "acme").timer().count()).isEqualTo(1);
    assertThat(registry.get(IamMetrics.PAGES).timers())
        .extracting(meter -> meter.getId().getTag("tenant"))
        .containsExactlyInAnyOrder("acme", null);
    assertThatThrownBy(() -> metrics.listenerForTenant(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant must not be blank");
  }

  @Test
  void retriesAndTheirDelaysAreCountedByReason() {
    IamEventListener listener = metrics.listener();
    for (int i = 1; i <= 2; i++) {
      listener.retryScheduled(
          new IamEventListener.RetryScheduled(
              "Okta",
              CallKind.READ,
              "GET /api/v1/users/{idOrLogin}",
              i,
              RetryReason.RATE_LIMITED,
              Duration.ofSeconds(3)));
    }
    listener.retryScheduled(
        new IamEventListener.RetryScheduled(
            "Okta", CallKind.PAGE, PAGE_ENDPOINT, 1, RetryReason.SMALLER_PAGE, Duration.ZERO));

    assertThat(
            registry
                .get(IamMetrics.RETRIES)
                .tags("reason", "rate_limited", "operation", "read")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(registry.get(IamMetrics.RETRY_DELAYS).tags("reason", "rate_limited").timer())
        .satisfies(
            timer ->
                assertThat(timer.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(6));
    assertThat(registry.get(IamMetrics.RETRIES).tags("reason", "smaller_page").counter().count())
        .isEqualTo(1);
  }

  @Test
  void pacingWaitsAreTimedByEndpoint() {
    metrics
        .listener()
        .rateLimitWait(
            new IamEventListener.RateLimitWait(
                "Okta", CallKind.PAGE, PAGE_ENDPOINT, Duration.ofMillis(1500)));

    assertThat(
            registry
                .get(IamMetrics.RATE_LIMIT_WAITS)
                .tags("provider", "Okta", "endpoint", PAGE_ENDPOINT, "operation", "page")
                .timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
        .isEqualTo(1500);
  }

  @Test
  void everyMeterIsDescribed() throws Exception {
    sync(metrics.listener(), 1);
    metrics
        .listener()
        .rateLimitWait(
            new IamEventListener.RateLimitWait(
                "Okta", CallKind.PAGE, PAGE_ENDPOINT, Duration.ofMillis(1)));
    metrics
        .listener()
        .retryScheduled(
            new IamEventListener.RetryScheduled(
                "Okta", CallKind.PAGE, PAGE_ENDPOINT, 1, RetryReason.UNAVAILABLE, Duration.ZERO));

    assertThat(registry.getMeters())
        .extracting(Meter::getId)
        .allSatisfy(id -> assertThat(id.getDescription()).isNotBlank())
        .extracting(Meter.Id::getName)
        .contains(
            IamMetrics.CALLS,
            IamMetrics.RETRIES,
            IamMetrics.RETRY_DELAYS,
            IamMetrics.RATE_LIMIT_WAITS,
            IamMetrics.TOKENS,
            IamMetrics.PAGES,
            IamMetrics.PAGE_ITEMS,
            IamMetrics.PAGE_BYTES);
  }
}
