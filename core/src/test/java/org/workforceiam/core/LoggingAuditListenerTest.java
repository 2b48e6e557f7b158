package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class LoggingAuditListenerTest {
  private static final AuditEvent UNLOCKED =
      AuditEvent.of(
          UserId.of("00u1Ada"),
          Operation.UNLOCK,
          Set.of(),
          Instant.parse("2026-11-30T09:00:00Z"),
          AuditEvent.Outcome.SUCCEEDED,
          Optional.of("req1"),
          Optional.empty(),
          Optional.empty());

  @Test
  void saysOnceThatEventsAreDiscardedWhenSlf4jHasNoProvider() {
    List<String> reported = new ArrayList<>();
    LoggingAuditListener listener =
        new LoggingAuditListener(NOPLogger.NOP_LOGGER, () -> true, reported::add);

    listener.onEvent(UNLOCKED);
    listener.onEvent(UNLOCKED);

    assertThat(reported)
        .singleElement()
        .asString()
        .contains("SLF4J has no provider", "org.workforceiam.audit", "discarded", "AuditListener");
  }

  @Test
  void saysNothingWhenAProviderReceivesTheEvents() {
    List<String> reported = new ArrayList<>();
    LoggingAuditListener listener =
        new LoggingAuditListener(NOPLogger.NOP_LOGGER, () -> false, reported::add);

    listener.onEvent(UNLOCKED);

    assertThat(reported).isEmpty();
  }

  @Test
  void asksWhetherEventsAreDiscardedOnlyAtTheFirstEvent() {
    int[] asked = {0};
    LoggingAuditListener listener =
        new LoggingAuditListener(
            NOPLogger.NOP_LOGGER,
            () -> {
              asked[0]++;
              return false;
            },
            message -> {});

    listener.onEvent(UNLOCKED);
    listener.onEvent(UNLOCKED);

    assertThat(asked[0]).isEqualTo(1);
  }

  @Test
  void seesThatThisClassPathHasNoSlf4jProvider() {
    // core's tests run with slf4j-api alone, as a user's application without a provider does.
    assertThat(LoggingAuditListener.slf4jDiscardsEverything()).isTrue();
  }

  @Test
  void reportsOnStandardErrorThroughSlf4jsOwnChannel() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      LoggingAuditListener.reportThroughSlf4j(LoggingAuditListener.DISCARDED);
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("SLF4J(W): workforce-iam: SLF4J has no provider", "are discarded");
  }
}
