package org.workforceiam.cli.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.okta.OktaClient;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * The floor is a fair floor: against the simulated org it makes the same list requests as the
 * adapter (same URLs, same page size) with a token from the same app, and reads every page.
 */
class OktaFloorTest {
  private static final String GROUP = "00gFloorEmployees697";
  private static final String CLIENT_ID = "0oaFloorTest";
  private static final int MEMBERS = 2345;

  @TempDir Path dir;

  private static SimUser member(int i) {
    String login = "user" + i + "@example.com";
    return SimUser.of(String.format("00u%07dAbCdEfGh697", i), login, "ACTIVE")
        .profile("firstName", "First" + i)
        .profile("email", login);
  }

  private static SimulatedOkta org(KeyPair keys, boolean dpop) throws IOException {
    return SimulatedOkta.builder()
        .clientId(CLIENT_ID)
        .publicKey(keys.getPublic(), "floor-key")
        .requireDpop(dpop)
        .directory(new SimDirectory().generatedGroup(GROUP, MEMBERS, OktaFloorTest::member))
        .start();
  }

  private Path pem(KeyPair keys) throws IOException {
    Path pem = dir.resolve("key.pem");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n",
        StandardCharsets.US_ASCII);
    return pem;
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  @ParameterizedTest(name = "DPoP required: {0}, tokenizing: {1}")
  @CsvSource({"true, false", "false, false", "true, true", "false, true"})
  void downloadsEveryPageTheAdapterAsksForWithATokenOfTheSameApp(boolean dpop, boolean tokenize)
      throws Exception {
    KeyPair keys = rsa();
    Path pem = pem(keys);
    try (SimulatedOkta org = org(keys, dpop)) {
      AtomicInteger firstBytes = new AtomicInteger();
      Floor.Result floor =
          new OktaFloor(
                  HttpUrl.get(org.orgUrl()),
                  CLIENT_ID,
                  Floor.readKey(pem),
                  "floor-key",
                  dpop,
                  tokenize)
              .sync(GROUP, 1000, firstBytes::incrementAndGet);
      List<String> floorRequests =
          org.apiCalls().stream().map(SimulatedOkta.Call::requestLine).toList();
      int floorTokenRequests = org.tokenRequests();

      long members;
      try (OktaClient okta =
              OktaClient.builder()
                  .orgUrl(org.orgUrl())
                  .clientId(CLIENT_ID)
                  .privateKeyFile(pem)
                  .keyId("floor-key")
                  .pageSize(1000)
                  .build();
          Stream<Employee> employees = okta.directory().members(GroupId.of(GROUP))) {
        members = employees.count();
      }
      List<String> adapterRequests =
          org.apiCalls().stream()
              .map(SimulatedOkta.Call::requestLine)
              .skip(floorRequests.size())
              .toList();

      assertThat(members).isEqualTo(MEMBERS);
      assertThat(floor.pages()).isEqualTo(3);
      assertThat(floorRequests).isEqualTo(adapterRequests).hasSize(3);
      assertThat(floor.bytes()).isGreaterThan(MEMBERS * 100L);
      assertThat(floor.members()).as("members walked").isEqualTo(tokenize ? MEMBERS : 0);
      assertThat(floor.tokenRequests()).isEqualTo(floorTokenRequests).isEqualTo(dpop ? 2 : 1);
      assertThat(firstBytes).hasValue(1);
      assertThat(org.rejections()).containsOnly(dpop ? "use_dpop_nonce" : "dpop_not_configured");
    }
  }

  @Test
  void readsTheTargetItsBenchmarkWrites() {
    Target target =
        new Target(
            "http://127.0.0.1:1",
            "0oa1",
            Path.of("k.pem"),
            GROUP,
            1000,
            5,
            new Target.OktaApp("kid", false),
            true);

    assertThat(Target.parse(target.args())).isEqualTo(target);
  }
}
