package org.workforceiam.cli;

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
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.OktaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "revoke-sessions",
    mixinStandardHelpOptions = true,
    description = {"End a member's sessions.", "Prints userId and action."})
final class RevokeSessionsCommand extends ChangeCommand {
  @Option(
      names = "--oauth-tokens",
      description =
          "Also revoke the user's OAuth tokens (Microsoft Entra ID always revokes the refresh"
              + " tokens).")
  boolean oauthTokens;

  @Option(
      names = "--forget-devices",
      description = "Also forget the user's remembered devices (Okta only).")
  boolean forgetDevices;

  private SessionRevocation request() {
    SessionRevocation request = SessionRevocation.sessionsOnly().withOauthTokens(oauthTokens);
    return forgetDevices ? request.with(OktaOptions.FORGET_DEVICES) : request;
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
    return "revoke_sessions";
  }

  @Override
  Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("oauthTokens", oauthTokens);
    options.put("forgetDevices", forgetDevices);
    return options;
  }

  @Override
  ResetResult change(ResetService resets, UserId user) {
    return resets.revokeSessions(user, request());
  }

  @Override
  void putResult(ResetResult result, Map<String, @Nullable Object> json) {}

  @Override
  Class<ResetResult.Sessions> resultType() {
    return ResetResult.Sessions.class;
  }

  @Override
  DryRun plan(DryRuns dryRuns, UserId user) {
    return dryRuns.revokeSessions(user, request());
  }
}
