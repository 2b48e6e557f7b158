package org.workforceiam.cli;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;
import picocli.CommandLine.Command;

@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    description = {
      "Unlock a locked-out member (Okta only: Microsoft Entra ID has no unlock API).",
      "Prints userId, action and status."
    })
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
  String action(Provider provider) {
    return "unlock";
  }

  @Override
  Map<String, Object> options() {
    return Map.of();
  }

  @Override
  ResetResult change(ResetService resets, UserId user) {
    return resets.unlock(user);
  }

  @Override
  void putResult(ResetResult result, Map<String, @Nullable Object> json) {
    json.put("status", ((ResetResult.Unlock) result).status().name());
  }

  @Override
  Class<ResetResult.Unlock> resultType() {
    return ResetResult.Unlock.class;
  }

  @Override
  DryRun plan(DryRuns dryRuns, UserId user) {
    return dryRuns.unlock(user);
  }
}
