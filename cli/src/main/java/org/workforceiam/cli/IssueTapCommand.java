package org.workforceiam.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.TemporaryAccessPass;
import org.workforceiam.core.UserId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code issue-tap}: a Temporary Access Pass for a member, so that someone who lost every method
 * can sign in once and register new ones. Microsoft Entra ID only; with Okta it is exit 8 before
 * any request (its reset service has no such capability). The pass is printed on stdout alone:
 * never on stderr, in the audit log or in a log line.
 */
@Command(
    name = "issue-tap",
    mixinStandardHelpOptions = true,
    description = {
      "Issue a Temporary Access Pass to a member (Microsoft Entra ID only), usable once within"
          + " 60 minutes unless told otherwise; the tenant's Temporary Access Pass policy bounds"
          + " both.",
      "Prints userId, action, temporaryAccessPass, lifetimeMinutes and usableOnce."
    })
final class IssueTapCommand extends ChangeCommand {
  @Option(
      names = "--lifetime-minutes",
      paramLabel = "N",
      defaultValue = "60",
      description =
          "How long the pass is valid, in minutes (default 60; Entra allows 10 to 43200).")
  int lifetimeMinutes = 60;

  @Option(
      names = "--reusable",
      description = "Good for any number of sign-ins within its lifetime, where the policy allows.")
  boolean reusable;

  @Override
  void validate() {
    if (lifetimeMinutes <= 0) {
      throw new UsageException(
          "--lifetime-minutes must be a positive number of minutes, not "
              + lifetimeMinutes
              + "; Entra allows 10 to 43200 within the tenant's policy");
    }
  }

  private TemporaryAccessPass request() {
    Duration lifetime = Duration.ofMinutes(lifetimeMinutes);
    return reusable
        ? TemporaryAccessPass.reusable(lifetime)
        : TemporaryAccessPass.usableOnce(lifetime);
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
    return "issue_temporary_access_pass";
  }

  @Override
  Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("lifetimeMinutes", lifetimeMinutes);
    options.put("usableOnce", !reusable);
    return options;
  }

  @Override
  ResetResult change(ResetService resets, UserId user) {
    return resets.issueTemporaryAccessPass(user, request());
  }

  @Override
  void putResult(ResetResult result, Map<String, @Nullable Object> json) {
    ResetResult.AccessPass pass = (ResetResult.AccessPass) result;
    json.put("temporaryAccessPass", pass.pass().reveal());
    json.put("lifetimeMinutes", pass.lifetime().toMinutes());
    json.put("usableOnce", pass.usableOnce());
  }

  @Override
  Class<ResetResult.AccessPass> resultType() {
    return ResetResult.AccessPass.class;
  }

  @Override
  DryRun plan(DryRuns dryRuns, UserId user) {
    return dryRuns.issueTemporaryAccessPass(user, request());
  }
}
