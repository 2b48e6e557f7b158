package org.workforceiam.okta.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The users, groups and factors behind the simulated Okta's management API, answering as Okta does.
 * Thread-safe: every request holds the directory's lock.
 */
public final class SimDirectory {
  private final Map<String, SimUser> users = new LinkedHashMap<>();

  /**
   * Adds a user.
   *
   * @param user the user
   * @return this
   */
  public synchronized SimDirectory user(SimUser user) {
    users.put(user.id, user);
    return this;
  }

  /**
   * Returns a user's current status.
   *
   * @param id the user id
   * @return the status word
   */
  public synchronized String status(String id) {
    return users.get(id).status;
  }

  synchronized MockResponse handle(RecordedRequest request, Set<String> scopes, String requestId) {
    List<String> path = request.getUrl().pathSegments();
    String method = request.getMethod();
    if (method.equals("GET") && path.size() == 4 && path.get(2).equals("users")) {
      if (!hasAny(scopes, "okta.users.read", "okta.users.manage")) {
        return insufficientScope("okta.users.read", requestId);
      }
      SimUser user = lookup(path.get(3));
      if (user == null) {
        return notFound("User", path.get(3), requestId);
      }
      return ok(userJson(user, request));
    }
    return SimulatedOkta.oktaError(404, "E0000022", "The endpoint does not exist.", requestId);
  }

  private SimUser lookup(String idOrLogin) {
    String key = URLDecoder.decode(idOrLogin.replace("+", "%2B"), StandardCharsets.UTF_8);
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

  Map<String, Object> userJson(SimUser user, RecordedRequest request) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", user.id);
    json.put("status", user.status);
    json.put("created", iso(user.created));
    json.put("activated", null);
    json.put("statusChanged", iso(user.lastUpdated));
    json.put("lastLogin", null);
    json.put("lastUpdated", iso(user.lastUpdated));
    json.put("passwordChanged", null);
    json.put("type", Map.of("id", "otyDefaultUserType1"));
    json.put("profile", new LinkedHashMap<>(user.profile));
    json.put(
        "credentials",
        Map.of("password", Map.of(), "provider", Map.of("type", "OKTA", "name", "OKTA")));
    String self =
        request
            .getUrl()
            .newBuilder()
            .encodedPath("/api/v1/users/" + user.id)
            .query(null)
            .build()
            .toString();
    json.put("_links", Map.of("self", Map.of("href", self)));
    return json;
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
