package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.entra.ScriptedEntra.GROUP;
import static org.workforceiam.entra.ScriptedEntra.OTHER_GROUP;
import static org.workforceiam.entra.ScriptedEntra.USER;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.Factor;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Page;
import org.workforceiam.core.ProfileField;
import org.workforceiam.core.UserId;

/** The directory over Graph: paging, the user mapping, lookups, factors and membership. */
class EntraDirectoryTest {
  private static final String MEMBERS =
      "/v1.0/groups/" + GROUP + "/transitiveMembers/microsoft.graph.user";

  private final ScriptedEntra entra = ScriptedEntra.start();
  private final EntraClient client = entra.builder(secret()).pageSize(3).build();
  private final IamDirectory directory = client.directory();

  private static EntraCredential secret() {
    return EntraCredential.clientSecret(org.workforceiam.core.Secret.of("s3cr3t~value"));
  }

  @AfterEach
  void stop() {
    client.close();
    entra.close();
  }

  static String user(String id, String upn, String mail, Boolean enabled) {
    return "{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\""
        + id
        + "\",\"userPrincipalName\":\""
        + upn
        + "\",\"givenName\":\"Ada\",\"surname\":\"Lovelace\",\"mail\":"
        + (mail == null ? "null" : "\"" + mail + "\"")
        + ",\"accountEnabled\":"
        + enabled
        + "}";
  }

  static String id(int n) {
    return String.format("%08d-0000-4000-8000-000000000000", n);
  }

  private String page(String nextLink, String... items) {
    return "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users\","
        + (nextLink == null ? "" : "\"@odata.nextLink\":\"" + nextLink + "\",")
        + "\"value\":["
        + String.join(",", items)
        + "]}";
  }

  private String next(String skiptoken) {
    return entra.origin() + MEMBERS + "?$select=id&$top=3&$skiptoken=" + skiptoken;
  }

  // ------------------------------------------------------------------ members and paging

  @Test
  void theFirstPageAsksForTheTransitiveUsersWithSelectAndTop() {
    entra.enqueue(200, page(null, user(id(1), "ada@contoso.com", "ada@contoso.com", true)));

    directory.membersPage(GroupId.of(GROUP));

    RecordedRequest request = entra.graphRequests().get(0);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo(MEMBERS);
    assertThat(request.getUrl().queryParameter("$select"))
        .isEqualTo(
            "id,userPrincipalName,givenName,surname,mail,accountEnabled,department,jobTitle");
    assertThat(request.getUrl().queryParameter("$top")).isEqualTo("3");
    assertThat(request.getHeaders().get("Authorization")).startsWith("Bearer ");
    assertThat(request.getHeaders().get("ConsistencyLevel")).isNull();
  }

  @Test
  void departmentAndJobTitleAreKeptAsAttributes() {
    entra.enqueue(
        200,
        page(
            null,
            "{\"id\":\""
                + id(1)
                + "\",\"userPrincipalName\":\"ada@contoso.com\",\"accountEnabled\":true,"
                + "\"department\":\"Engineering\",\"jobTitle\":\"Engineer\"}",
            "{\"id\":\""
                + id(2)
                + "\",\"userPrincipalName\":\"bob@contoso.com\",\"department\":null}"));

    List<Employee> members = directory.membersPage(GroupId.of(GROUP)).items();

    assertThat(members.get(0).attributes())
        .containsExactly(
            java.util.Map.entry("department", "Engineering"),
            java.util.Map.entry("jobTitle", "Engineer"));
    assertThat(members.get(1).attributes()).isEmpty();
  }

