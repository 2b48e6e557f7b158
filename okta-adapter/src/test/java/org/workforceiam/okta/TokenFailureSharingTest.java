package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.workforceiam.okta.SimFixture.CLIENT_ID;
import static org.workforceiam.okta.SimFixture.KID;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamException;
import org.workforceiam.http.AccessToken;
import org.workforceiam.http.PrivateKeys;
import org.workforceiam.http.TokenCache;
import org.workforceiam.okta.simulator.MutableClock;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * Callers that wait while a token request fails share its failure: 50 threads against a
 * misconfigured app cost Okta one token request, not 50 in a row (each after the previous one's
 * timeout when Okta is slow).
 */
class TokenFailureSharingTest {
  private static final int THREADS = 50;

  private final MutableClock clock = SimFixture.clock();

  @Test
  void callersWaitingForAFailedTokenRequestShareItsFailureInsteadOfRepeatingIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean arrived = new AtomicBoolean();
    // The org holds the first token request as it arrives until every other caller is waiting for
    // it. (A caller's interceptor no longer sees our calls: issue 12, section 3.) The caller that
    // sent it reads its socket, RUNNABLE, so it is not counted among the waiting.
    SimulatedOkta.RequestCheck holdsTheFirstRequest =
        (method, url, headers) -> {
          if (url.encodedPath().endsWith("/token") && arrived.compareAndSet(false, true)) {
            awaitUninterruptibly(release);
          }
          return java.util.Optional.empty();
        };
    List<Thread> workers = new CopyOnWriteArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            THREADS,
            task -> {
              Thread thread = new Thread(task, "token-caller");
              workers.add(thread);
              return thread;
            });
    try (SimulatedOkta sim =
            SimFixture.sim(clock).requireDpop(false).requestCheck(holdsTheFirstRequest).start();
        OktaConnection okta =
            new OktaConnection(
                OrgUrl.parse(sim.orgUrl()),
                CLIENT_ID,
                PrivateKeys.fromKey(TestKeys.rsa(2048).getPrivate(), KID), // not registered
                OktaClient.DEFAULT_SCOPES,
                null,
                clock,
                DpopMode.OFF,
                HttpLogging.NONE)) {
      List<Future<AccessToken>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(pool.submit(() -> okta.tokens().get()));
      }
      while (!arrived.get() || waitingForTheFetch(workers) < THREADS - 1) {
        Thread.onSpinWait();
      }
      release.countDown();

      for (Future<AccessToken> future : futures) {
        assertThat(catchThrowable(future::get))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(IamException.AuthenticationFailed.class)
            .hasMessageContaining("The client_assertion signature is invalid.");
      }
      assertThat(sim.tokenRequests()).isEqualTo(1);

      // The failure is not cached: a caller that comes later asks Okta again.
      assertThatThrownBy(() -> okta.tokens().get())
          .isInstanceOf(IamException.AuthenticationFailed.class);
      assertThat(sim.tokenRequests()).isEqualTo(2);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  /**
   * Counts the callers that are inside {@link TokenCache#current()} and not running: they wait for
   * the fetch in progress.
   */
  private static long waitingForTheFetch(List<Thread> workers) {
    return workers.stream()
        .filter(
            thread ->
                switch (thread.getState()) {
                  case BLOCKED, WAITING, TIMED_WAITING -> true;
                  default -> false;
                })
        .filter(TokenFailureSharingTest::isInsideGet)
        .count();
  }

  private static boolean isInsideGet(Thread thread) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().equals(TokenCache.class.getName())
          && frame.getMethodName().equals("current")) {
        return true;
      }
    }
    return false;
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
