package org.workforceiam.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.DryRun;
import org.workforceiam.okta.DryRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "reset-mfa",
    mixinStandardHelpOptions = true,
    description = {
      "Reset a member's MFA: every factor (default) or one.",
      "Prints userId, action and factorsReset."
    })
final class ResetMfaCommand extends ChangeCommand {
  @Option(names = "--factor", paramLabel = "FACTOR_ID", description = "Remove only this factor.")
  @Nullable String factor;

  private MfaReset request() {
    return factor == null ? MfaReset.allFactors() : MfaReset.factor(FactorId.of(factor));
  }

  @Override
  String action() {
    return factor == null ? "reset_factors" : "delete_factor";
  }

  @Override
  Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("factor", factor);
    return options;
  }

  @Override
  ResetResult change(ResetService resets, UserId user, Map<String, Object> json) {
    ResetResult.Mfa result = resets.resetMfa(user, request());
    json.put("factorsReset", result.factorsReset().stream().map(FactorId::value).toList());
    return result;
  }

  @Override
  DryRun plan(DryRuns dryRuns, UserId user) {
    return dryRuns.resetMfa(user, request());
  }
}
