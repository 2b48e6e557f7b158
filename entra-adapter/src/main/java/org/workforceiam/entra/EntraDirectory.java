package org.workforceiam.entra;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.Employee;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.Factor;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Page;
import org.workforceiam.core.UserId;
import org.workforceiam.http.Emails;
import org.workforceiam.http.Json;
import org.workforceiam.http.JsonBodies;
import org.workforceiam.http.Origins;
import org.workforceiam.http.PathTemplate;

/**
 * A tenant's users and groups, read through Microsoft Graph v1.0, as an {@link IamDirectory}.
 *
 * <p><b>Members</b> are the group's transitive members that are users: {@code GET
 * /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user?$select=id,userPrincipalName,givenName,
 * surname,mail,accountEnabled,department,jobTitle&$top=N}. Nested groups are expanded by Graph;
 * devices, contacts, service principals and the groups themselves are left out by the OData cast.
 * The cast, rather than listing every member and keeping the {@code #microsoft.graph.user} items,
 * because a group whose members are mostly devices would otherwise give runs of empty pages that
 * look like a server looping. Older Graph documentation asked for {@code ConsistencyLevel:
 * eventual} and {@code $count=true} with the cast; the current page for the call does not, and
 * microsoft-graph-docs #11881 shows it working without them (GRAPH-NOTES), so neither is sent. An
 * item of another type that still comes is skipped. {@code $select} is always sent, since Graph
 * leaves {@code accountEnabled} out of its default properties.
 *
 * <p><b>Paging</b> follows {@code @odata.nextLink}, an absolute URL with {@code $skiptoken}, used
 * as Graph gives it. A next link is followed only on the configured Graph origin ({@link Origins})
 * and only to the same listing ({@link GraphPaths#GROUP_USERS} for the same group); one that names
 * the page it came from, or a page holding more than the {@code $top} asked for, is a {@link
 * IamException.ProtocolViolation}. Across pages, {@link IamDirectory#memberPages} (core) refuses a
 * next link it has seen before in the listing and stops after 10 empty pages in a row that each
 * name a next page. A page that Graph cannot produce in time (500, 504, read timeout) is asked for
 * again with half the {@code $top}, down to 100, for the first page only: whether Graph honours a
 * changed {@code $top} beside a {@code $skiptoken} is not documented.
 *
 * <p><b>Users</b>: {@code GET /v1.0/users/{id | userPrincipalName}} (a guest's {@code #EXT#} is
 * percent-encoded); by email {@code GET /v1.0/users?$filter=mail eq '…'} (OData quoting). Factors
 * are {@code GET /v1.0/users/{id}/authentication/methods} without the password method; membership
 * is {@code POST /v1.0/users/{id}/checkMemberGroups}, transitive, a read.
 *
 * <p>Every id is checked before it reaches a URL ({@link EntraIds}), and every URL is built from
 * its template ({@link GraphPaths}).
 */
final class EntraDirectory implements IamDirectory {
  /** The fields of a user this adapter reads. */
  static final String SELECT =
      "id,userPrincipalName,givenName,surname,mail,accountEnabled,department,jobTitle";

  /** The smallest {@code $top} a first page that Graph could not produce is asked for again. */
  static final int MIN_ADAPTIVE_TOP = 100;

  /** The most pages of a user's authentication methods read; a user has a handful of methods. */
  static final int MAX_METHOD_PAGES = 20;