  @Test
  void usersMapToEmployeesAndAMissingMailIsAnIncompleteProfileNotADroppedUser() {
    entra.enqueue(
        200,
        page(
            null,
            user(id(1), "ada@contoso.com", "ada@contoso.com", true),
            user(id(2), "bob@contoso.com", null, false),
            "{\"id\":\"" + id(3) + "\",\"userPrincipalName\":\"cy@contoso.com\"}"));

    List<Employee> members = directory.membersPage(GroupId.of(GROUP)).items();

    assertThat(members).hasSize(3);
    Employee ada = members.get(0);
    assertThat(ada.id()).isEqualTo(UserId.of(id(1)));
    assertThat(ada.login()).isEqualTo("ada@contoso.com");
    assertThat(ada.firstName()).hasValue("Ada");
    assertThat(ada.lastName()).hasValue("Lovelace");
    assertThat(ada.email()).hasValue("ada@contoso.com");
    assertThat(ada.status()).isEqualTo(EmployeeStatus.ACTIVE);
    assertThat(ada.hasCompleteProfile()).isTrue();
    Employee bob = members.get(1);
    assertThat(bob.providerStatus()).isEqualTo("DISABLED");
    assertThat(bob.status()).isEqualTo(EmployeeStatus.DISABLED);
    assertThat(bob.missingProfileFields()).containsExactly(ProfileField.EMAIL);
    assertThat(members.get(2).providerStatus()).isEqualTo("UNKNOWN");
  }

  @Test
  void directoryObjectsThatAreNotUsersAreSkipped() {
    entra.enqueue(
        200,
        page(
            null,
            "{\"@odata.type\":\"#microsoft.graph.device\",\"id\":\"" + id(9) + "\"}",
            user(id(1), "ada@contoso.com", "ada@contoso.com", true)));

    assertThat(directory.membersPage(GroupId.of(GROUP)).items())
        .extracting(e -> e.id().value())
        .containsExactly(id(1));
  }

  @Test
  void followsNextLinksUntilTheLastPage() {
    entra
        .enqueue(200, page(next("a"), user(id(1), "a@c.com", "a@c.com", true)))
        .enqueue(200, page(next("b")))
        .enqueue(200, page(null, user(id(2), "b@c.com", "b@c.com", true)));

    List<String> ids =
        directory.members(GroupId.of(GROUP)).map(e -> e.id().value()).collect(Collectors.toList());

    assertThat(ids).containsExactly(id(1), id(2));
    List<RecordedRequest> requests = entra.graphRequests();
    assertThat(requests).hasSize(3);
    assertThat(requests.get(1).getUrl().queryParameter("$skiptoken")).isEqualTo("a");
    assertThat(requests.get(2).getUrl().queryParameter("$skiptoken")).isEqualTo("b");
  }

  @Test
  void aNextLinkToAnotherHostIsRefusedBeforeAnythingIsSentThere() {
    entra.enqueue(
        200,
        page(
            "https://graph.evil.example" + MEMBERS + "?$skiptoken=x",
            user(id(1), "a@c.com", "a@c.com", true)));

    assertThatThrownBy(() -> directory.membersPage(GroupId.of(GROUP)))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("graph.evil.example")
        .hasMessageContaining("refusing to send credentials");
    assertThat(entra.graphRequests()).hasSize(1);
  }

  @Test
  void aNextLinkToAnotherListingIsRefused() {
    entra.enqueue(
        200,
        page(
            entra.origin()
                + "/v1.0/groups/"
                + OTHER_GROUP
                + "/transitiveMembers/microsoft.graph.user?$skiptoken=x",
            user(id(1), "a@c.com", "a@c.com", true)));

    assertThatThrownBy(() -> directory.membersPage(GroupId.of(GROUP)))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("leaves the members of group " + GROUP);
  }

  @Test
  void aNextLinkThatIsNotAnAbsoluteUrlIsRefused() {
    entra.enqueue(200, page("?$skiptoken=relative", user(id(1), "a@c.com", "a@c.com", true)));

    assertThatThrownBy(() -> directory.membersPage(GroupId.of(GROUP)))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("not an absolute");
  }

  @Test
  void aNextLinkNamingItsOwnPageIsRefused() {
    String self = next("same");
    entra.enqueue(200, page(self, user(id(1), "a@c.com", "a@c.com", true)));
    Page<Employee> first = directory.membersPage(GroupId.of(GROUP));
    entra.enqueue(200, page(self, user(id(2), "b@c.com", "b@c.com", true)));

    assertThatThrownBy(() -> directory.membersPage(GroupId.of(GROUP), first.next().orElseThrow()))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("names the page it came from");
  }

