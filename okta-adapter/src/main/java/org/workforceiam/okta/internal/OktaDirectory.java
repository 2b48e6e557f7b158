package org.workforceiam.okta.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
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

/**
 * Okta's users and groups as an {@link IamDirectory}.
 *
 * <p>Group members are listed with {@code GET /api/v1/groups/{id}/users?limit=N}, following Okta's
 * {@code next} links, which are never built here. Each page is decoded straight from the response
 * stream and handed over only once it decoded completely. A page that fails midway is discarded and
 * fetched again; a 500, a 504 or a read timeout, which Okta gives when a large page takes too long,
 * asks again with half the {@code limit} (down to 200). A {@code next} link to another host is
 * refused before any request is sent to it.
 */
public final class OktaDirectory implements IamDirectory {
  /** The smallest page the adaptive page size goes down to, as Okta recommends. */
  static final int MIN_ADAPTIVE_LIMIT = 200;

  private static final Logger LOG = LoggerFactory.getLogger(OktaDirectory.class);
  private static final String SLIM_USER =
      "application/json; okta-response=omitCredentials,omitCredentialsLinks,omitTransitioningToStatus";

  private final HttpUrl orgUrl;
  private final Transport api;
  private final int pageSize;
  private final int maxAttempts;
  private final Sleeper sleeper;

  /**
   * Creates the directory.
   *
   * @param orgUrl the org URL
   * @param api the authorizing, retrying transport
   * @param pageSize the {@code limit} of the first request for each page
   * @param maxAttempts how often a page that failed midway is fetched before giving up
   * @param sleeper waits between such attempts
   */
  public OktaDirectory(
      HttpUrl orgUrl, Transport api, int pageSize, int maxAttempts, Sleeper sleeper) {
    this.orgUrl = orgUrl;
    this.api = api;
    this.pageSize = pageSize;
    this.maxAttempts = maxAttempts;
    this.sleeper = sleeper;
  }

  // ------------------------------------------------------------------ group members

