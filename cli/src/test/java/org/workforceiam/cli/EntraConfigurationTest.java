package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedTenant.ADA;
import static org.workforceiam.cli.SimulatedTenant.ADA_UPN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.cli.SimulatedTenant.AppCertificate;
import org.workforceiam.entra.simulator.DemoTenant;

/**
 * The configuration of the Entra contract: {@code --provider} or {@code IAM_PROVIDER}, the eight
 * settings as flags or {@code ENTRA_} variables (the flag winning), options before or after the
 * command, the credential (a certificate or a client secret file), and what is refused before
 * anything is sent.
 */
class EntraConfigurationTest extends EntraTenantTest {
  static AppCertificate otherApp;

  @BeforeAll
  static void generateAnotherCertificate() {
    otherApp = AppCertificate.generate(keys, "other-app");
  }

  /** Every command that talks to Entra, with a setting it needs and its variable. */
  static Stream<Arguments> missingSettings() {
    List<Arguments> cases = new ArrayList<>();
    List<List<String>> needAll =
        List.of(List.of("check"), List.of("sync"), List.of("reset-password", ADA_UPN));
    List<List<String>> needAllButGroup = List.of(List.of("find", ADA), List.of("factors", ADA));
    List<String[]> settings =
        List.of(
            new String[] {"--tenant-id", "ENTRA_TENANT_ID"},
            new String[] {"--client-id", "ENTRA_CLIENT_ID"},
            new String[] {"--certificate", "ENTRA_CERTIFICATE_FILE"},
            new String[] {"--private-key", "ENTRA_PRIVATE_KEY_FILE"},
            new String[] {"--group-id", "ENTRA_GROUP_ID"});
    for (List<String> command : needAll) {
      for (String[] setting : settings) {
        cases.add(Arguments.of(command, setting[0], setting[1]));
      }
    }
    for (List<String> command : needAllButGroup) {
      for (String[] setting : settings.subList(0, 4)) {
        cases.add(Arguments.of(command, setting[0], setting[1]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("missingSettings")
  void aMissingSettingIsExit2NamingTheFlagAndItsVariableBeforeAnythingIsSent(
      List<String> command, String flag, String variable) {
    Map<String, String> env = entra.env();
    env.remove(variable);

    CliRun run = entra.run(env, command.toArray(String[]::new));

    assertThat(run.code()).as("%s", run).isEqualTo(2);
    assertThat(run.errorLine()).contains("missing setting " + flag + " (or " + variable + ")");
    assertThat(run.out()).isEmpty();
    assertThat(entra.sim.calls()).isEmpty();
  }

  @Test
  void everyMissingSettingIsReportedAtOnceAndNoCredentialNamesBothKinds() {
    CliRun run = entra.run(Map.of("IAM_PROVIDER", "entra"), "sync");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine())
        .isEqualTo(
            "error: missing settings --tenant-id (or ENTRA_TENANT_ID), --client-id (or"
                + " ENTRA_CLIENT_ID), --private-key (or ENTRA_PRIVATE_KEY_FILE) with"
                + " --certificate (or ENTRA_CERTIFICATE_FILE), or --client-secret-file (or"
                + " ENTRA_CLIENT_SECRET_FILE), --group-id (or ENTRA_GROUP_ID): give each as a"
                + " flag, or set its environment variable");
  }

  @Test
  void theMissingSettingsOfACommandThatNeedsNoGroupLeaveTheGroupOut() {
    CliRun run = entra.run(Map.of("IAM_PROVIDER", "entra"), "find", ADA_UPN);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("--tenant-id").doesNotContain("--group-id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"find", "factors"})
  void findAndFactorsNeedNoGroupAndDoNotCheckIt(String command) {
    Map<String, String> env = entra.env();
    env.remove("ENTRA_GROUP_ID");
    Map<String, String> badGroup = entra.env();
    badGroup.put("ENTRA_GROUP_ID", "Employees");

    CliRun without = entra.run(env, command, ADA_UPN);
    CliRun bad = entra.run(badGroup, command, ADA_UPN);

    assertThat(without.code()).as("%s", without).isZero();
    assertThat(bad.code()).as("%s", bad).isZero();
  }

  @Test
  void everySettingMayBeAFlagInsteadOfAVariable() {
    List<String> args = new ArrayList<>(List.of("sync"));
    args.addAll(entra.flags());

    CliRun run = entra.run(Map.of(), args.toArray(String[]::new));

    assertThat(run.code()).as("%s", run).isZero();
    assertThat(run.jsonLines()).hasSize(7);
  }

  /** For each setting: a variable that would fail, and the flag that wins over it. */
  static Stream<Arguments> flagsOverVariables() {
    return Stream.of(
        Arguments.of("ENTRA_TENANT_ID", "0b1f0000-0000-4000-8000-00000000dead", "--tenant-id"),
        Arguments.of("ENTRA_CLIENT_ID", "0b1f0000-0000-4000-8000-00000000beef", "--client-id"),
        Arguments.of("ENTRA_PRIVATE_KEY_FILE", "OTHER_KEY", "--private-key"),
        Arguments.of("ENTRA_CERTIFICATE_FILE", "OTHER_CERTIFICATE", "--certificate"),
        Arguments.of("ENTRA_GROUP_ID", DemoTenant.ENGINEERING, "--group-id"),
        Arguments.of("ENTRA_AUTHORITY_URL", "http://127.0.0.1:9", "--authority-url"),
        Arguments.of("ENTRA_GRAPH_URL", "http://127.0.0.1:9", "--graph-url"));
  }

  @ParameterizedTest(name = "{2} over {0}")
  @MethodSource("flagsOverVariables")
  void aFlagWinsOverItsEnvironmentVariable(String variable, String losing, String flag) {
    Map<String, String> env = entra.env();
    String winning = env.get(variable);
    env.put(
        variable,
        switch (losing) {
          case "OTHER_KEY" -> otherApp.key().toString();
          case "OTHER_CERTIFICATE" -> otherApp.certificate().toString();
          default -> losing;
        });

    CliRun run = entra.run(env, "sync", flag, winning);

    assertThat(run.code()).as("%s", run).isZero();
    assertThat(run.jsonLines())
        .extracting(line -> line.get("id"))
        .containsExactlyInAnyOrderElementsOf(SimulatedTenant.MEMBERS);
  }

  @Test
  void theClientSecretFileFlagWinsOverItsVariable() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong-secret.txt"), "not-the-secret");
    Map<String, String> env = entra.secretEnv();
    env.put("ENTRA_CLIENT_SECRET_FILE", wrong.toString());

    CliRun run = entra.run(env, "sync", "--client-secret-file", entra.secretFile().toString());

    assertThat(run.code()).as("%s", run).isZero();
    assertThat(run.jsonLines()).hasSize(7);
  }

  @Test
  void theProviderFlagWinsOverIamProviderBeforeOrAfterTheCommand() {
    Map<String, String> env = entra.env();
    env.put("IAM_PROVIDER", "okta");

    CliRun after = entra.run(env, "sync", "--provider", "entra");
    CliRun before = entra.run(env, "--provider", "ENTRA", "sync");

    assertThat(after.code()).as("%s", after).isZero();
    assertThat(after.jsonLines()).hasSize(7);
    assertThat(before.code()).as("%s", before).isZero();
    assertThat(before.out()).isEqualTo(after.out());
  }

  @Test
  void aProviderFlagAfterTheCommandWinsOverOneBeforeIt() {
    CliRun run = entra.run(entra.env(), "--provider", "entra", "sync", "--provider", "okta");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("--org-url (or OKTA_ORG_URL)");
    assertThat(entra.sim.calls()).isEmpty();
  }

  @Test
  void iamProviderChoosesEntraWithoutAFlagAndOktaStaysTheDefault() {
    Map<String, String> env = entra.env();
    CliRun chosen = entra.run(env, "find", ADA_UPN);
    env.remove("IAM_PROVIDER");
    CliRun okta = entra.run(env, "find", ADA_UPN);

    assertThat(chosen.code()).as("%s", chosen).isZero();
    assertThat(chosen.json()).containsEntry("id", ADA);
    assertThat(okta.code()).isEqualTo(2);
    assertThat(okta.errorLine()).contains("--org-url (or OKTA_ORG_URL)");
  }

  @Test
  void anIamProviderThatNamesNoProviderIsExit2NamingIt() {
    Map<String, String> env = entra.env();
    env.put("IAM_PROVIDER", "azure");

    CliRun run = entra.run(env, "sync");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("IAM_PROVIDER").contains("'azure'").contains("entra");
    assertThat(entra.sim.calls()).isEmpty();
  }

  @Test
  void aProviderFlagThatNamesNoProviderIsAUsageError() {
    CliRun run = entra.run(entra.env(), "sync", "--provider", "azure");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("--provider").contains("azure");
  }

  @Test
  void optionsMayStandBeforeTheCommandAfterItOrBoth() {
    List<String> flags = entra.flags();
    List<String> before = new ArrayList<>(flags);
    before.add("sync");
    List<String> after = new ArrayList<>(List.of("sync"));
    after.addAll(flags);
    List<String> split = new ArrayList<>(flags.subList(0, 6));
    split.add("sync");
    split.addAll(flags.subList(6, flags.size()));

    CliRun first = entra.run(Map.of(), before.toArray(String[]::new));
    CliRun second = entra.run(Map.of(), after.toArray(String[]::new));
    CliRun third = entra.run(Map.of(), split.toArray(String[]::new));

    assertThat(List.of(first, second, third)).allSatisfy(run -> assertThat(run.code()).isZero());
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(third.out()).isEqualTo(first.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ENTRA_AUTHORITY_URL", "ENTRA_GRAPH_URL"})
  void anHttpUrlOutsideLoopbackIsExit2BeforeAnythingIsSent(String variable) {
    Map<String, String> env = entra.env();
    env.put(variable, "http://login.example.com");

    CliRun run = entra.run(env, "sync");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("http://login.example.com").contains("https://");
    assertThat(entra.sim.calls()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "sync"})
  void aGroupIdThatIsNotAGuidIsExit2BeforeAnythingIsSent(String command) {
    CliRun run = entra.run(command, "--group-id", "Employees");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine())
        .startsWith("error: the group id 'Employees' is not an Entra group object id: a GUID");
    assertThat(entra.sim.calls()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--org-url=https://acme.okta.com", "--key-id=kid1"})
  void anOktaFlagWithProviderEntraIsExit2BeforeAnythingIsSent(String flag) {
    CliRun run = entra.run("sync", flag);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine())
        .contains(flag.substring(0, flag.indexOf('=')))
        .contains("is an Okta setting");
    assertThat(entra.sim.calls()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--tenant-id=contoso.example",
        "--certificate=cert.pem",
        "--client-secret-file=secret.txt",
        "--authority-url=https://login.microsoftonline.us",
        "--graph-url=https://graph.microsoft.us"
      })
  void anEntraFlagWithOktaIsExit2SayingToChooseEntra(String flag) {
    CliRun run = CliRun.of(Map.of(), "sync", flag);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine())
        .contains(flag.substring(0, flag.indexOf('=')) + " is a Microsoft Entra ID setting")
        .contains("--provider entra");
  }

  @Test
  void aCertificateAndAClientSecretTogetherAreExit2() {
    Map<String, String> env = entra.env();
    env.put("ENTRA_CLIENT_SECRET_FILE", entra.secretFile().toString());

    CliRun run = entra.run(env, "sync");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains("not both");
    assertThat(entra.sim.calls()).isEmpty();
  }

  @Test
  void aClientSecretFileAuthenticatesAndTheSecretIsNeverShownEvenVerbose() {
    CliRun run = entra.run(entra.secretEnv(), "--verbose", "sync");

    assertThat(run.code()).as("%s", run).isZero();
    assertThat(run.jsonLines()).hasSize(7);
    assertThat(entra.sim.calls().get(0).formField("client_secret"))
        .contains(SimulatedTenant.SECRET);
    assertThat(entra.sim.calls().get(0).formField("client_assertion")).isEmpty();
    assertThat(run.logs()).contains("<-- 200 POST " + entra.sim.tokenUrl());
    // SimulatedTenant.run has checked that the secret is on neither stdout nor stderr.
  }

  @Test
  void aClientSecretTheAppDoesNotHaveIsExit3() throws Exception {
    Map<String, String> env = entra.secretEnv();
    Path wrong = Files.writeString(dir.resolve("old-secret.txt"), "Old~Secret.Value_expired01");
    env.put("ENTRA_CLIENT_SECRET_FILE", wrong.toString());

    CliRun run = entra.run(env, "sync");

    assertThat(run.code()).as("%s", run).isEqualTo(3);
    assertThat(run.errorLine()).doesNotContain("Old~Secret");
    assertThat(entra.sim.rejections()).contains("AADSTS7000215");
    assertThat(entra.sim.graphCalls()).isEmpty();
  }

  static Stream<Arguments> unusableSecretFiles() {
    return Stream.of(
        Arguments.of("empty", "\n", "is empty"),
        Arguments.of("two lines", "Line~One.Secret\nLine~Two.Secret\n", "on one line"),
        Arguments.of("too long", "x".repeat(5000), "more than 4096 bytes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableSecretFiles")
  void anUnusableClientSecretFileIsExit2NamingItButNotItsContent(
      String name, String content, String problem) throws Exception {
    Path file = Files.writeString(dir.resolve("secret.txt"), content);
    Map<String, String> env = entra.secretEnv();
    env.put("ENTRA_CLIENT_SECRET_FILE", file.toString());

    CliRun run = entra.run(env, "sync");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains(file.toString()).contains(problem);
    assertThat(run.errorLine()).doesNotContain("Line~").doesNotContain("xxxx");
    assertThat(entra.sim.calls()).isEmpty();
  }

  @Test
  void aMissingClientSecretFileIsExit2NamingIt() {
    Path missing = dir.resolve("no-such-secret.txt");
    Map<String, String> env = entra.secretEnv();
    env.put("ENTRA_CLIENT_SECRET_FILE", missing.toString());

    CliRun run = entra.run(env, "sync");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errorLine()).contains(missing.toString()).contains("does not exist");
  }

  @Test
  void anUnknownTenantIsExit2() {
    CliRun run = entra.run("sync", "--tenant-id", "0b1f0000-0000-4000-8000-00000000dead");

    assertThat(run.code()).as("%s", run).isEqualTo(2);
    assertThat(run.errorLine()).contains("AADSTS90002");
    assertThat(entra.sim.rejections()).contains("AADSTS90002");
    assertThat(entra.sim.graphCalls()).isEmpty();
  }

  @Test
  void theTenantMayBeAVerifiedDomainWithAClientSecret() {
    CliRun run = entra.run(entra.secretEnv(), "sync", "--tenant-id", DemoTenant.DOMAIN);

    assertThat(run.code()).as("%s", run).isZero();
    assertThat(run.jsonLines()).hasSize(7);
  }

  /**
   * With the certificate: the client assertion's audience is the token URL as the request names it,
   * the domain included, as Microsoft's certificate-credentials page shows.
   */
  @Test
  void theTenantMayBeAVerifiedDomainWithACertificate() {
    CliRun run = entra.run("sync", "--tenant-id", DemoTenant.DOMAIN);

    assertThat(run.code()).as("%s", run).isZero();
    assertThat(run.jsonLines()).hasSize(7);
  }

  @Test
  void aCertificateNotUploadedToTheAppIsExit3AndReadsNothing() {
    Map<String, String> env = entra.env();
    env.put("ENTRA_PRIVATE_KEY_FILE", otherApp.key().toString());
    env.put("ENTRA_CERTIFICATE_FILE", otherApp.certificate().toString());

    CliRun run = entra.run(env, "sync");

    assertThat(run.code()).as("%s", run).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(entra.sim.rejections()).contains("AADSTS700027");
    assertThat(entra.sim.graphCalls()).isEmpty();
  }

  @Test
  void aKeyThatDoesNotBelongToTheCertificateIsExit2BeforeAnythingIsSent() {
    Map<String, String> env = entra.env();
    env.put("ENTRA_PRIVATE_KEY_FILE", otherApp.key().toString());

    CliRun run = entra.run(env, "sync");

    assertThat(run.code()).as("%s", run).isEqualTo(2);
    assertThat(run.errorLine())
        .contains("the private key does not belong to the certificate")
        .contains((String) app.printed().get("thumbprintSha1"));
    assertThat(entra.sim.calls()).isEmpty();
  }

  @Test
  void anUnknownClientIdIsExit2() {
    CliRun run = entra.run("sync", "--client-id", "0b1f0000-0000-4000-8000-00000000beef");

    assertThat(run.code()).as("%s", run).isEqualTo(2);
    assertThat(entra.sim.rejections()).contains("AADSTS700016");
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "sync", "find", "factors", "reset-mfa"})
  void eachCommandsHelpSaysWhatEntraNeeds(String command) {
    CliRun help = CliRun.of(Map.of(), command, "--help");

    String text = help.out().replaceAll("\\s+", " ");
    assertThat(text)
        .contains("--provider=PROVIDER", "--tenant-id", "--certificate", "--client-secret-file")
        .contains("ENTRA_TENANT_ID", "ENTRA_CLIENT_SECRET_FILE", "IAM_PROVIDER")
        .contains("With --provider entra, needs --tenant-id, --client-id")
        .contains("--private-key with --certificate, or else --client-secret-file");
    if (command.equals("find") || command.equals("factors")) {
      assertThat(text).contains("--group-id is not used; --authority-url");
    } else {
      assertThat(text).contains("--client-id, --group-id and --private-key");
    }
  }
}
