package org.workforceiam.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs audit events through SLF4J. */
final class LoggingAuditListener implements AuditListener {
  static final LoggingAuditListener INSTANCE = new LoggingAuditListener();
  private static final Logger LOG = LoggerFactory.getLogger("org.workforceiam.audit");

  private LoggingAuditListener() {}

  @Override
  public void onEvent(AuditEvent event) {
    if (event.outcome() == AuditEvent.Outcome.SUCCEEDED) {
      LOG.info(
          "{} {} for user {} options={} requestId={}",
          event.operation(),
          event.outcome(),
          event.user(),
          event.options(),
          event.requestId().orElse("-"));
    } else {
      LOG.warn(
          "{} {} for user {} options={} error={} errorCode={} requestId={}",
          event.operation(),
          event.outcome(),
          event.user(),
          event.options(),
          event.errorType().orElse("-"),
          event.errorCode().orElse("-"),
          event.requestId().orElse("-"));
    }
  }

  @Override
  public String toString() {
    return "AuditListener.logging()";
  }
}
