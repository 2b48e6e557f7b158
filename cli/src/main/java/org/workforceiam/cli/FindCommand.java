package org.workforceiam.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "find",
    mixinStandardHelpOptions = true,
    description = "Find a user by id, login or primary email; print one JSON object.")
final class FindCommand extends OktaCommand {
  @Parameters(paramLabel = "USER", description = "An id, a login or a primary email.")
  @Nullable String user;

  @Override
  boolean needsGroup() {
    return false;
  }

  @Override
  public Integer call() {
    try (Connection okta = connect()) {
      EmployeeJson.write(out(), resolve(okta.directory(), java.util.Objects.requireNonNull(user)));
      out().println();
      return ExitCodes.OK;
    }
  }
}
