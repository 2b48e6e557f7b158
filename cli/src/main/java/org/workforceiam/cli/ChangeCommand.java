package org.workforceiam.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.Employee;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A command that changes a user: it resolves the user (one lookup), and makes the change or, with
 * {@code --dry-run}, says what it would do. Changes reach only members of the configured group.
 * Every attempt, dry runs and refusals included, is recorded in the {@link AuditLog} before
 * anything is changed, and its outcome after. When the outcome cannot be recorded, the command
 * keeps its exit code (the change was made, or failed, either way) and warns on stderr, naming the
 * file and the attempt.
 */
abstract class ChangeCommand extends OktaCommand {
  @Parameters(paramLabel = "USER", description = "An id, a login or a primary email.")
  @Nullable String user;

  @Option(
      names = "--dry-run",
      description =
          "Resolve the user and run the group check, print what would be done, change nothing.")
  boolean dryRun;

  @Option(
      names = "--audit-log",
      paramLabel = "FILE",
      description =
          "Where every change attempt is recorded, one JSON line before it is sent and one after"
              + " (env HELPDESK_AUDIT_LOG; default $XDG_STATE_HOME/helpdesk/audit.jsonl, else"
              + " ~/.local/state/helpdesk/audit.jsonl). If it cannot be written, nothing is sent.")
  @Nullable String auditLog;

  @Option(
      names = "--actor",
      paramLabel = "NAME",
      description =
          "Who asked for the change, recorded in the audit log beside the OS user, such as the"
              + " agent's or the ticket's name (env HELPDESK_ACTOR).")
  @Nullable String actor;

  @Override
  public final Integer call() {
    validate();
    Optional<String> actor = actor();
    Settings settings = settings();
    try (AuditLog log = AuditLog.open(AuditLog.location(auditLog, root.env), Clock.systemUTC());
        Connection okta = connect()) {
      AuditLog.Attempt attempt = log.attempt(auditFields(actor, settings));
      Employee employee;
      try {
        employee = resolve(okta.directory(), Objects.requireNonNull(user));
      } catch (RuntimeException e) {
        // Nothing was changed, but the attempt was made: both lines, after the lookup.
        recordQuietly(
            () -> {
              attempt.started();
              attempt.failed(e);
            },
            e);
        throw e;
      }
      attempt.put("userId", employee.id().value());
      attempt.started(); // before anything is sent; when it cannot be written, nothing is
      Map<String, Object> json;
      Optional<String> requestId;
      try {
        if (dryRun) {
          json = dryRunJson(plan(okta.dryRuns(), employee.id()));
          requestId = Optional.empty();
        } else {
          json = new LinkedHashMap<>();
          json.put("userId", employee.id().value());
          json.put("action", action());
          ResetService resets = okta.resets().withActor(actor.orElse(AuditLog.osUser()));
          requestId = change(resets, employee.id(), json).requestId();
        }
      } catch (RuntimeException e) {
        recordQuietly(() -> attempt.failed(e), e);
        throw e;
      }
      out().println(Output.json(json));
      out().flush();
      try {
        attempt.ended(dryRun ? "PLANNED" : "SUCCEEDED", requestId);
      } catch (AuditLog.OutcomeNotRecorded e) {
        // The change was made and its result printed: undoing it is not the log's call, and a
        // failing exit would make a script repeat it. The operator must know the record is short.
        err()
            .println(
                "warning: "
                    + (dryRun ? "nothing was changed (dry run), but " : "the change was made, but ")
                    + Helpdesk.oneLine(String.valueOf(e.getMessage())));
        err().flush();
      }
      return ExitCodes.OK;
    }
  }

  /** The name from --actor or HELPDESK_ACTOR, checked before anything is sent. */
  private Optional<String> actor() {
    String value = actor != null ? actor : root.env.get(AuditLog.ACTOR_ENV);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String name = value.strip();
    if (name.length() > 200 || name.codePoints().anyMatch(Character::isISOControl)) {
      throw new UsageException(
          "--actor must be at most 200 characters without control characters, not '"
              + Printable.escape(name.length() > 200 ? name.substring(0, 200) + "…" : name)
              + "'");
    }
    return Optional.of(name);
  }

  /** What every line of this attempt repeats; never a secret. */
  private Map<String, @Nullable Object> auditFields(Optional<String> actor, Settings settings) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("operator", AuditLog.osUser());
    fields.put("actor", actor.orElse(null));
    fields.put("host", AuditLog.host(root.env));
    fields.put("provider", "okta");
    fields.put("org", settings.get(Settings.Setting.ORG_URL).orElse(null));
    fields.put("group", settings.get(Settings.Setting.GROUP_ID).orElse(null));
    fields.put("user", user);
    fields.put("userId", null);
    fields.put("operation", action());
    fields.put("options", options());
    fields.put("dryRun", dryRun);
    return fields;
  }

  /**
   * Writes an outcome line after a failure without hiding the failure itself; warns when the line
   * could not be written, since the log then holds the attempt alone.
   */
  private void recordQuietly(Runnable record, RuntimeException failure) {
    try {
      record.run();
    } catch (AuditLog.OutcomeNotRecorded e) {
      err().println("warning: " + Helpdesk.oneLine(String.valueOf(e.getMessage())));
      err().flush();
      failure.addSuppressed(e);
    } catch (UsageException e) {
      failure.addSuppressed(e);
    }
  }

  /** Checks the options before anything is sent. */
  void validate() {}

  /** The action name of the contract. */
  abstract String action();

  /** The options of the change as the audit log records them; never a secret. */
  abstract Map<String, Object> options();

  /** Makes the change, for a member of the group only, adds its result fields and returns it. */
  abstract ResetResult change(ResetService resets, UserId user, Map<String, Object> json);

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
