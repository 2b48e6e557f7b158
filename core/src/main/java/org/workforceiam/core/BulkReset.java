package org.workforceiam.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs one change for many users with bounded concurrency, and accounts for every user: each
 * requested user gets exactly one {@link Outcome}, also when the run is cancelled or interrupted or
 * an operation throws. Duplicates in the input are handled once.
 *
 * <pre>{@code
 * BulkReset.Report<ResetResult.Mfa> report =
 *     BulkReset.withConcurrency(4).run(users, user -> resets.resetMfa(user, MfaReset.allFactors()));
 * report.outcomes().forEach(o -> log.info("{}: {}", o.user(), o.status()));
 * }</pre>
 *
 * <p>Keep the concurrency small: each operation already waits out rate limits and paces itself by
 * the provider's rate-limit headers, and a provider such as Okta also limits concurrent requests.
 * Thread-safe; each run uses its own threads and stops them when it ends.
 */
public final class BulkReset {
  /** The concurrency of {@link #defaults()}. */
  public static final int DEFAULT_CONCURRENCY = 4;

  private static final AtomicInteger RUNS = new AtomicInteger();

  private final int concurrency;

  private BulkReset(int concurrency) {
    this.concurrency = concurrency;
  }

  /**
   * Returns a runner with {@link #DEFAULT_CONCURRENCY} operations at a time.
   *
   * @return the runner
   */
  public static BulkReset defaults() {
    return new BulkReset(DEFAULT_CONCURRENCY);
  }

