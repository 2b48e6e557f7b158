package org.workforceiam.cli;

import java.util.Map;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;
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
  Map<String, Object> options() {
    return Map.of();
  }

  @Override
  ResetResult change(ResetService resets, UserId user, Map<String, Object> json) {
    ResetResult.Unlock result = resets.unlock(user);
    json.put("status", result.status().name());
    return result;
  }

  @Override
  DryRun plan(DryRuns dryRuns, UserId user) {
    return dryRuns.unlock(user);
  }
}
