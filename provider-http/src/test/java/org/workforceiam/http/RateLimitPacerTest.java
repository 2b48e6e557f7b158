package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Rate limits belong to the org: pacers of one org share its windows, pacers of two orgs never do,
 * and an app capped at a share of each window paces within it.
 */
class RateLimitPacerTest {
  private final MovingClock clock = new MovingClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final ProviderRules rules = TransportEventsTest.WINDOWED;

  private static Request get(String url) {
    return new Request.Builder().url(url).build();
  }

  /** Records the window a response to {@code request} reported: 60 s left. */
  private void report(RateLimitPacer pacer, Request request, int limit, int remaining) {
    pacer.record(
        request,
        new Response.Builder()
            .request(request)
            .protocol(Protocol.HTTP_1_1)
            .code(200)
            .message("OK")
            .header("Limit", Integer.toString(limit))
            .header("Remaining", Integer.toString(remaining))
            .header("Reset", Long.toString(clock.instant().plusSeconds(60).getEpochSecond()))
            .build());
  }

  @Test
  void pacersOfOneOrgShareItsWindows() {
    HttpUrl org = HttpUrl.get("https://one-org.example.com/");
    RateLimitPacer first = RateLimitPacer.forOrg(org, clock, rules);
    RateLimitPacer second = RateLimitPacer.forOrg(org.resolve("/other/path"), clock, rules);
    Request users = get("https://one-org.example.com/api/users");

    report(first, users, 100, 0);

    assertThat(second.delayBefore(users)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void pacersOfTwoOrgsNeverShareAWindow() {
    RateLimitPacer busy =
        RateLimitPacer.forOrg(HttpUrl.get("https://busy-org.example.com/"), clock, rules);
    RateLimitPacer quiet =
        RateLimitPacer.forOrg(HttpUrl.get("https://quiet-org.example.com/"), clock, rules);
    report(busy, get("https://busy-org.example.com/api/users"), 100, 0);

    assertThat(quiet.delayBefore(get("https://quiet-org.example.com/api/users")))
        .isEqualTo(Duration.ZERO);
    assertThat(busy.delayBefore(get("https://busy-org.example.com/api/users")))
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void anOrgOnAnotherPortOrSchemeIsAnotherOrg() {
    RateLimitPacer one = RateLimitPacer.forOrg(HttpUrl.get("http://127.0.0.1:8001/"), clock, rules);
    RateLimitPacer other =
        RateLimitPacer.forOrg(HttpUrl.get("http://127.0.0.1:8002/"), clock, rules);
    report(one, get("http://127.0.0.1:8001/api/users"), 100, 0);

    assertThat(other.delayBefore(get("http://127.0.0.1:8002/api/users"))).isZero();
  }

  @Test
  void aShareStartsPacingWhenTheAppsPartOfTheWindowRunsLow() {
    HttpUrl org = HttpUrl.get("https://shared-org.example.com/");
    RateLimitPacer whole = RateLimitPacer.forOrg(org, clock, rules);
    RateLimitPacer half = RateLimitPacer.forOrg(org, clock, rules).withShare(0.5);
    Request groups = get("https://shared-org.example.com/api/groups");

    // 52 of 100 left: plenty of the whole window, but of this app's 50 only 2 are counted on.
    report(whole, groups, 100, 52);

    assertThat(whole.delayBefore(groups)).isZero();
    // 60 s left for 2 requests: one every 60 / 3 = 20 s.
    assertThat(half.delayBefore(groups)).isEqualTo(Duration.ofSeconds(20));
    assertThat(half.share()).isEqualTo(0.5);
  }

  @Test
  void aShareIsMoreThanZeroAndAtMostOne() {
    RateLimitPacer pacer = new RateLimitPacer(clock, rules);
    for (double bad : new double[] {0, -0.5, 1.01, Double.NaN}) {
      assertThatThrownBy(() -> pacer.withShare(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("more than 0 and at most 1");
    }
    assertThat(pacer.withShare(1)).isSameAs(pacer);
  }
}
