package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** {@code check}: the connection test an admin runs after setting the app up. */
class CheckCommandTest extends DemoOrgTest {
  private static final List<String> KEYS =
      List.of(
          "orgUrl",
          "tokenType",
          "scopesRequested",
          "scopesGranted",
          "groupId",
          "groupReadable",
          "firstPageCount",
          "problems");

  @Test
  void reportsEveryFieldAndExits0WhenAllIsWell() {
    CliRun check = org.run("check");

    assertThat(check.code()).isZero();
    assertThat(check.json())
        .containsOnlyKeys(KEYS)
        .containsEntry("orgUrl", org.orgUrl())
        .containsEntry("tokenType", "DPoP")
        .containsEntry("scopesRequested", List.of("okta.groups.read", "okta.users.manage"))
        .containsEntry("groupId", DemoOrg.GROUP)
        .containsEntry("groupReadable", true)
        .containsEntry("firstPageCount", 8.0)
        .containsEntry("problems", List.of());
    assertThat(check.json().get("scopesGranted"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactlyInAnyOrder("okta.groups.read", "okta.users.manage");
    assertThat(check.err()).isEmpty();
    assertThat(org.apiRequests())
        .containsExactly(
            "GET /api/v1/groups/" + DemoOrg.GROUP,
            "GET /api/v1/groups/" + DemoOrg.GROUP + "/users?limit=1000");
  }

  @Test
  void reportsABearerTokenForAnAppWithoutDpop() {
    try (SimulatedOrg bearer = SimulatedOrg.start(key, builder -> builder.requireDpop(false))) {
      CliRun check = bearer.run("check");

      assertThat(check.code()).as("%s", check).isZero();
      assertThat(check.json()).containsEntry("tokenType", "Bearer");
    }
  }

  @Test
  void aGroupOktaCannotFindIsExit5WithTheProblemListed() {
    CliRun check = org.run("check", "--group-id", "00gNoSuchGroup");

    assertThat(check.code()).isEqualTo(5);
    Map<String, Object> json = check.json();
    assertThat(json)
        .containsOnlyKeys(KEYS)
        .containsEntry("tokenType", "DPoP")
        .containsEntry("groupId", "00gNoSuchGroup")
        .containsEntry("groupReadable", false)
        .containsEntry("firstPageCount", null);
    assertThat(json.get("problems"))
        .asInstanceOf(InstanceOfAssertFactories.list(String.class))
        .singleElement()
        .asString()
        .contains("00gNoSuchGroup");
    assertThat(check.errorLine()).contains("00gNoSuchGroup");
  }

  @Test
  void aGroupWithoutMembersIsExit2WithTheProblemListed() {
    String empty = "00gDemoNobodyYet";
    org.directory().group(empty, "Nobody yet");

    CliRun check = org.run("check", "--group-id", empty);

    assertThat(check.code()).as("%s", check).isEqualTo(2);
    Map<String, Object> json = check.json();
    assertThat(json)
        .containsOnlyKeys(KEYS)
        .containsEntry("tokenType", "DPoP")
        .containsEntry("groupId", empty)
        .containsEntry("groupReadable", true)
        .containsEntry("firstPageCount", 0.0);
    assertThat(json.get("problems"))
        .asInstanceOf(InstanceOfAssertFactories.list(String.class))
        .singleElement()
        .asString()
        .startsWith("group " + empty + " has no members");
    assertThat(check.errorLine()).startsWith("error: group " + empty + " has no members");
    assertThat(org.apiRequests())
        .containsExactly(
            "GET /api/v1/groups/" + empty, "GET /api/v1/groups/" + empty + "/users?limit=1000");
  }

  @Test
  void scopesNotGrantedToTheAppAreExit4WithTheProblemListed() {
    try (SimulatedOrg narrow =
        SimulatedOrg.start(
            key, builder -> builder.grantedScopes("okta.users.manage", "okta.users.read"))) {
      CliRun check = narrow.run("check");

      assertThat(check.code()).isEqualTo(4);
      Map<String, Object> json = check.json();
      assertThat(json)
          .containsOnlyKeys(KEYS)
          .containsEntry("tokenType", null)
          .containsEntry("scopesRequested", List.of("okta.groups.read", "okta.users.manage"))
          .containsEntry("scopesGranted", List.of())
          .containsEntry("groupReadable", false)
          .containsEntry("firstPageCount", null);
      assertThat(json.get("problems"))
          .asInstanceOf(InstanceOfAssertFactories.list(String.class))
          .singleElement()
          .asString()
          .contains("okta.groups.read");
      assertThat(check.errorLine()).contains("okta.groups.read");
    }
  }
}
