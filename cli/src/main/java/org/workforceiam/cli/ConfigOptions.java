package org.workforceiam.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The connection settings of the commands that talk to the provider, shown under their own heading.
 * Each may be given before or after the command; a flag wins over its environment variable, which
 * depends on the provider: {@code --client-id} is {@code OKTA_CLIENT_ID} for Okta and {@code
 * ENTRA_CLIENT_ID} with {@code --provider entra}. A setting of the other provider is refused.
 */
final class ConfigOptions {
  /** The heading of the settings in {@code --help}. */
  static final String HEADING =
      "%nConnection settings (a flag, before or after the command, or its environment"
          + " variable):%n";

  @Option(
      names = "--org-url",
      order = 1,
      paramLabel = "URL",
      description = "Okta: the org, https://yourcompany.okta.com (env OKTA_ORG_URL).")
  @Nullable String orgUrl;

  @Option(
      names = "--tenant-id",
      order = 2,
      paramLabel = "TENANT",
      description =
          "Entra: the directory (tenant) id, a GUID, or a verified domain (env ENTRA_TENANT_ID).")
  @Nullable String tenantId;

  @Option(
      names = "--client-id",
      order = 3,
      paramLabel = "ID",
      description =
          "The API Services app's client id (env OKTA_CLIENT_ID); Entra: the app registration's"
              + " application (client) id, a GUID (env ENTRA_CLIENT_ID).")
  @Nullable String clientId;

  @Option(
      names = "--private-key",
      order = 4,
      paramLabel = "FILE",
      description =
          "The app's private key: PEM (PKCS#8, PKCS#1 or SEC1) or a JWK JSON private key"
              + " (env OKTA_PRIVATE_KEY_FILE); Entra: the RSA key of the app's certificate, PEM"
              + " PKCS#8 or PKCS#1 (env ENTRA_PRIVATE_KEY_FILE).")
  @Nullable String privateKey;

  @Option(
      names = "--key-id",
      order = 5,
      paramLabel = "KID",
      description = "The key's id; a JWK's own kid is used when absent (env OKTA_KEY_ID).")
  @Nullable String keyId;

  @Option(
      names = "--certificate",
      order = 6,
      paramLabel = "FILE",
      description =
          "Entra: the app's X.509 certificate (PEM), as uploaded to the app registration (env"
              + " ENTRA_CERTIFICATE_FILE).")
  @Nullable String certificate;

  @Option(
      names = "--client-secret-file",
      order = 7,
      paramLabel = "FILE",
      description =
          "Entra: a file holding a client secret, instead of --private-key with --certificate;"
              + " never printed (env ENTRA_CLIENT_SECRET_FILE).")
  @Nullable String clientSecretFile;

  @Option(
      names = "--group-id",
      order = 8,
      paramLabel = "GROUP",
      description =
          "The group of all active employees: 00g... (env OKTA_GROUP_ID); Entra: its object id,"
              + " a GUID (env ENTRA_GROUP_ID).")
  @Nullable String groupId;

  @Option(
      names = "--authority-url",
      order = 9,
      paramLabel = "URL",
      description =
          "Entra: the sign-in authority, by default https://login.microsoftonline.com (env"
              + " ENTRA_AUTHORITY_URL).")
  @Nullable String authorityUrl;

  @Option(
      names = "--graph-url",
      order = 10,
      paramLabel = "URL",
      description =
          "Entra: Microsoft Graph, by default https://graph.microsoft.com (env ENTRA_GRAPH_URL).")
  @Nullable String graphUrl;
}
