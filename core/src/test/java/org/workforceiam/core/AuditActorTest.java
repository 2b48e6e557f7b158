package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Who asked for a change reaches the audit event through {@link ResetService#withActor}. */
class AuditActorTest {
  private static final UserId ADA = UserId.of("00u1Ada");
  private static final UserId BOB = UserId.of("00u2Bob");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

  /** Unlocks anyone but Bob, who is refused. */
  private static final class Provider implements ResetService {
    @Override
    public Capabilities capabilities() {
      return TestCapabilities.everything();
    }

    @Override
    public ResetResult.Password resetPassword(UserId user, PasswordReset request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ResetResult.Mfa resetMfa(UserId user, MfaReset request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ResetResult.Unlock unlock(UserId user) {
      if (user.equals(BOB)) {
        throw new IamException.InvalidState("ACTIVE", "not locked out", ErrorDetails.none());
      }
      return ResetResult.Unlock.of(user, EmployeeStatus.ACTIVE, Optional.of("req-1"));
    }

    @Override
    public ResetResult.Sessions revokeSessions(UserId user, SessionRevocation request) {
      throw new UnsupportedOperationException();
    }
  }

  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
  private final ResetService audited = ResetService.audited(new Provider(), events::add, CLOCK);

  @Test
  void aViewWithAnActorAttributesItsChangesToThatActor() {
    audited.withActor("agent.smith@helpdesk").unlock(ADA);

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).contains("agent.smith@helpdesk");
              assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED);
              assertThat(e.requestId()).contains("req-1");
            });
  }

  @Test
  void aRefusalIsAttributedToTheActorToo() {
    assertThatThrownBy(() -> audited.withActor("agent").unlock(BOB))
        .isInstanceOf(IamException.InvalidState.class);

    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).contains("agent");
              assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.REFUSED);
            });
  }

  @Test
  void theServiceItselfStaysWithoutAnActor() {
    ResetService view = audited.withActor("agent");

    audited.unlock(ADA);

    assertThat(view).isNotSameAs(audited);
    assertThat(events).singleElement().satisfies(e -> assertThat(e.actor()).isEmpty());
  }

  @Test
  void theActorReachesAnAuditInterceptorWrappedInsideAnotherDecorator() {
    List<ResetService.Change> seen = new CopyOnWriteArrayList<>();
    ResetService outer =
        ResetService.intercepted(
            audited,
            new ResetService.Interceptor() {
              @Override
              public <T> T intercept(
                  ResetService.Change change, java.util.function.Supplier<T> proceed) {
                seen.add(change);
                return proceed.get();
              }
            });

    outer.withActor("agent").unlock(ADA);

    assertThat(seen).singleElement().satisfies(c -> assertThat(c.actor()).contains("agent"));
    assertThat(events).singleElement().satisfies(e -> assertThat(e.actor()).contains("agent"));
  }

  @Test
  void viewsForDifferentActorsUsedAtOnceKeepTheirOwnActor() throws Exception {
    List<Thread> threads = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ResetService view = audited.withActor("agent-" + i);
      threads.add(
          new Thread(
              () -> {
                for (int j = 0; j < 50; j++) {
                  view.unlock(ADA);
                }
              }));
      threads.get(threads.size() - 1).start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(events).hasSize(400);
    for (int i = 0; i < 8; i++) {
      String actor = "agent-" + i;
      assertThat(events).filteredOn(e -> e.actor().equals(Optional.of(actor))).hasSize(50);
    }
  }

  @Test
  void anActorThatCouldForgeALogLineIsRefused() {
    assertThatThrownBy(() -> audited.withActor("agent\nINFO forged"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control characters");
    assertThatThrownBy(() -> audited.withActor(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("actor must not be blank");
    assertThatThrownBy(() -> audited.withActor("a".repeat(201)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Provider().withActor("\u001b[31m"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEventWithAnActorDiffersFromTheSameEventWithout() {
    AuditEvent event =
        AuditEvent.of(
            ADA,
            Operation.UNLOCK,
            Set.of(),
            CLOCK.instant(),
            AuditEvent.Outcome.SUCCEEDED,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    assertThat(event.actor()).isEmpty();
    assertThat(event.withActor("agent")).isNotEqualTo(event);
    assertThat(event.withActor("agent")).isEqualTo(event.withActor("agent"));
    assertThat(event.withActor("agent").toString()).contains("actor=Optional[agent]");
  }
}
