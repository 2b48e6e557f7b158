/**
 * workforce-iam provider HTTP plumbing: what every HTTP adapter shares. Internal API for the
 * adapters' modules; it may change in any release.
 *
 * <p>Moshi is required transitively because this API hands out its {@code JsonReader} (the decoders
 * of {@code JsonBodies}); Moshi is an automatic module, but one named in its manifest ({@code
 * Automatic-Module-Name: com.squareup.moshi}), so the name is stable.
 */
@SuppressWarnings("requires-transitive-automatic")
module org.workforceiam.http {
  requires transitive org.workforceiam.core;
  requires transitive okhttp3;
  requires transitive com.squareup.moshi;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.workforceiam.http;
}
