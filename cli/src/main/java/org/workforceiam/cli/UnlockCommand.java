package org.workforceiam.cli;

import java.util.Map;
import java.util.Set;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
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
  Operation operation() {
    return Operation.UNLOCK;
  }

  @Override
  Set<OperationOption> operationOptions() {
    return Set.of();
  }

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
  Connection.Plan plan(Connection.DryRunPlanner dryRuns, UserId user) {
    return dryRuns.unlock(user);
  }
}
