package org.workforceiam.entra.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Groups, members, users, filters and roles, read as the adapter reads them. */
class GraphDirectoryTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final String STAFF = "0a000000-0000-4000-8000-000000000001";
  static final String TEAM = "0a000000-0000-4000-8000-000000000002";
  static final String ADMINS = "0a000000-0000-4000-8000-000000000003";
  static final String OUTSIDE = "0a000000-0000-4000-8000-000000000004";
  static final String ADA = "1a000000-0000-4000-8000-000000000001";
  static final String BOB = "1a000000-0000-4000-8000-000000000002";
  static final String ROOT = "1a000000-0000-4000-8000-000000000003";
  static final String QUOTE = "1a000000-0000-4000-8000-000000000004";
  static final String STRANGER = "1a000000-0000-4000-8000-000000000005";
  static final String GUEST = "1a000000-0000-4000-8000-000000000006";
  static final String DEVICE = "2a000000-0000-4000-8000-000000000001";
  static final String CONTACT = "2a000000-0000-4000-8000-000000000002";
  static final String APP = "2a000000-0000-4000-8000-000000000003";

  private final MutableClock clock = new MutableClock(NOW);

  static EntraTenant directory() {
    return new EntraTenant()
        .group(STAFF, "Staff")
        .group(TEAM, "Team")
        .group(OUTSIDE, "Outside")
        .roleAssignableGroup(ADMINS, "Admins")
        .member(STAFF, TEAM)
        .user(
            EntraUser.of(ADA, "ada@contoso.example")
                .givenName("Ada")
                .surname("Lovelace")
                .mail("ada@contoso.example"))
        .user(EntraUser.of(BOB, "bob@contoso.example").accountEnabled(false))
        .user(EntraUser.of(ROOT, "root@contoso.example").mail("root@contoso.example"))
        .user(EntraUser.of(QUOTE, "o.brien@contoso.example").mail("O'Brien@contoso.example"))
        .user(EntraUser.of(STRANGER, "stranger@contoso.example"))
        .user(
            EntraUser.of(GUEST, "ada+it_home.example#EXT#@contoso.onmicrosoft.com")
                .mail("ada+it@home.example")
                .guest())
        .device(DEVICE, "LAPTOP-1")
        .contact(CONTACT, "Supplier", "supplier@example.com")
        .servicePrincipal(APP, "Connector", "3a000000-0000-4000-8000-000000000001")
        .member(STAFF, ADA)
        .member(TEAM, BOB)
        .member(TEAM, ADA) // listed once
        .member(STAFF, DEVICE)
        .member(TEAM, CONTACT)
        .member(STAFF, APP)
        .member(STAFF, ROOT)
        .member(STAFF, QUOTE)
        .member(OUTSIDE, STRANGER)
        .member(ADMINS, ROOT)
        .activeRole(ADMINS, DirectoryRole.GLOBAL_ADMINISTRATOR)
        .activeRole(BOB, DirectoryRole.USER_ADMINISTRATOR, "/administrativeUnits/" + OUTSIDE)
        .eligibleRole(QUOTE, DirectoryRole.PRIVILEGED_ROLE_ADMINISTRATOR);
  }

  private SimulatedEntra.Builder entra(EntraTenant tenant) {
    return SimulatedEntra.builder().certificate(TestApp.CERTIFICATE).clock(clock).tenant(tenant);
  }

  @Test
  void aGroupIsReadByIdAndAMalformedIdIsAnInvalidObjectIdentifier() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply group =
          graph.get("/v1.0/groups/" + STAFF.toUpperCase(java.util.Locale.ROOT));
      GraphClient.Reply malformed = graph.get("/v1.0/groups/Staff");
      GraphClient.Reply missing = graph.get("/v1.0/groups/0a000000-0000-4000-8000-0000000000ff");

      assertThat(group.code()).isEqualTo(200);
      assertThat(group.json()).containsEntry("id", STAFF).containsEntry("displayName", "Staff");
      assertThat(malformed.code()).isEqualTo(400);
      assertThat(malformed.errorCode()).isEqualTo("Request_BadRequest");
      assertThat(malformed.errorMessage()).isEqualTo("Invalid object identifier 'Staff'.");
      assertThat(missing.code()).isEqualTo(404);
      assertThat(missing.errorCode()).isEqualTo("Request_ResourceNotFound");
    }
  }

  @Test
  void transitiveMembersExpandNestedGroupsAndListEveryTypeWithItsOdataType() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply reply = graph.get("/v1.0/groups/" + STAFF + "/transitiveMembers");

      assertThat(reply.code()).as(reply.body()).isEqualTo(200);
      assertThat(reply.value())
          .extracting(m -> m.get("@odata.type") + " " + m.get("id"))
          .containsExactly(
              "#microsoft.graph.group " + TEAM,
              "#microsoft.graph.user " + ADA,
              "#microsoft.graph.device " + DEVICE,
              "#microsoft.graph.servicePrincipal " + APP,
              "#microsoft.graph.user " + ROOT,
              "#microsoft.graph.user " + QUOTE,
              "#microsoft.graph.user " + BOB,
              "#microsoft.graph.orgContact " + CONTACT);
      assertThat(reply.json()).doesNotContainKey("@odata.nextLink");
      assertThat(entra.tenant().transitiveMemberIds(STAFF)).hasSize(8);
    }
  }

  @Test
  void theUserCastListsOnlyUsersAndWithoutSelectOnlyTheDefaultPropertiesWithoutAccountEnabled()
      throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply all =
          graph.get("/v1.0/groups/" + STAFF + "/transitiveMembers/microsoft.graph.user");
      GraphClient.Reply selected =
          graph.get(
              "/v1.0/groups/"
                  + STAFF
                  + "/transitiveMembers/microsoft.graph.user?$select=id,mail,accountEnabled");

      assertThat(all.value()).extracting(m -> m.get("id")).containsExactly(ADA, ROOT, QUOTE, BOB);
      assertThat(all.value().get(0))
          .containsEntry("userPrincipalName", "ada@contoso.example")
          .containsEntry("givenName", "Ada")
          .doesNotContainKey("accountEnabled");
      assertThat(all.value().get(3)).containsEntry("mail", null);
      assertThat(selected.value().get(3))
          .containsOnlyKeys("@odata.type", "id", "mail", "accountEnabled")
          .containsEntry("accountEnabled", false);
    }
  }

  @Test
  void selectIsHonouredOnMixedMembersAndAnUnknownPropertyIsRefused() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply selected =
          graph.get("/v1.0/groups/" + STAFF + "/transitiveMembers?$select=id,userPrincipalName");
      GraphClient.Reply unknown =
          graph.get("/v1.0/groups/" + STAFF + "/transitiveMembers?$select=id,shoeSize");

      assertThat(selected.value().get(0)).containsOnlyKeys("@odata.type", "id");
      assertThat(selected.value().get(1))
          .containsOnlyKeys("@odata.type", "id", "userPrincipalName");
      assertThat(unknown.code()).isEqualTo(400);
      assertThat(unknown.errorMessage()).contains("'shoeSize'");
    }
  }

  @Test
  void pagesFollowAbsoluteNextLinksWithASkiptokenUntilTheLastPage() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      List<Object> ids = new ArrayList<>();
      GraphClient.Reply page =
          graph.get("/v1.0/groups/" + STAFF + "/transitiveMembers?$top=3&$select=id");
      int pages = 1;
      while (true) {
        page.value().forEach(m -> ids.add(m.get("id")));
        Object next = page.json().get("@odata.nextLink");
        if (next == null) {
          break;
        }
        HttpUrl link = HttpUrl.get(next.toString());
        assertThat(next.toString()).startsWith(entra.graphUrl() + "/v1.0/groups/");
        assertThat(link.queryParameter("$skiptoken")).isNotBlank();
        assertThat(link.queryParameter("$top")).isEqualTo("3");
        assertThat(link.queryParameter("$select")).isEqualTo("id");
        page = graph.getUrl(next.toString());
        pages++;
      }

      assertThat(pages).isEqualTo(3);
      assertThat(ids).hasSize(8).doesNotHaveDuplicates();
    }
  }

  @Test
  void topOutsideOneTo999IsRefusedAndAForgedSkiptokenToo() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      String members = "/v1.0/groups/" + STAFF + "/transitiveMembers";

      assertThat(graph.get(members + "?$top=999").code()).isEqualTo(200);
      assertThat(graph.get(members + "?$top=1000").errorMessage())
          .isEqualTo("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
      assertThat(graph.get(members + "?$top=0").code()).isEqualTo(400);
      assertThat(graph.get(members + "?$skiptoken=forged").errorCode())
          .isEqualTo("Directory_ExpiredPageToken");
      assertThat(graph.get(members + "?$orderby=displayName").code()).isEqualTo(400);
    }
  }

  @Test
  void interleavedEmptyPagesCarryANextLinkToTheRealPage() throws Exception {
    try (SimulatedEntra entra = entra(directory().interleaveEmptyPages(true)).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply first = graph.get("/v1.0/groups/" + STAFF + "/transitiveMembers?$top=5");
      GraphClient.Reply second = graph.getUrl(first.json().get("@odata.nextLink").toString());
      GraphClient.Reply third = graph.getUrl(second.json().get("@odata.nextLink").toString());

      assertThat(first.value()).isEmpty();
      assertThat(second.value()).hasSize(5);
      assertThat(third.value()).isEmpty();
      assertThat(third.json()).containsKey("@odata.nextLink");
    }
  }

  @Test
  void aGeneratedGroupNestedInAnotherIsListedBreadthFirstPageByPage() throws Exception {
    EntraTenant tenant =
        directory()
            .generatedGroup(DemoTenant.BENCH_GROUP, 2_500, DemoTenant::benchUser)
            .generatedGroup("0a000000-0000-4000-8000-0000000000e0", 0, DemoTenant::benchUser)
            .member(TEAM, "0a000000-0000-4000-8000-0000000000e0")
            .member(STAFF, DemoTenant.BENCH_GROUP);
    try (SimulatedEntra entra = entra(tenant).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      String next =
          entra.graphUrl()
              + "/v1.0/groups/"
              + STAFF
              + "/transitiveMembers/microsoft.graph.user?$top=999&$select=id,mail";
      List<Object> ids = new ArrayList<>();
      while (next != null) {
        GraphClient.Reply page = graph.getUrl(next);
        page.value().forEach(u -> ids.add(u.get("id")));
        Object link = page.json().get("@odata.nextLink");
        next = link == null ? null : link.toString();
      }

      assertThat(ids).hasSize(4 + 2_500).doesNotHaveDuplicates();
      // Breadth first: Staff's users, then Team's, then the generated group's.
      assertThat(ids.subList(0, 5))
          .containsExactly(ADA, ROOT, QUOTE, BOB, DemoTenant.benchUser(0).id());
      assertThat(ids.get(ids.size() - 1)).isEqualTo(DemoTenant.benchUser(2_499).id());
    }
  }

  @Test
  void aUserIsFoundByIdOrUserPrincipalNameAndOtherwiseIsResourceNotFound() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply byId = graph.get("/v1.0/users/" + ADA + "?$select=id,accountEnabled");
      GraphClient.Reply byUpn = graph.get("/v1.0/users/ADA@contoso.example");
      GraphClient.Reply missing = graph.get("/v1.0/users/nobody@contoso.example");

      assertThat(byId.json()).containsEntry("accountEnabled", true).doesNotContainKey("mail");
      assertThat(byUpn.json()).containsEntry("id", ADA).doesNotContainKey("accountEnabled");
      assertThat(missing.code()).isEqualTo(404);
      assertThat(missing.errorCode()).isEqualTo("Request_ResourceNotFound");
      assertThat(missing.headers().get("request-id"))
          .isEqualTo(
              ((Map<?, ?>) ((Map<?, ?>) missing.json().get("error")).get("innerError"))
                  .get("request-id"));
    }
  }

  @Test
  void aMailFilterMatchesWithoutRegardToCaseAndReadsADoubledQuote() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply quoted =
          graph.get("/v1.0/users?$filter=mail eq 'o''brien@CONTOSO.example'&$select=id");
      GraphClient.Reply none = graph.get("/v1.0/users?$filter=mail eq 'nobody@contoso.example'");

      GraphClient.Reply plus =
          graph.get("/v1.0/users?$filter=mail eq 'ada%2Bit@home.example'&$select=id,userType");
      GraphClient.Reply guest =
          graph.get("/v1.0/users/ada+it_home.example%23EXT%23@contoso.onmicrosoft.com");
      GraphClient.Reply eligible =
          graph.get(
              "/v1.0/roleManagement/directory/roleEligibilitySchedules?$filter=principalId eq '"
                  + ADA
                  + "'&$select=principalId");

      assertThat(plus.value()).containsExactly(Map.of("id", GUEST, "userType", "Guest"));
      assertThat(guest.json()).containsEntry("id", GUEST);
      assertThat(eligible.code()).as(eligible.body()).isEqualTo(200);
      assertThat(quoted.code()).as(quoted.body()).isEqualTo(200);
      assertThat(quoted.value()).extracting(u -> u.get("id")).containsExactly(QUOTE);
      assertThat(none.value()).isEmpty();
    }
  }

  @Test
  void aMalformedFilterIsABadRequestAndAnUnsupportedPropertyAnUnsupportedQuery() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      for (String filter :
          List.of(
              "mail eq 'o'brien@contoso.example'",
              "mail eq o@contoso.example",
              "mail eq 'unterminated",
              "mail 'x'",
              "eq 'x'")) {
        GraphClient.Reply reply = graph.get("/v1.0/users?$filter=" + filter);
        assertThat(reply.code()).as(filter).isEqualTo(400);
        assertThat(reply.errorCode()).as(filter).isEqualTo("BadRequest");
      }
      GraphClient.Reply unsupported = graph.get("/v1.0/users?$filter=jobTitle eq 'x'");
      assertThat(unsupported.errorCode()).isEqualTo("Request_UnsupportedQuery");
    }
  }

  @Test
  void checkMemberGroupsAnswersTheGroupsTheUserIsInTransitively() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply bob =
          graph.post(
              "/v1.0/users/" + BOB + "/checkMemberGroups",
              "{\"groupIds\":[\"" + STAFF + "\",\"" + OUTSIDE + "\"]}");
      GraphClient.Reply stranger =
          graph.post(
              "/v1.0/users/" + STRANGER + "/checkMemberGroups",
              "{\"groupIds\":[\"" + STAFF + "\"]}");
      GraphClient.Reply malformed =
          graph.post("/v1.0/users/" + BOB + "/checkMemberGroups", "{\"groupIds\":[\"Staff\"]}");

      assertThat(bob.json().get("value")).isEqualTo(List.of(STAFF));
      assertThat(stranger.json().get("value")).isEqualTo(List.of());
      assertThat(malformed.code()).isEqualTo(400);
    }
  }

  @Test
  void directoryRolesAreReadActiveThroughARoleAssignableGroupScopedAndEligible() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply rootRoles =
          graph.get("/v1.0/users/" + ROOT + "/transitiveMemberOf/microsoft.graph.directoryRole");
      GraphClient.Reply bobRoles =
          graph.get("/v1.0/users/" + BOB + "/transitiveMemberOf/microsoft.graph.directoryRole");
      GraphClient.Reply bobAssignments =
          graph.get(
              "/v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '"
                  + BOB
                  + "'");
      GraphClient.Reply eligible =
          graph.get(
              "/v1.0/roleManagement/directory/roleEligibilitySchedules?$filter=principalId eq '"
                  + QUOTE
                  + "'");
      GraphClient.Reply adaEligible =
          graph.get(
              "/v1.0/roleManagement/directory/roleEligibilitySchedules?$filter=principalId eq '"
                  + ADA
                  + "'");

      assertThat(rootRoles.value())
          .singleElement()
          .satisfies(
              role ->
                  assertThat(role)
                      .containsEntry("@odata.type", "#microsoft.graph.directoryRole")
                      .containsEntry("displayName", "Global Administrator")
                      .containsEntry(
                          "roleTemplateId", DirectoryRole.GLOBAL_ADMINISTRATOR.templateId()));
      assertThat(bobRoles.value()).isEmpty(); // scoped to an administrative unit
      assertThat(bobAssignments.value())
          .singleElement()
          .satisfies(
              a ->
                  assertThat(a)
                      .containsEntry("directoryScopeId", "/administrativeUnits/" + OUTSIDE)
                      .containsEntry(
                          "roleDefinitionId", DirectoryRole.USER_ADMINISTRATOR.templateId()));
      assertThat(eligible.value())
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e)
                      .containsEntry("principalId", QUOTE)
                      .containsEntry(
                          "roleDefinitionId",
                          DirectoryRole.PRIVILEGED_ROLE_ADMINISTRATOR.templateId()));
      assertThat(adaEligible.value()).isEmpty();
    }
  }

  @Test
  void aTenantWithoutPimAnswersTheEligibilityReadWithAadPremiumLicenseRequired() throws Exception {
    try (SimulatedEntra entra = entra(directory().withoutPim()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply reply =
          graph.get(
              "/v1.0/roleManagement/directory/roleEligibilitySchedules?$filter=principalId eq '"
                  + ADA
                  + "'");

      assertThat(reply.code()).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("AadPremiumLicenseRequired");
    }
  }

  @Test
  void eachEndpointNeedsItsApplicationPermission() throws Exception {
    try (SimulatedEntra entra = entra(directory()).grantedPermissions("User.Read.All").start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply members = graph.get("/v1.0/groups/" + STAFF + "/transitiveMembers");
      GraphClient.Reply eligibility =
          graph.get("/v1.0/roleManagement/directory/roleEligibilitySchedules");
      GraphClient.Reply user = graph.get("/v1.0/users/" + ADA);

      assertThat(members.code()).isEqualTo(403);
      assertThat(members.errorCode()).isEqualTo("Authorization_RequestDenied");
      assertThat(members.errorMessage())
          .isEqualTo("Insufficient privileges to complete the operation.");
      assertThat(eligibility.code()).isEqualTo(403);
      assertThat(user.code()).isEqualTo(200);
    }
  }

  @Test
  void aCallWithoutAValidUnexpiredBearerTokenIsInvalidAuthenticationToken() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW);
        SimulatedEntra other = entra(directory()).start();
        GraphClient stranger = new GraphClient(other).signIn(NOW)) {
      GraphClient.Reply none =
          graph.send(new okhttp3.Request.Builder().url(entra.url("/v1.0/users/" + ADA)).build());
      GraphClient.Reply foreignToken =
          graph.send(
              new okhttp3.Request.Builder()
                  .url(entra.url("/v1.0/users/" + ADA))
                  .header("Authorization", "Bearer " + stranger.token())
                  .build());
      clock.advance(Duration.ofSeconds(3599));
      GraphClient.Reply expired = graph.get("/v1.0/users/" + ADA);

      for (GraphClient.Reply reply : List.of(none, foreignToken, expired)) {
        assertThat(reply.code()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("InvalidAuthenticationToken");
        assertThat(reply.headers().get("WWW-Authenticate")).startsWith("Bearer ");
      }
      assertThat(none.errorMessage()).isEqualTo("Access token is empty.");
      assertThat(expired.errorMessage()).contains("expired");
      assertThat(entra.rejections()).containsOnly("InvalidAuthenticationToken");
    }
  }

  @Test
  void anUnknownSegmentIsGraphsBadRequestAndAWrongMethodIsNotAllowed() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply unknown = graph.get("/v1.0/gruops/" + STAFF);
      GraphClient.Reply wrongMethod = graph.delete("/v1.0/groups/" + STAFF);

      assertThat(unknown.code()).isEqualTo(400);
      assertThat(unknown.errorMessage()).isEqualTo("Resource not found for the segment 'gruops'.");
      assertThat(wrongMethod.code()).isEqualTo(405);
    }
  }
}
