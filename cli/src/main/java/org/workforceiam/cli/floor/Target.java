package org.workforceiam.cli.floor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.entra.EntraClient;
import org.workforceiam.entra.EntraCredential;
import org.workforceiam.okta.OktaClient;

/**
 * The provider, app and group a benchmarked sync runs against, as the benchmark's child processes
 * take them: {@code --provider okta|entra --org-url URL --client-id ID --private-key FILE
 * --group-id GROUP --page-size P --members N [--tokenize]}, then Okta's {@code --key-id KID
 * [--no-dpop]} or Entra's {@code --tenant-id T --authority-url URL --certificate FILE}. The
 * provider's part, {@link App}, is the benchmark's per-provider strategy: the adapter's sync, the
 * floor, and the CLI's flags.
 *
 * @param orgUrl the simulated Okta org's URL, or the simulated Graph's
 * @param clientId the app's client id
 * @param privateKey the app's RSA private key, a PKCS#8 PEM file
 * @param group the group id
 * @param pageSize the page size
 * @param members how many members the group has
 * @param app what the provider adds
 * @param tokenize whether the floor walks every token of each page ({@link Floor#walk}) rather than
 *     only read its bytes
 */
record Target(
    String orgUrl,
    String clientId,
    Path privateKey,
    String group,
    int pageSize,
    int members,
    App app,
    boolean tokenize) {

  /** What one provider adds to a target, and how each client syncs it. */
  sealed interface App permits OktaApp, EntraApp {
    /** {@return the provider's name, as {@code --provider} takes it} */
    String provider();

    /** {@return the arguments {@link #parse} reads back} */
    List<String> args();

    /** {@return the credential, for the benchmark's first line} */
    String describe();

    /** {@return the page size the helpdesk CLI's sync asks for: the adapter's default} */
    int cliPageSize();

    /** {@return the helpdesk CLI's connection options for the target} */
    List<String> cliArgs(Target target);

    /** Syncs the group through the adapter's member stream, running {@code perEmployee} each. */
    void sdk(Target target, Runnable perEmployee);

    /** {@return the floor client of the target} */
    Floor floor(Target target) throws IOException;
  }

  /**
   * An Okta API Services app.
   *
   * @param keyId the key's id
   * @param dpop whether the app requires DPoP
   */
  record OktaApp(String keyId, boolean dpop) implements App {
    @Override
    public String provider() {
      return "okta";
    }

    @Override
    public List<String> args() {
      List<String> args = new ArrayList<>(List.of("--key-id", keyId));
      if (!dpop) {
        args.add("--no-dpop");
      }
      return args;
    }

    @Override
    public String describe() {
      return "DPoP " + (dpop ? "required" : "off");
    }

    @Override
    public int cliPageSize() {
      return 1000;
    }

    @Override
    public List<String> cliArgs(Target target) {
      return List.of(
          "--org-url", target.orgUrl(),
          "--client-id", target.clientId(),
          "--private-key", target.privateKey().toString(),
          "--key-id", keyId,
          "--group-id", target.group());
    }

    @Override
    public void sdk(Target target, Runnable perEmployee) {
      try (OktaClient okta =
              OktaClient.builder()
                  .orgUrl(target.orgUrl())
                  .clientId(target.clientId())
                  .privateKeyFile(target.privateKey())
                  .keyId(keyId)
                  .pageSize(target.pageSize())
                  .build();
          Stream<Employee> employees = okta.directory().members(GroupId.of(target.group()))) {
        employees.forEach(employee -> perEmployee.run());
      }
    }

    @Override
    public Floor floor(Target target) throws IOException {
      return new OktaFloor(
          HttpUrl.get(target.orgUrl()),
          target.clientId(),
          Floor.readKey(target.privateKey()),
          keyId,
          dpop,
          target.tokenize());
    }
  }

  /**
   * A Microsoft Entra ID app registration with a certificate credential.
   *
   * @param tenantId the tenant id
   * @param authorityUrl the sign-in authority's URL
   * @param certificate the app's certificate, a PEM file
   */
  record EntraApp(String tenantId, String authorityUrl, Path certificate) implements App {
    @Override
    public String provider() {
      return "entra";
    }

    @Override
    public List<String> args() {
      return List.of(
          "--tenant-id", tenantId,
          "--authority-url", authorityUrl,
          "--certificate", certificate.toString());
    }

    @Override
    public String describe() {
      return "certificate credential (PS256)";
    }

    @Override
    public int cliPageSize() {
      return EntraClient.MAX_PAGE_SIZE;
    }

    @Override
    public List<String> cliArgs(Target target) {
      return List.of(
          "--provider", "entra",
          "--tenant-id", tenantId,
          "--client-id", target.clientId(),
          "--private-key", target.privateKey().toString(),
          "--certificate", certificate.toString(),
          "--group-id", target.group(),
          "--authority-url", authorityUrl,
          "--graph-url", target.orgUrl());
    }

    @Override
    public void sdk(Target target, Runnable perEmployee) {
      try (EntraClient entra =
              EntraClient.builder()
                  .tenantId(tenantId)
                  .clientId(target.clientId())
                  .credential(EntraCredential.certificateFiles(target.privateKey(), certificate))
                  .authorityUrl(authorityUrl)
                  .graphUrl(target.orgUrl())
                  .pageSize(target.pageSize())
                  .build();
          Stream<Employee> employees = entra.directory().members(GroupId.of(target.group()))) {
        employees.forEach(employee -> perEmployee.run());
      }
    }

    @Override
    public Floor floor(Target target) throws IOException {
      return new EntraFloor(
          HttpUrl.get(authorityUrl),
          HttpUrl.get(target.orgUrl()),
          tenantId,
          target.clientId(),
          Floor.readKey(target.privateKey()),
          EntraFloor.readCertificate(certificate),
          target.tokenize());
    }
  }

  /** The arguments that {@link #parse} reads back. */
  List<String> args() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--provider", app.provider(),
                "--org-url", orgUrl,
                "--client-id", clientId,
                "--private-key", privateKey.toString(),
                "--group-id", group,
                "--page-size", Integer.toString(pageSize),
                "--members", Integer.toString(members)));
    if (tokenize) {
      args.add("--tokenize");
    }
    args.addAll(app.args());
    return args;
  }

  /**
   * Reads the arguments {@link #args()} writes.
   *
   * @throws IllegalArgumentException when one is unknown or missing
   */
  static Target parse(List<String> args) {
    String provider = "okta";
    String orgUrl = null;
    String clientId = null;
    String privateKey = null;
    String group = null;
    int pageSize = 0;
    int members = 0;
    String keyId = null;
    boolean dpop = true;
    boolean tokenize = false;
    String tenantId = null;
    String authorityUrl = null;
    String certificate = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--no-dpop")) {
        dpop = false;
        continue;
      }
      if (arg.equals("--tokenize")) {
        tokenize = true;
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("no value after " + arg);
      }
      String value = args.get(++i);
      switch (arg) {
        case "--provider" -> provider = value;
        case "--org-url" -> orgUrl = value;
        case "--client-id" -> clientId = value;
        case "--private-key" -> privateKey = value;
        case "--group-id" -> group = value;
        case "--page-size" -> pageSize = Integer.parseInt(value);
        case "--members" -> members = Integer.parseInt(value);
        case "--key-id" -> keyId = value;
        case "--tenant-id" -> tenantId = value;
        case "--authority-url" -> authorityUrl = value;
        case "--certificate" -> certificate = value;
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    if (orgUrl == null
        || clientId == null
        || privateKey == null
        || group == null
        || pageSize < 1
        || members < 1) {
      throw new IllegalArgumentException(
          "needs --org-url, --client-id, --private-key, --group-id, --page-size and --members");
    }
    App app =
        switch (provider) {
          case "okta" -> new OktaApp(require(keyId, "--key-id", provider), dpop);
          case "entra" ->
              new EntraApp(
                  require(tenantId, "--tenant-id", provider),
                  require(authorityUrl, "--authority-url", provider),
                  Path.of(require(certificate, "--certificate", provider)));
          default ->
              throw new IllegalArgumentException("--provider okta or entra, not " + provider);
        };
    return new Target(
        orgUrl, clientId, Path.of(privateKey), group, pageSize, members, app, tokenize);
  }

  private static String require(@Nullable String value, String flag, String provider) {
    if (value == null) {
      throw new IllegalArgumentException(provider + " needs " + flag);
    }
    return value;
  }
}
