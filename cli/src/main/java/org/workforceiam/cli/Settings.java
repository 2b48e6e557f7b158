package org.workforceiam.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.AuditListener;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.okta.OktaClient;

/**
 * The settings of one run, resolved from the command's flags, the flags before the command and the
 * environment, in that order.
 */
final class Settings {
  /** A setting: its flag and environment variable. */
  enum Setting {
    ORG_URL("--org-url", "OKTA_ORG_URL"),
    CLIENT_ID("--client-id", "OKTA_CLIENT_ID"),
    PRIVATE_KEY("--private-key", "OKTA_PRIVATE_KEY_FILE"),
    KEY_ID("--key-id", "OKTA_KEY_ID"),
    GROUP_ID("--group-id", "OKTA_GROUP_ID");

    final String flag;
    final String env;

    Setting(String flag, String env) {
      this.flag = flag;
      this.env = env;
    }
  }

  private final @Nullable ConfigOptions command;
  private final @Nullable ConfigOptions root;
  private final Map<String, String> env;
  private final boolean verbose;

  /**
   * The settings from the flags after the command, those before it and the environment.
   *
   * @param command the flags after the command, null when none was given
   * @param root the flags before the command, null when none was given
   * @param env the environment variables
   * @param verbose whether to log an HTTP summary
   */
  Settings(
      @Nullable ConfigOptions command,
      @Nullable ConfigOptions root,
      Map<String, String> env,
      boolean verbose) {
    this.command = command;
    this.root = root;
    this.env = env;
    this.verbose = verbose;
  }

  Optional<String> get(Setting setting) {
    String value = pick(flag(command, setting), flag(root, setting));
    if (value == null) {
      value = env.get(setting.env);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /**
   * Checks that every one of these settings is given, and reports all that are missing at once:
   * whoever sets up the tool fixes them in one go, not one run at a time.
   */
  void requireAll(List<Setting> needed) {
    List<String> missing = new ArrayList<>();
    for (Setting setting : needed) {
      if (get(setting).isEmpty()) {
        missing.add(setting.flag + " (or " + setting.env + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new UsageException(
          (missing.size() == 1 ? "missing setting " : "missing settings ")
              + String.join(", ", missing)
              + ": give each as a flag, or set its environment variable");
    }
  }

  /** The settings a command needs: the org, app and key, and the group when asked. */
  static List<Setting> needed(boolean needsGroup) {
    return needsGroup
        ? List.of(Setting.ORG_URL, Setting.CLIENT_ID, Setting.PRIVATE_KEY, Setting.GROUP_ID)
        : List.of(Setting.ORG_URL, Setting.CLIENT_ID, Setting.PRIVATE_KEY);
  }

  /**
   * A connection for commands that need the org, app and key, and the group when asked. Every
   * setting is checked before anything is sent, the group id among them.
   */
  Connection connect(boolean needsGroup) {
    return connect(needsGroup, IamEventListener.NONE);
  }

  /** A connection, as {@link #connect(boolean)}, whose client reports its events to a listener. */
  Connection connect(boolean needsGroup, IamEventListener events) {
    requireAll(needed(needsGroup));
    OktaClient.Builder builder =
        OktaClient.builder()
            .orgUrl(get(Setting.ORG_URL).orElseThrow())
            .clientId(get(Setting.CLIENT_ID).orElseThrow())
            .privateKeyFile(Path.of(get(Setting.PRIVATE_KEY).orElseThrow()))
            .httpLogging(verbose ? HttpLogging.BASIC : HttpLogging.NONE)
            .auditListener(AuditListener.logging())
            .eventListener(events);
    get(Setting.KEY_ID).ifPresent(builder::keyId);
    OktaClient client = builder.build();
    try {
      return new Connection(
          client,
          needsGroup
              ? Optional.of(GroupId.of(get(Setting.GROUP_ID).orElseThrow()))
              : Optional.empty());
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static @Nullable String flag(@Nullable ConfigOptions options, Setting setting) {
    if (options == null) {
      return null;
    }
    return switch (setting) {
      case ORG_URL -> options.orgUrl;
      case CLIENT_ID -> options.clientId;
      case PRIVATE_KEY -> options.privateKey;
      case KEY_ID -> options.keyId;
      case GROUP_ID -> options.groupId;
    };
  }

  private static @Nullable String pick(@Nullable String first, @Nullable String second) {
    return first != null ? first : second;
  }
}
