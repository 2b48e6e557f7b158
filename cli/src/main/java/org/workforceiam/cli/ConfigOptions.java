package org.workforceiam.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The connection settings. Each may be given before or after the command; a flag wins over its
 * environment variable.
 */
final class ConfigOptions {
  @Option(
      names = "--org-url",
      paramLabel = "URL",
      description = "The Okta org, https://yourcompany.okta.com (env OKTA_ORG_URL).")
  @Nullable String orgUrl;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description = "The API Services app's client id (env OKTA_CLIENT_ID).")
  @Nullable String clientId;

  @Option(
      names = "--private-key",
      paramLabel = "FILE",
      description =
          "The app's private key: PEM (PKCS#8, PKCS#1 or SEC1) or a JWK JSON private key"
              + " (env OKTA_PRIVATE_KEY_FILE).")
  @Nullable String privateKey;

  @Option(
      names = "--key-id",
      paramLabel = "KID",
      description = "The key's id; a JWK's own kid is used when absent (env OKTA_KEY_ID).")
  @Nullable String keyId;

  @Option(
      names = "--group-id",
      paramLabel = "00g...",
      description = "The group of all active employees (env OKTA_GROUP_ID).")
  @Nullable String groupId;

  @Option(
      names = "--verbose",
      description = "Log an HTTP summary to stderr (secrets redacted) and print stack traces.")
  boolean verbose;
}
