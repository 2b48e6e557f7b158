package org.workforceiam.okta;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
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
import org.workforceiam.http.LinkHeaders;
import org.workforceiam.http.Origins;
import org.workforceiam.http.PathTemplate;
import org.workforceiam.http.Transport;

/**
 * Okta's users and groups as an {@link IamDirectory}.
 *
 * <p>Group members are listed with {@code GET /api/v1/groups/{id}/users?limit=N}, following Okta's
 * {@code next} links, which are never built here. Each page is decoded straight from the response
 * stream and handed over only once it decoded completely. A page that fails midway is discarded and
 * fetched again; a 500, a 504 or a read timeout, which Okta gives when a large page takes too long,
 * asks again with half the {@code limit} (down to 200). Both are decisions of the transport's one
 * retry loop, within the page's attempts and deadline. A {@code next} link to another host is
 * refused before any request is sent to it.
 */
final class OktaDirectory implements IamDirectory {
  /** The smallest page the adaptive page size goes down to, as Okta recommends. */
  static final int MIN_ADAPTIVE_LIMIT = 200;

  private static final Logger LOG = LoggerFactory.getLogger(OktaDirectory.class);
  private static final String SLIM_USER =
      "application/json; okta-response=omitCredentials,omitCredentialsLinks,omitTransitioningToStatus";

  private final HttpUrl orgUrl;
  private final Transport api;
  private final int pageSize;

  /**
   * Creates the directory.
   *
   * @param orgUrl the org URL
   * @param api the authorizing, retrying transport
   * @param pageSize the {@code limit} of the first request for each page
   */
  OktaDirectory(HttpUrl orgUrl, Transport api, int pageSize) {
    this.orgUrl = orgUrl;
    this.api = api;
    this.pageSize = pageSize;
  }

  // ------------------------------------------------------------------ group members

  @Override
  public Page<Employee> membersPage(GroupId group) {
    OktaIds.requireGroup(group);
    HttpUrl first =
        OktaPaths.GROUP_USERS
            .url(orgUrl, group.value())
            .newBuilder()
            .addQueryParameter("limit", Integer.toString(pageSize))
            .build();
    return fetchPage(first, group);
  }

  @Override
  public Page<Employee> membersPage(GroupId group, Page.Cursor cursor) {
    OktaIds.requireGroup(group);
    Objects.requireNonNull(cursor, "cursor == null");
    HttpUrl url = HttpUrl.parse(cursor.value());
    if (url == null) {
      throw new IllegalArgumentException(
          "not a page cursor of this client: " + PathTemplate.quoted(cursor.value()));
    }
    Origins.requireSameOrigin(url, orgUrl, "page cursor", "the org " + orgUrl);
    // HttpUrl.parse has already resolved any dot segment: what is checked is what would be sent.
    if (!OktaPaths.GROUP_USERS.matches(url, group.value())) {
      throw new IllegalArgumentException(
          "page cursor "
              + PathTemplate.quoted(cursor.value())
              + " does not continue the members of group "
              + group
              + " (its path must be /api/v1/groups/"
              + group
              + "/users)");
    }
    return fetchPage(url, group);
  }

  private Page<Employee> fetchPage(HttpUrl pageUrl, GroupId group) {
    return api.page(
        () -> get(pageUrl, null), OktaDirectory::halved, response -> readPage(response, group));
  }

  /** Reads a page as it streams in; a connection failure is left to the transport's loop. */
  private Page<Employee> readPage(Response response, GroupId group) throws IOException {
    HttpUrl current = response.request().url();
    if (!response.isSuccessful()) {
      throw OktaErrors.fromResponse(response, "listing the members of group " + group);
    }
    Optional<HttpUrl> next = LinkHeaders.next(response.headers("Link"), current);
    if (next.isPresent()) {
      requireNextLink(next.get(), group, current);
    }
    List<Employee> members =
        JsonBodies.decodeWhole(
            OktaRules.INSTANCE,
            current,
            response,
            reader -> OktaJson.users(reader, limitOf(current)),
            true);
    return Page.of(members, next.map(link -> new Page.Cursor(link.toString())));
  }

  /**
   * The same URL Okta gave, with only {@code limit} halved (never below 200): the smaller page the
   * transport asks for when Okta could not produce this one in time.
   */
  static Optional<HttpUrl> halved(HttpUrl url) {
    int limit = limitOf(url);
    if (limit <= MIN_ADAPTIVE_LIMIT) {
      return Optional.empty();
    }
    int smaller = Math.max(MIN_ADAPTIVE_LIMIT, limit / 2);
    LOG.info(
        "Okta could not produce a page of {} in time; asking again with limit={}", url, smaller);
    return Optional.of(
        url.newBuilder().setQueryParameter("limit", Integer.toString(smaller)).build());
  }

  private static int limitOf(HttpUrl url) {
    String limit = url.queryParameter("limit");
    if (limit == null) {
      return 1000; // Okta's default
    }
    try {
      return Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      return MIN_ADAPTIVE_LIMIT;
    }
  }

