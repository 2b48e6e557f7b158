package org.workforceiam.http;

import java.time.Duration;

/** Waits. Injected so tests can assert the waits a client computes without waiting. */
@FunctionalInterface
public interface Sleeper {
  /** The real thing. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Waits for a while.
   *
   * @param duration how long
   * @throws InterruptedException when the thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;
}