  @Override
  public Page<Employee> membersPage(GroupId group) {
    OktaIds.requireGroup(group);
    HttpUrl first =
        orgUrl
            .newBuilder()
            .addPathSegments("api/v1/groups")
            .addPathSegment(group.value())
            .addPathSegment("users")
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
      throw new IllegalArgumentException("not a page cursor of this client: " + cursor.value());
    }
    requireSameOrigin(url);
    if (!url.encodedPath().equals(membersPath(group))) {
      throw new IllegalArgumentException(
          "page cursor " + cursor.value() + " does not continue the members of group " + group);
    }
    return fetchPage(url, group);
  }

  private Page<Employee> fetchPage(HttpUrl pageUrl, GroupId group) {
    HttpUrl url = pageUrl;
    int attempt = 0;
    while (true) {
      attempt++;
      HttpUrl current = url;
      try (Response response = api.execute(() -> get(current, null), Transport.Safety.PAGE)) {
        int status = response.code();
        if ((status == 500 || status == 504) && canShrink(current)) {
          url = halved(current, "HTTP " + status);
          continue;
        }
        if (!response.isSuccessful()) {
          throw OktaErrors.fromResponse(response, "listing the members of group " + group);
        }
        Optional<HttpUrl> next = LinkHeaders.next(response.headers("Link"), current);
        if (next.isPresent()) {
          requireNextLink(next.get(), group, current);
        }
        List<Employee> members;
        try {
          JsonReader reader = JsonReader.of(response.body().source());
          members = OktaJson.users(reader);
          if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
            throw new JsonEncodingException("content after the array at " + reader.getPath());
          }
        } catch (JsonDataException
            | JsonEncodingException
            | EOFException // the JSON ended early although the HTTP framing was complete
            | IllegalArgumentException e) {
          throw malformed(current, response, e);
        }
        return Page.of(members, next.map(link -> new Page.Cursor(link.toString())));
      } catch (RetryingTransport.PageTimeoutException e) {
        if (!canShrink(current)) {
          throw new IamException.ProviderUnavailable(
              "Okta did not answer a page of group "
                  + group
                  + " in time, even at the smallest"
                  + " page size",
              ErrorDetails.none(),
              e);
        }
        url = halved(current, "a read timeout");
      } catch (SocketTimeoutException e) {
        if (!canShrink(current)) {
          throw unavailable(group, attempt, e);
        }
        url = halved(current, "a read timeout in the body");
      } catch (IOException e) {
        // The connection failed in the middle of the page: discard it and fetch it again.
        if (attempt >= maxAttempts) {
          throw unavailable(group, attempt, e);
        }
        LOG.debug("page {} failed midway ({}); fetching it again", current, e.toString());
        pause(Duration.ofMillis(300L << Math.min(attempt - 1, 10)));
      }
    }
  }

  private static boolean canShrink(HttpUrl url) {
    return limitOf(url) > MIN_ADAPTIVE_LIMIT;
  }

  /** The same URL Okta gave, with only {@code limit} halved (never below 200). */
  private static HttpUrl halved(HttpUrl url, String why) {
    int limit = Math.max(MIN_ADAPTIVE_LIMIT, limitOf(url) / 2);
    LOG.info("Okta answered a page of {} with {}; asking again with limit={}", url, why, limit);
    return url.newBuilder().setQueryParameter("limit", Integer.toString(limit)).build();
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
    if (!sameOrigin(next)) {
      throw new IamException.ProtocolViolation(
          "Okta's next link for the members of group "
              + group
              + " points to "
              + next.scheme()
              + "://"
              + next.host()
              + ":"
              + next.port()
              + ", not to the org "
              + orgUrl
              + "; refusing to send credentials there",
          ErrorDetails.none());
    }
    if (!next.encodedPath().equals(membersPath(group))) {
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

  private void requireSameOrigin(HttpUrl url) {
    if (!sameOrigin(url)) {
      throw new IamException.ProtocolViolation(
          "page cursor points to "
              + url.scheme()
              + "://"
              + url.host()
              + ":"
              + url.port()
              + ", not to the org "
              + orgUrl
              + "; refusing to send credentials there",
          ErrorDetails.none());
    }
  }

  private boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(orgUrl.scheme())
        && url.host().equalsIgnoreCase(orgUrl.host())
        && url.port() == orgUrl.port();
  }

  private static String membersPath(GroupId group) {
    return HttpUrl.get("http://h/")
        .newBuilder()
        .addPathSegments("api/v1/groups")
        .addPathSegment(group.value())
        .addPathSegment("users")
        .build()
        .encodedPath();
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
    HttpUrl url =
        orgUrl.newBuilder().addPathSegments("api/v1/groups").addPathSegment(group.value()).build();
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
    return getUser(id.value());
  }

  @Override
  public Optional<Employee> findByLogin(String login) {
    Objects.requireNonNull(login, "login == null");
    if (login.isBlank()) {
      throw new IllegalArgumentException("login must not be blank");
    }
    return getUser(login.strip());
  }

  /**
   * Finds a user by id or login with one request ({@code GET /api/v1/users/{idOrLogin}} takes
   * either), then by primary email when the value looks like one.
   */
  @Override
  public Optional<Employee> find(String idLoginOrEmail) {
    Objects.requireNonNull(idLoginOrEmail, "idLoginOrEmail == null");
    String value = idLoginOrEmail.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the user to find must not be blank");
    }
    Optional<Employee> found = getUser(value);
    if (found.isEmpty() && value.indexOf('@') > 0) {
      return findByEmail(value);
    }
    return found;
  }

  private Optional<Employee> getUser(String idOrLogin) {
    HttpUrl url =
        orgUrl
            .newBuilder()
            .addPathSegments("api/v1/users")
            .addEncodedPathSegment(percentEncoded(idOrLogin))
            .build();
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

  @Override
  public Optional<Employee> findByEmail(String email) {
    Objects.requireNonNull(email, "email == null");
    String value = email.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("email must not be blank");
    }
    String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"");
    HttpUrl url =
        orgUrl
            .newBuilder()
            .addPathSegments("api/v1/users")
            .addQueryParameter("search", "profile.email eq \"" + escaped + "\"")
            .addQueryParameter("limit", "2")
            .build();
    try (Response response = api.execute(() -> get(url, null), Transport.Safety.REPEATABLE)) {
      if (!response.isSuccessful()) {
        throw OktaErrors.fromResponse(response, "searching users by email " + value);
      }
      List<Employee> matches = decode(url, response, OktaJson::users);
      if (matches.size() > 1) {
        throw new IamException.AmbiguousUser(
            "several users have the primary email "
                + value
                + " ("
                + matches.stream().map(e -> e.id().value()).toList()
                + (response.headers("Link").stream().anyMatch(l -> l.contains("next"))
                    ? " and more"
                    : "")
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
    HttpUrl url = userUrl(user).addPathSegment("factors").build();
    try (Response response = api.execute(() -> get(url, null), Transport.Safety.REPEATABLE)) {
      if (!response.isSuccessful()) {
        throw OktaErrors.fromResponse(response, "listing the factors of user " + user);
      }
      return decode(url, response, OktaJson::factors);
    }
  }

  /** Checks membership with {@code GET /api/v1/users/{id}/groups}: one request, no paging. */
  @Override
  public boolean isMember(UserId user, GroupId group) {
    Objects.requireNonNull(user, "user == null");
    OktaIds.requireGroup(group);
    HttpUrl url = userUrl(user).addPathSegment("groups").build();
    try (Response response = api.execute(() -> get(url, null), Transport.Safety.REPEATABLE)) {
      if (!response.isSuccessful()) {
        throw OktaErrors.fromResponse(response, "listing the groups of user " + user);
      }
      return decode(url, response, OktaJson::ids).contains(group.value());
    }
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
    HttpUrl url = userUrl(user).build();
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

  /**
   * Percent-encodes everything but RFC 3986's unreserved characters, so a login such as {@code
   * a+b@example.com} reaches Okta as {@code a%2Bb%40example.com} and no server can read its {@code
   * +} as a space. (The DPoP {@code htu} carries the decoded path, as Okta compares it.)
   */
  static String percentEncoded(String segment) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      if (unreserved) {
        encoded.append((char) c);
      } else {
        encoded
            .append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return encoded.toString();
  }

  HttpUrl.Builder userUrl(UserId user) {
    return orgUrl.newBuilder().addPathSegments("api/v1/users").addPathSegment(user.value());
  }

  // ------------------------------------------------------------------ plumbing

  static Request get(HttpUrl url, @Nullable String contentType) {
    Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return request.get().build();
  }

  @FunctionalInterface
  interface Decoder<T> {
    T read(JsonReader reader) throws IOException;
  }

  static <T> T decode(HttpUrl url, Response response, Decoder<T> decoder) {
    try {
      return decoder.read(JsonReader.of(response.body().source()));
    } catch (JsonDataException
        | JsonEncodingException
        | EOFException
        | IllegalArgumentException e) {
      throw malformed(url, response, e);
    } catch (IOException e) {
      throw new IamException.ProviderUnavailable(
          "the connection to Okta failed while reading " + url.encodedPath() + " (" + e + ")",
          details(response),
          e);
    }
  }

  private static IamException malformed(HttpUrl url, Response response, Exception e) {
    return new IamException.ProtocolViolation(
        "Okta's answer to GET "
            + url
            + " is not the expected JSON or is cut off ("
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage()
            + ")",
        details(response),
        e);
  }

  private static ErrorDetails details(Response response) {
    ErrorDetails details = ErrorDetails.ofStatus(response.code());
    String requestId = response.header(OktaErrors.REQUEST_ID_HEADER);
    return requestId == null ? details : details.withRequestId(requestId);
  }

  private static IamException unavailable(GroupId group, int attempts, IOException e) {
    return new IamException.ProviderUnavailable(
        "a page of the members of group "
            + group
            + " failed midway "
            + attempts
            + (attempts == 1 ? " time" : " times")
            + " ("
            + e.getClass().getSimpleName()
            + ")",
        ErrorDetails.none(),
        e);
  }

  private void pause(Duration duration) {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IamException.ProviderUnavailable(
          "interrupted while fetching a page again", ErrorDetails.none(), e);
    }
  }

  @Override
  public String toString() {
    return "OktaDirectory{orgUrl=" + orgUrl + ", pageSize=" + pageSize + "}";
  }
}
