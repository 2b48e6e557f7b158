package org.workforceiam.bench.oktasdk;

import com.okta.sdk.client.AuthorizationMode;
import com.okta.sdk.client.Clients;
import com.okta.sdk.helper.PaginationUtil;
import com.okta.sdk.resource.api.GroupApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.model.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Set;
import org.workforceiam.cli.bench.SimulatedOrg;
import org.workforceiam.cli.bench.SimulatorProcess;
import org.workforceiam.cli.bench.SyncMeter;
import org.workforceiam.cli.bench.SyncReport;

/**
 * {@code helpdesk bench}'s sync, done with okta-sdk-java 24.0.0: the same simulated org (same
 * generated group, DPoP required, in a separate JVM), the same page size, the same meter, and the
 * same report lines, so the two outputs can be compared line by line.
 *
 * <p>What okta-sdk-java needs to run against the simulated org on loopback:
 *
 * <ul>
 *   <li>{@code okta.testing.disableHttpsCheck=true}: its builder refuses an {@code http://} org URL
 *       otherwise ({@code ConfigurationValidator.assertOrgUrl}); loopback itself is fine.
 *   <li>{@code AuthorizationMode.PRIVATE_KEY} with the client id, key id, scopes and the RSA
 *       private key ({@code okta.client.authorizationMode=PrivateKey} in its configuration).
 *   <li>DPoP needs no setting: its {@code DPoPInterceptor} switches DPoP on after the token
 *       endpoint answers {@code invalid_dpop_proof}, then does the nonce handshake, so it makes
 *       three token requests where the adapter makes two.
 *   <li>Its client assertion carries {@code aud} as a one-element array, which the simulated org
 *       accepts only when told to ({@code accept-audience-array}).
 * </ul>
 *
 * <p>Paging follows okta-sdk-java's README: {@code listGroupUsers(group, after, limit)}, then
 * {@code PaginationUtil.getAfter(apiClient)} reads the next cursor from the last response's {@code
 * link} headers.
 *
 * <p>Usage: {@code java -jar okta-sdk-comparison.jar [--members N] [--page-size P] [--helpdesk-jar
 * PATH]}.
 */
public final class OktaSdkSync {
  private static final String CLIENT_ID = "0oaHelpdeskBench";
  private static final String GROUP = "00gBenchEmployees697";
  private static final String KEY_ID = "bench-key";

  private OktaSdkSync() {}

  public static void main(String[] args) throws Exception {
    int members = 10_000;
    int pageSize = 200;
    Path helpdeskJar = Path.of("cli/target/helpdesk.jar");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--members" -> members = Integer.parseInt(args[++i]);
        case "--page-size" -> pageSize = Integer.parseInt(args[++i]);
        case "--helpdesk-jar" -> helpdeskJar = Path.of(args[++i]);
        default -> {
          System.err.println(
              "usage: okta-sdk-comparison [--members N] [--page-size P] [--helpdesk-jar PATH]");
          System.exit(2);
        }
      }
    }
    if (!Files.isRegularFile(helpdeskJar)) {
      System.err.println(
          "error: "
              + helpdeskJar
              + " not found; build it first: mvn -B -q -DskipTests package (at the project root)");
      System.exit(2);
    }

    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    System.setProperty("okta.testing.disableHttpsCheck", "true");

    try (SimulatorProcess org =
        SimulatorProcess.start(
            helpdeskJar.toString(),
            new SimulatorProcess.Org(
                GROUP, members, CLIENT_ID, keys.getPublic(), KEY_ID, true, true),
            List.of("-Xmx512m", "-XX:+UseSerialGC"))) {
      System.out.printf(
          "okta-sdk-java 24.0.0: %d members, page size %d, DPoP required, simulated org in a"
              + " separate JVM (pid %d) at %s%n",
          members, pageSize, org.pid(), org.orgUrl());

      SimulatedOrg.Counts before = org.counts();
      SyncMeter meter = SyncMeter.start();
      ApiClient client =
          Clients.builder()
              .setOrgUrl(org.orgUrl())
              .setAuthorizationMode(AuthorizationMode.PRIVATE_KEY)
              .setClientId(CLIENT_ID)
              .setKid(KEY_ID)
              .setScopes(Set.of("okta.groups.read", "okta.users.manage"))
              .setPrivateKey(keys.getPrivate())
              .build();
      GroupApi groups = new GroupApi(client);
      String after = null;
      do {
        List<User> page = groups.listGroupUsers(GROUP, after, pageSize);
        for (User user : page) {
          meter.member();
        }
        after = PaginationUtil.getAfter(client);
      } while (after != null && !after.isEmpty());
      SyncMeter.Result result = meter.stop();
      SyncReport.lines(pageSize, result, before, org.counts()).forEach(System.out::println);
      if (result.members() != members) {
        System.err.println("error: synced " + result.members() + " members, expected " + members);
        System.exit(1);
      }
    }
  }
}
