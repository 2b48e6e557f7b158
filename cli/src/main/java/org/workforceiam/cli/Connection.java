package org.workforceiam.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.DryRuns;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.ResetService;

/**
 * What a command works with, whatever the provider: the directory and, for the commands that need
 * the group, the group of employees with the reset service, dry runs and check for it. Changes
 * reach only members of that group, and every attempt is audited.
 *
 * <p>One implementation per provider ({@link OktaConnection}, {@link EntraConnection}), made by
 * {@link Settings#connect} from the run's settings; the commands never see the provider's client. A
 * provider that cannot do something throws {@code IamException.OperationNotSupported} (exit 8)
 * before any request.
 */
interface Connection extends AutoCloseable {
  /** {@return the provider} */
  Provider provider();

  /** {@return where the changes go, as the audit log records it: Okta's org URL, Entra's tenant} */
  String target();

  /** {@return the provider's directory} */
  IamDirectory directory();

  /** {@return how a user may be named, for "no user matches '…' as …"} */
  String userForms();

  /** {@return the group of employees from {@code --group-id}} */
  GroupId group();

  /**
   * {@return changes for members of the group, audited; its capabilities say what the provider
   * supports}
   */
  ResetService resets();

  /**
   * {@return plans of changes for members of the group, through the same guard, changing nothing; a
   * plan may hold no request (nothing to do), and {@code available()} is the provider's to say}
   */
  DryRuns dryRuns();

  /** {@return the set-up test with the group, as {@code check} prints it} */
  CheckReport check();

  @Override
  void close();

  /**
   * What {@code check} prints and how it ends.
   *
   * @param json the object printed on stdout, every key of the provider's contract
   * @param warnings what will go wrong soon, printed on stderr as {@code warning: …}
   * @param problem the problem to report as the error line, with its exit code, if any
   */
  record CheckReport(
      Map<String, @Nullable Object> json, List<String> warnings, Optional<Problem> problem) {
    public CheckReport {
      warnings = List.copyOf(warnings);
    }
  }

  /** A problem found by {@code check}: the error line's text and the exit code. */
  record Problem(String message, int exitCode) {}
}