  /**
   * Returns a runner with the given number of operations at a time.
   *
   * @param concurrency how many operations run at once, 1 to 64
   * @return the runner
   */
  public static BulkReset withConcurrency(int concurrency) {
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("concurrency must be 1 to 64: " + concurrency);
    }
    return new BulkReset(concurrency);
  }

  /** How the change went for one user. */
  public enum Status {
    /** The change was made. */
    DONE,
    /**
     * The provider or the guard refused it and nothing changed: not permitted, not allowed in the
     * user's status, or not supported.
     */
    REFUSED,
    /**
     * It failed; see {@link Outcome#error()}. Usually nothing changed, but when the error is an
     * {@link IamException.OutcomeUnknown} the change may have been made, and when it is an {@link
     * IamException.PartiallyApplied} it was made in part: check the user before repeating it.
     */
    FAILED,
    /** It was never started, because the run was cancelled or interrupted first. */
    NOT_ATTEMPTED
  }

  /**
   * How the change went for one user.
   *
   * @param <R> the type of result
   */
  public static final class Outcome<R extends ResetResult> {
    private final UserId user;
    private final Status status;
    private final Optional<R> result;
    private final Optional<Throwable> error;

    private Outcome(UserId user, Status status, Optional<R> result, Optional<Throwable> error) {
      Objects.requireNonNull(user, "user == null");
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(result, "result == null");
      Objects.requireNonNull(error, "error == null");
      if ((status == Status.DONE) != result.isPresent()) {
        throw new IllegalArgumentException("a result goes with DONE, and only with DONE");
      }
      if ((status == Status.REFUSED || status == Status.FAILED) != error.isPresent()) {
        throw new IllegalArgumentException("an error goes with REFUSED or FAILED, and only then");
      }
      this.user = user;
      this.status = status;
      this.result = result;
      this.error = error;
    }

    /**
     * Creates the value; for providers and tests (callers receive it).
     *
     * @param user the user
     * @param status how it ended
     * @param result what was done, when {@link Status#DONE}
     * @param error why it was refused or failed
     * @param <R> the type of result
     * @return the value
     */
    public static <R extends ResetResult> Outcome<R> of(
        UserId user, Status status, Optional<R> result, Optional<Throwable> error) {
      return new Outcome<>(user, status, result, error);
    }

    /** {@return the user} */
    public UserId user() {
      return user;
    }

    /** {@return how it ended} */
    public Status status() {
      return status;
    }

    /** {@return what was done, when {@link Status#DONE}} */
    public Optional<R> result() {
      return result;
    }

    /** {@return why it was refused or failed} */
    public Optional<Throwable> error() {
      return error;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (o == this) {
        return true;
      }
      if (!(o instanceof Outcome<?> that)) {
        return false;
      }
      return user.equals(that.user)
          && status.equals(that.status)
          && result.equals(that.result)
          && error.equals(that.error);
    }

    @Override
    public int hashCode() {
      return Objects.hash(user, status, result, error);
    }

    @Override
    public String toString() {
      return "Outcome["
          + "user="
          + user
          + ", "
          + "status="
          + status
          + ", "
          + "result="
          + result
          + ", "
          + "error="
          + error
          + "]";
    }
  }

  /**
   * The outcome of a run: one entry per distinct requested user, in the order they were given.
   *
   * @param <R> the type of result
   */
  public static final class Report<R extends ResetResult> {
    private final List<Outcome<R>> outcomes;
    private final boolean cancelled;

    private Report(List<Outcome<R>> outcomes, boolean cancelled) {
      outcomes = List.copyOf(outcomes);
      this.outcomes = outcomes;
      this.cancelled = cancelled;
    }

    /**
     * Creates the value; for providers and tests (callers receive it).
     *
     * @param outcomes the outcomes
     * @param cancelled whether the run was cancelled or interrupted before every user was started
     * @param <R> the type of result
     * @return the value
     */
    public static <R extends ResetResult> Report<R> of(
        List<Outcome<R>> outcomes, boolean cancelled) {
      return new Report<>(outcomes, cancelled);
    }

    /** {@return the outcomes} */
    public List<Outcome<R>> outcomes() {
      return outcomes;
    }

    /** {@return whether the run was cancelled or interrupted before every user was started} */
    public boolean cancelled() {
      return cancelled;
    }

    /**
     * Counts the outcomes with a status.
     *
     * @param status the status
     * @return how many users ended so
     */
    public long count(Status status) {
      return outcomes.stream().filter(o -> o.status() == status).count();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (o == this) {
        return true;
      }
      if (!(o instanceof Report<?> that)) {
        return false;
      }
      return outcomes.equals(that.outcomes) && cancelled == that.cancelled;
    }

    @Override
    public int hashCode() {
      return Objects.hash(outcomes, cancelled);
    }

    @Override
    public String toString() {
      return "Report[" + "outcomes=" + outcomes + ", " + "cancelled=" + cancelled + "]";
    }
  }

  /**
   * A run in progress.
   *
   * @param <R> the type of result
   */
  public static final class Run<R extends ResetResult> {
    private final List<UserId> users;
    private final List<@Nullable Outcome<R>> outcomes;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch finished;
    private final ExecutorService workers;

    private Run(List<UserId> users, int concurrency, Function<UserId, R> operation) {
      this.users = users;
      this.outcomes = new ArrayList<>(users.size());
      for (int i = 0; i < users.size(); i++) {
        outcomes.add(null);
      }
      int threads = Math.max(1, Math.min(concurrency, users.size()));
      this.finished = new CountDownLatch(threads);
      this.workers = Executors.newFixedThreadPool(threads, threadFactory());
      for (int t = 0; t < threads; t++) {
        workers.execute(() -> work(operation));
      }
      workers.shutdown();
    }

    private void work(Function<UserId, R> operation) {
      try {
        while (!cancelled.get()) {
          int index = next.getAndIncrement();
          if (index >= users.size() || cancelled.get()) {
            return;
          }
          UserId user = users.get(index);
          Outcome<R> outcome;
          try {
            R result = operation.apply(user);
            outcome =
                Outcome.of(
                    user,
                    Status.DONE,
                    Optional.of(Objects.requireNonNull(result)),
                    Optional.empty());
          } catch (IamException.PermissionDenied
              | IamException.InvalidState
              | IamException.OperationNotSupported e) {
            outcome = Outcome.of(user, Status.REFUSED, Optional.empty(), Optional.of(e));
          } catch (Throwable e) { // every user gets an outcome, whatever the operation threw
            outcome = Outcome.of(user, Status.FAILED, Optional.empty(), Optional.of(e));
          }
          synchronized (outcomes) {
            outcomes.set(index, outcome);
          }
        }
      } finally {
        finished.countDown();
      }
    }

    /** Starts no further operations; those running finish. */
    public void cancel() {
      cancelled.set(true);
    }

    /**
     * Returns whether every worker has stopped.
     *
     * @return {@code true} when the report is ready
     */
    public boolean isDone() {
      return finished.getCount() == 0;
    }

    /**
     * Waits for the run to end and reports it. If the waiting thread is interrupted, the run is
     * cancelled, the operations already running are waited for (a change cannot be abandoned
     * halfway), and the report comes back with the interrupt flag set again.
     *
     * @return the report, with one outcome per user
     */
    public Report<R> await() {
      boolean interrupted = false;
      while (true) {
        try {
          finished.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
          cancel();
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      List<Outcome<R>> report = new ArrayList<>(users.size());
      synchronized (outcomes) {
        for (int i = 0; i < users.size(); i++) {
          Outcome<R> outcome = outcomes.get(i);
          report.add(
              outcome != null
                  ? outcome
                  : Outcome.of(
                      users.get(i), Status.NOT_ATTEMPTED, Optional.empty(), Optional.empty()));
        }
      }
      boolean stoppedEarly =
          report.stream().anyMatch(outcome -> outcome.status() == Status.NOT_ATTEMPTED);
      return Report.of(report, stoppedEarly);
    }

    private static ThreadFactory threadFactory() {
      int run = RUNS.incrementAndGet();
      AtomicInteger thread = new AtomicInteger();
      return task -> {
        Thread worker =
            new Thread(task, "workforce-iam-bulk-" + run + "-" + thread.incrementAndGet());
        worker.setDaemon(true);
        return worker;
      };
    }
  }

  /**
   * Starts a run in the background.
   *
   * @param users the users; duplicates are handled once
   * @param operation the change for one user, for example {@code user -> resets.resetMfa(user,
   *     MfaReset.allFactors())}
   * @param <R> the type of result
   * @return the run, to cancel or await
   */
  public <R extends ResetResult> Run<R> start(
      Collection<UserId> users, Function<UserId, R> operation) {
    Objects.requireNonNull(users, "users == null");
    Objects.requireNonNull(operation, "operation == null");
    List<UserId> distinct = List.copyOf(new LinkedHashSet<>(users));
    return new Run<>(distinct, concurrency, operation);
  }

  /**
   * Runs the change for every user and reports each outcome; see {@link Run#await()} for what an
   * interrupt does.
   *
   * @param users the users; duplicates are handled once
   * @param operation the change for one user
   * @param <R> the type of result
   * @return the report, with one outcome per distinct user
   */
  public <R extends ResetResult> Report<R> run(
      Collection<UserId> users, Function<UserId, R> operation) {
    return start(users, operation).await();
  }

  @Override
  public String toString() {
    return "BulkReset{concurrency=" + concurrency + "}";
  }
}
