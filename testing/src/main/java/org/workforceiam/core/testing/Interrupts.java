package org.workforceiam.core.testing;

import org.workforceiam.core.BulkReset;

/**
 * Interrupts a thread waiting in {@link BulkReset.Run#await()} and returns only once that thread
 * has taken the interrupt (cancelling the run) and waits again for the running operations: so a
 * test knows that every user not yet started will stay not attempted, without sleeping.
 */
public final class Interrupts {
  private Interrupts() {}

  /**
   * Interrupts {@code runner} and spins until it has consumed the interrupt and parked again.
   *
   * <p>The interrupt flag is cleared only by the wait in {@code await()}, which then cancels the
   * run before it parks again; so once the flag is clear and the thread is {@code WAITING}, the run
   * is cancelled. The test's timeout bounds the spin.
   *
   * @param runner the thread that called {@link BulkReset#run} or {@link BulkReset.Run#await()}
   */
  public static void interruptAndAwaitCancellation(Thread runner) {
    runner.interrupt();
    while (runner.isInterrupted() || runner.getState() != Thread.State.WAITING) {
      if (!runner.isAlive()) {
        throw new AssertionError(runner.getName() + " ended before it took the interrupt");
      }
      Thread.onSpinWait();
    }
  }
}
