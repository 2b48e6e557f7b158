package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedOrg.ADA;
import static org.workforceiam.cli.SimulatedOrg.GRACE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.cli.SimulatedOrg.AppKey;

/**
 * The configuration of the contract: five settings, each a flag or an environment variable, the
 * flag winning; options before or after the command; what is refused before anything is sent.
 */
class ConfigurationTest extends DemoOrgTest {
  static AppKey otherKey;

  @BeforeAll
  static void generateAnotherKeyPair() {
    otherKey = AppKey.generate(keys, "another-app.pem");
  }

  /** Every command that talks to Okta, with the settings it needs. */
  static Stream<Arguments> missingSettings() {
    List<Arguments> cases = new ArrayList<>();
    List<List<String>> needAll =
        List.of(
            List.of("check"),
            List.of("sync"),
            List.of("reset-password", ADA),
            List.of("reset-password", ADA, "--dry-run"),
            List.of("reset-mfa", ADA),
            List.of("unlock", GRACE),
            List.of("revoke-sessions", ADA));
    List<List<String>> needAllButGroup = List.of(List.of("find", ADA), List.of("factors", ADA));
    List<String[]> settings =
        List.of(
            new String[] {"--org-url", "OKTA_ORG_URL"},
            new String[] {"--client-id", "OKTA_CLIENT_ID"},
            new String[] {"--private-key", "OKTA_PRIVATE_KEY_FILE"},
            new String[] {"--group-id", "OKTA_GROUP_ID"});
    for (List<String> command : needAll) {
      for (String[] setting : settings) {
        cases.add(Arguments.of(command, setting[0], setting[1]));
      }
    }
    for (List<String> command : needAllButGroup) {
      for (String[] setting : settings.subList(0, 3)) {
        cases.add(Arguments.of(command, setting[0], setting[1]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("missingSettings")
  void aMissingSettingIsExit2NamingTheFlagAndItsVariableBeforeAnythingIsSent(
      List<String> command, String flag, String variable) {
    Map<String, String> env = org.env();
    env.remove(variable);

    CliRun run = org.run(env, command.toArray(String[]::new));

    assertThat(run.code()).as("%s", run).isEqualTo(2);
    assertThat(run.errorLine()).contains(flag).contains(variable);
    assertThat(run.out()).isEmpty();
    assertThat(org.sim.calls()).isEmpty();
  }

  @Test
  void everyMissingSettingIsReportedAtOnceWithItsFlagAndVariable() {
    CliRun run = org.run(Map.of("OKTA_KEY_ID", key.kid()), "sync");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine())
        .isEqualTo(
            "error: missing settings --org-url (or OKTA_ORG_URL), --client-id (or"
                + " OKTA_CLIENT_ID), --private-key (or OKTA_PRIVATE_KEY_FILE), --group-id (or"
                + " OKTA_GROUP_ID): give each as a flag, or set its environment variable");
    assertThat(org.sim.calls()).isEmpty();
  }

  @Test
  void theMissingSettingsOfACommandThatNeedsNoGroupLeaveTheGroupOut() {
    CliRun run = org.run(Map.of("OKTA_ORG_URL", org.orgUrl()), "find", ADA);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine())
        .contains("missing settings --client-id (or OKTA_CLIENT_ID), --private-key")
        .doesNotContain("--org-url")
        .doesNotContain("--group-id");
  }

  @Test
  void aBlankVariableCountsAsMissing() {
    Map<String, String> env = org.env();
    env.put("OKTA_CLIENT_ID", "  ");

    CliRun run = org.run(env, "sync");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("--client-id").contains("OKTA_CLIENT_ID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"find", "factors"})
  void findAndFactorsNeedNoGroup(String command) {
    Map<String, String> env = org.env();
    env.remove("OKTA_GROUP_ID");

    CliRun run = org.run(env, command, ADA);

    assertThat(run.code()).as("%s", run).isZero();
  }

  @Test
  void keygenNeedsNoConfiguration() {
    // demo needs none either: DemoCommandTest runs it with an empty environment.
    CliRun run = CliRun.of(Map.of(), "keygen", "--out", dir.resolve("k.pem").toString());

    assertThat(run.code()).as("%s", run).isZero();
  }

  @Test
  void everySettingMayBeAFlagInsteadOfAVariable() {
    List<String> args = new ArrayList<>(List.of("sync"));
    args.addAll(org.flags());

    CliRun run = org.run(Map.of(), args.toArray(String[]::new));

    assertThat(run.code()).as("%s", run).isZero();
    assertThat(run.jsonLines()).hasSize(8);
  }

  /** For each setting: a variable that would fail, and the flag that wins over it. */
  static Stream<Arguments> flagsOverVariables() {
    return Stream.of(
        Arguments.of("OKTA_ORG_URL", "http://127.0.0.1:9", "--org-url"),
        Arguments.of("OKTA_CLIENT_ID", "0oaSomeOtherApp", "--client-id"),
        Arguments.of("OKTA_PRIVATE_KEY_FILE", "OTHER_KEY", "--private-key"),
        Arguments.of("OKTA_GROUP_ID", DemoOrg.CONTRACTORS, "--group-id"),
        Arguments.of("OKTA_KEY_ID", "not-the-key-id", "--key-id"));
  }

  @ParameterizedTest(name = "{2} over {0}")
  @MethodSource("flagsOverVariables")
  void aFlagWinsOverItsEnvironmentVariable(String variable, String losing, String flag) {
    Map<String, String> env = org.env();
    env.put(variable, losing.equals("OTHER_KEY") ? otherKey.file().toString() : losing);
    String winning = rightValue(variable);

    CliRun run = org.run(env, "sync", flag, winning);

    assertThat(run.code()).as("%s", run).isZero();
    assertThat(run.jsonLines())
        .extracting(line -> line.get("id"))
        .hasSize(8)
        .contains(ADA)
        .doesNotContain(SimulatedOrg.LINUS);
  }

  private String rightValue(String variable) {
    return variable.equals("OKTA_KEY_ID") ? key.kid() : org.env().get(variable);
  }

  @Test
  void optionsMayStandBeforeTheCommandAfterItOrBoth() {
    List<String> flags = org.flags();
    List<String> before = new ArrayList<>(flags);
    before.add("sync");
    List<String> after = new ArrayList<>(List.of("sync"));
    after.addAll(flags);
    List<String> split = new ArrayList<>(flags.subList(0, 4));
    split.add("sync");
    split.addAll(flags.subList(4, 8));
    split.addAll(List.of("--verbose"));

    CliRun first = org.run(Map.of(), before.toArray(String[]::new));
    CliRun second = org.run(Map.of(), after.toArray(String[]::new));
    CliRun third = org.run(Map.of(), split.toArray(String[]::new));

    assertThat(List.of(first, second, third)).allSatisfy(run -> assertThat(run.code()).isZero());
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(third.out()).isEqualTo(first.out());
  }

  @Test
  void aFlagAfterTheCommandWinsOverTheSameFlagBeforeIt() {
    CliRun run = org.run("--group-id", DemoOrg.CONTRACTORS, "sync", "--group-id", DemoOrg.GROUP);

    assertThat(run.code()).isZero();
    assertThat(run.jsonLines()).hasSize(8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://acme.okta.com",
        "http://10.0.0.1:8080",
        "http://acme.okta.com.localhost.example.com"
      })
  void anHttpOrgUrlOutsideLoopbackIsExit2BeforeAnythingIsSent(String url) {
    Map<String, String> env = org.env();
    env.put("OKTA_ORG_URL", url);

    CliRun run = org.run(env, "sync");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains(url).contains("https://");
    assertThat(org.sim.calls()).isEmpty();
  }

  @Test
  void anHttpOrgUrlOnALoopbackAddressIsAcceptedAndUsed() {
    Map<String, String> env = org.env();
    env.put("OKTA_ORG_URL", "http://127.0.0.1:" + org.sim.url("/").port());

    CliRun run = org.run(env, "sync");

    // The simulated org knows itself as localhost only, so the assertion's audience (the token
    // URL under 127.0.0.1) is refused, as Okta refuses an audience that is not its own name.
    assertThat(run.code()).as("%s", run).isEqualTo(3);
    assertThat(org.sim.tokenRequests()).isPositive();
    assertThat(org.sim.rejections()).contains("client_assertion_invalid_audience");
  }

  @Test
  void anOrgUrlWithAPathIsExit2() {
    Map<String, String> env = org.env();
    env.put("OKTA_ORG_URL", org.orgUrl() + "/api/v1");

    CliRun run = org.run(env, "sync");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("path");
  }

  static Stream<List<String>> commandsThatNeedTheGroup() {
    return Stream.of(
        List.of("check"),
        List.of("sync"),
        List.of("reset-password", ADA),
        List.of("reset-password", ADA, "--dry-run"),
        List.of("reset-mfa", ADA),
        List.of("unlock", GRACE, "--dry-run"),
        List.of("revoke-sessions", ADA));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandsThatNeedTheGroup")
  void aGroupIdThatIsNotAnOktaGroupIdIsExit2BeforeAnythingIsSent(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--group-id", "Employees"));

    CliRun run = org.run(args.toArray(String[]::new));

    assertThat(run.code()).as("%s", run).isEqualTo(2);
    assertThat(run.errorLine())
        .startsWith("error: the group id 'Employees' is not an Okta group id")
        .contains("00g");
    assertThat(run.out()).isEmpty();
    assertThat(org.sim.calls()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"find", "factors"})
  void findAndFactorsDoNotUseTheGroupSoDoNotCheckIt(String command) {
    Map<String, String> env = org.env();
    env.put("OKTA_GROUP_ID", "Employees");

    CliRun run = org.run(env, command, ADA);

    assertThat(run.code()).as("%s", run).isZero();
  }

  @Test
  void aMissingKeyFileIsExit2NamingIt() {
    Path missing = dir.resolve("no-such-key.pem");
    Map<String, String> env = org.env();
    env.put("OKTA_PRIVATE_KEY_FILE", missing.toString());

    CliRun run = org.run(env, "sync");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains(missing.toString());
    assertThat(org.sim.calls()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a key at all", "-----BEGIN PRIVATE KEY-----\nAAAA\n", "{}"})
  void anUnreadableKeyFileIsExit2BeforeAnythingIsSent(String content) throws Exception {
    Path file = dir.resolve("broken.pem");
    Files.writeString(file, content);
    Map<String, String> env = org.env();
    env.put("OKTA_PRIVATE_KEY_FILE", file.toString());

    CliRun run = org.run(env, "reset-password", ADA);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains(file.toString());
    assertThat(org.sim.calls()).isEmpty();
  }

  @Test
  void aFolderGivenAsTheKeyFileIsExit2() {
    Map<String, String> env = org.env();
    env.put("OKTA_PRIVATE_KEY_FILE", dir.toString());

    CliRun run = org.run(env, "sync");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains(dir.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sync", "check", "reset-password"})
  void anotherKeyPairThanTheRegisteredOneIsExit3AndChangesNothing(String command) {
    Map<String, String> env = org.env();
    env.put("OKTA_PRIVATE_KEY_FILE", otherKey.file().toString());
    List<String> args = new ArrayList<>(List.of(command));
    if (command.equals("reset-password")) {
      args.add(ADA);
    }

    CliRun run = org.run(env, args.toArray(String[]::new));

    assertThat(run.code()).as("%s", run).isEqualTo(3);
    if (command.equals("check")) {
      assertThat(run.json().get("problems"))
          .asInstanceOf(InstanceOfAssertFactories.LIST)
          .singleElement()
          .asString()
          .isNotBlank();
    } else {
      assertThat(run.out()).isEmpty();
    }
    assertThat(run.errorLine()).contains("Okta did not accept the app's credentials");
    assertThat(org.sim.rejections()).contains("client_assertion_invalid_signature");
    assertThat(org.sim.apiCalls()).isEmpty();
    assertThat(org.directory().changes()).isEmpty();
  }

  @Test
  void theKeyIdVariableNamesTheKeyInTheClientAssertion() {
    Map<String, String> env = org.env();
    env.put("OKTA_KEY_ID", key.kid());

    CliRun run = org.run(env, "sync");

    assertThat(run.code()).isZero();
    assertThat(assertionHeader().get("kid")).isEqualTo(key.kid());
  }

  @Test
  void withoutAKeyIdAPemKeySignsAnAssertionWithoutOne() {
    CliRun run = org.run("sync");

    assertThat(run.code()).isZero();
    assertThat(assertionHeader()).doesNotContainKey("kid");
  }

  @Test
  void aKeyIdOktaDoesNotKnowIsExit3() {
    CliRun run = org.run("sync", "--key-id", "not-registered");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.errorLine()).isNotBlank();
    assertThat(org.sim.rejections()).contains("client_assertion_invalid_kid");
  }

  /** A private key in each format of the contract, and the kid it is registered under. */
  static Stream<Arguments> keyFormats() {
    KeyPair rsa = KeyFiles.rsa();
    KeyPair ec = KeyFiles.p256();
    return Stream.of(
        Arguments.of("PKCS#1", rsa, KeyFiles.pkcs1Pem(rsa), null),
        Arguments.of("SEC1", ec, KeyFiles.sec1Pem(ec), null),
        Arguments.of("RSA JWK", rsa, KeyFiles.rsaJwk(rsa, "rsa-jwk-kid"), "rsa-jwk-kid"),
        Arguments.of("EC JWK", ec, KeyFiles.ecJwk(ec, "ec-jwk-kid"), "ec-jwk-kid"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keyFormats")
  void thePrivateKeyMayBeAnyFormatOfTheContractAndAJwkBringsItsOwnKeyId(
      String format, KeyPair pair, String text, String kid) throws Exception {
    Path file = dir.resolve("key-file");
    Files.writeString(file, text);
    try (SimulatedOrg other =
        SimulatedOrg.start(key, builder -> builder.publicKey(pair.getPublic(), kid))) {
      Map<String, String> env = other.env();
      env.put("OKTA_PRIVATE_KEY_FILE", file.toString());

      CliRun run = other.run(env, "sync");

      assertThat(run.code()).as("%s", run).isZero();
      assertThat(run.jsonLines()).hasSize(8);
      Map<String, Object> header = assertionHeader(other);
      if (kid == null) {
        assertThat(header).doesNotContainKey("kid");
      } else {
        assertThat(header).containsEntry("kid", kid);
        assertThat(run.allStderr()).doesNotContain((String) CliRun.object(text).get("d"));
      }
      for (String line : text.lines().filter(l -> !l.startsWith("-----")).toList()) {
        assertThat(run.allStderr()).doesNotContain(line);
      }
    }
  }

  private Map<String, Object> assertionHeader() {
    return assertionHeader(org);
  }

  private static Map<String, Object> assertionHeader(SimulatedOrg org) {
    String assertion = org.sim.calls().get(0).formField("client_assertion");
    String header = assertion.substring(0, assertion.indexOf('.'));
    return CliRun.object(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8));
  }
}
