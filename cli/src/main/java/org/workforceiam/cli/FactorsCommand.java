package org.workforceiam.cli;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.Factor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "factors",
    mixinStandardHelpOptions = true,
    description = {
      "List a user's enrolled MFA factors, one JSON object a line.",
      "Okta lists only the factors its enrollment policy shows this app, so some may be missing.",
      "With --provider entra: the user's authentication methods but the password; factorType is"
          + " the method's type, such as phoneAuthenticationMethod."
    })
final class FactorsCommand extends ConnectedCommand {
  @Parameters(paramLabel = "USER", description = "An id, a login or a primary email.")
  @Nullable String user;

  @Override
  boolean needsGroup() {
    return false;
  }

  @Override
  public Integer call() {
    try (Connection connection = connect()) {
      Employee employee = resolve(connection, Objects.requireNonNull(user));
      for (Factor factor : connection.directory().factors(employee.id())) {
        out().println(Output.json(Output.factor(factor)));
      }
      return ExitCodes.OK;
    }
  }
}
