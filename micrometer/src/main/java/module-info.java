/**
 * workforce-iam's Micrometer metrics: the events of every client (requests, retries, rate-limit
 * waits, token fetches, pages) as timers and counters. The only module of the project that depends
 * on Micrometer.
 */
// Micrometer ships an automatic module (micrometer.core); its types are in this module's API.
@SuppressWarnings("requires-transitive-automatic")
module org.workforceiam.micrometer {
  requires transitive org.workforceiam.core;
  requires transitive micrometer.core;
  requires static transitive org.jspecify;

  exports org.workforceiam.micrometer;
}
