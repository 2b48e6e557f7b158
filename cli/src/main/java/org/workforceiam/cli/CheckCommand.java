package org.workforceiam.cli;

import picocli.CommandLine.Command;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Test the connection as an admin does after setup: get a token, compare the granted"
          + " scopes with the requested ones, read the group and its first page.",
      "With --provider entra: compare the token's roles (the application permissions granted"
          + " with admin consent) with the six required ones, and warn on stderr when the"
          + " certificate expires within 30 days. The JSON object is printed also when a problem"
          + " is found; missing permissions are exit 4."
    })
final class CheckCommand extends ConnectedCommand {
  @Override
  public Integer call() {
    try (Connection connection = connect()) {
      Connection.CheckReport check = connection.check();
      out().println(Output.prettyJson(check.json()));
      out().flush();
      for (String warning : check.warnings()) {
        err().println("warning: " + Helpdesk.oneLine(warning));
      }
      if (check.problem().isEmpty()) {
        return ExitCodes.OK;
      }
      // A failed check is an error like any other: its first problem, one line on stderr.
      Connection.Problem problem = check.problem().get();
      err().println("error: " + Helpdesk.oneLine(problem.message()));
      return problem.exitCode();
    }
  }
}