  private void requireNextLink(HttpUrl next, GroupId group, HttpUrl current) {
    Origins.requireSameOrigin(
        next, orgUrl, "Okta's next link for the members of group " + group, "the org " + orgUrl);
    if (!OktaPaths.GROUP_USERS.matches(next, group.value())) {
      throw new IamException.ProtocolViolation(
          "Okta's next link after "
              + current
              + " leaves the members of group "
              + group
              + ": "
              + next,
          ErrorDetails.none());
    }
  }

  /**
   * Reads a group with {@code GET /api/v1/groups/{groupId}}.
   *
   * @param group the group
   * @return the group's name
   * @throws org.workforceiam.core.IamException.NotFound when the group does not exist or the app
   *     may not see it
   */
  public String groupName(GroupId group) {
    OktaIds.requireGroup(group);
    HttpUrl url = OktaPaths.GROUP.url(orgUrl, group.value());
    try (Response response = api.execute(() -> get(url, null), Transport.Safety.REPEATABLE)) {
      if (!response.isSuccessful()) {
        throw OktaErrors.fromResponse(response, "reading group " + group);
      }
      Map<String, Object> body =
          decode(
              url,
              response,
              reader -> Objects.requireNonNullElse(Json.OBJECT.fromJson(reader), Map.of()));
      return body.get("profile") instanceof Map<?, ?> profile
              && profile.get("name") instanceof String name
          ? name
          : group.value();
    }
  }

  // ------------------------------------------------------------------ users

  @Override
  public Optional<Employee> findById(UserId id) {
    Objects.requireNonNull(id, "id == null");
    return getUser(OktaIds.requireUser(id).value());
  }

  @Override
  public Optional<Employee> findByLogin(String login) {
    Objects.requireNonNull(login, "login == null");
    if (login.isBlank()) {
      throw new IllegalArgumentException("login must not be blank");
    }
    return getUser(OktaIds.requireLogin(login.strip(), "login"));
  }

