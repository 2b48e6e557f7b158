package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.okta.ScriptedOkta.json;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.MutableClock;

/**
 * Many tenants over one {@link OkHttpClient}: rate limits are per org. One org's pacing and 429s
 * never make another org's calls wait; clients of the same org share its windows; an app capped at
 * a share of each window paces within it. Waits are recorded by each client's own sleeper, never
 * slept.
 */
class TenantRateLimitsTest {
  private static final String USER =
      "{\"id\":\"00u1\",\"status\":\"ACTIVE\",\"profile\":{\"login\":\"a@example.com\"}}";

  private final MutableClock clock = SimFixture.clock();
  private final OkHttpClient shared = new OkHttpClient();
  private ScriptedOkta acme;
  private ScriptedOkta globex;

  @BeforeEach
  void start() throws Exception {
    acme = new ScriptedOkta();
    globex = new ScriptedOkta();
  }

  @AfterEach
  void stop() {
    acme.close();
    globex.close();
    shared.connectionPool().evictAll();
  }

  private OktaConnection connect(ScriptedOkta org, RecordingSleeper sleeper, double share) {
    return org.connect(
        clock, sleeper, RetryPolicy.defaults(), 1000, shared, IamEventListener.NONE, share);
  }

  private MockResponse userWithWindow(int limit, int remaining, int secondsToReset) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .setHeader(
            "Date",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)))
        .setHeader("X-Rate-Limit-Limit", limit)
        .setHeader("X-Rate-Limit-Remaining", remaining)
        .setHeader(
            "X-Rate-Limit-Reset", clock.instant().plusSeconds(secondsToReset).getEpochSecond())
        .body(USER)
        .build();
  }

  private static void findUser(OktaConnection connection) {
    connection.directory().findById(UserId.of("00u1"));
  }

  @Test
  void oneOrgsSpentWindowNeverSlowsAnotherOrgsCalls() {
    RecordingSleeper acmeWaits = new RecordingSleeper(clock);
    RecordingSleeper globexWaits = new RecordingSleeper(clock);
    OktaConnection acmeClient = connect(acme, acmeWaits, 1.0);
    OktaConnection globexClient = connect(globex, globexWaits, 1.0);
    acme.enqueue(userWithWindow(100, 0, 60)).enqueue(json(200, USER));
    globex.enqueue(json(200, USER)).enqueue(json(200, USER));

    findUser(acmeClient);
    findUser(globexClient);
    findUser(globexClient);
    findUser(acmeClient);

    assertThat(globexWaits.waits()).isEmpty();
    assertThat(acmeWaits.waits()).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void oneOrgs429sNeverSlowAnotherOrgsCalls() {
    RecordingSleeper acmeWaits = new RecordingSleeper(clock);
    RecordingSleeper globexWaits = new RecordingSleeper(clock);
    OktaConnection acmeClient = connect(acme, acmeWaits, 1.0);
    OktaConnection globexClient = connect(globex, globexWaits, 1.0);
    acme.enqueue(
            new MockResponse.Builder()
                .code(429)
                .setHeader("Content-Type", "application/json")
                .setHeader("X-Rate-Limit-Limit", 100)
                .setHeader("X-Rate-Limit-Remaining", 0)
                .setHeader("X-Rate-Limit-Reset", clock.instant().plusSeconds(10).getEpochSecond())
                .body("{\"errorCode\":\"E0000047\",\"errorSummary\":\"rate limit\"}")
                .build())
        .enqueue(json(200, USER));
    globex.enqueue(json(200, USER));

    findUser(acmeClient);
    findUser(globexClient);

    // Acme waited 10 s for its reset, plus the 1 s margin and jitter 0.5 × 1 s.
    assertThat(acmeWaits.waits()).containsExactly(Duration.ofMillis(11_500));
    assertThat(globexWaits.waits()).isEmpty();
  }

  @Test
  void clientsOfTheSameOrgShareItsRateLimitWindows() {
    RecordingSleeper firstWaits = new RecordingSleeper(clock);
    RecordingSleeper secondWaits = new RecordingSleeper(clock);
    OktaConnection first = connect(acme, firstWaits, 1.0);
    OktaConnection second = connect(acme, secondWaits, 1.0);
    acme.enqueue(userWithWindow(100, 0, 45)).enqueue(json(200, USER));

    findUser(first);
    findUser(second);

    // The second client never saw the window itself: the org's pacer told it.
    assertThat(secondWaits.waits()).containsExactly(Duration.ofSeconds(45));
    assertThat(firstWaits.waits()).isEmpty();
  }

  @Test
  void anAppCappedAtAShareOfTheLimitPacesWithinItsShare() {
    RecordingSleeper cappedWaits = new RecordingSleeper(clock);
    RecordingSleeper wholeWaits = new RecordingSleeper(clock);
    OktaConnection capped = connect(acme, cappedWaits, 0.5);
    OktaConnection whole = connect(globex, wholeWaits, 1.0);
    // Both orgs report 52 of 100 left with 60 s to go.
    acme.enqueue(userWithWindow(100, 52, 60)).enqueue(json(200, USER));
    globex.enqueue(userWithWindow(100, 52, 60)).enqueue(json(200, USER));

    findUser(capped);
    findUser(capped);
    findUser(whole);
    findUser(whole);

    // Of the capped app's 50, 2 are left: one request every 60 / 3 = 20 s.
    assertThat(cappedWaits.waits()).containsExactly(Duration.ofSeconds(20));
    assertThat(wholeWaits.waits()).isEmpty();
  }

  @Test
  void theBuilderRefusesAShareOutsideZeroToOne() {
    for (double share : new double[] {0, 1.5, -1, Double.NaN}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> OktaClient.builder().rateLimitShare(share))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rateLimitShare must be more than 0 and at most 1");
    }
  }
}
