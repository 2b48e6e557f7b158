package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.BulkReset.Outcome;
import org.workforceiam.core.BulkReset.Report;
import org.workforceiam.core.BulkReset.Status;
import org.workforceiam.core.testing.InMemoryIdentityProvider;
import org.workforceiam.core.testing.Interrupts;
import org.workforceiam.core.testing.RecordedOperation;

/**
 * {@link BulkReset}: one outcome per distinct user whatever happens (refusals, failures, a worker
 * that throws, a cancel, an interrupt), never more operations at once than configured. Latches, not
 * sleeps, decide what runs when.
 */
class BulkResetTest {
  private static final GroupId EMPLOYEES = GroupId.of("00gEmployees");
  private static final UserId ROOT = UserId.of("00u90Root");
  private static final UserId SAM = UserId.of("00u91Sam");
  private static final UserId LINUS = UserId.of("00u92Linus");
  private static final UserId GHOST = UserId.of("00u93Ghost");
  private static final UserId GRACE = UserId.of("00u94Grace");

  /** Members {@code 00u01}…: active, each with one factor. */
  private static List<UserId> members(int count) {
    List<UserId> users = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      users.add(UserId.of(String.format("00u%02d", i)));
    }
    return users;
  }

  private static InMemoryIdentityProvider provider(List<UserId> members) {
    InMemoryIdentityProvider.Builder builder = InMemoryIdentityProvider.builder();
    for (UserId user : members) {
      builder
          .employee(Employee.builder(user, user.value() + "@example.com").build(), EMPLOYEES)
          .factor(user, Factor.of(FactorId.of("sms" + user.value()), "sms", "OKTA", "ACTIVE"));
    }
    builder
        .employee(Employee.builder(ROOT, "root@example.com").build(), EMPLOYEES)
        .employee(
            Employee.builder(SAM, "sam@example.com").status(EmployeeStatus.SUSPENDED).build(),
            EMPLOYEES)
        .employee(Employee.builder(GRACE, "grace@example.com").build(), EMPLOYEES)
        .employee(Employee.builder(LINUS, "linus@example.com").build());
    InMemoryIdentityProvider fake = builder.build();
    fake.markPrivileged(ROOT);
    return fake;
  }

  @Test
  void issuesTemporaryAccessPassesToManyUsersAccountingForEach() {
    List<UserId> members = members(3);
    InMemoryIdentityProvider fake = provider(members);
    ResetService resets = ResetService.groupScoped(fake, fake, EMPLOYEES);
    List<UserId> users = new ArrayList<>(members);
    users.add(ROOT);
    users.add(LINUS);
    TemporaryAccessPass pass = TemporaryAccessPass.usableOnce(java.time.Duration.ofHours(1));

    Report<ResetResult.AccessPass> report =
        BulkReset.withConcurrency(2)
            .run(users, user -> resets.issueTemporaryAccessPass(user, pass));

    assertEveryUserOnceInOrder(report, users);
    assertThat(report.count(Status.DONE)).isEqualTo(3);
    assertThat(report.count(Status.REFUSED))
        .as("the privileged user and the outsider")
        .isEqualTo(2);
    members.forEach(user -> assertThat(fake.accessPass(user)).isPresent());
    assertThat(fake.accessPass(ROOT)).isEmpty();
  }

  private static <R extends ResetResult> void assertEveryUserOnceInOrder(
      Report<R> report, List<UserId> distinctUsers) {
    assertThat(report.outcomes())
        .extracting(Outcome::user)
        .containsExactlyElementsOf(distinctUsers);
  }

  // ------------------------------------------------------------------ outcomes

  @Test
  void everyUserIsDoneWithItsResultInTheOrderGiven() {
    List<UserId> users = members(6);
    InMemoryIdentityProvider fake = provider(users);

    Report<ResetResult.Mfa> report =
        BulkReset.withConcurrency(3).run(users, u -> fake.resetMfa(u, MfaReset.allFactors()));

    assertEveryUserOnceInOrder(report, users);
    assertThat(report.cancelled()).isFalse();
    assertThat(report.count(Status.DONE)).isEqualTo(6);
    assertThat(report.outcomes())
        .allSatisfy(
            o -> {
              assertThat(o.status()).isEqualTo(Status.DONE);
              assertThat(o.error()).isEmpty();
              assertThat(o.result().orElseThrow().factorsReset())
                  .containsExactly(FactorId.of("sms" + o.user().value()));
            });
    assertThat(fake.operations()).hasSize(6).allMatch(RecordedOperation::applied);
  }

  @Test
  void refusalsAndFailuresAreReportedPerUserWithTheTypedError() {
    List<UserId> ok = members(2);
    InMemoryIdentityProvider fake = provider(ok);
    ResetService guarded = ResetService.groupScoped(fake, fake, EMPLOYEES);
    List<UserId> users = List.of(ok.get(0), ROOT, SAM, LINUS, GHOST, GRACE, ok.get(1));

    Report<ResetResult.Password> report =
        BulkReset.withConcurrency(1)
            .run(
                users,
                u -> {
                  if (u.equals(GRACE)) {
                    fake.failNextCall(
                        new IamException.ProviderUnavailable("down", ErrorDetails.ofStatus(503)));
                  }
                  return guarded.resetPassword(u, PasswordReset.link());
                });

    assertEveryUserOnceInOrder(report, users);
    assertThat(report.outcomes())
        .extracting(Outcome::status, o -> o.error().map(e -> e.getClass().getSimpleName()))
        .containsExactly(
            tuple(Status.DONE, Optional.empty()),
            tuple(Status.REFUSED, Optional.of("PermissionDenied")),
            tuple(Status.REFUSED, Optional.of("InvalidState")),
            tuple(Status.REFUSED, Optional.of("PermissionDenied")),
            tuple(Status.FAILED, Optional.of("NotFound")),
            tuple(Status.FAILED, Optional.of("ProviderUnavailable")),
            tuple(Status.DONE, Optional.empty()));
    assertThat(reason(report.outcomes().get(1)))
        .isEqualTo(IamException.PermissionDenied.Reason.ROLE_DOES_NOT_ALLOW);
    assertThat(reason(report.outcomes().get(3)))
        .isEqualTo(IamException.PermissionDenied.Reason.OUTSIDE_GROUP);
    assertThat(report.outcomes().get(0).result().orElseThrow().resetLink()).isPresent();
    assertThat(report.outcomes().subList(1, 6)).allSatisfy(o -> assertThat(o.result()).isEmpty());
    assertThat(report.cancelled()).isFalse();
  }

  private static IamException.PermissionDenied.Reason reason(Outcome<?> outcome) {
    return ((IamException.PermissionDenied) outcome.error().orElseThrow()).reason();
  }

  @Test
  void duplicatesInTheInputAreHandledOnce() {
    List<UserId> users = members(3);
    InMemoryIdentityProvider fake = provider(users);
    Map<UserId, AtomicInteger> attempts = new ConcurrentHashMap<>();
    List<UserId> withDuplicates =
        List.of(users.get(0), users.get(1), users.get(0), users.get(2), users.get(1));

    Report<ResetResult.Unlock> report =
        BulkReset.withConcurrency(2)
            .run(
                withDuplicates,
                u -> {
                  attempts.computeIfAbsent(u, x -> new AtomicInteger()).incrementAndGet();
                  return fake.unlock(u);
                });

    assertEveryUserOnceInOrder(report, users);
    assertThat(attempts).hasSize(3).allSatisfy((user, count) -> assertThat(count).hasValue(1));
  }

  @Test
  void aWorkerThatThrowsStillGivesThatUserAnOutcomeAndTheOthersGoOn() {
    List<UserId> users = members(5);
    InMemoryIdentityProvider fake = provider(users);
    AssertionError error = new AssertionError("a bug in the caller's operation");
    IllegalStateException runtime = new IllegalStateException("misuse");
    Function<UserId, ResetResult.Mfa> operation =
        u ->
            switch (u.value()) {
              case "00u02" -> throw runtime;
              case "00u03" -> throw error;
              case "00u04" -> null;
              default -> fake.resetMfa(u, MfaReset.allFactors());
            };

    // One worker: the user after the Error is only reached if that worker survived it.
    Report<ResetResult.Mfa> report = BulkReset.withConcurrency(1).run(users, operation);

    assertEveryUserOnceInOrder(report, users);
    assertThat(report.outcomes())
        .extracting(Outcome::status)
        .containsExactly(Status.DONE, Status.FAILED, Status.FAILED, Status.FAILED, Status.DONE);
    assertThat(report.outcomes().get(1).error()).containsSame(runtime);
    assertThat(report.outcomes().get(2).error()).containsSame(error);
    assertThat(report.outcomes().get(3).error().orElseThrow())
        .isInstanceOf(NullPointerException.class);
    assertThat(fake.operations())
        .extracting(RecordedOperation::user)
        .containsExactly(users.get(0), users.get(4));
  }

  @Test
  void anEmptyListIsAnEmptyReport() {
    Report<ResetResult.Unlock> report =
        BulkReset.defaults()
            .run(
                List.of(),
                u -> {
                  throw new AssertionError("no user to run for");
                });
    assertThat(report.outcomes()).isEmpty();
    assertThat(report.cancelled()).isFalse();
  }

  // ------------------------------------------------------------------ concurrency

  @Test
  void noMoreThanTheConfiguredNumberOfOperationsRunAtOnce() throws InterruptedException {
    List<UserId> users = members(10);
    InMemoryIdentityProvider fake = provider(users);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicInteger arrivals = new AtomicInteger();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch threeRunning = new CountDownLatch(3);
    CountDownLatch release = new CountDownLatch(1);

    BulkReset.Run<ResetResult.Mfa> run =
        BulkReset.withConcurrency(3)
            .start(
                users,
                u -> {
                  threads.add(Thread.currentThread());
                  mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                  try {
                    if (arrivals.incrementAndGet() <= 3) {
                      threeRunning.countDown();
                      awaitUninterruptibly(release);
                    }
                    return fake.resetMfa(u, MfaReset.allFactors());
                  } finally {
                    running.decrementAndGet();
                  }
                });
    threeRunning.await();
    assertThat(running).as("while three are held, no fourth has started").hasValue(3);
    release.countDown();
    Report<ResetResult.Mfa> report = run.await();

    assertThat(report.count(Status.DONE)).isEqualTo(10);
    assertThat(mostAtOnce).hasValue(3);
    assertThat(threads).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void theDefaultRunsAFewOperationsAtATime() {
    List<UserId> users = members(12);
    InMemoryIdentityProvider fake = provider(users);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();

    Report<ResetResult.Unlock> report =
        BulkReset.defaults()
            .run(
                users,
                u -> {
                  threads.add(Thread.currentThread());
                  return ResetResult.Unlock.of(u, EmployeeStatus.ACTIVE, Optional.empty());
                });

    assertThat(BulkReset.DEFAULT_CONCURRENCY).isEqualTo(4);
    assertThat(threads).hasSizeLessThanOrEqualTo(BulkReset.DEFAULT_CONCURRENCY);
    assertThat(report.count(Status.DONE)).isEqualTo(12);
    assertThat(fake.operations()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65})
  void aConcurrencyOutsideOneToSixtyFourIsRefused(int concurrency) {
    assertThatThrownBy(() -> BulkReset.withConcurrency(concurrency))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concurrency must be 1 to 64");
  }

  // ------------------------------------------------------------------ cancel and interrupt

  @Test
  void cancellingMidRunLetsTheRunningFinishAndReportsTheRestNotAttempted()
      throws InterruptedException {
    List<UserId> users = members(6);
    InMemoryIdentityProvider fake = provider(users);
    HeldOperations held = new HeldOperations(2, u -> fake.resetMfa(u, MfaReset.allFactors()));

    BulkReset.Run<ResetResult.Mfa> run = BulkReset.withConcurrency(2).start(users, held);
    held.started.await();
    run.cancel();
    held.release.countDown();
    Report<ResetResult.Mfa> report = run.await();

    assertStartedDoneRestNotAttempted(report, users, 2);
    assertThat(fake.operations())
        .extracting(RecordedOperation::user)
        .containsExactlyInAnyOrder(users.get(0), users.get(1));
    assertThat(run.isDone()).isTrue();
  }

  @Test
  void anInterruptedRunWaitsForTheRunningOnesReportsEveryUserAndKeepsTheInterrupt()
      throws InterruptedException {
    List<UserId> users = members(6);
    InMemoryIdentityProvider fake = provider(users);
    HeldOperations held = new HeldOperations(2, u -> fake.resetMfa(u, MfaReset.allFactors()));
    AtomicReference<Report<ResetResult.Mfa>> report = new AtomicReference<>();
    AtomicBoolean interruptedAfter = new AtomicBoolean();

    Thread runner =
        new Thread(
            () -> {
              report.set(BulkReset.withConcurrency(2).run(users, held));
              interruptedAfter.set(Thread.currentThread().isInterrupted());
            },
            "bulk-runner");
    runner.start();
    held.started.await();
    Interrupts.interruptAndAwaitCancellation(runner);
    held.release.countDown();
    runner.join();

    assertStartedDoneRestNotAttempted(report.get(), users, 2);
    assertThat(interruptedAfter).as("the interrupt flag is set again").isTrue();
    assertThat(fake.operations()).hasSize(2);
  }

  private static void assertStartedDoneRestNotAttempted(
      Report<ResetResult.Mfa> report, List<UserId> users, int started) {
    assertEveryUserOnceInOrder(report, users);
    assertThat(report.cancelled()).isTrue();
    for (int i = 0; i < users.size(); i++) {
      Outcome<ResetResult.Mfa> outcome = report.outcomes().get(i);
      if (i < started) {
        assertThat(outcome.status()).isEqualTo(Status.DONE);
        assertThat(outcome.result()).isPresent();
      } else {
        assertThat(outcome.status()).isEqualTo(Status.NOT_ATTEMPTED);
        assertThat(outcome.result()).isEmpty();
        assertThat(outcome.error()).isEmpty();
      }
    }
    assertThat(report.count(Status.NOT_ATTEMPTED)).isEqualTo(users.size() - started);
  }

  /** The first {@code held} operations wait, once started, until {@link #release} opens. */
  private static final class HeldOperations implements Function<UserId, ResetResult.Mfa> {
    final CountDownLatch started;
    final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger arrivals = new AtomicInteger();
    private final int held;
    private final Function<UserId, ResetResult.Mfa> operation;

    HeldOperations(int held, Function<UserId, ResetResult.Mfa> operation) {
      this.held = held;
      this.started = new CountDownLatch(held);
      this.operation = operation;
    }

    @Override
    public ResetResult.Mfa apply(UserId user) {
      if (arrivals.incrementAndGet() <= held) {
        started.countDown();
        awaitUninterruptibly(release);
      }
      return operation.apply(user);
    }
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

  // ------------------------------------------------------------------ values

  @Test
  void anOutcomeHasAResultOnlyWhenDoneAndAnErrorOnlyWhenRefusedOrFailed() {
    UserId user = UserId.of("00u1");
    ResetResult.Unlock result =
        ResetResult.Unlock.of(user, EmployeeStatus.ACTIVE, Optional.empty());
    Throwable error = new IllegalStateException("x");

    assertThatThrownBy(
            () ->
                Outcome.of(
                    user, Status.DONE, Optional.<ResetResult.Unlock>empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Outcome.of(user, Status.NOT_ATTEMPTED, Optional.of(result), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Outcome.of(
                    user,
                    Status.FAILED,
                    Optional.<ResetResult.Unlock>empty(),
                    Optional.<Throwable>empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Outcome.of(user, Status.DONE, Optional.of(result), Optional.of(error)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            Outcome.of(
                    user, Status.REFUSED, Optional.<ResetResult.Unlock>empty(), Optional.of(error))
                .error())
        .containsSame(error);
  }
}
