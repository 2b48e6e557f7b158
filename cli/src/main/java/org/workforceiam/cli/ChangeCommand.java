package org.workforceiam.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.DryRun;
import org.workforceiam.okta.DryRuns;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A command that changes a user: it resolves the user (one lookup), and makes the change or, with
 * {@code --dry-run}, says what it would do. Changes reach only members of the configured group.
 */
abstract class ChangeCommand extends OktaCommand {
  @Parameters(paramLabel = "USER", description = "An id, a login or a primary email.")
  @Nullable String user;

  @Option(
      names = "--dry-run",
      description =
          "Resolve the user and run the group check, print what would be done, change nothing.")
  boolean dryRun;

  @Override
  public final Integer call() {
    validate();
    try (Connection okta = connect()) {
      Employee employee = resolve(okta.directory(), Objects.requireNonNull(user));
      Map<String, Object> json;
      if (dryRun) {
        json = dryRunJson(plan(okta.dryRuns(), employee.id()));
      } else {
        json = new LinkedHashMap<>();
        json.put("userId", employee.id().value());
        json.put("action", action());
        change(okta.resets(), employee.id(), json);
      }
      out().println(Output.json(json));
      return ExitCodes.OK;
    }
  }

  /** Checks the options before anything is sent. */
  void validate() {}

  /** The action name of the contract. */
  abstract String action();

  /** Makes the change, for a member of the group only, and adds its result fields. */
  abstract void change(ResetService resets, UserId user, Map<String, Object> json);

  /** Works out the change without making it, through the same group check. */
  abstract DryRun plan(DryRuns dryRuns, UserId user);

  private Map<String, Object> dryRunJson(DryRun plan) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("dryRun", true);
    json.put("userId", plan.user().value());
    json.put("action", action());
    DryRun.Request first = plan.requests().get(0);
    json.put("request", request(first));
    json.put("requests", plan.requests().stream().map(ChangeCommand::request).toList());
    json.put("available", plan.available().orElse(null));
    return json;
  }

  private static Map<String, Object> request(DryRun.Request request) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("method", request.method());
    json.put("path", request.path());
    return json;
  }
}
