package org.workforceiam.okta.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The users, groups and factors behind the simulated Okta's management API, answering as Okta does:
 * pages of group members linked by {@code link} headers, lookups by id or login, search by email,
 * factors and group memberships, lifecycle operations that change a user's status as Okta's do,
 * with Okta's error bodies.
 *
 * <pre>{@code
 * SimDirectory directory = new SimDirectory()
 *     .group("00gEmployees", "All Employees")
 *     .member("00gEmployees", SimUser.of("00u1ada", "ada@example.com", "ACTIVE")
 *         .profile("firstName", "Ada").profile("lastName", "Lovelace")
 *         .profile("email", "ada@example.com"))
 *     .member("00gEmployees", SimUser.of("00u2bob", "bob", "ACTIVE")) // an incomplete profile
 *     .factor("00u1ada", new SimFactor("sms1", "sms", "OKTA", "ACTIVE"));
 * }</pre>
 *
 * <p>A user marked {@link SimUser#privileged()} holds an admin role above Help Desk Administrator:
 * lifecycle operations, factor deletions and session revocations on them answer {@code 403
 * E0000006}, as Okta answers an app with the Help Desk Administrator role.
 *
 * <p>Seed it before or while its org runs, and read its state ({@link #status}, {@link #factorIds},
 * {@link #changes}, {@link #sessionRevocations}, {@link #revokedSessions}) for assertions.
 * Thread-safe: every request and every method holds the directory's lock. A {@link SimUser} belongs
 * to the directory once added: change it through the directory's API only.
 */
public final class SimDirectory {
  private final Map<String, SimUser> users = new TreeMap<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, Map<String, SimFactor>> factors = new LinkedHashMap<>();
  private final List<String> lifecycleCalls = new ArrayList<>();
  private final List<String> sessionRevocations = new ArrayList<>();
  private final List<RevokedSessions> revokedSessions = new ArrayList<>();
  private int counter = 1;
  private int maxLimit = Integer.MAX_VALUE;
  private String linkHeaderName = "link";

  /** A group of the org. */
  private static final class Group {
    final String id;
    final String name;
    final NavigableSet<String> members = new TreeSet<>();
    final int generatedSize;
    final @Nullable IntFunction<SimUser> generator;

    Group(String id, String name, int generatedSize, @Nullable IntFunction<SimUser> generator) {
      this.id = id;
      this.name = name;
      this.generatedSize = generatedSize;
      this.generator = generator;
    }
  }

  // ------------------------------------------------------------------ seeding

  /**
   * Adds or replaces a user.
   *
   * @param user the user
   * @return this
   */
  public synchronized SimDirectory user(SimUser user) {
    Objects.requireNonNull(user, "user == null");
    users.put(user.id, user);
    return this;
  }

  /**
   * Adds a group.
   *
   * @param id the group id, such as {@code 00g1emp}
   * @param name its name
   * @return this
   */
  public synchronized SimDirectory group(String id, String name) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    groups.putIfAbsent(id, new Group(id, name, 0, null));
    return this;
  }

  /**
   * Adds a group of {@code size} members that are made on demand, page by page, and never stored.
   * Its members can be listed, not looked up.
   *
   * @param id the group id
   * @param size how many members
   * @param generator makes the member at an index; the same one every time
   * @return this
   */
  public synchronized SimDirectory generatedGroup(
      String id, int size, IntFunction<SimUser> generator) {
    groups.put(id, new Group(id, "Generated " + size, size, Objects.requireNonNull(generator)));
    return this;
  }

  /**
   * Makes a user a member of a group, creating the group if needed.
   *
   * @param groupId the group
   * @param userId the user
   * @return this
   */
  public synchronized SimDirectory member(String groupId, String userId) {
    Objects.requireNonNull(userId, "userId == null");
    group(groupId, groupId);
    groupNamed(groupId).members.add(userId);
    return this;
  }

  /**
   * Adds or replaces a user and makes them a member of a group, creating the group (named as its
   * id) if needed.
   *
   * @param groupId the group
   * @param user the user
   * @return this
   */
  public synchronized SimDirectory member(String groupId, SimUser user) {
    user(user);
    return member(groupId, user.id);
  }

  /**
   * Removes a user from a group.
   *
   * @param groupId the group
   * @param userId the user
   * @return this
   * @throws IllegalArgumentException when there is no such group
   */
  public synchronized SimDirectory removeMember(String groupId, String userId) {
    groupNamed(groupId).members.remove(userId);
    return this;
  }

  private Group groupNamed(String groupId) {
    Group group = groups.get(groupId);
    if (group == null) {
      throw new IllegalArgumentException("no group " + groupId + " in the simulated directory");
    }
    return group;
  }

  private SimUser userWithId(String id) {
    SimUser user = users.get(id);
    if (user == null) {
      throw new IllegalArgumentException("no user " + id + " in the simulated directory");
    }
    return user;
  }

  /**
   * Enrolls a factor.
   *
   * @param userId the user
   * @param factor the factor
   * @return this
   */
  public synchronized SimDirectory factor(String userId, SimFactor factor) {
    Objects.requireNonNull(userId, "userId == null");
    Objects.requireNonNull(factor, "factor == null");
    factors.computeIfAbsent(userId, u -> new LinkedHashMap<>()).put(factor.id(), factor);
    return this;
  }

  /**
   * Makes list pages larger than {@code limit} fail with a 500, as Okta does when a large page
   * takes too long to compute.
   *
   * @param limit the largest page Okta manages
   * @return this
   */
  public synchronized SimDirectory maxLimit(int limit) {
    this.maxLimit = limit;
    return this;
  }

  /**
   * Sets the spelling of the link header's name ({@code link} by default, as Okta sends it).
   *
   * @param name the header name
   * @return this
   */
  public synchronized SimDirectory linkHeaderName(String name) {
    this.linkHeaderName = name;
    return this;
  }

  // ------------------------------------------------------------------ state for assertions

  /**
   * Returns a user's current status.
   *
   * @param id the user id
   * @return the status word, such as {@code RECOVERY} after a password reset
   * @throws IllegalArgumentException when there is no such user
   */
  public synchronized String status(String id) {
    return userWithId(id).status;
  }

  /**
   * Returns the ids of a group's members, in the order Okta lists them.
   *
   * @param groupId the group
   * @return the member ids
   * @throws IllegalArgumentException when there is no such group
   */
  public synchronized List<String> memberIds(String groupId) {
    return List.copyOf(groupNamed(groupId).members);
  }

  /**
   * Returns a user's enrolled factor ids.
   *
   * @param id the user id
   * @return the factor ids, in enrollment order
   */
  public synchronized List<String> factorIds(String id) {
    return List.copyOf(factors.getOrDefault(id, Map.of()).keySet());
  }

  /**
   * Returns the changes made so far, in order: lifecycle operation names (such as {@code
   * reset_password}, {@code unlock}) and {@code delete_factor}.
   *
   * @return the changes
   */
  public synchronized List<String> changes() {
    return List.copyOf(lifecycleCalls);
  }

  /**
   * Returns the session revocations so far, as {@code userId?query}: what was asked, exactly as
   * sent. {@link #revokedSessions()} says what the org did.
   *
   * @return the revocations
   */
  public synchronized List<String> sessionRevocations() {
    return List.copyOf(sessionRevocations);
  }

  /**
   * Returns what each session revocation did, in order. As on an Okta Identity Engine org, a
   * revocation that does not say {@code forgetDevices=false} also forgets the user's remembered
   * devices and factors ({@code forgetDevices} defaults to {@code true}; Okta's OpenAPI spec,
   * {@code revokeUserSessions}), and OAuth tokens are revoked only with {@code oauthTokens=true}.
   * Values other than {@code true} or {@code false} are refused with {@code 400 E0000001} (the
   * simulator's choice: Okta's answer to them is not documented).
   *
   * @return the revocations
   */
  public synchronized List<RevokedSessions> revokedSessions() {
    return List.copyOf(revokedSessions);
  }

  /**
   * What one session revocation did.
   *
   * @param userId the user whose sessions ended
   * @param oauthTokensRevoked whether the OAuth and OpenID Connect tokens issued to the user were
   *     revoked too
   * @param devicesForgotten whether the user's remembered devices and factors were forgotten
   */
  public record RevokedSessions(
      String userId, boolean oauthTokensRevoked, boolean devicesForgotten) {}

  // ------------------------------------------------------------------ dispatch

  synchronized MockResponse handle(RecordedRequest request, Set<String> scopes, String requestId) {
    HttpUrl url = request.getUrl();
    List<String> path = url.pathSegments();
    String method = request.getMethod();
    if (path.size() < 3) {
      return endpointMissing(requestId);
    }
    String collection = path.get(2);
    if (method.equals("GET")
        && collection.equals("groups")
        && path.size() == 5
        && path.get(4).equals("users")) {
      if (!hasAny(scopes, "okta.groups.read", "okta.groups.manage")) {
        return insufficientScope("okta.groups.read", requestId);
      }
      return groupMembers(url, path.get(3), requestId);
    }
    if (method.equals("GET") && collection.equals("groups") && path.size() == 4) {
      if (!hasAny(scopes, "okta.groups.read", "okta.groups.manage")) {
        return insufficientScope("okta.groups.read", requestId);
      }
      Group group = groups.get(path.get(3));
      return group == null ? notFound("Group", path.get(3), requestId) : ok(groupJson(group, url));
    }
    if (collection.equals("users")) {
      if (!hasAny(scopes, "okta.users.read", "okta.users.manage")) {
        return insufficientScope("okta.users.read", requestId);
      }
      if (method.equals("GET") && path.size() == 3) {
        return searchUsers(url, requestId);
      }
      if (method.equals("GET") && path.size() == 4) {
        SimUser user = lookup(path.get(3));
        if (user == null) {
          return notFound("User", path.get(3), requestId);
        }
        Map<String, Object> json = userJson(user, url);
        json.put("_links", links(user, url));
        return ok(json);
      }
      if (method.equals("GET") && path.size() == 5 && path.get(4).equals("factors")) {
        SimUser user = users.get(path.get(3));
        if (user == null) {
          return notFound("User", path.get(3), requestId);
        }
        List<Object> list = new ArrayList<>();
        factors
            .getOrDefault(user.id, Map.of())
            .values()
            .forEach(f -> list.add(f.json(url, user.id)));
        return ok(list);
      }
      if (method.equals("POST") && path.size() == 6 && path.get(4).equals("lifecycle")) {
        if (!scopes.contains("okta.users.manage")) {
          return insufficientScope("okta.users.manage", requestId);
        }
        return lifecycle(url, path.get(3), path.get(5), requestId);
      }
      if (method.equals("DELETE") && path.size() == 6 && path.get(4).equals("factors")) {
        if (!scopes.contains("okta.users.manage")) {
          return insufficientScope("okta.users.manage", requestId);
        }
        return deleteFactor(path.get(3), path.get(5), requestId);
      }
      if (method.equals("DELETE") && path.size() == 5 && path.get(4).equals("sessions")) {
        if (!scopes.contains("okta.users.manage")) {
          return insufficientScope("okta.users.manage", requestId);
        }
        SimUser user = users.get(path.get(3));
        if (user == null) {
          return notFound("User", path.get(3), requestId);
        }
        if (user.privileged) {
          return SimulatedOkta.oktaError(403, "E0000006", PERMISSION, requestId);
        }
        Boolean oauthTokens = booleanParameter(url, "oauthTokens", false);
        Boolean forgetDevices = booleanParameter(url, "forgetDevices", true);
        if (oauthTokens == null || forgetDevices == null) {
          return SimulatedOkta.oktaError(
              400,
              "E0000001",
              "Api validation failed: oauthTokens and forgetDevices must be true or false",
              requestId);
        }
        sessionRevocations.add(user.id + "?" + (url.query() == null ? "" : url.query()));
        revokedSessions.add(new RevokedSessions(user.id, oauthTokens, forgetDevices));
        return noContent();
      }
      if (method.equals("GET") && path.size() == 5 && path.get(4).equals("groups")) {
        SimUser user = users.get(path.get(3));
        if (user == null) {
          return notFound("User", path.get(3), requestId);
        }
        return userGroups(url, user, requestId);
      }
    }
    return endpointMissing(requestId);
  }

  /**
   * A boolean query parameter as Okta reads it: absent means its default, {@code true} or {@code
   * false} (any case) its value; null for anything else.
   */
  private static @Nullable Boolean booleanParameter(HttpUrl url, String name, boolean absent) {
    String value = url.queryParameter(name);
    if (value == null) {
      return absent;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    return value.equalsIgnoreCase("false") ? Boolean.FALSE : null;
  }

  /** How many groups Okta returns on a page of a user's groups when no {@code limit} is given. */
  public static final int USER_GROUPS_PAGE = 200;

  private static final String PERMISSION =
      "You do not have permission to perform the requested action";
  private static final Set<String> PASSWORD_STATUSES =
      Set.of("ACTIVE", "RECOVERY", "PASSWORD_EXPIRED", "LOCKED_OUT");
  private static final Set<String> MFA_STATUSES =
      Set.of("ACTIVE", "RECOVERY", "PASSWORD_EXPIRED", "LOCKED_OUT", "PROVISIONED");

  private MockResponse lifecycle(
      HttpUrl url, String idOrLogin, String operation, String requestId) {
    SimUser user = lookup(idOrLogin);
    if (user == null) {
      return notFound("User", idOrLogin, requestId);
    }
    if (user.privileged) {
      // A Help Desk Administrator cannot act on a user holding a higher admin role.
      return SimulatedOkta.oktaError(403, "E0000006", PERMISSION, requestId);
    }
    switch (operation) {
      case "reset_password" -> {
        String sendEmail = url.queryParameter("sendEmail");
        if (sendEmail == null) {
          return SimulatedOkta.oktaError(
              400, "E0000028", "The request is missing a required parameter: sendEmail", requestId);
        }
        if (!PASSWORD_STATUSES.contains(user.status)) {
          return wrongStatus(requestId);
        }
        change(user, "RECOVERY");
        lifecycleCalls.add(operation);
        if (Boolean.parseBoolean(sendEmail)) {
          return ok(Map.of());
        }
        return ok(
            Map.of(
                "resetPasswordUrl", base(url) + "/reset_password/" + "drp" + user.id + counter++));
      }
      case "expire_password_with_temp_password" -> {
        if (!PASSWORD_STATUSES.contains(user.status)) {
          return wrongStatus(requestId);
        }
        change(user, "PASSWORD_EXPIRED");
        lifecycleCalls.add(operation);
        return ok(Map.of("tempPassword", "Tmp-" + user.id + "-" + counter++));
      }
      case "expire_password" -> {
        if (!PASSWORD_STATUSES.contains(user.status)) {
          return wrongStatus(requestId);
        }
        change(user, "PASSWORD_EXPIRED");
        lifecycleCalls.add(operation);
        return ok(userJson(user, url));
      }
      case "reset_factors" -> {
        if (!MFA_STATUSES.contains(user.status)) {
          return wrongStatus(requestId);
        }
        factors.remove(user.id);
        lifecycleCalls.add(operation);
        return new MockResponse.Builder().code(200).build();
      }
      case "unlock" -> {
        if (!user.status.equals("LOCKED_OUT")) {
          return SimulatedOkta.oktaError(
              403, "E0000032", "Unlock is not allowed for this user.", requestId);
        }
        change(user, "ACTIVE");
        lifecycleCalls.add(operation);
        return new MockResponse.Builder().code(200).build();
      }
      default -> {
        return endpointMissing(requestId);
      }
    }
  }

  private MockResponse deleteFactor(String userId, String factorId, String requestId) {
    SimUser user = users.get(userId);
    if (user == null) {
      return notFound("User", userId, requestId);
    }
    if (user.privileged) {
      return SimulatedOkta.oktaError(403, "E0000006", PERMISSION, requestId);
    }
    if (user.status.equals("DEPROVISIONED")) {
      return wrongStatus(requestId);
    }
    Map<String, SimFactor> enrolled = factors.getOrDefault(userId, Map.of());
    if (!enrolled.containsKey(factorId)) {
      return notFound("Factor", factorId, requestId);
    }
    enrolled.remove(factorId);
    lifecycleCalls.add("delete_factor");
    return noContent();
  }

  private void change(SimUser user, String status) {
    user.status = status;
    user.lastUpdated = user.lastUpdated.plusSeconds(1);
  }

  private static MockResponse wrongStatus(String requestId) {
    return SimulatedOkta.oktaError(
        403, "E0000038", "This operation is not allowed in the user's current status.", requestId);
  }

  private static MockResponse noContent() {
    return new MockResponse.Builder().code(204).build();
  }

  private MockResponse groupMembers(HttpUrl url, String groupId, String requestId) {
    Group group = groups.get(groupId);
    if (group == null) {
      return notFound("Group", groupId, requestId);
    }
    int limit;
    try {
      limit =
          url.queryParameter("limit") == null
              ? 1000
              : Integer.parseInt(url.queryParameter("limit"));
    } catch (NumberFormatException e) {
      return SimulatedOkta.oktaError(400, "E0000001", "Api validation failed: limit", requestId);
    }
    if (limit > maxLimit) {
      return SimulatedOkta.oktaError(500, "E0000009", "Internal Server Error", requestId);
    }
    String after = url.queryParameter("after");
    List<Object> page = new ArrayList<>();
    String last = null;
    boolean more;
    IntFunction<SimUser> generator = group.generator;
    if (generator != null) {
      int from = after == null ? 0 : Integer.parseInt(after);
      int to = Math.min(from + limit, group.generatedSize);
      for (int i = from; i < to; i++) {
        page.add(userJson(generator.apply(i), url));
      }
      last = Integer.toString(to);
      more = to < group.generatedSize;
    } else {
      NavigableSet<String> rest =
          after == null ? group.members : group.members.tailSet(after, false);
      for (String id : rest) {
        if (page.size() == limit) {
          break;
        }
        SimUser user = users.get(id);
        if (user != null) {
          page.add(userJson(user, url));
          last = id;
        }
      }
      more = last != null && group.members.higher(last) != null;
    }
    HttpUrl self = url.newBuilder().build();
    MockResponse.Builder response =
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .addHeader(linkHeaderName, "<" + self + ">; rel=\"self\"")
            .body(SimulatedOkta.json(page));
    if (more) {
      HttpUrl next =
          url.newBuilder()
              .setQueryParameter("after", last)
              .setQueryParameter("limit", Integer.toString(limit))
              .build();
      response.addHeader(linkHeaderName, "<" + next + ">; rel=\"next\"");
    }
    return response.build();
  }

  /**
   * A user's groups, paged as Okta pages them: at most {@value #USER_GROUPS_PAGE} a page unless
   * {@code limit} says otherwise, with a {@code rel="next"} link carrying {@code after} (the last
   * group id of the page) while groups remain. Okta's OpenAPI spec lists no paging parameters here;
   * the live API pages all the same (okta/okta-sdk-java#1286, #1711).
   */
  private MockResponse userGroups(HttpUrl url, SimUser user, String requestId) {
    int limit;
    try {
      String given = url.queryParameter("limit");
      limit = given == null ? USER_GROUPS_PAGE : Integer.parseInt(given);
    } catch (NumberFormatException e) {
      return SimulatedOkta.oktaError(400, "E0000001", "Api validation failed: limit", requestId);
    }
    if (limit < 1) {
      return SimulatedOkta.oktaError(400, "E0000001", "Api validation failed: limit", requestId);
    }
    List<Group> all = new ArrayList<>();
    for (Group group : groups.values()) {
      if (group.members.contains(user.id)) {
        all.add(group);
      }
    }
    int from = 0;
    String after = url.queryParameter("after");
    if (after != null) {
      from = all.size();
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).id.equals(after)) {
          from = i + 1;
          break;
        }
      }
    }
    int to = Math.min(all.size(), from + limit);
    List<Object> page = new ArrayList<>();
    for (Group group : all.subList(from, to)) {
      page.add(groupJson(group, url));
    }
    MockResponse.Builder response =
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .addHeader(linkHeaderName, "<" + url + ">; rel=\"self\"")
            .body(SimulatedOkta.json(page));
    if (to < all.size()) {
      HttpUrl next =
          url.newBuilder()
              .setQueryParameter("limit", Integer.toString(limit))
              .setQueryParameter("after", all.get(to - 1).id)
              .build();
      response.addHeader(linkHeaderName, "<" + next + ">; rel=\"next\"");
    }
    return response.build();
  }

  private MockResponse searchUsers(HttpUrl url, String requestId) {
    String search = url.queryParameter("search");
    String prefix = "profile.email eq \"";
    if (search == null || !search.startsWith(prefix) || !search.endsWith("\"")) {
      return SimulatedOkta.oktaError(
          400, "E0000031", "Invalid search: only profile.email eq \"…\" is simulated", requestId);
    }
    String wanted =
        search
            .substring(prefix.length(), search.length() - 1)
            .replace("\\\"", "\"")
            .replace("\\\\", "\\")
            .toLowerCase(Locale.ROOT);
    int limit =
        url.queryParameter("limit") == null ? 200 : Integer.parseInt(url.queryParameter("limit"));
    List<Object> matches = new ArrayList<>();
    for (SimUser user : users.values()) {
      Object email = user.profile.get("email");
      if (email instanceof String text && text.toLowerCase(Locale.ROOT).equals(wanted)) {
        if (matches.size() == limit) {
          break;
        }
        matches.add(userJson(user, url));
      }
    }
    return ok(matches);
  }

  /**
   * The user with this id, or with this login ignoring case.
   *
   * @param key the id or login, already percent-decoded (a path segment as {@link
   *     HttpUrl#pathSegments()} returns it): decoding it again would read a login such as {@code
   *     100%41@example.com} as {@code 100A@example.com}, and fail on {@code 100%@example.com}
   */
  @Nullable SimUser lookup(String key) {
    SimUser byId = users.get(key);
    if (byId != null) {
      return byId;
    }
    for (SimUser user : users.values()) {
      if (user.login().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
        return user;
      }
    }
    return null;
  }

  Map<String, Object> userJson(SimUser user, HttpUrl requestUrl) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", user.id);
    json.put("status", user.status);
    json.put("created", iso(user.created));
    json.put("activated", iso(user.created));
    json.put("statusChanged", iso(user.lastUpdated));
    json.put("lastLogin", null);
    json.put("lastUpdated", iso(user.lastUpdated));
    json.put("passwordChanged", null);
    json.put("type", Map.of("id", "otyDefaultUserType1"));
    json.put("profile", new LinkedHashMap<>(user.profile));
    json.put(
        "credentials",
        Map.of(
            "password",
            Map.of(),
            "recovery_question",
            Map.of("question", "Who's a major player in the cowboy scene?"),
            "provider",
            Map.of("type", "OKTA", "name", "OKTA")));
    json.put(
        "_links", Map.of("self", Map.of("href", base(requestUrl) + "/api/v1/users/" + user.id)));
    return json;
  }

  /** The links Okta shows on a single user: the operations its status allows. */
  private Map<String, Object> links(SimUser user, HttpUrl requestUrl) {
    String self = base(requestUrl) + "/api/v1/users/" + user.id;
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("self", Map.of("href", self));
    if (!user.privileged) {
      if (PASSWORD_STATUSES.contains(user.status)) {
        links.put("resetPassword", post(self + "/lifecycle/reset_password"));
        links.put("expirePassword", post(self + "/lifecycle/expire_password"));
      }
      if (MFA_STATUSES.contains(user.status)
          && !factors.getOrDefault(user.id, Map.of()).isEmpty()) {
        links.put("resetFactors", post(self + "/lifecycle/reset_factors"));
      }
      if (user.status.equals("LOCKED_OUT")) {
        links.put("unlock", post(self + "/lifecycle/unlock"));
      }
    }
    return links;
  }

  private static Map<String, Object> post(String href) {
    return Map.of("href", href, "method", "POST");
  }

  private Map<String, Object> groupJson(Group group, HttpUrl requestUrl) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", group.id);
    json.put("created", "2025-01-01T00:00:00.000Z");
    json.put("lastUpdated", "2025-01-01T00:00:00.000Z");
    json.put("lastMembershipUpdated", "2026-01-15T10:00:00.000Z");
    json.put("objectClass", List.of("okta:user_group"));
    json.put("type", "OKTA_GROUP");
    json.put("profile", Map.of("name", group.name, "description", ""));
    json.put(
        "_links", Map.of("self", Map.of("href", base(requestUrl) + "/api/v1/groups/" + group.id)));
    return json;
  }

  static String base(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  private static boolean hasAny(Set<String> scopes, String... wanted) {
    for (String scope : wanted) {
      if (scopes.contains(scope)) {
        return true;
      }
    }
    return false;
  }

  static MockResponse ok(Object body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(SimulatedOkta.json(body))
        .build();
  }

  static MockResponse notFound(String what, String id, String requestId) {
    return SimulatedOkta.oktaError(
        404, "E0000007", "Not found: Resource not found: " + id + " (" + what + ")", requestId);
  }

  private static MockResponse endpointMissing(String requestId) {
    return SimulatedOkta.oktaError(404, "E0000022", "The endpoint does not exist.", requestId);
  }

  static MockResponse insufficientScope(String scope, String requestId) {
    return SimulatedOkta.oktaError(
            403,
            "E0000006",
            "You do not have permission to perform the requested action",
            requestId)
        .newBuilder()
        .setHeader(
            "WWW-Authenticate",
            "Bearer error=\"insufficient_scope\", error_description=\"The access token provided"
                + " does not contain the required scopes.\", scope=\""
                + scope
                + "\"")
        .build();
  }

  static String iso(Instant instant) {
    return instant.toString();
  }
}