  /**
   * Finds a user by id or login with one request: {@code GET /api/v1/users/{idOrLogin}} takes
   * either. The hook of {@link IamDirectory#find(String)}, which then searches by primary email
   * when the value looks like one.
   */
  @Override
  public Optional<Employee> findByIdOrLogin(String idOrLogin) {
    Objects.requireNonNull(idOrLogin, "idOrLogin == null");
    String value = idOrLogin.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the user to find must not be blank");
    }
    return getUser(OktaIds.requireLogin(value, "the user to find"));
  }

  private Optional<Employee> getUser(String idOrLogin) {
    HttpUrl url = OktaPaths.USER.url(orgUrl, idOrLogin);
    try (Response response = api.execute(() -> get(url, SLIM_USER), Transport.Safety.REPEATABLE)) {
      if (response.code() == 404) {
        return Optional.empty();
      }
      if (!response.isSuccessful()) {
        throw OktaErrors.fromResponse(response, "looking up user " + idOrLogin);
      }
      return Optional.of(decode(url, response, OktaJson::user));
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Searches with {@code GET /api/v1/users?search=profile.email eq "…"}. Surrounding white space
   * is dropped; an address that still contains {@code "}, {@code \}, white space or a control
   * character is refused before any request, so no value can change the search expression. A record
   * the search returns is a match only if its primary email equals the address, ignoring case:
   * another user's record is never taken for this one.
   *
   * @throws IllegalArgumentException when the address is blank or contains a refused character
   */
  @Override
  public Optional<Employee> findByEmail(String email) {
    Objects.requireNonNull(email, "email == null");
    String value = Emails.requireSearchable(email);
    HttpUrl url =
        orgUrl
            .newBuilder()
            .addPathSegments("api/v1/users")
            .addQueryParameter("search", "profile.email eq \"" + value + "\"")
            .addQueryParameter("limit", "2")
            .build();
    try (Response response = api.execute(() -> get(url, null), Transport.Safety.REPEATABLE)) {
      if (!response.isSuccessful()) {
        throw OktaErrors.fromResponse(response, "searching users by email " + value);
      }
      List<Employee> hits = decode(url, response, OktaJson::users);
      List<Employee> matches =
          hits.stream().filter(e -> e.email().filter(value::equalsIgnoreCase).isPresent()).toList();
      if (matches.size() < hits.size()) {
        LOG.warn(
            "Okta's search for the primary email {} returned {} user(s) with another email;"
                + " ignored",
            value,
            hits.size() - matches.size());
      }
      boolean more = LinkHeaders.next(response.headers("Link"), url).isPresent();
      if (matches.size() > 1 || (matches.size() == 1 && more)) {
        throw new IamException.AmbiguousUser(
            "several users have the primary email "
                + value
                + " ("
                + matches.stream().map(e -> e.id().value()).toList()
                + (more ? " and more" : "")
                + "); look the user up by id or login instead",
            details(response));
      }
      return matches.stream().findFirst();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Okta lists only the factors that the highest-priority authenticator enrollment policy marks
   * required or optional, judged in the calling app's context (network zone, for example), so a
   * user may have factors this list does not show.
   */
  @Override
  public List<Factor> factors(UserId user) {
    Objects.requireNonNull(user, "user == null");
    HttpUrl url = OktaPaths.USER_FACTORS.url(orgUrl, OktaIds.requireUser(user).value());
    try (Response response = api.execute(() -> get(url, null), Transport.Safety.REPEATABLE)) {
      if (!response.isSuccessful()) {
        throw OktaErrors.fromResponse(response, "listing the factors of user " + user);
      }
      return decode(url, response, OktaJson::factors);
    }
  }

  /**
   * Checks membership with {@code GET /api/v1/users/{id}/groups}, following Okta's {@code next}
   * links and stopping at the first page that holds the group.
   *
   * <p>Okta returns at most 200 of a user's groups a page and links the rest with {@code Link:
   * rel="next"}, although its OpenAPI spec lists no paging parameters for this endpoint
   * (okta/okta-sdk-java#1286 and #1711). A next link is followed only on the org's origin and only
   * to the same user's groups; a link already followed, or more than {@value #MAX_USER_GROUP_PAGES}
   * pages, is a {@link IamException.ProtocolViolation}: the bound allows {@value
   * #MAX_USER_GROUP_PAGES} × 200 groups, far more than any real user holds.
   */
  @Override
  public boolean isMember(UserId user, GroupId group) {
    OktaIds.requireUser(user);
    OktaIds.requireGroup(group);
    HttpUrl first = OktaPaths.USER_GROUPS.url(orgUrl, user.value());
    Set<HttpUrl> visited = new HashSet<>();
    HttpUrl url = first;
    while (true) {
      if (!visited.add(url) || visited.size() > MAX_USER_GROUP_PAGES) {
        throw new IamException.ProtocolViolation(
            "Okta's pages of the groups of user "
                + user
                + (visited.size() > MAX_USER_GROUP_PAGES
                    ? " did not end within " + MAX_USER_GROUP_PAGES + " pages"
                    : " link back to a page already read: " + url)
                + "; refusing to decide membership",
            ErrorDetails.none());
      }
      HttpUrl pageUrl = url;
      Optional<HttpUrl> next;
      try (Response response = api.execute(() -> get(pageUrl, null), Transport.Safety.REPEATABLE)) {
        if (!response.isSuccessful()) {
          throw OktaErrors.fromResponse(response, "listing the groups of user " + user);
        }
        next = LinkHeaders.next(response.headers("Link"), pageUrl);
        if (decode(pageUrl, response, OktaJson::ids).contains(group.value())) {
          return true;
        }
      }
      if (next.isEmpty()) {
        return false;
      }
      url = requireUserGroupsLink(next.get(), user, pageUrl);
    }
  }

  /** The most pages of a user's groups read for one membership check. */
  static final int MAX_USER_GROUP_PAGES = 100;

  private HttpUrl requireUserGroupsLink(HttpUrl next, UserId user, HttpUrl current) {
    Origins.requireSameOrigin(
        next, orgUrl, "Okta's next link for the groups of user " + user, "the org " + orgUrl);
    if (!OktaPaths.USER_GROUPS.matches(next, user.value())) {
      throw new IamException.ProtocolViolation(
          "Okta's next link after " + current + " leaves the groups of user " + user + ": " + next,
          ErrorDetails.none());
    }
    return next;
  }

  /**
   * Returns the names of the links Okta shows on a user: the lifecycle and credential operations it
   * currently offers for the user, judged by the user's status and Okta's policies.
   *
   * @param user the user
   * @return the link names, such as {@code resetPassword} and {@code unlock}
   * @throws org.workforceiam.core.IamException.NotFound when the user does not exist
   */
  public Set<String> links(UserId user) {
    HttpUrl url = OktaPaths.USER.url(orgUrl, OktaIds.requireUser(user).value());
    try (Response response = api.execute(() -> get(url, null), Transport.Safety.REPEATABLE)) {
      if (!response.isSuccessful()) {
        throw OktaErrors.fromResponse(response, "reading user " + user);
      }
      Map<String, Object> body =
          decode(
              url,
              response,
              reader -> Objects.requireNonNullElse(Json.OBJECT.fromJson(reader), Map.of()));
      Object links = body.get("_links");
      return links instanceof Map<?, ?> map
          ? map.keySet().stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet())
          : Set.of();
    }
  }

  // ------------------------------------------------------------------ plumbing

  static Request get(HttpUrl url, @Nullable String contentType) {
    Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return request.get().build();
  }

  static <T> T decode(HttpUrl url, Response response, JsonBodies.Decoder<T> decoder) {
    return JsonBodies.decode(OktaRules.INSTANCE, url, response, decoder);
  }

  private static ErrorDetails details(Response response) {
    return JsonBodies.details(OktaRules.INSTANCE, response);
  }

  @Override
  public String toString() {
    return "OktaDirectory{orgUrl=" + orgUrl + ", pageSize=" + pageSize + "}";
  }
}
