package org.workforceiam.cli;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.IamException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that talks to Okta: it takes the connection settings, before or after it, and says in
 * its {@code --help} which of them it needs.
 */
abstract class OktaCommand extends BaseCommand {
  /** Null when no connection flag was given after the command. */
  @ArgGroup(exclusive = false, validate = false, heading = ConfigOptions.HEADING, order = 1)
  @Nullable ConfigOptions config;

  /** Whether the command needs the group: every command but those that only read one user. */
  boolean needsGroup() {
    return true;
  }

  /** Adds to this command's help which connection settings it needs. */
  void describeNeeds(CommandSpec spec) {
    List<Settings.Setting> needed = Settings.needed(needsGroup());
    List<String> flags = needed.stream().map(setting -> setting.flag).toList();
    String list =
        String.join(", ", flags.subList(0, flags.size() - 1))
            + " and "
            + flags.get(flags.size() - 1);
    spec.usageMessage()
        // The settings in their natural order, org first, as the synopsis has them.
        .sortOptions(false)
        .sortSynopsis(false)
        .footerHeading("%n")
        .footer(
            "Needs "
                + list
                + " (or their environment variables); --key-id is optional"
                + (needsGroup() ? "." : ", and --group-id is not used."));
  }

  Settings settings() {
    return new Settings(config, root.config, root.env, verbose());
  }

  /** A connection from the settings, with the group when this command needs it. */
  Connection connect() {
    return settings().connect(needsGroup());
  }

  /** A connection, as {@link #connect()}, whose client reports its events to a listener. */
  Connection connect(IamEventListener events) {
    return settings().connect(needsGroup(), events);
  }

  /** Finds the user a person named by id, login or primary email: one lookup. */
  static Employee resolve(IamDirectory directory, String user) {
    return directory
        .find(user)
        .orElseThrow(
            () ->
                new IamException.NotFound(
                    "no user matches '" + user + "' as an id, a login or a primary email",
                    ErrorDetails.none()));
  }
}
