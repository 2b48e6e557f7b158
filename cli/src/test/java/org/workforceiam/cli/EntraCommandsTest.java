package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedTenant.ADA;
import static org.workforceiam.cli.SimulatedTenant.ADA_UPN;
import static org.workforceiam.cli.SimulatedTenant.ALAN;
import static org.workforceiam.cli.SimulatedTenant.GROUP;
import static org.workforceiam.cli.SimulatedTenant.KATHERINE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.cli.SimulatedTenant.AppCertificate;
import org.workforceiam.entra.EntraClient;
import org.workforceiam.entra.simulator.DemoTenant;

/**
 * {@code check}, {@code sync}, {@code find} and {@code factors} with {@code --provider entra}
 * against the simulated tenant, and the exit code of each failure the simulator can inject.
 */
class EntraCommandsTest extends EntraTenantTest {
  private static final List<String> CHECK_KEYS =
      List.of(
          "tenantId",
          "tokenType",
          "scopesRequested",
          "scopesGranted",
          "groupId",
          "groupReadable",
          "firstPageCount",
          "problems");
  private static final String MEMBERS =
      "/v1.0/groups/" + GROUP + "/transitiveMembers/microsoft.graph.user";

  @Test
  void checkReportsEveryFieldAndExits0WhenAllIsWell() {
    CliRun check = entra.run("check");

    assertThat(check.code()).as("%s", check).isZero();
    assertThat(check.json())
        .containsOnlyKeys(CHECK_KEYS)
        .containsEntry("tenantId", DemoTenant.TENANT_ID)
        .containsEntry("tokenType", "Bearer")
        .containsEntry("scopesRequested", EntraClient.REQUIRED_PERMISSIONS)
        .containsEntry("groupId", GROUP)
        .containsEntry("groupReadable", true)
        .containsEntry("firstPageCount", 7.0)
        .containsEntry("problems", List.of());
    assertThat(check.json().get("scopesGranted"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactlyInAnyOrderElementsOf(EntraClient.REQUIRED_PERMISSIONS);
    assertThat(check.err()).isEmpty();
    assertThat(entra.graphRequests())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith("GET /v1.0/groups/" + GROUP));
  }

  @Test
  void missingApplicationPermissionsAreExit4NamingEachWithTheObjectPrinted() {
    try (SimulatedTenant narrow =
        SimulatedTenant.start(
            app,
            builder ->
                builder.grantedPermissions(
                    "GroupMember.Read.All",
                    "User.Read.All",
                    "UserAuthenticationMethod.ReadWrite.All",
                    "User-PasswordProfile.ReadWrite.All"))) {
      CliRun check = narrow.run("check");

      assertThat(check.code()).as("%s", check).isEqualTo(4);
      Map<String, Object> json = check.json();
      assertThat(json).containsOnlyKeys(CHECK_KEYS).containsEntry("tokenType", "Bearer");
      assertThat(json.get("scopesGranted")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(4);
      assertThat(json.get("problems"))
          .asInstanceOf(InstanceOfAssertFactories.list(String.class))
          .singleElement()
          .asString()
          .contains("User.RevokeSessions.All", "RoleManagement.Read.Directory");
      assertThat(check.errorLine())
          .contains("User.RevokeSessions.All", "RoleManagement.Read.Directory")
          .contains("admin consent");
    }
  }

  @Test
  void aGroupGraphCannotFindIsExit5WithTheProblemListed() {
    String unknown = "e0000000-0000-4000-8000-0000000000ff";

    CliRun check = entra.run("check", "--group-id", unknown);

    assertThat(check.code()).as("%s", check).isEqualTo(5);
    assertThat(check.json())
        .containsEntry("groupId", unknown)
        .containsEntry("groupReadable", false)
        .containsEntry("firstPageCount", null);
    assertThat(check.errorLine()).contains(unknown);
  }

  @Test
  void aGroupWithoutUserMembersIsExit2WithTheProblemListed() {
    String empty = "e0000000-0000-4000-8000-0000000000ee";
    entra.tenant().group(empty, "Nobody yet");

    CliRun check = entra.run("check", "--group-id", empty);

    assertThat(check.code()).as("%s", check).isEqualTo(2);
    assertThat(check.json())
        .containsEntry("groupReadable", true)
        .containsEntry("firstPageCount", 0.0);
    assertThat(check.errorLine()).startsWith("error: group " + empty + " has no user members");
  }

  @Test
  void aCredentialEntraRefusesIsExit3WithTheObjectPrinted() {
    Map<String, String> env = entra.secretEnv();
    env.put("ENTRA_CLIENT_SECRET_FILE", writeSecret("Not~The.Secret_0000"));

    CliRun check = entra.run(env, "check");

    assertThat(check.code()).as("%s", check).isEqualTo(3);
    assertThat(check.json())
        .containsEntry("tokenType", null)
        .containsEntry("scopesGranted", List.of());
    assertThat(check.errorLine()).contains("AADSTS7000215");
  }

  @Test
  void aCertificateThatExpiresWithin30DaysIsAWarningOnStderrNotAFailure() {
    AppCertificate shortLived = AppCertificate.generate(dir, "short", "--days", "10");
    try (SimulatedTenant tenant = SimulatedTenant.start(shortLived)) {
      CliRun check = tenant.run("check");

      assertThat(check.code()).as("%s", check).isZero();
      assertThat(check.json()).containsEntry("problems", List.of());
      assertThat(check.err().lines().toList())
          .singleElement()
          .asString()
          .startsWith("warning: the certificate " + shortLived.printed().get("thumbprintSha1"))
          .contains("within 30 days");
    }
  }

  @Test
  void syncPrintsEveryUserMemberNestedOnesIncludedWithTheColumnsOfTheContract() {
    CliRun sync = entra.run("sync");

    assertThat(sync.code()).as("%s", sync).isZero();
    List<Map<String, Object>> lines = sync.jsonLines();
    assertThat(lines)
        .allSatisfy(
            line ->
                assertThat(line)
                    .containsOnlyKeys(
                        "id", "login", "firstName", "lastName", "email", "status", "missingFields"))
        .extracting(line -> line.get("id"))
        .containsExactlyInAnyOrderElementsOf(SimulatedTenant.MEMBERS)
        .doesNotContain(
            DemoTenant.DEVICE, DemoTenant.CONTACT, DemoTenant.SERVICE_PRINCIPAL, DemoTenant.LINUS);
    assertThat(byId(lines, ADA))
        .containsEntry("login", ADA_UPN)
        .containsEntry("firstName", "Ada")
        .containsEntry("lastName", "Lovelace")
        .containsEntry("email", ADA_UPN)
        .containsEntry("status", "ACTIVE")
        .containsEntry("missingFields", List.of());
    assertThat(byId(lines, ALAN))
        .containsEntry("email", null)
        .containsEntry("missingFields", List.of("email"));
    assertThat(byId(lines, KATHERINE)).containsEntry("status", "DISABLED");
    assertThat(sync.err())
        .isEqualTo("7 members on 1 page; 1 with incomplete profiles (see missingFields)\n");
  }

  @Test
  void syncFollowsNextLinksPastEmptyPages() {
    entra.tenant().interleaveEmptyPages(true);

    CliRun sync = entra.run("sync", "--format", "csv");

    assertThat(sync.code()).as("%s", sync).isZero();
    assertThat(sync.out().lines().toList())
        .hasSize(8)
        .first()
        .isEqualTo("id,login,firstName,lastName,email,status,missingFields");
    assertThat(sync.out()).contains(ALAN + ",alan@contoso.example,Alan,Turing,,ACTIVE,email");
  }

  @Test
  void theTableHasRoomForWholeObjectIds() {
    CliRun sync = entra.run("sync", "--format", "table");

    assertThat(sync.code()).isZero();
    assertThat(sync.out()).contains(ADA + "  " + ADA_UPN).contains("DISABLED");
  }

  @Test
  void aSnapshotTellsWhoLeftTheGroupSinceTheLastSync() {
    Path snapshot = dir.resolve("entra.snapshot");

    CliRun first = entra.run("sync", "--snapshot", snapshot.toString());
    CliRun same = entra.run("sync", "--snapshot", snapshot.toString());
    entra.tenant().removeMember(DemoTenant.ENGINEERING, KATHERINE);
    CliRun after = entra.run("sync", "--snapshot", snapshot.toString());

    assertThat(first.code()).as("%s", first).isZero();
    assertThat(first.err()).contains("first sync: no earlier snapshot; wrote " + snapshot);
    assertThat(same.err()).contains("added 0, removed 0, changed 0");
    assertThat(after.err()).contains("added 0, removed 1, changed 0");
    assertThat(after.jsonLines()).hasSize(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {ADA, ADA_UPN, "ADA@contoso.example"})
  void findsAUserByObjectIdUserPrincipalNameOrMail(String user) {
    CliRun find = entra.run("find", user);

    assertThat(find.code()).as("%s", find).isZero();
    assertThat(find.json()).containsEntry("id", ADA).containsEntry("login", ADA_UPN);
  }

  @Test
  void findsAUserOutsideTheGroupSinceFindReadsTheTenant() {
    CliRun find = entra.run("find", "linus@" + DemoTenant.DOMAIN);

    assertThat(find.code()).as("%s", find).isZero();
    assertThat(find.json()).containsEntry("id", DemoTenant.LINUS);
  }

  @Test
  void aUserNobodyHasIsExit5() {
    CliRun find = entra.run("find", "nobody@" + DemoTenant.DOMAIN);

    assertThat(find.code()).isEqualTo(5);
    assertThat(find.errorLine())
        .isEqualTo(
            "error: no user matches 'nobody@contoso.example' as an object id, a"
                + " userPrincipalName or a mail address");
  }

  @Test
  void aUserThatIsNeitherAnIdNorAnAddressIsExit2BeforeAnythingIsSent() {
    CliRun find = entra.run("find", "ada");

    assertThat(find.code()).isEqualTo(2);
    assertThat(find.errorLine()).contains("'ada'").contains("GUID");
    assertThat(entra.sim.calls()).isEmpty();
  }

  @Test
  void factorsListsEveryAuthenticationMethodButThePassword() {
    CliRun factors = entra.run("factors", ADA_UPN);

    assertThat(factors.code()).as("%s", factors).isZero();
    List<Map<String, Object>> lines = factors.jsonLines();
    assertThat(lines)
        .hasSize(4)
        .allSatisfy(
            line ->
                assertThat(line)
                    .containsOnlyKeys("id", "factorType", "provider", "status")
                    .containsEntry("provider", "MICROSOFT")
                    .containsEntry("status", "ACTIVE"));
    assertThat(lines)
        .extracting(line -> line.get("factorType"))
        .containsExactlyInAnyOrder(
            "phoneAuthenticationMethod",
            "phoneAuthenticationMethod",
            "microsoftAuthenticatorAuthenticationMethod",
            "fido2AuthenticationMethod")
        .doesNotContain("passwordAuthenticationMethod");
  }

  @Test
  void aReadTheAppMayNotMakeIsExit4() {
    try (SimulatedTenant narrow =
        SimulatedTenant.start(
            app,
            builder ->
                builder.grantedPermissions(
                    "User.Read.All", "UserAuthenticationMethod.ReadWrite.All"))) {
      CliRun sync = narrow.run("sync");

      assertThat(sync.code()).as("%s", sync).isEqualTo(4);
      assertThat(sync.errorLine()).contains("Authorization_RequestDenied");
    }
  }

  @Test
  void aThrottlingThatLastsThroughEveryRetryIsExit6() {
    for (int i = 0; i < 5; i++) {
      entra.sim.respondOnce("GET", "/v1.0/users/" + ADA, graphError(429, "TooManyRequests"));
    }

    CliRun find = entra.run("find", ADA);

    assertThat(find.code()).as("%s", find).isEqualTo(6);
    assertThat(find.errorLine()).contains("TooManyRequests");
    assertThat(entra.graphRequests()).hasSize(5);
  }

  @Test
  void aPassingThrottlingIsWaitedOutAndRetried() {
    entra.sim.respondOnce("GET", "/v1.0/users/" + ADA, graphError(429, "TooManyRequests"));

    CliRun find = entra.run("find", ADA);

    assertThat(find.code()).as("%s", find).isZero();
    assertThat(entra.graphRequests()).hasSize(2);
  }

  @Test
  void aMalformedPageIsExit7() {
    entra.sim.malformedBodyNext("GET", MEMBERS);

    CliRun sync = entra.run("sync");

    assertThat(sync.code()).as("%s", sync).isEqualTo(7);
    assertThat(sync.errorLine()).isNotBlank();
  }

  @Test
  void aNextLinkToAnotherOriginIsExit7AndNotFollowed() {
    entra.sim.foreignNextLinkNext(MEMBERS);

    CliRun sync = entra.run("sync");

    assertThat(sync.code()).as("%s", sync).isEqualTo(7);
    assertThat(entra.sim.rejections()).doesNotContain("foreign_origin_request");
  }

  @Test
  void aNextLinkBackToAPageAlreadyReadIsExit7() {
    entra.sim.nextLinkCycleNext(MEMBERS);

    CliRun sync = entra.run("sync");

    assertThat(sync.code()).as("%s", sync).isEqualTo(7);
  }

  private static Map<String, Object> byId(List<Map<String, Object>> lines, String id) {
    return lines.stream().filter(line -> id.equals(line.get("id"))).findFirst().orElseThrow();
  }

  private String writeSecret(String secret) {
    try {
      return Files.writeString(dir.resolve("secret-" + secret.length() + ".txt"), secret)
          .toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static MockResponse graphError(int status, String code) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(
            "{\"error\":{\"code\":\""
                + code
                + "\",\"message\":\"Simulated "
                + code
                + ".\",\"innerError\":{}}}")
        .build();
  }
}
