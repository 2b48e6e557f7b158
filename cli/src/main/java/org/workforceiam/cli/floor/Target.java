package org.workforceiam.cli.floor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The org, app and group a benchmarked sync runs against, as the benchmark's child processes take
 * them: {@code --org-url URL --client-id ID --private-key FILE --key-id KID --group-id GROUP
 * --page-size P --members N [--no-dpop]}.
 *
 * @param orgUrl the simulated org's URL
 * @param clientId the app's client id
 * @param privateKey the app's RSA private key, a PKCS#8 PEM file
 * @param keyId the key's id
 * @param group the group id
 * @param pageSize the page size
 * @param members how many members the group has
 * @param dpop whether the app requires DPoP
 */
record Target(
    String orgUrl,
    String clientId,
    Path privateKey,
    String keyId,
    String group,
    int pageSize,
    int members,
    boolean dpop) {

  /** The arguments that {@link #parse} reads back. */
  List<String> args() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--org-url", orgUrl,
                "--client-id", clientId,
                "--private-key", privateKey.toString(),
                "--key-id", keyId,
                "--group-id", group,
                "--page-size", Integer.toString(pageSize),
                "--members", Integer.toString(members)));
    if (!dpop) {
      args.add("--no-dpop");
    }
    return args;
  }

  /**
   * Reads the arguments {@link #args()} writes.
   *
   * @throws IllegalArgumentException when one is unknown or missing
   */
  static Target parse(List<String> args) {
    String orgUrl = null;
    String clientId = null;
    String privateKey = null;
    String keyId = null;
    String group = null;
    int pageSize = 0;
    int members = 0;
    boolean dpop = true;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--no-dpop")) {
        dpop = false;
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("no value after " + arg);
      }
      String value = args.get(++i);
      switch (arg) {
        case "--org-url" -> orgUrl = value;
        case "--client-id" -> clientId = value;
        case "--private-key" -> privateKey = value;
        case "--key-id" -> keyId = value;
        case "--group-id" -> group = value;
        case "--page-size" -> pageSize = Integer.parseInt(value);
        case "--members" -> members = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    if (orgUrl == null
        || clientId == null
        || privateKey == null
        || keyId == null
        || group == null
        || pageSize < 1
        || members < 1) {
      throw new IllegalArgumentException(
          "needs --org-url, --client-id, --private-key, --key-id, --group-id, --page-size and"
              + " --members");
    }
    return new Target(orgUrl, clientId, Path.of(privateKey), keyId, group, pageSize, members, dpop);
  }
}
