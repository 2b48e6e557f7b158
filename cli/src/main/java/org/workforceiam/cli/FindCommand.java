package org.workforceiam.cli;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "find",
    mixinStandardHelpOptions = true,
    description = {
      "Find a user by id, login or primary email; print one JSON object.",
      "With --provider entra: by object id, userPrincipalName or mail address."
    })
final class FindCommand extends ConnectedCommand {
  @Parameters(paramLabel = "USER", description = "An id, a login or a primary email.")
  @Nullable String user;

  @Override
  boolean needsGroup() {
    return false;
  }

  @Override
  public Integer call() {
    try (Connection connection = connect()) {
      EmployeeJson.write(out(), resolve(connection, Objects.requireNonNull(user)));
      out().println();
      return ExitCodes.OK;
    }
  }
}