  private static final Logger LOG = LoggerFactory.getLogger(EntraDirectory.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpUrl graphUrl;
  private final GraphApi graph;
  private final int pageSize;

  EntraDirectory(HttpUrl graphUrl, GraphApi graph, int pageSize) {
    this.graphUrl = graphUrl;
    this.graph = graph;
    this.pageSize = pageSize;
  }

  // ------------------------------------------------------------------ group members

  @Override
  public Page<Employee> membersPage(GroupId group) {
    EntraIds.requireGroup(group);
    HttpUrl first =
        GraphPaths.GROUP_USERS
            .url(graphUrl, group.value())
            .newBuilder()
            .addEncodedQueryParameter("$select", SELECT)
            .addEncodedQueryParameter("$top", Integer.toString(pageSize))
            .build();
    return fetchPage(first, group);
  }

  @Override
  public Page<Employee> membersPage(GroupId group, Page.Cursor cursor) {
    EntraIds.requireGroup(group);
    Objects.requireNonNull(cursor, "cursor == null");
    HttpUrl url = HttpUrl.parse(cursor.value());
    if (url == null) {
      throw new IllegalArgumentException(
          "not a page cursor of this client: " + PathTemplate.quoted(cursor.value()));
    }
    Origins.requireSameOrigin(url, graphUrl, "page cursor", "Microsoft Graph at " + graphUrl);
    // HttpUrl.parse has already resolved any dot segment: what is checked is what would be sent.
    if (!GraphPaths.GROUP_USERS.matches(url, group.value())) {
      throw new IllegalArgumentException(
          "page cursor "
              + PathTemplate.quoted(cursor.value())
              + " does not continue the members of group "
              + group
              + " (its path must be /v1.0/groups/"
              + group
              + "/transitiveMembers/microsoft.graph.user)");
    }
    return fetchPage(url, group);
  }

  private Page<Employee> fetchPage(HttpUrl pageUrl, GroupId group) {
    return graph
        .transport()
        .page(() -> get(pageUrl), EntraDirectory::halved, response -> readPage(response, group));
  }

  /** Reads a page as it streams in; a connection failure is left to the transport's loop. */
  private Page<Employee> readPage(Response response, GroupId group) throws IOException {
    HttpUrl current = response.request().url();
    if (!response.isSuccessful()) {
      throw GraphErrors.fromResponse(response, "listing the members of group " + group);
    }
    GraphJson.Page<Employee> page =
        JsonBodies.decodeWhole(
            EntraRules.GRAPH,
            current,
            response,
            reader -> GraphJson.page(reader, topOf(current), GraphJson::memberUser),
            true);
    if (page.skipped() > 0) {
      LOG.debug("skipped {} members of group {} that are not users", page.skipped(), group);
    }
    Optional<Page.Cursor> next = Optional.empty();
    if (page.nextLink() != null) {
      HttpUrl link = nextLink(page.nextLink(), current, "the members of group " + group);
      if (!GraphPaths.GROUP_USERS.matches(link, group.value())) {
        throw new IamException.ProtocolViolation(
            "Microsoft Graph's next link after "
                + current.encodedPath()
                + " leaves the members of group "
                + group
                + ": "
                + link.encodedPath(),
            JsonBodies.details(EntraRules.GRAPH, response));
      }
      next = Optional.of(new Page.Cursor(link.toString()));
    }
    return Page.of(page.items(), next);
  }

  /**
   * Checks an {@code @odata.nextLink}: an absolute URL on the Graph origin that is not the page it
   * came from.
   */
  private HttpUrl nextLink(String value, HttpUrl current, String listing) {
    HttpUrl link = HttpUrl.parse(value);
    if (link == null) {
      throw new IamException.ProtocolViolation(
          "Microsoft Graph's next link for " + listing + " is not an absolute http(s) URL",
          ErrorDetails.none());
    }
    Origins.requireSameOrigin(
        link,
        graphUrl,
        "Microsoft Graph's next link for " + listing,
        "Microsoft Graph at " + graphUrl);
    if (link.equals(current)) {
      throw new IamException.ProtocolViolation(
          "Microsoft Graph's next link for "
              + listing
              + " names the page it came from; stopping instead of reading it forever",
          ErrorDetails.none());
    }
    return link;
  }

  /**
   * The first page's URL with {@code $top} halved (never below 100): the smaller page the transport
   * asks for when Graph could not produce this one in time. A page after the first, with its {@code
   * $skiptoken}, is not made smaller.
   */
  static Optional<HttpUrl> halved(HttpUrl url) {
    if (url.queryParameter("$skiptoken") != null) {
      return Optional.empty();
    }
    int top = topOf(url);
    if (top <= MIN_ADAPTIVE_TOP) {
      return Optional.empty();
    }
    int smaller = Math.max(MIN_ADAPTIVE_TOP, top / 2);
    LOG.info(
        "Microsoft Graph could not produce a page of {} in time; asking again with $top={}",
        url.encodedPath(),
        smaller);
    return Optional.of(
        url.newBuilder()
            .removeAllEncodedQueryParameters("$top")
            .addEncodedQueryParameter("$top", Integer.toString(smaller))
            .build());
  }

  /** The page's {@code $top}; 999, Graph's most, when absent or unreadable. */
  private static int topOf(HttpUrl url) {
    String top = url.queryParameter("$top");
    if (top == null || !top.matches("\\d{1,4}")) {
      return EntraClient.MAX_PAGE_SIZE;
    }
    return Math.min(Integer.parseInt(top), EntraClient.MAX_PAGE_SIZE);
  }

  /**
   * Reads a group's display name with {@code GET /v1.0/groups/{id}?$select=id,displayName}.
   *
   * @param group the group
   * @return its display name, or its id when it has none
   * @throws IamException.NotFound when the group does not exist or the app may not see it
   */
  String groupName(GroupId group) {
    EntraIds.requireGroup(group);
    HttpUrl url =
        GraphPaths.GROUP
            .url(graphUrl, group.value())
            .newBuilder()
            .addEncodedQueryParameter("$select", "id,displayName")
            .build();
    try (Response response = graph.send(get(url))) {
      if (!response.isSuccessful()) {
        throw GraphErrors.fromResponse(response, "reading group " + group);
      }
      return decode(url, response, GraphJson::groupName).orElse(group.value());
    }
  }

  // ------------------------------------------------------------------ users

  @Override
  public Optional<Employee> findById(UserId id) {
    Objects.requireNonNull(id, "id == null");
    return getUser(EntraIds.requireUser(id).value());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The login is the userPrincipalName, percent-encoded as one path segment.
   *
   * @throws IllegalArgumentException when it is not a userPrincipalName
   */
  @Override
  public Optional<Employee> findByLogin(String login) {
    Objects.requireNonNull(login, "login == null");
    if (login.isBlank()) {
      throw new IllegalArgumentException("login must not be blank");
    }
    return getUser(EntraIds.requireUpn(login.strip(), "login"));
  }

  /**
   * Finds a user by object id or userPrincipalName with one request: {@code GET /v1.0/users/{id |
   * userPrincipalName}} takes either. A value that is neither a GUID nor has the form of a
   * userPrincipalName is refused before any request.
   */
  @Override
  public Optional<Employee> findByIdOrLogin(String idOrLogin) {
    Objects.requireNonNull(idOrLogin, "idOrLogin == null");
    String value = idOrLogin.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the user to find must not be blank");
    }
    if (EntraIds.isGuid(value)) {
      return getUser(value);
    }
    if (value.indexOf('@') < 0) {
      throw new IllegalArgumentException(
          "the user to find "
              + PathTemplate.quoted(value)
              + " is neither an object id (a GUID) nor a userPrincipalName or mail address"
              + " (name@domain)");
    }
    return getUser(EntraIds.requireUpn(value, "the user to find"));
  }

  private Optional<Employee> getUser(String idOrUpn) {
    HttpUrl url =
        GraphPaths.USER
            .url(graphUrl, idOrUpn)
            .newBuilder()
            .addEncodedQueryParameter("$select", SELECT)
            .build();
    try (Response response = graph.send(get(url))) {
      if (response.code() == 404) {
        return Optional.empty();
      }
      if (!response.isSuccessful()) {
        throw GraphErrors.fromResponse(response, "looking up user " + idOrUpn);
      }
      return Optional.of(decode(url, response, GraphJson::user));
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Searches with {@code GET /v1.0/users?$filter=mail eq '…'}, a single quote in the address
   * doubled as OData requires. Surrounding white space is dropped; an address that still contains
   * {@code "}, {@code \}, white space or a control character is refused before any request. A user
   * the search returns is a match only if its mail property equals the address, ignoring case, so
   * another user's record is never taken for this one. Only the mail property is searched, not
   * {@code otherMails} nor {@code proxyAddresses}.
   *
   * @throws IllegalArgumentException when the address is blank or contains a refused character
   */
  @Override
  public Optional<Employee> findByEmail(String email) {
    Objects.requireNonNull(email, "email == null");
    String value = Emails.requireSearchable(email);
    String filter = "mail eq '" + value.replace("'", "''") + "'";
    HttpUrl url =
        GraphPaths.USERS
            .url(graphUrl)
            .newBuilder()
            .addEncodedQueryParameter("$filter", PathTemplate.percentEncoded(filter))
            .addEncodedQueryParameter("$select", SELECT)
            .addEncodedQueryParameter("$top", "2")
            .build();
    try (Response response = graph.send(get(url))) {
      if (!response.isSuccessful()) {
        throw GraphErrors.fromResponse(response, "searching users by mail " + value);
      }
      GraphJson.Page<Employee> hits =
          decode(url, response, r -> GraphJson.page(r, 2, GraphJson::memberUser));
      List<Employee> matches =
          hits.items().stream()
              .filter(e -> e.email().filter(value::equalsIgnoreCase).isPresent())
              .toList();
      if (matches.size() < hits.items().size()) {
        LOG.warn(
            "Microsoft Graph's search for the mail {} returned {} user(s) with another mail;"
                + " ignored",
            value,
            hits.items().size() - matches.size());
      }
      boolean more = hits.nextLink() != null;
      if (matches.size() > 1 || (matches.size() == 1 && more)) {
        throw new IamException.AmbiguousUser(
            "several users have the mail "
                + value
                + " ("
                + matches.stream().map(e -> e.id().value()).toList()
                + (more ? " and more" : "")
                + "); look the user up by object id or userPrincipalName instead",
            JsonBodies.details(EntraRules.GRAPH, response));
      }
      return matches.stream().findFirst();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Lists {@code GET /v1.0/users/{id}/authentication/methods}, every method but the password:
   * factor id = the method's id, type = its {@code @odata.type} without {@code #microsoft.graph.}
   * (such as {@code phoneAuthenticationMethod}), provider {@code MICROSOFT}, status {@code ACTIVE}.
   * A next link, if Graph sends one, is followed on the Graph origin and the same user's methods
   * only, at most {@value #MAX_METHOD_PAGES} pages.
   */
  @Override
  public List<Factor> factors(UserId user) {
    Objects.requireNonNull(user, "user == null");
    String id = EntraIds.requireUser(user).value();
    List<Factor> factors = new ArrayList<>();
    Set<HttpUrl> seen = new HashSet<>();
    HttpUrl url = GraphPaths.USER_METHODS.url(graphUrl, id);
    while (true) {
      if (!seen.add(url) || seen.size() > MAX_METHOD_PAGES) {
        throw new IamException.ProtocolViolation(
            "Microsoft Graph's pages of the authentication methods of user "
                + user
                + (seen.size() > MAX_METHOD_PAGES
                    ? " did not end within " + MAX_METHOD_PAGES + " pages"
                    : " link back to a page already read")
                + "; refusing to list them",
            ErrorDetails.none());
      }
      HttpUrl pageUrl = url;
      GraphJson.Page<Factor> page;
      try (Response response = graph.send(get(pageUrl))) {
        if (!response.isSuccessful()) {
          throw GraphErrors.fromResponse(
              response, "listing the authentication methods of user " + user);
        }
        page =
            decode(pageUrl, response, r -> GraphJson.page(r, Integer.MAX_VALUE, GraphJson::method));
      }
      factors.addAll(page.items());
      if (page.nextLink() == null) {
        return List.copyOf(factors);
      }
      url = nextLink(page.nextLink(), pageUrl, "the authentication methods of user " + user);
      if (!GraphPaths.USER_METHODS.matches(url, id)) {
        throw new IamException.ProtocolViolation(
            "Microsoft Graph's next link leaves the authentication methods of user " + user,
            ErrorDetails.none());
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Asks {@code POST /v1.0/users/{id}/checkMemberGroups} with {@code {"groupIds":[group]}};
   * Graph answers the subset of those groups the user is a member of, directly or through nested
   * groups. A read, so it is repeatable though a {@code POST}.
   */
  @Override
  public boolean isMember(UserId user, GroupId group) {
    String id = EntraIds.requireUser(user).value();
    String groupId = EntraIds.requireGroup(group).value();
    HttpUrl url = GraphPaths.USER_CHECK_MEMBER_GROUPS.url(graphUrl, id);
    String body = Json.OBJECT.toJson(Map.of("groupIds", List.of(groupId)));
    Request request =
        new Request.Builder()
            .url(url)
            .header("Accept", "application/json")
            .post(RequestBody.create(body, JSON))
            .build();
    try (Response response = graph.send(request)) {
      if (!response.isSuccessful()) {
        throw GraphErrors.fromResponse(response, "checking the groups of user " + user);
      }
      return decode(url, response, GraphJson::strings).stream().anyMatch(groupId::equalsIgnoreCase);
    }
  }

  // ------------------------------------------------------------------ plumbing

  static Request get(HttpUrl url) {
    return new Request.Builder().url(url).header("Accept", "application/json").get().build();
  }

  static <T> T decode(HttpUrl url, Response response, JsonBodies.Decoder<T> decoder) {
    return JsonBodies.decode(EntraRules.GRAPH, url, response, decoder);
  }

  @Override
  public String toString() {
    return "EntraDirectory{graphUrl=" + graphUrl + ", pageSize=" + pageSize + "}";
  }
}
