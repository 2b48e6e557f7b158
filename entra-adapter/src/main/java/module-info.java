/**
 * workforce-iam for Microsoft Entra ID: {@code EntraClient} reads a tenant's directory through
 * Microsoft Graph; {@code EntraCredential} and {@code EntraCertificate} configure and make its
 * credentials. Only {@code org.workforceiam.entra} is exported; everything else in it is
 * package-private.
 */
module org.workforceiam.entra {
  requires transitive org.workforceiam.core;
  requires transitive okhttp3;
  requires org.workforceiam.http;
  requires com.squareup.moshi;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.workforceiam.entra;
}
