package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.core.RetryPolicy;

/** Refresh ahead of expiry: in the stale window one caller refreshes while others go on. */
class TokenCacheTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Transport unused =
      new RetryingTransport(
          new OkHttpClient(),
          RetryPolicy.defaults(),
          clock,
          d -> {},
          () -> 0.5,
          new RateLimitPacer(clock, RetryingTransportTest.PLAIN),
          RetryingTransportTest.PLAIN);

  private static AccessToken token(String value, Duration left) {
    return new AccessToken(value, false, NOW.plus(left), Set.of());
  }

  @Test
  void aStaleTokenIsRefreshedByOneCallerWhileAnotherUsesTheValidOneWithoutWaiting()
      throws Exception {
    CountDownLatch refreshing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger fetches = new AtomicInteger();
    TokenCache cache =
        new TokenCache(
            unused,
            () -> {
              if (fetches.incrementAndGet() == 1) {
                return token("old", TokenCache.STALE_MARGIN.minusSeconds(1));
              }
              refreshing.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return token("new", Duration.ofHours(1));
            },
            clock);
    assertThat(cache.current().value()).isEqualTo("old");

    CompletableFuture<AccessToken> refresher = CompletableFuture.supplyAsync(cache::current);
    assertThat(refreshing.await(10, TimeUnit.SECONDS)).isTrue();
    // The refresh is in flight and blocked: another caller still gets the valid token.
    assertThat(cache.current().value()).isEqualTo("old");
    release.countDown();

    assertThat(refresher.get(10, TimeUnit.SECONDS).value()).isEqualTo("new");
    assertThat(cache.current().value()).isEqualTo("new");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aFailedRefreshOfAStaleTokenKeepsUsingTheValidToken() {
    AtomicInteger fetches = new AtomicInteger();
    TokenCache cache =
        new TokenCache(
            unused,
            () -> {
              if (fetches.incrementAndGet() == 1) {
                return token("old", TokenCache.STALE_MARGIN.minusSeconds(1));
              }
              throw new IamException.ProviderUnavailable("down", ErrorDetails.none());
            },
            clock);
    cache.current();

    assertThat(cache.current().value()).isEqualTo("old");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void aTokenInsideTheExpiryMarginIsNeverReturned() {
    AtomicInteger fetches = new AtomicInteger();
    TokenCache cache =
        new TokenCache(
            unused,
            () ->
                fetches.incrementAndGet() == 1
                    ? token("dying", TokenCache.EXPIRY_MARGIN)
                    : token("new", Duration.ofHours(1)),
            clock);
    cache.current();

    assertThat(cache.current().value()).isEqualTo("new");
    assertThat(fetches).hasValue(2);
  }
}
