package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.entra.SimTenant.id;
import static org.workforceiam.entra.simulator.DemoTenant.ADA;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamException;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.TemporaryAccessPass;
import org.workforceiam.entra.simulator.DemoTenant;

/**
 * Sets temporary passwords (one whose revocation then fails) and issues a Temporary Access Pass
 * with header logging on, and proves neither secret reaches a log event, an exception message, an
 * audit event or a {@code toString()}.
 */
@Isolated(
    "attaches an appender to the root logger and lowers its level: other classes' log events would"
        + " mix with its own")
class ResetSecretsNeverLeakTest {
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private @Nullable Level rootLevel;

  @BeforeEach
  void captureEverythingLogged() {
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stopCapturing() {
    root.detachAppender(logged);
    logged.stop();
    root.setLevel(rootLevel);
  }

  @Test
  void noTemporaryPasswordOrAccessPassReachesALogAMessageOrAToString() {
    List<String> secrets = new ArrayList<>();
    List<String> visible = new ArrayList<>();
    try (SimTenant entra = SimTenant.start(DemoTenant.directory(), b -> {}, HttpLogging.HEADERS)) {
      ResetResult.Password set =
          entra.resets().resetPassword(id(ADA), PasswordReset.temporaryPassword());
      secrets.add(set.temporaryPassword().orElseThrow().reveal());
      visible.add(set.toString());

      entra.sim.respondOnce(
          "POST",
          "/revokeSignInSessions",
          EntraResetRequestsTest.graphError(403, "Authorization_RequestDenied", "Denied."));
      try {
        entra
            .resets()
            .resetPassword(id(ADA), PasswordReset.temporaryPassword().withRevokeSessions(true));
      } catch (IamException.PartiallyApplied e) {
        ResetResult.Password partial = (ResetResult.Password) e.result().orElseThrow();
        secrets.add(partial.temporaryPassword().orElseThrow().reveal());
        visible.add(e.toString());
        visible.add(String.valueOf(e.getMessage()));
        visible.add(partial.toString());
      }

      ResetResult.AccessPass pass =
          entra
              .resets()
              .issueTemporaryAccessPass(
                  id(ADA), TemporaryAccessPass.usableOnce(Duration.ofMinutes(60)));
      secrets.add(pass.pass().reveal());
      visible.add(pass.toString());
      DryRun plan =
          entra
              .client
              .dryRuns(SimTenant.EMPLOYEES)
              .resetPassword(id(ADA), PasswordReset.temporaryPassword());
      visible.add(plan.toString());
      entra.events.forEach(event -> visible.add(event.toString()));
      entra.sim.graphCalls().forEach(call -> visible.add(call.toString()));
    }
    logged.list.forEach(
        event -> {
          visible.add(event.getFormattedMessage());
          if (event.getThrowableProxy() != null) {
            visible.add(event.getThrowableProxy().getMessage());
          }
        });

    assertThat(secrets).hasSize(3).doesNotContainNull();
    assertThat(logged.list).isNotEmpty();
    for (String secret : secrets) {
      assertThat(visible).noneMatch(text -> text != null && text.contains(secret));
    }
  }
}
