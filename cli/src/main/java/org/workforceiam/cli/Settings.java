package org.workforceiam.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.AuditListener;
import org.workforceiam.core.HttpLogging;
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

  private final ConfigOptions command;
  private final ConfigOptions root;
  private final Map<String, String> env;

  Settings(ConfigOptions command, ConfigOptions root, Map<String, String> env) {
    this.command = command;
    this.root = root;
    this.env = env;
  }

  boolean verbose() {
    return command.verbose || root.verbose;
  }

  Optional<String> get(Setting setting) {
    String value = pick(flag(command, setting), flag(root, setting));
    if (value == null) {
      value = env.get(setting.env);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  String require(Setting setting) {
    return get(setting)
        .orElseThrow(
            () ->
                new UsageException(
                    "missing "
                        + setting.flag
                        + ": give it, or set the environment variable "
                        + setting.env));
  }

  /** A client for commands that need the org, app and key, and the group when asked. */
  OktaClient client(boolean needsGroup) {
    String orgUrl = require(Setting.ORG_URL);
    String clientId = require(Setting.CLIENT_ID);
    String keyFile = require(Setting.PRIVATE_KEY);
    Optional<String> group = needsGroup ? Optional.of(require(Setting.GROUP_ID)) : Optional.empty();
    OktaClient.Builder builder =
        OktaClient.builder()
            .orgUrl(orgUrl)
            .clientId(clientId)
            .privateKeyFile(Path.of(keyFile))
            .httpLogging(verbose() ? HttpLogging.BASIC : HttpLogging.NONE)
            .auditListener(AuditListener.logging());
    get(Setting.KEY_ID).ifPresent(builder::keyId);
    group.ifPresent(builder::groupId);
    return builder.build();
  }

  private static @Nullable String flag(ConfigOptions options, Setting setting) {
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
