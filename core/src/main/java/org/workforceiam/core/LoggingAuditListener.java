package org.workforceiam.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.helpers.Reporter;

/**
 * Logs audit events through SLF4J, and says once when they go nowhere.
 *
 * <p>Without an SLF4J provider on the class path, slf4j-api 2.0 falls back to a no-operation
 * logger: it reports "No SLF4J providers were found" once on stderr, a line that never mentions
 * audit events, and then drops every event without a trace. So the first event that would be
 * dropped (no provider, or slf4j-nop) also reports, once, that audit events are being discarded and
 * how to keep them. A provider configured to drop the audit logger is an operator's choice, not
 * reported.
 */
final class LoggingAuditListener implements AuditListener {
  static final String LOGGER_NAME = "org.workforceiam.audit";
  static final String DISCARDED =
      "workforce-iam: SLF4J has no provider (or only slf4j-nop), so audit events of changes to"
          + " users (logger "
          + LOGGER_NAME
          + ") are discarded. Add a provider such as logback-classic or slf4j-simple, or give the"
          + " client your own AuditListener.";

  static final LoggingAuditListener INSTANCE =
      new LoggingAuditListener(
          LoggerFactory.getLogger(LOGGER_NAME),
          LoggingAuditListener::slf4jDiscardsEverything,
          LoggingAuditListener::reportThroughSlf4j);

  private final Logger log;
  private final BooleanSupplier discarded;
  private final Consumer<String> report;
  private final AtomicBoolean checked = new AtomicBoolean();

  /**
   * Creates a listener; the default one is {@link #INSTANCE}.
   *
   * @param log the audit logger
   * @param discarded whether everything logged is discarded; asked once, at the first event
   * @param report where the one warning goes when it is
   */
  LoggingAuditListener(Logger log, BooleanSupplier discarded, Consumer<String> report) {
    this.log = log;
    this.discarded = discarded;
    this.report = report;
  }

  @Override
  public void onEvent(AuditEvent event) {
    if (!checked.get() && checked.compareAndSet(false, true) && discarded.getAsBoolean()) {
      report.accept(DISCARDED);
    }
    if (event.outcome() == AuditEvent.Outcome.SUCCEEDED) {
      log.info(
          "{} {} for user {} options={} actor={} requestId={}",
          event.operation(),
          event.outcome(),
          event.user(),
          event.options(),
          event.actor().orElse("-"),
          event.requestId().orElse("-"));
    } else {
      log.warn(
          "{} {} for user {} options={} actor={} error={} errorCode={} requestId={}",
          event.operation(),
          event.outcome(),
          event.user(),
          event.options(),
          event.actor().orElse("-"),
          event.errorType().orElse("-"),
          event.errorCode().orElse("-"),
          event.requestId().orElse("-"));
    }
  }

  /** Whether SLF4J bound no provider (its fallback) or slf4j-nop: both discard everything. */
  static boolean slf4jDiscardsEverything() {
    return LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory;
  }

  /**
   * Reports through SLF4J's own channel for its internal problems, the one place left when there is
   * no logger to tell; this code never prints itself. That channel is where the operator already
   * sees SLF4J's own "No SLF4J providers were found" (stderr, by default), in the same form, and it
   * honours SLF4J's settings for it ({@code -Dslf4j.internal.verbosity=ERROR} silences it).
   * slf4j-api before 2.0.10 has no {@code Reporter}: then nothing more is said, as a library never
   * prints, and SLF4J's own warning about the missing provider is all the operator sees.
   */
  static void reportThroughSlf4j(String message) {
    try {
      Reporter.warn(message);
    } catch (LinkageError olderSlf4j) {
      // No channel left that is not printing; SLF4J has already said it found no provider.
    }
  }

  @Override
  public String toString() {
    return "AuditListener.logging()";
  }
}
