package org.workforceiam.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.IamEventListener;

/**
 * The settings of one run, resolved from the command's flags, the flags before the command and the
 * environment, in that order. The flags are shared by the providers; their environment variables
 * are the provider's own ({@code OKTA_…} or {@code ENTRA_…}), and a setting only the other provider
 * has is refused, so that a mixed-up configuration fails before anything is sent.
 */
final class Settings {
  /** A setting: its flag, and its environment variable for each provider that has it. */
  enum Setting {
    ORG_URL("--org-url", "OKTA_ORG_URL", null),
    TENANT_ID("--tenant-id", null, "ENTRA_TENANT_ID"),
    CLIENT_ID("--client-id", "OKTA_CLIENT_ID", "ENTRA_CLIENT_ID"),
    PRIVATE_KEY("--private-key", "OKTA_PRIVATE_KEY_FILE", "ENTRA_PRIVATE_KEY_FILE"),
    KEY_ID("--key-id", "OKTA_KEY_ID", null),
    CERTIFICATE("--certificate", null, "ENTRA_CERTIFICATE_FILE"),
    CLIENT_SECRET_FILE("--client-secret-file", null, "ENTRA_CLIENT_SECRET_FILE"),
    GROUP_ID("--group-id", "OKTA_GROUP_ID", "ENTRA_GROUP_ID"),
    AUTHORITY_URL("--authority-url", null, "ENTRA_AUTHORITY_URL"),
    GRAPH_URL("--graph-url", null, "ENTRA_GRAPH_URL");

    final String flag;
    private final @Nullable String okta;
    private final @Nullable String entra;

    Setting(String flag, @Nullable String okta, @Nullable String entra) {
      this.flag = flag;
      this.okta = okta;
      this.entra = entra;
    }

    /** Whether the provider has this setting. */
    boolean appliesTo(Provider provider) {
      return variable(provider) != null;
    }

    private @Nullable String variable(Provider provider) {
      return switch (provider) {
        case okta -> okta;
        case entra -> entra;
      };
    }

    /** The environment variable of this setting for a provider that has it. */
    String env(Provider provider) {
      String variable = variable(provider);
      if (variable == null) {
        throw new IllegalStateException(flag + " is not a setting of " + provider.displayName);
      }
      return variable;
    }
  }

  private final Provider provider;
  private final @Nullable ConfigOptions command;
  private final @Nullable ConfigOptions root;
  private final Map<String, String> env;
  private final boolean verbose;

  /**
   * The settings from the flags after the command, those before it and the environment.
   *
   * @param provider the provider of this run
   * @param command the flags after the command, null when none was given
   * @param root the flags before the command, null when none was given
   * @param env the environment variables
   * @param verbose whether to log an HTTP summary
   */
  Settings(
      Provider provider,
      @Nullable ConfigOptions command,
      @Nullable ConfigOptions root,
      Map<String, String> env,
      boolean verbose) {
    this.provider = provider;
    this.command = command;
    this.root = root;
    this.env = env;
    this.verbose = verbose;
  }

  Provider provider() {
    return provider;
  }

  boolean verbose() {
    return verbose;
  }

  /** A setting of this run's provider: its flag, else its environment variable; never blank. */
  Optional<String> get(Setting setting) {
    String value = pick(flag(command, setting), flag(root, setting));
    if (value == null) {
      value = env.get(setting.env(provider));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** A setting that {@link #requireAll} has checked. */
  String require(Setting setting) {
    return get(setting)
        .orElseThrow(() -> new IllegalStateException(setting.flag + " was not checked"));
  }

  /** How a missing setting is named: its flag and its environment variable. */
  String describe(Setting setting) {
    return setting.flag + " (or " + setting.env(provider) + ")";
  }

  /**
   * Checks that every one of these settings is given, and reports all that are missing at once:
   * whoever sets up the tool fixes them in one go, not one run at a time.
   */
  void requireAll(List<Setting> needed) {
    List<String> missing = new ArrayList<>();
    for (Setting setting : needed) {
      if (get(setting).isEmpty()) {
        missing.add(describe(setting));
      }
    }
    reportMissing(missing);
  }

  /** Refuses the run, naming every missing setting, when any is. */
  static void reportMissing(List<String> missing) {
    if (!missing.isEmpty()) {
      throw new UsageException(
          (missing.size() == 1 ? "missing setting " : "missing settings ")
              + String.join(", ", missing)
              + ": give each as a flag, or set its environment variable");
    }
  }

  /** The settings an Okta command needs: the org, app and key, and the group when asked. */
  static List<Setting> needed(boolean needsGroup) {
    return needsGroup
        ? List.of(Setting.ORG_URL, Setting.CLIENT_ID, Setting.PRIVATE_KEY, Setting.GROUP_ID)
        : List.of(Setting.ORG_URL, Setting.CLIENT_ID, Setting.PRIVATE_KEY);
  }

  /**
   * A connection to this run's provider for commands that need it, with the group when asked. Every
   * setting is checked before anything is sent, the group id among them.
   *
   * @throws UsageException when a setting is missing or belongs to the other provider
   */
  Connection connect(boolean needsGroup) {
    return connect(needsGroup, IamEventListener.NONE);
  }

  /** A connection, as {@link #connect(boolean)}, whose client reports its events to a listener. */
  Connection connect(boolean needsGroup, IamEventListener events) {
    refuseOtherProvidersFlags();
    return switch (provider) {
      case okta -> OktaConnection.open(this, needsGroup, events);
      case entra -> EntraConnection.open(this, needsGroup, events);
    };
  }

  /**
   * A flag of the other provider is a mistake that would otherwise pass silently (an Okta org URL
   * beside {@code --provider entra}): refused, saying what to do instead. Environment variables of
   * the other provider are left alone, since one shell may hold both.
   */
  private void refuseOtherProvidersFlags() {
    for (Setting setting : Setting.values()) {
      if (setting.appliesTo(provider)
          || (flag(command, setting) == null && flag(root, setting) == null)) {
        continue;
      }
      throw new UsageException(
          switch (provider) {
            case okta ->
                setting.flag
                    + " is a Microsoft Entra ID setting: add --provider entra (or set "
                    + Provider.ENV
                    + "=entra), or leave it out for Okta";
            case entra ->
                setting.flag
                    + " is an Okta setting, not used with --provider entra"
                    + (setting == Setting.KEY_ID
                        ? ": Entra finds the key by the thumbprint of --certificate"
                        : ": give --tenant-id instead");
          });
    }
  }

  private static @Nullable String flag(@Nullable ConfigOptions options, Setting setting) {
    if (options == null) {
      return null;
    }
    return switch (setting) {
      case ORG_URL -> options.orgUrl;
      case TENANT_ID -> options.tenantId;
      case CLIENT_ID -> options.clientId;
      case PRIVATE_KEY -> options.privateKey;
      case KEY_ID -> options.keyId;
      case CERTIFICATE -> options.certificate;
      case CLIENT_SECRET_FILE -> options.clientSecretFile;
      case GROUP_ID -> options.groupId;
      case AUTHORITY_URL -> options.authorityUrl;
      case GRAPH_URL -> options.graphUrl;
    };
  }

  private static @Nullable String pick(@Nullable String first, @Nullable String second) {
    return first != null ? first : second;
  }
}
