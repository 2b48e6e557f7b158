package org.workforceiam.cli;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The identity provider a run talks to: {@code --provider}, else {@code IAM_PROVIDER}, else Okta.
 * The constants are lower-case because they are what a user types.
 */
enum Provider {
  /** Okta, through an API Services app: the default. */
  okta("Okta", 20),
  /** Microsoft Entra ID, through Microsoft Graph as an app registration. */
  entra("Microsoft Entra ID", 36);

  /** The environment variable that chooses the provider when no flag does. */
  static final String ENV = "IAM_PROVIDER";

  /** The provider's name in messages. */
  final String displayName;

  /** How wide a user id is, for the table format: Okta's 20 characters, Entra's GUIDs. */
  final int idWidth;

  Provider(String displayName, int idWidth) {
    this.displayName = displayName;
    this.idWidth = idWidth;
  }

  /**
   * The provider of a run: the flag after the command, else the one before it, else {@value #ENV},
   * else Okta.
   *
   * @throws UsageException when {@value #ENV} names no provider
   */
  static Provider of(@Nullable Provider command, @Nullable Provider root, Map<String, String> env) {
    if (command != null) {
      return command;
    }
    if (root != null) {
      return root;
    }
    String value = env.get(ENV);
    if (value == null || value.isBlank()) {
      return okta;
    }
    String name = value.strip().toLowerCase(Locale.ROOT);
    for (Provider provider : values()) {
      if (provider.name().equals(name)) {
        return provider;
      }
    }
    throw new UsageException(
        ENV
            + " must be okta or entra, not '"
            + Printable.escape(value.length() > 40 ? value.substring(0, 40) + "…" : value)
            + "'; unset it for Okta, or give --provider");
  }
}
