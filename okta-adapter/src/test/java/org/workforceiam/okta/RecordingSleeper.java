package org.workforceiam.okta;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.workforceiam.http.Sleeper;
import org.workforceiam.okta.simulator.MutableClock;

/** A sleeper that records each wait and moves a clock forward by it, so no test sleeps. */
final class RecordingSleeper implements Sleeper {
  private final MutableClock clock;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  RecordingSleeper(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    clock.advance(duration);
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
