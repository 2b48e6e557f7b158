package org.workforceiam.core;

/**
 * Receives an {@link AuditEvent} for every attempt to change a user's credentials or sessions.
 *
 * <p>Called on the thread that made the attempt, after it ended. A listener that throws does not
 * change the outcome of the attempt; the failure is logged.
 *
 * <pre>{@code
 * ResetService resets = ResetService.audited(provider, event -> auditTable.insert(event));
 * }</pre>
 */
@FunctionalInterface
public interface AuditListener {

  /**
   * Receives one event.
   *
   * @param event what was attempted and how it ended
   */
  void onEvent(AuditEvent event);

  /**
   * Returns the default listener: it logs each event through SLF4J to the logger {@code
   * org.workforceiam.audit}, successes at INFO and the rest at WARN. With no SLF4J provider on the
   * class path, SLF4J discards the events; the first one then says so, once, on SLF4J's own
   * reporting channel (stderr by default).
   *
   * @return the logging listener
   */
  static AuditListener logging() {
    return LoggingAuditListener.INSTANCE;
  }
}
