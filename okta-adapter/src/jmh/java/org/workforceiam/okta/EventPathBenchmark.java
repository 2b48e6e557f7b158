package org.workforceiam.okta;

import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.workforceiam.core.IamEventListener.CallKind;
import org.workforceiam.http.Events;

/**
 * The event work of one page attempt alone, without the network: naming the endpoint from its
 * template, then call started, call ended and page fetched, to a listener that counts them ({@code
 * withListener}), and the same calls on {@link Events#NONE} ({@code withoutListener}), which is
 * what a client without a listener runs. {@link EventListenerBenchmark} measures the same inside a
 * whole page fetch, where it is lost in the noise of the HTTP exchange.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EventPathBenchmark {
  private final Request page =
      new Request.Builder()
          .url(
              OktaPaths.GROUP_USERS
                  .url(okhttp3.HttpUrl.get("https://acme.okta.com/"), "00g1emp2abc3DEF4g5h6")
                  .newBuilder()
                  .addQueryParameter("after", "00u1abc2DEF3ghi4JKL5")
                  .addQueryParameter("limit", "200")
                  .build())
          .build();
  private final EventListenerBenchmark.CountingListener counting =
      new EventListenerBenchmark.CountingListener();
  private final Events listening = Events.of(counting, "Okta");

  private long onePage(Events events) {
    String endpoint = events.enabled() ? Events.endpoint(page) : "";
    long started = events.start();
    events.callStarted(CallKind.PAGE, endpoint, 1);
    events.callEnded(CallKind.PAGE, endpoint, 1, 200, started);
    events.pageFetched(endpoint, 1, 200, 130_000, started);
    return started;
  }

  @Benchmark
  public long withListener() {
    return onePage(listening);
  }

  @Benchmark
  public long withoutListener() {
    return onePage(Events.NONE);
  }
}
