package org.workforceiam.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.DryRun;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.Employee;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
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
 *
 * <p>What the provider cannot do ({@link ResetService#capabilities()}) is refused with exit 8
 * before the user is looked up, so before any request; the refusal is audited like any other.
 */
abstract class ChangeCommand extends ConnectedCommand {
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
    try (AuditLog log = AuditLog.open(AuditLog.location(auditLog, root.env), Clock.systemUTC());
        Connection connection = connect()) {
      Provider provider = connection.provider();
      AuditLog.Attempt attempt = log.attempt(auditFields(actor, connection));
      Employee employee;
      try {
        // What the provider cannot do is refused before any request, the lookup included.
        connection.resets().capabilities().require(operation(), operationOptions());
        employee = resolve(connection, Objects.requireNonNull(user));
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
      Map<String, @Nullable Object> json;
      Optional<String> requestId;
      try {
        if (dryRun) {
          json = dryRunJson(plan(connection.dryRuns(), employee.id()), provider);
          requestId = Optional.empty();
        } else {
          ResetService resets = connection.resets().withActor(actor.orElse(AuditLog.osUser()));
          ResetResult result = change(resets, employee.id());
          json = resultJson(employee.id(), provider, result);
          requestId = result.requestId();
        }
      } catch (IamException.PartiallyApplied e) {
        // Part of the change is in force (a password set, methods deleted): what is in force is
        // printed as on success, so the operator can hand it over; the error line says the rest.
        e.result()
            .filter(resultType()::isInstance)
            .ifPresent(
                result -> {
                  out().println(Output.json(resultJson(employee.id(), provider, result)));
                  out().flush();
                });
        recordQuietly(() -> attempt.failed(e), e);
        throw e;
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
  private Map<String, @Nullable Object> auditFields(Optional<String> actor, Connection connection) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("operator", AuditLog.osUser());
    fields.put("actor", actor.orElse(null));
    fields.put("host", AuditLog.host(root.env));
    fields.put("provider", connection.provider().name());
    fields.put("org", connection.target());
    fields.put("group", connection.group().value());
    fields.put("user", user);
    fields.put("userId", null);
    fields.put("operation", action(connection.provider()));
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

  /** The action name of the contract for this provider. */
  abstract String action(Provider provider);

  /** The operation the change asks the provider for, checked against its capabilities. */
  abstract Operation operation();

  /** The options of the operation, checked against the provider's capabilities. */
  abstract Set<OperationOption> operationOptions();

  /** The options of the change as the audit log records them; never a secret. */
  abstract Map<String, Object> options();

  /** Makes the change, for a member of the group only, and returns its result. */
  abstract ResetResult change(ResetService resets, UserId user);

  /**
   * Adds the result's fields, every key of the contract (those the provider has no value for as
   * null or false). Called on success, and with the part in force when the change was partly
   * applied.
   */
  abstract void putResult(ResetResult result, Map<String, @Nullable Object> json);

  /** The type of {@link #change}'s result, which {@link #putResult} takes. */
  abstract Class<? extends ResetResult> resultType();

  /** Works out the change without making it, through the same group check. */
  abstract DryRun plan(DryRuns dryRuns, UserId user);

  private Map<String, @Nullable Object> resultJson(
      UserId user, Provider provider, ResetResult result) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("userId", user.value());
    json.put("action", action(provider));
    putResult(result, json);
    return json;
  }

  /**
   * The dry run's object: {@code request} is the first request, {@code requests} all of them; a
   * plan with nothing to send (an MFA reset of a user without methods) has a null {@code request}
   * and an empty {@code requests}.
   */
  private Map<String, @Nullable Object> dryRunJson(DryRun plan, Provider provider) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("dryRun", true);
    json.put("userId", plan.user().value());
    json.put("action", action(provider));
    json.put("request", plan.requests().isEmpty() ? null : request(plan.requests().get(0)));
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
