package org.workforceiam.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every command shares: {@code --verbose} and {@code --provider}, before or after it, and the
 * streams.
 */
abstract class BaseCommand implements Callable<Integer> {
  @ParentCommand
  @SuppressWarnings("NullAway.Init")
  Helpdesk root;

  @Mixin VerboseOption verboseOption = new VerboseOption();

  @Mixin ProviderOption providerOption = new ProviderOption();

  @Spec
  @SuppressWarnings("NullAway.Init")
  CommandSpec spec;

  boolean verbose() {
    return verboseOption.verbose || root.verboseOption.verbose;
  }

  /**
   * The provider of this run: {@code --provider} after the command, else before it, else {@code
   * IAM_PROVIDER}, else Okta.
   */
  Provider provider() {
    return Provider.of(providerOption.provider, root.providerOption.provider, root.env);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
