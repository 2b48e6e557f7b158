package org.workforceiam.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.DryRuns;
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
  @Option(names = "--oauth-tokens", description = "Also revoke the user's OAuth tokens.")
  boolean oauthTokens;

  @Option(names = "--forget-devices", description = "Also forget the user's remembered devices.")
  boolean forgetDevices;

  private SessionRevocation request() {
    SessionRevocation request = SessionRevocation.sessionsOnly().withOauthTokens(oauthTokens);
    return forgetDevices ? request.with(OktaOptions.FORGET_DEVICES) : request;
  }

  @Override
  String action() {
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
  ResetResult change(ResetService resets, UserId user, Map<String, Object> json) {
    return resets.revokeSessions(user, request());
  }

  @Override
  DryRun plan(DryRuns dryRuns, UserId user) {
    return dryRuns.revokeSessions(user, request());
  }
}
