package org.workforceiam.cli;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.Factor;
import org.workforceiam.core.IamDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "factors",
    mixinStandardHelpOptions = true,
    description = {
      "List a user's enrolled MFA factors, one JSON object a line.",
      "Okta lists only the factors its enrollment policy shows this app, so some may be missing."
    })
final class FactorsCommand extends OktaCommand {
  @Parameters(paramLabel = "USER", description = "An id, a login or a primary email.")
  @Nullable String user;

  @Override
  boolean needsGroup() {
    return false;
  }

  @Override
  public Integer call() {
    try (Connection okta = connect()) {
      IamDirectory directory = okta.directory();
      Employee employee = resolve(directory, Objects.requireNonNull(user));
      for (Factor factor : directory.factors(employee.id())) {
        out().println(Output.json(Output.factor(factor)));
      }
      return ExitCodes.OK;
    }
  }
}
