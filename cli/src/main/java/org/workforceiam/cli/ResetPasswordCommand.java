package org.workforceiam.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.Secret;
import org.workforceiam.core.UserId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "reset-password",
    mixinStandardHelpOptions = true,
    description = {
      "Reset a member's password: a one-time reset link (default), a temporary password, or"
          + " expire it so a new one must be set at next sign-in. Microsoft Entra ID: --mode temp"
          + " only.",
      "Prints userId, action, resetUrl, emailSent, tempPassword and sessionsRevoked."
    })
final class ResetPasswordCommand extends ChangeCommand {
  /** The modes of the contract. */
  enum Mode {
    link,
    temp,
    expire
  }

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "link",
      description = "link (default), temp or expire.")
  Mode mode = Mode.link;

  @Option(names = "--send-email", description = "With --mode link: Okta emails the link.")
  boolean sendEmail;

  @Option(names = "--revoke-sessions", description = "Also end the user's sessions.")
  boolean revokeSessions;

  @Override
  void validate() {
    if (sendEmail && mode != Mode.link) {
      throw new UsageException("--send-email goes only with --mode link, not --mode " + mode);
    }
  }

  private PasswordReset request() {
    PasswordReset reset =
        switch (mode) {
          case link -> sendEmail ? PasswordReset.emailedLink() : PasswordReset.link();
          case temp -> PasswordReset.temporaryPassword();
          case expire -> PasswordReset.expire();
        };
    return reset.withRevokeSessions(revokeSessions);
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
    if (provider == Provider.entra && mode == Mode.temp) {
      return "set_temporary_password";
    }
    return switch (mode) {
      case link -> "reset_password";
      case temp -> "expire_password_with_temp_password";
      case expire -> "expire_password";
    };
  }

  @Override
  Map<String, Object> options() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("mode", mode.name());
    options.put("sendEmail", sendEmail);
    options.put("revokeSessions", revokeSessions);
    return options;
  }

  @Override
  ResetResult change(ResetService resets, UserId user) {
    return resets.resetPassword(user, request());
  }

  @Override
  void putResult(ResetResult result, Map<String, @Nullable Object> json) {
    ResetResult.Password password = (ResetResult.Password) result;
    json.put("resetUrl", password.resetLink().map(Secret::reveal).orElse(null));
    json.put("emailSent", password.emailSent());
    json.put("tempPassword", password.temporaryPassword().map(Secret::reveal).orElse(null));
    json.put("sessionsRevoked", password.sessionsRevoked());
  }

  @Override
  Class<ResetResult.Password> resultType() {
    return ResetResult.Password.class;
  }

  @Override
  DryRun plan(DryRuns dryRuns, UserId user) {
    return dryRuns.resetPassword(user, request());
  }
}
