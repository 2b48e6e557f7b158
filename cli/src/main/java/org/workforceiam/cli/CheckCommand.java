package org.workforceiam.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.workforceiam.core.IamException;
import org.workforceiam.okta.ConnectionCheck;
import picocli.CommandLine.Command;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Test the connection as an admin does after setup: get a token, compare the granted"
            + " scopes with the requested ones, read the group and its first page.")
final class CheckCommand extends OktaCommand {
  @Override
  public Integer call() {
    try (Connection okta = connect()) {
      ConnectionCheck check = okta.check();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("orgUrl", check.orgUrl());
      json.put("tokenType", check.tokenType().orElse(null));
      json.put("scopesRequested", check.scopesRequested());
      json.put("scopesGranted", check.scopesGranted());
      json.put("groupId", check.group().map(g -> g.value()).orElse(null));
      json.put("groupReadable", check.groupReadable());
      json.put(
          "firstPageCount",
          check.firstPageCount().isPresent() ? check.firstPageCount().getAsInt() : null);
      json.put("problems", check.problems().stream().map(IamException::getMessage).toList());
      out().println(Output.prettyJson(json));
      if (check.problems().isEmpty()) {
        return ExitCodes.OK;
      }
      // A failed check is an error like any other: its first problem, one line on stderr.
      IamException first = check.problems().get(0);
      err().println("error: " + Helpdesk.oneLine(String.valueOf(first.getMessage())));
      return ExitCodes.of(first);
    }
  }
}