  @Test
  void aNextLinkSeenBeforeInTheListingStopsIt() {
    entra
        .enqueue(200, page(next("a"), user(id(1), "a@c.com", "a@c.com", true)))
        .enqueue(200, page(next("b"), user(id(2), "b@c.com", "b@c.com", true)))
        .enqueue(200, page(next("a"), user(id(3), "c@c.com", "c@c.com", true)));

    try (Stream<Employee> members = directory.members(GroupId.of(GROUP))) {
      assertThatThrownBy(members::count)
          .isInstanceOf(IamException.ProtocolViolation.class)
          .hasMessageContaining("already returned");
    }
    assertThat(entra.graphRequests()).hasSize(3);
  }

  @Test
  void tenEmptyPagesInARowThatEachNameANextPageStopTheListing() {
    for (int i = 0; i < 12; i++) {
      entra.enqueue(200, page(next("e" + i)));
    }

    try (Stream<Employee> members = directory.members(GroupId.of(GROUP))) {
      assertThatThrownBy(members::count)
          .isInstanceOf(IamException.ProtocolViolation.class)
          .hasMessageContaining("10 empty pages in a row");
    }
    assertThat(entra.graphRequests()).hasSize(10);
  }

  @Test
  void aPageWithMoreItemsThanAskedForIsAProtocolViolation() {
    entra.enqueue(
        200,
        page(
            null,
            IntStream.rangeClosed(1, 4)
                .mapToObj(n -> user(id(n), n + "@c.com", n + "@c.com", true))
                .toArray(String[]::new)));

    assertThatThrownBy(() -> directory.membersPage(GroupId.of(GROUP)))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("more than the 3 items asked for");
  }

  @Test
  void aPageWithoutValueOrWithTrailingDataIsAProtocolViolation() {
    entra.enqueue(200, "{\"@odata.context\":\"x\"}").enqueue(200, page(null) + " {}");

    assertThatThrownBy(() -> directory.membersPage(GroupId.of(GROUP)))
        .isInstanceOf(IamException.ProtocolViolation.class);
    assertThatThrownBy(() -> directory.membersPage(GroupId.of(GROUP)))
        .isInstanceOf(IamException.ProtocolViolation.class);
  }

