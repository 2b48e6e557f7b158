package org.workforceiam.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The connection settings of the commands that talk to Okta, shown under their own heading. Each
 * may be given before or after the command; a flag wins over its environment variable.
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
      description = "The Okta org, https://yourcompany.okta.com (env OKTA_ORG_URL).")
  @Nullable String orgUrl;

  @Option(
      names = "--client-id",
      order = 2,
      paramLabel = "ID",
      description = "The API Services app's client id (env OKTA_CLIENT_ID).")
  @Nullable String clientId;

  @Option(
      names = "--private-key",
      order = 3,
      paramLabel = "FILE",
      description =
          "The app's private key: PEM (PKCS#8, PKCS#1 or SEC1) or a JWK JSON private key"
              + " (env OKTA_PRIVATE_KEY_FILE).")
  @Nullable String privateKey;

  @Option(
      names = "--key-id",
      order = 4,
      paramLabel = "KID",
      description = "The key's id; a JWK's own kid is used when absent (env OKTA_KEY_ID).")
  @Nullable String keyId;

  @Option(
      names = "--group-id",
      order = 5,
      paramLabel = "00g...",
      description = "The group of all active employees (env OKTA_GROUP_ID).")
  @Nullable String groupId;
}
