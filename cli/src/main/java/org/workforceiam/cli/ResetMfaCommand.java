package org.workforceiam.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "reset-mfa",
    mixinStandardHelpOptions = true,
    description = {
      "Reset a member's MFA: every factor (default) or one. Microsoft Entra ID: every"
          + " authentication method but the password, or one.",
      "Prints userId, action and factorsReset."
    })
final class ResetMfaCommand extends ChangeCommand {
  @Option(
      names = "--factor",
      paramLabel = "FACTOR_ID",
      description = "Remove only this factor (Entra: this authentication method).")
  @Nullable String factor;

  /**
   * Refuses a factor id that is not in the provider's form before the user is even looked up, so
   * nothing at all is sent; the adapter checks the same rule again where it builds the URL. Okta's
   * ids are ASCII letters and digits. Entra's authentication method ids are GUIDs for most methods
   * and base64url strings for FIDO2 and Windows Hello; Graph documents no grammar, so this takes
   * what the Entra adapter takes: 1 to 128 of {@code A-Z a-z 0-9 - _ =} (no dot, no slash).
   */
  @Override
  void validate() {
    if (factor == null) {
      return;
    }
    String shown = factor.length() > 64 ? factor.substring(0, 64) + "…" : factor;
    if (provider() == Provider.entra) {
      if (!factor.matches("[A-Za-z0-9_=-]{1,128}")) {
        throw new UsageException(
            "--factor '"
                + Printable.escape(shown)
                + "' is not an Entra authentication method id: a GUID such as"
                + " 28c10230-6103-485e-b985-444c60001490, or for FIDO2 and Windows Hello a base64url"
                + " id (letters, digits, - _ =, at most 128); run 'helpdesk factors USER' to list"
                + " them");
      }
    } else if (!factor.matches("[A-Za-z0-9]{1,64}")) {
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
  Operation operation() {
    return request().operation();
  }

  @Override
  Set<OperationOption> operationOptions() {
    return request().options();
  }

  @Override
  String action(Provider provider) {
    if (provider == Provider.entra) {
      return factor == null ? "delete_methods" : "delete_method";
    }
    return factor == null ? "reset_factors" : "delete_factor";
  }

  @Override
  Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("factor", factor);
    return options;
  }

  @Override
  ResetResult change(ResetService resets, UserId user) {
    return resets.resetMfa(user, request());
  }

  @Override
  void putResult(ResetResult result, Map<String, @Nullable Object> json) {
    json.put(
        "factorsReset",
        ((ResetResult.Mfa) result).factorsReset().stream().map(FactorId::value).toList());
  }

  @Override
  Class<ResetResult.Mfa> resultType() {
    return ResetResult.Mfa.class;
  }

  @Override
  DryRun plan(DryRuns dryRuns, UserId user) {
    return dryRuns.resetMfa(user, request());
  }
}