  @Test
  void aCursorOfAnotherOriginOrListingIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(
            () ->
                directory.membersPage(
                    GroupId.of(GROUP),
                    new Page.Cursor("https://evil.example" + MEMBERS + "?$skiptoken=a")))
        .isInstanceOf(IamException.ProtocolViolation.class);
    assertThatThrownBy(
            () ->
                directory.membersPage(
                    GroupId.of(GROUP),
                    new Page.Cursor(entra.origin() + "/v1.0/users?$skiptoken=a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not continue the members of group " + GROUP);
    assertThatThrownBy(
            () ->
                directory.membersPage(
                    GroupId.of(GROUP),
                    new Page.Cursor(entra.origin() + MEMBERS + "/../../../users/" + USER)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(entra.graphRequests()).isEmpty();
  }

  @Test
  void aFirstPageGraphCannotProduceInTimeIsAskedForAgainSmaller() {
    EntraClient big = entra.builder(secret()).build();
    entra.enqueue(504, "").enqueue(200, page(null));

    big.directory().membersPage(GroupId.of(GROUP));

    assertThat(entra.graphRequests())
        .extracting(r -> r.getUrl().queryParameter("$top"))
        .containsExactly("999", "499");
    big.close();
  }

  @Test
  void aMissingGroupIsNotFound() {
    entra.enqueue(
        404,
        "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"Resource '"
            + GROUP
            + "' does not exist.\"}}");

    assertThatThrownBy(() -> directory.membersPage(GroupId.of(GROUP)))
        .isInstanceOf(IamException.NotFound.class)
        .hasMessageContaining("listing the members of group " + GROUP);
  }

  // ------------------------------------------------------------------ users

  @Test
  void findsAUserByObjectIdSelectingTheFieldsItMaps() {
    entra.enqueue(200, user(USER, "ada@contoso.com", "ada@contoso.com", true));

    Optional<Employee> found = directory.findById(UserId.of(USER));

    assertThat(found).map(Employee::login).hasValue("ada@contoso.com");
    HttpUrl url = entra.graphRequests().get(0).getUrl();
    assertThat(url.encodedPath()).isEqualTo("/v1.0/users/" + USER);
    assertThat(url.queryParameter("$select"))
        .isEqualTo(
            "id,userPrincipalName,givenName,surname,mail,accountEnabled,department,jobTitle");
  }

  @Test
  void aGuestsUserPrincipalNameIsOnePercentEncodedSegment() {
    String guest = "ada_example.com#EXT#@contoso.onmicrosoft.com";
    entra.enqueue(200, user(USER, guest, "ada@example.com", true));

    assertThat(directory.findByLogin(guest)).map(Employee::login).hasValue(guest);

    HttpUrl url = entra.graphRequests().get(0).getUrl();
    assertThat(url.encodedPath())
        .isEqualTo("/v1.0/users/ada_example.com%23EXT%23%40contoso.onmicrosoft.com");
    assertThat(url.pathSegments()).containsExactly("v1.0", "users", guest);
  }

  @Test
  void anUnknownUserIsEmpty() {
    entra.enqueue(404, "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"no\"}}");
    assertThat(directory.findByLogin("nobody@contoso.com")).isEmpty();
  }

  @Test
  void findTakesAnIdAUserPrincipalNameOrAMail() {
    entra
        .enqueue(200, user(USER, "ada@contoso.com", "ada@contoso.com", true))
        .enqueue(404, "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"no\"}}")
        .enqueue(200, page(null, user(USER, "ada@contoso.com", "ada.l@contoso.com", true)));

    assertThat(directory.find(USER)).isPresent();
    assertThat(directory.find("ada.l@contoso.com")).map(e -> e.id().value()).hasValue(USER);

    List<RecordedRequest> requests = entra.graphRequests();
    assertThat(requests.get(0).getUrl().encodedPath()).isEqualTo("/v1.0/users/" + USER);
    assertThat(requests.get(1).getUrl().pathSegments())
        .containsExactly("v1.0", "users", "ada.l@contoso.com");
    assertThat(requests.get(2).getUrl().queryParameter("$filter"))
        .isEqualTo("mail eq 'ada.l@contoso.com'");
  }

  @Test
  void aValueThatIsNeitherAnIdNorAUserPrincipalNameIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> directory.find("ada"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither an object id");
    assertThat(entra.graphRequests()).isEmpty();
  }

  @Test
  void aQuoteInTheMailIsDoubledAsODataRequires() {
    entra.enqueue(200, page(null, user(USER, "ob@contoso.com", "O'Brien@contoso.com", true)));

    assertThat(directory.findByEmail(" o'brien@contoso.com ")).isPresent();

    HttpUrl url = entra.graphRequests().get(0).getUrl();
    assertThat(url.encodedPath()).isEqualTo("/v1.0/users");
    assertThat(url.queryParameter("$filter")).isEqualTo("mail eq 'o''brien@contoso.com'");
    assertThat(url.encodedQuery()).contains("$filter=mail%20eq%20%27o%27%27brien%40contoso.com%27");
    assertThat(url.queryParameter("$top")).isEqualTo("2");
  }

  @Test
  void onlyAHitWhoseMailEqualsTheAddressIgnoringCaseIsTaken() {
    entra
        .enqueue(200, page(null, user(USER, "x@contoso.com", "someone.else@contoso.com", true)))
        .enqueue(200, page(null, user(USER, "x@contoso.com", "ADA@Contoso.com", true)));

    assertThat(directory.findByEmail("ada@contoso.com")).isEmpty();
    assertThat(directory.findByEmail("ada@contoso.com")).isPresent();
  }

  @Test
  void severalUsersWithTheMailAreAmbiguous() {
    entra
        .enqueue(
            200,
            page(
                null,
                user(id(1), "a@contoso.com", "ada@contoso.com", true),
                user(id(2), "b@contoso.com", "ada@contoso.com", true)))
        .enqueue(
            200,
            page(
                entra.origin() + "/v1.0/users?$skiptoken=z",
                user(id(1), "a@contoso.com", "ada@contoso.com", true)));

    assertThatThrownBy(() -> directory.findByEmail("ada@contoso.com"))
        .isInstanceOf(IamException.AmbiguousUser.class)
        .hasMessageContaining(id(1))
        .hasMessageContaining(id(2));
    assertThatThrownBy(() -> directory.findByEmail("ada@contoso.com"))
        .isInstanceOf(IamException.AmbiguousUser.class)
        .hasMessageContaining("and more");
  }

  @Test
  void aMailThatCouldChangeTheFilterIsRefusedBeforeAnyRequest() {
    for (String hostile : List.of("a\"b@c.com", "a\\b@c.com", "a b@c.com", "a\u0000b@c.com", " ")) {
      assertThatThrownBy(() -> directory.findByEmail(hostile))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(entra.graphRequests()).isEmpty();
  }

  // ------------------------------------------------------------------ factors and membership

  @Test
  void authenticationMethodsButThePasswordAreFactors() {
    entra.enqueue(
        200,
        "{\"value\":["
            + "{\"@odata.type\":\"#microsoft.graph.passwordAuthenticationMethod\","
            + "\"id\":\"28c10230-6103-485e-b985-444c60001490\"},"
            + "{\"@odata.type\":\"#microsoft.graph.phoneAuthenticationMethod\","
            + "\"id\":\"3179e48a-750b-4051-897c-87b9720928f7\",\"phoneNumber\":\"+1 555\"},"
            + "{\"@odata.type\":\"#microsoft.graph.fido2AuthenticationMethod\","
            + "\"id\":\"-2_GRUg2-HYz6_1YG4YRAQ2\",\"model\":\"key\"},"
            + "{\"id\":\"b6332ec1-7057-4abe-9331-3d72feddfe41\"}]}");

    List<Factor> factors = directory.factors(UserId.of(USER));

    assertThat(entra.graphRequests().get(0).getUrl().encodedPath())
        .isEqualTo("/v1.0/users/" + USER + "/authentication/methods");
    assertThat(factors)
        .extracting(f -> f.id().value() + " " + f.type() + " " + f.provider() + " " + f.status())
        .containsExactly(
            "3179e48a-750b-4051-897c-87b9720928f7 phoneAuthenticationMethod MICROSOFT ACTIVE",
            "-2_GRUg2-HYz6_1YG4YRAQ2 fido2AuthenticationMethod MICROSOFT ACTIVE",
            "b6332ec1-7057-4abe-9331-3d72feddfe41 UNKNOWN MICROSOFT ACTIVE");
  }

  @Test
  void theFactorsOfAnUnknownUserAreNotFound() {
    entra.enqueue(404, "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"no\"}}");
    assertThatThrownBy(() -> directory.factors(UserId.of(USER)))
        .isInstanceOf(IamException.NotFound.class);
  }

  @Test
  void membershipIsAskedWithCheckMemberGroupsForTheOneGroup() {
    entra.enqueue(200, "{\"value\":[\"" + GROUP.toUpperCase(java.util.Locale.ROOT) + "\"]}");
    entra.enqueue(200, "{\"value\":[]}");

    assertThat(directory.isMember(UserId.of(USER), GroupId.of(GROUP))).isTrue();
    assertThat(directory.isMember(UserId.of(USER), GroupId.of(GROUP))).isFalse();

    RecordedRequest request = entra.graphRequests().get(0);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/v1.0/users/" + USER + "/checkMemberGroups");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getBody().utf8()).isEqualTo("{\"groupIds\":[\"" + GROUP + "\"]}");
  }

  @Test
  void theMembershipCheckIsARepeatableReadThoughAPost() {
    entra
        .enqueue(503, "{\"error\":{\"code\":\"serviceNotAvailable\",\"message\":\"later\"}}")
        .enqueue(200, "{\"value\":[\"" + GROUP + "\"]}");

    assertThat(directory.isMember(UserId.of(USER), GroupId.of(GROUP))).isTrue();
    assertThat(entra.graphRequests()).hasSize(2);
  }
}
