package org.workforceiam.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;
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

  /**
   * Refuses a factor id that is not in Okta's form before the user is even looked up, so nothing at
   * all is sent. The adapter checks the same rule again where it builds the URL.
   */
  @Override
  void validate() {
    if (factor != null && !factor.matches("[A-Za-z0-9]{1,64}")) {
      String shown = factor.length() > 64 ? factor.substring(0, 64) + "…" : factor;
      throw new UsageException(
          "--factor '"
              + shown.replaceAll("\\p{Cntrl}", "?")
              + "' is not an Okta factor id: ASCII letters and digits, at most 64, for example"
              + " sms1o51EADOTFXHHBXBP; run 'helpdesk factors USER' to list them");
    }
  }

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
