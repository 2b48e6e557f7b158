package org.workforceiam.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.okta.OktaClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every command shares: the connection settings, before or after it, and the streams. */
abstract class BaseCommand implements Callable<Integer> {
  @ParentCommand
  @SuppressWarnings("NullAway.Init")
  Helpdesk root;

  @Mixin ConfigOptions config = new ConfigOptions();

  @Spec
  @SuppressWarnings("NullAway.Init")
  CommandSpec spec;

  Settings settings() {
    return new Settings(config, root.config, root.env);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Finds the user a person named by id, login or primary email: one lookup. */
  static Employee resolve(OktaClient client, String user) {
    return client
        .find(user)
        .orElseThrow(
            () ->
                new IamException.NotFound(
                    "no user matches '" + user + "' as an id, a login or a primary email",
                    ErrorDetails.none()));
  }
}
