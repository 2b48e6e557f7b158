package org.workforceiam.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, which every command takes, before or after it. */
final class VerboseOption {
  @Option(
      names = "--verbose",
      description = "Log an HTTP summary to stderr (secrets redacted) and print stack traces.")
  boolean verbose;
}
