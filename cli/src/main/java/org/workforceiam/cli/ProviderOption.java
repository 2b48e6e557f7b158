package org.workforceiam.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --provider}, which every command takes, before or after it. */
final class ProviderOption {
  @Option(
      names = "--provider",
      paramLabel = "PROVIDER",
      order = 0,
      description = "okta (the default) or entra: Microsoft Entra ID (env IAM_PROVIDER).")
  @Nullable Provider provider;
}
