package org.workforceiam.cli;

import java.util.Map;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.DryRun;
import org.workforceiam.okta.OktaClient;
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
    return SessionRevocation.sessionsOnly()
        .withOauthTokens(oauthTokens)
        .withForgetDevices(forgetDevices);
  }

  @Override
  String action() {
    return "revoke_sessions";
  }

  @Override
  void change(OktaClient okta, UserId user, Map<String, Object> json) {
    okta.revokeSessions(user, request());
  }

  @Override
  DryRun plan(OktaClient okta, UserId user) {
    return okta.dryRun(user, request());
  }
}
