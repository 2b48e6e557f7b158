/**
 * workforce-iam core: the provider-neutral directory and reset API, its errors, the directory sync
 * engine, and an in-memory fake provider for tests.
 */
module org.workforceiam.core {
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.workforceiam.core;
  exports org.workforceiam.core.sync;
  exports org.workforceiam.core.testing;
}
