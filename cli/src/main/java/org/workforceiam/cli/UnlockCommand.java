package org.workforceiam.cli;

import java.util.Map;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.DryRun;
import org.workforceiam.okta.OktaClient;
import picocli.CommandLine.Command;

@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    description = {"Unlock a locked-out member.", "Prints userId, action and status."})
final class UnlockCommand extends ChangeCommand {
  @Override
  String action() {
    return "unlock";
  }

  @Override
  void change(OktaClient okta, UserId user, Map<String, Object> json) {
    ResetResult.Unlock result = okta.unlock(user);
    json.put("status", result.status().name());
  }

  @Override
  DryRun plan(OktaClient okta, UserId user) {
    return okta.dryRunUnlock(user);
  }
}
