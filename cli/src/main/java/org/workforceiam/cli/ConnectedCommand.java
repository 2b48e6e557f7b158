package org.workforceiam.cli;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.IamException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that talks to the provider: it takes the connection settings, before or after it, and
 * says in its {@code --help} which of them it needs with each provider. It works with a {@link
 * Connection}, never with a provider's client.
 */
abstract class ConnectedCommand extends BaseCommand {
  /** Null when no connection flag was given after the command. */
  @ArgGroup(exclusive = false, validate = false, heading = ConfigOptions.HEADING, order = 1)
  @Nullable ConfigOptions config;

  /** Whether the command needs the group: every command but those that only read one user. */
  boolean needsGroup() {
    return true;
  }

  /** Adds to this command's help which connection settings it needs, for each provider. */
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
            "With --provider entra, needs --tenant-id, --client-id"
                + (needsGroup() ? ", --group-id" : "")
                + " and --private-key with --certificate, or else --client-secret-file (or"
                + " their ENTRA_ environment variables)"
                + (needsGroup() ? "" : "; --group-id is not used")
                + "; --authority-url and --graph-url are optional.",
            "With Okta, the default provider:",
            "Needs "
                + list
                + " (or their environment variables); --key-id is optional"
                + (needsGroup() ? "." : ", and --group-id is not used."));
  }

  Settings settings() {
    return new Settings(provider(), config, root.config, root.env, verbose());
  }

  /** A connection from the settings, with the group when this command needs it. */
  Connection connect() {
    return settings().connect(needsGroup());
  }

  /** A connection, as {@link #connect()}, whose client reports its events to a listener. */
  Connection connect(IamEventListener events) {
    return settings().connect(needsGroup(), events);
  }

  /** Finds the user a person named by id, login or email: one lookup. */
  static Employee resolve(Connection connection, String user) {
    return connection
        .directory()
        .find(user)
        .orElseThrow(
            () ->
                new IamException.NotFound(
                    "no user matches '" + user + "' as " + connection.userForms(),
                    ErrorDetails.none()));
  }
}
