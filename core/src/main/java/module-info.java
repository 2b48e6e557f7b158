/**
 * workforce-iam core: the provider-neutral directory and reset API, its errors and the directory
 * sync engine. The in-memory fake provider is in {@code workforce-iam-testing}.
 */
module org.workforceiam.core {
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.workforceiam.core;
  exports org.workforceiam.core.sync;
}
