package org.workforceiam.entra.simulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The Graph v1.0 endpoints of the simulated tenant: routing, the application permission each needs,
 * and the answers, over an {@link EntraTenant}. Every request holds the tenant's lock.
 */
final class GraphApi {
  // The application permissions that grant each endpoint, least privileged first (each endpoint's
  // "Permissions" table in the Graph v1.0 reference).
  static final Set<String> READ_GROUPS =
      Set.of(
          "GroupMember.Read.All",
          "Group.Read.All",
          "Group.ReadWrite.All",
          "Directory.Read.All",
          "Directory.ReadWrite.All");
  static final Set<String> READ_USERS =
      Set.of(
          "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
  static final Set<String> READ_MEMBER_OF =
      Set.of(
          "User.Read.All",
          "Directory.Read.All",
          "Directory.ReadWrite.All",
          "Group.Read.All",
          "GroupMember.Read.All");
  static final Set<String> READ_ROLE_ASSIGNMENTS =
      Set.of(
          "RoleManagement.Read.Directory",
          "RoleManagement.Read.All",
          "RoleManagement.ReadWrite.Directory",
          "Directory.Read.All",
          "Directory.ReadWrite.All");
  static final Set<String> READ_ROLE_ELIGIBILITY =
      Set.of(
          "RoleEligibilitySchedule.Read.Directory",
          "RoleManagement.Read.Directory",
          "RoleManagement.Read.All",
          "RoleEligibilitySchedule.ReadWrite.Directory",
          "RoleManagement.ReadWrite.Directory");
  static final Set<String> READ_METHODS =
      Set.of("UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All");
  static final Set<String> WRITE_METHODS = Set.of("UserAuthenticationMethod.ReadWrite.All");
  static final Set<String> WRITE_PASSWORD =
      Set.of("User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All");
  static final Set<String> REVOKE_SESSIONS =
      Set.of("User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All");

  /** checkMemberGroups takes at most this many group ids (its v1.0 reference). */
  static final int MAX_CHECKED_GROUPS = 20;

  private static final String TAP_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%&*+=?";

  private final EntraTenant tenant;
  private final Set<DirectoryRole> appRoles;
  private final SecureRandom random = new SecureRandom();

  GraphApi(EntraTenant tenant, Set<DirectoryRole> appRoles) {
    this.tenant = tenant;
    this.appRoles = Set.copyOf(appRoles);
  }

  /** Handles a request under {@code /v1.0} whose token granted {@code roles}. */
  MockResponse handle(Exchange exchange, List<String> path, Set<String> roles) {
    synchronized (tenant) {
      try {
        return route(exchange, path, roles);
      } catch (GraphError e) {
        String message = String.valueOf(e.getMessage());
        return e.methodsService
            ? exchange.methodsError(e.status, e.code, message)
            : exchange.error(e.status, e.code, message);
      }
    }
  }

  private MockResponse route(Exchange ex, List<String> path, Set<String> roles) {
    String method = ex.method();
    int n = path.size();
    if (n == 0) {
      throw GraphError.noSegment("v1.0");
    }
    switch (path.get(0)) {
      case "groups" -> {
        if (n == 2) {
          requireMethod(method, "GET");
          need(roles, READ_GROUPS);
          return group(ex, path.get(1));
        }
        if (n >= 3 && path.get(2).equals("transitiveMembers") && n <= 4) {
          boolean usersOnly = n == 4;
          if (usersOnly && !path.get(3).equals("microsoft.graph.user")) {
            throw GraphError.noSegment(path.get(3));
          }
          requireMethod(method, "GET");
          need(roles, READ_GROUPS);
          return transitiveMembers(ex, path.get(1), usersOnly);
        }
        throw GraphError.noSegment(path.get(n - 1));
      }
      case "users" -> {
        return users(ex, path, roles);
      }
      case "roleManagement" -> {
        if (n == 3 && path.get(1).equals("directory")) {
          requireMethod(method, "GET");
          if (path.get(2).equals("roleEligibilitySchedules")) {
            need(roles, READ_ROLE_ELIGIBILITY);
            return eligibility(ex);
          }
          if (path.get(2).equals("roleAssignments")) {
            need(roles, READ_ROLE_ASSIGNMENTS);
            return roleAssignments(ex);
          }
        }
        throw GraphError.noSegment(path.get(n - 1));
      }
      default -> throw GraphError.noSegment(path.get(0));
    }
  }

  private MockResponse users(Exchange ex, List<String> path, Set<String> roles) {
    String method = ex.method();
    int n = path.size();
    if (n == 1) {
      requireMethod(method, "GET");
      need(roles, READ_USERS);
      return listUsers(ex);
    }
    String idOrUpn = path.get(1);
    if (n == 2) {
      if (method.equals("PATCH")) {
        need(roles, WRITE_PASSWORD);
        return updateUser(ex, user(idOrUpn));
      }
      requireMethod(method, "GET");
      need(roles, READ_USERS);
      EntraUser user = user(idOrUpn);
      Odata.allowOnly(ex.url(), Set.of("$select"));
      List<String> select = Odata.select(ex.url(), Properties.USER, "microsoft.graph.user");
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("@odata.context", ex.context("users/$entity"));
      json.putAll(userProjection(user, select, false));
      return ex.ok(json);
    }
    String action = path.get(2);
    if (n == 3 && action.equals("checkMemberGroups")) {
      requireMethod(method, "POST");
      need(roles, READ_GROUPS);
      return checkMemberGroups(ex, user(idOrUpn));
    }
    if (n == 3 && action.equals("revokeSignInSessions")) {
      requireMethod(method, "POST");
      need(roles, REVOKE_SESSIONS);
      EntraUser user = user(idOrUpn);
      tenant.revocations.add(user.id);
      tenant.changes.add("revoke_sessions " + user.id);
      // Graph answers 200 with a boolean although its reference says 204 (Graph known issues).
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("@odata.context", ex.context("Edm.Boolean"));
      body.put("value", true);
      return ex.ok(body);
    }
    if (action.equals("transitiveMemberOf") && (n == 3 || n == 4)) {
      requireMethod(method, "GET");
      need(roles, READ_MEMBER_OF);
      String cast = n == 4 ? path.get(3) : null;
      if (cast != null
          && !cast.equals("microsoft.graph.directoryRole")
          && !cast.equals("microsoft.graph.group")) {
        throw GraphError.noSegment(cast);
      }
      return transitiveMemberOf(ex, user(idOrUpn), cast);
    }
    if (action.equals("authentication") && n >= 4) {
      return authentication(ex, user(idOrUpn), path.subList(3, n), roles);
    }
    throw GraphError.noSegment(path.get(n - 1));
  }

  // ------------------------------------------------------------------ groups and members

  private MockResponse group(Exchange ex, String id) {
    EntraTenant.Group group = groupOrFail(id);
    Odata.allowOnly(ex.url(), Set.of("$select"));
    List<String> select = Odata.select(ex.url(), Properties.GROUP, "microsoft.graph.group");
    Map<String, Object> full = group.json();
    full.remove("@odata.type");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@odata.context", ex.context("groups/$entity"));
    json.putAll(Odata.project(full, select));
    return ex.ok(json);
  }

  private EntraTenant.Group groupOrFail(String id) {
    if (!Guids.isGuid(id)) {
      throw GraphError.badRequest("Invalid object identifier '" + id + "'.");
    }
    EntraTenant.Group group = tenant.groups.get(id.toLowerCase(Locale.ROOT));
    if (group == null) {
      throw GraphError.notFound(id);
    }
    return group;
  }

  private MockResponse transitiveMembers(Exchange ex, String groupId, boolean usersOnly) {
    EntraTenant.Group group = groupOrFail(groupId);
    HttpUrl url = ex.url();
    Odata.allowOnly(url, Set.of("$select", "$top", "$skiptoken", "$count"));
    List<String> select =
        usersOnly
            ? Odata.select(url, Properties.USER, "microsoft.graph.user")
            : Odata.select(url, Properties.DIRECTORY_OBJECT, "microsoft.graph.directoryObject");
    List<Object> entries = new ArrayList<>();
    for (Object entry : tenant.transitiveMembers(group.id)) {
      if (!usersOnly || entry instanceof EntraTenant.Generated || tenant.users.containsKey(entry)) {
        entries.add(entry);
      }
    }
    Sequence sequence = new Sequence(entries);
    IntFunction<Map<String, Object>> item =
        i -> {
          Object resolved = sequence.get(i);
          EntraUser user =
              resolved instanceof EntraUser generated ? generated : tenant.users.get(resolved);
          if (user != null) {
            return userProjection(user, select, true);
          }
          Map<String, Object> json = tenant.objectJson((String) resolved);
          return Odata.project(java.util.Objects.requireNonNull(json), select);
        };
    return Odata.page(
        ex, usersOnly ? "users" : "directoryObjects", sequence.size(), item, tenant.emptyPages);
  }

  /** A member list with generated groups expanded lazily: index to user or object id. */
  private static final class Sequence {
    private final List<Object> entries;
    private final int[] starts;
    private final int size;

    Sequence(List<Object> entries) {
      this.entries = entries;
      this.starts = new int[entries.size()];
      int total = 0;
      for (int i = 0; i < entries.size(); i++) {
        starts[i] = total;
        Object entry = entries.get(i);
        total += entry instanceof EntraTenant.Generated g ? g.group().generatedSize : 1;
      }
      this.size = total;
    }

    int size() {
      return size;
    }

    /** An {@link EntraUser} (generated or stored) or another object's id. */
    Object get(int index) {
      int at = java.util.Arrays.binarySearch(starts, index);
      if (at < 0) {
        at = -at - 2;
      }
      while (at + 1 < starts.length && starts[at + 1] == index) {
        at++; // skip generated groups of size 0
      }
      Object entry = entries.get(at);
      if (entry instanceof EntraTenant.Generated generated) {
        return java.util.Objects.requireNonNull(generated.group().generator)
            .apply(index - starts[at]);
      }
      return entry;
    }
  }

  private Map<String, Object> userProjection(
      EntraUser user, @Nullable List<String> select, boolean withType) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (withType) {
      json.put("@odata.type", "#microsoft.graph.user");
    }
    List<String> names = select == null ? Properties.USER_DEFAULT : select;
    for (String name : names) {
      json.put(name, user.value(name));
    }
    return json;
  }

  // ------------------------------------------------------------------ users

  /**
   * A user by object id or userPrincipalName: Graph reads a path segment that is not a GUID as a
   * userPrincipalName, so a malformed id is a 404 {@code Request_ResourceNotFound} here, not a 400
   * as for groups (user-get: "{id | userPrincipalName}").
   */
  private EntraUser user(String idOrUpn) {
    if (idOrUpn.isEmpty()) {
      throw GraphError.badRequest("Invalid object identifier ''.");
    }
    EntraUser user = tenant.lookup(idOrUpn);
    if (user == null) {
      throw GraphError.notFound(idOrUpn);
    }
    return user;
  }

  private MockResponse listUsers(Exchange ex) {
    HttpUrl url = ex.url();
    Odata.allowOnly(url, Set.of("$select", "$top", "$skiptoken", "$filter", "$count"));
    List<String> select = Odata.select(url, Properties.USER, "microsoft.graph.user");
    Odata.Filter filter =
        Odata.filter(url, Set.of("mail", "userPrincipalName", "id", "employeeId"), "User");
    List<EntraUser> matches = new ArrayList<>();
    for (EntraUser user : tenant.users.values()) {
      if (filter == null || matches(user, filter)) {
        matches.add(user);
      }
    }
    return Odata.page(
        ex,
        "users",
        matches.size(),
        i -> userProjection(matches.get(i), select, false),
        tenant.emptyPages);
  }

  /** Directory string comparisons with {@code eq} ignore case. */
  private static boolean matches(EntraUser user, Odata.Filter filter) {
    Object value = user.value(filter.property());
    return value instanceof String text
        && text.toLowerCase(Locale.ROOT).equals(filter.value().toLowerCase(Locale.ROOT));
  }

  private MockResponse checkMemberGroups(Exchange ex, EntraUser user) {
    Map<String, Object> body = ex.jsonBody();
    if (body == null || !(body.get("groupIds") instanceof List<?> ids)) {
      throw GraphError.badRequest(
          "The request body must be a JSON object with groupIds, a list of group ids.");
    }
    if (ids.size() > MAX_CHECKED_GROUPS) {
      throw GraphError.badRequest(
          "Too many groupIds: at most " + MAX_CHECKED_GROUPS + " per request.");
    }
    Set<String> memberOf = tenant.transitiveGroupIds(user.id);
    List<Object> value = new ArrayList<>();
    for (Object id : ids) {
      if (!(id instanceof String text) || !Guids.isGuid(text)) {
        // Graph's answer to a malformed group id here is assumed to be the one it gives in a
        // path; not checked against Microsoft.
        throw GraphError.badRequest("Invalid object identifier '" + id + "'.");
      }
      if (memberOf.contains(text.toLowerCase(Locale.ROOT))) {
        value.add(text);
      }
    }
    return ex.collection("Collection(Edm.String)", value);
  }

  private MockResponse transitiveMemberOf(Exchange ex, EntraUser user, @Nullable String cast) {
    HttpUrl url = ex.url();
    Odata.allowOnly(url, Set.of("$select", "$top", "$skiptoken", "$count"));
    List<String> select =
        Odata.select(url, Properties.DIRECTORY_OBJECT, "microsoft.graph.directoryObject");
    List<Map<String, Object>> items = new ArrayList<>();
    if (cast == null || cast.equals("microsoft.graph.group")) {
      for (String groupId : tenant.transitiveGroupIds(user.id)) {
        items.add(java.util.Objects.requireNonNull(tenant.groups.get(groupId)).json());
      }
    }
    if (cast == null || cast.equals("microsoft.graph.directoryRole")) {
      for (DirectoryRole role : tenant.activeTenantRoles(user.id)) {
        items.add(directoryRoleJson(role));
      }
    }
    String context =
        cast == null
            ? "directoryObjects"
            : cast.equals("microsoft.graph.group") ? "groups" : "directoryRoles";
    return Odata.page(
        ex, context, items.size(), i -> Odata.project(items.get(i), select), tenant.emptyPages);
  }

  /** An activated directory role: its object id in the tenant differs from its template id. */
  static Map<String, Object> directoryRoleJson(DirectoryRole role) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@odata.type", "#microsoft.graph.directoryRole");
    json.put(
        "id",
        java.util
            .UUID
            .nameUUIDFromBytes(
                ("directoryRole:" + role.templateId()).getBytes(StandardCharsets.UTF_8))
            .toString());
    json.put("deletedDateTime", null);
    json.put("description", role.displayName() + " (simulated).");
    json.put("displayName", role.displayName());
    json.put("roleTemplateId", role.templateId());
    return json;
  }

  // ------------------------------------------------------------------ roles

  private MockResponse eligibility(Exchange ex) {
    if (!tenant.pimLicensed) {
      // The code is the one clients see from a tenant without PIM; the message is the
      // simulator's wording, as Microsoft does not document it.
      throw new GraphError(
          400,
          "AadPremiumLicenseRequired",
          "The tenant needs a Microsoft Entra ID P2 or Microsoft Entra ID Governance license for"
              + " Privileged Identity Management.");
    }
    return grants(ex, tenant.eligibleRoles, true);
  }

  private MockResponse roleAssignments(Exchange ex) {
    return grants(ex, tenant.activeRoles, false);
  }

  private MockResponse grants(Exchange ex, List<EntraTenant.RoleGrant> all, boolean eligible) {
    HttpUrl url = ex.url();
    Odata.allowOnly(url, Set.of("$filter", "$top", "$skiptoken", "$select"));
    Odata.Filter filter =
        Odata.filter(
            url,
            Set.of("principalId", "roleDefinitionId", "directoryScopeId"),
            eligible ? "unifiedRoleEligibilitySchedule" : "unifiedRoleAssignment");
    if (filter != null
        && !filter.property().equals("directoryScopeId")
        && !Guids.isGuid(filter.value())) {
      throw GraphError.badRequest(
          "Invalid filter clause: '" + filter.value() + "' is not a valid GUID.");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (EntraTenant.RoleGrant grant : all) {
      Map<String, Object> json = eligible ? eligibilityJson(grant) : assignmentJson(grant);
      if (filter == null
          || String.valueOf(json.get(filter.property())).equalsIgnoreCase(filter.value())) {
        items.add(json);
      }
    }
    String context =
        eligible
            ? "roleManagement/directory/roleEligibilitySchedules"
            : "roleManagement/directory/roleAssignments";
    List<String> select =
        Odata.select(
            url,
            eligible ? Properties.ROLE_ELIGIBILITY : Properties.ROLE_ASSIGNMENT,
            eligible
                ? "microsoft.graph.unifiedRoleEligibilitySchedule"
                : "microsoft.graph.unifiedRoleAssignment");
    return Odata.page(
        ex, context, items.size(), i -> Odata.project(items.get(i), select), tenant.emptyPages);
  }

  private static Map<String, Object> assignmentJson(EntraTenant.RoleGrant grant) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", grant.id());
    json.put("principalId", grant.principalId());
    json.put("directoryScopeId", grant.directoryScopeId());
    json.put("roleDefinitionId", grant.role().templateId());
    return json;
  }

  private static Map<String, Object> eligibilityJson(EntraTenant.RoleGrant grant) {
    Map<String, Object> expiration = new LinkedHashMap<>();
    expiration.put("endDateTime", null);
    expiration.put("duration", null);
    expiration.put("type", "noExpiration");
    Map<String, Object> schedule = new LinkedHashMap<>();
    schedule.put("startDateTime", "2025-06-01T09:00:00Z");
    schedule.put("recurrence", null);
    schedule.put("expiration", expiration);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", grant.id());
    json.put("principalId", grant.principalId());
    json.put("roleDefinitionId", grant.role().templateId());
    json.put("directoryScopeId", grant.directoryScopeId());
    json.put("appScopeId", null);
    json.put("createdUsing", grant.id());
    json.put("createdDateTime", "2025-06-01T09:00:00Z");
    json.put("modifiedDateTime", null);
    json.put("status", "Provisioned");
    json.put("memberType", "Direct");
    json.put("scheduleInfo", schedule);
    return json;
  }

  // ------------------------------------------------------------------ password

  private MockResponse updateUser(Exchange ex, EntraUser user) {
    Map<String, Object> body = ex.jsonBody();
    if (body == null) {
      throw GraphError.badRequest("The request body must be a JSON object.");
    }
    for (String name : body.keySet()) {
      if (!name.equals("passwordProfile")) {
        throw GraphError.badRequest(
            "The simulated Graph updates only passwordProfile; '" + name + "' is not simulated.");
      }
    }
    if (!(body.get("passwordProfile") instanceof Map<?, ?> profile)) {
      throw GraphError.badRequest("passwordProfile must be an object.");
    }
    if (!(profile.get("password") instanceof String password)) {
      throw GraphError.badRequest("passwordProfile.password must be a string.");
    }
    Object force = profile.get("forceChangePasswordNextSignIn");
    if (force != null && !(force instanceof Boolean)) {
      throw GraphError.badRequest(
          "passwordProfile.forceChangePasswordNextSignIn must be a boolean.");
    }
    // Resetting a password app-only needs a directory role for the app, and a privileged one when
    // the target holds a role ("Who can reset passwords"); without it Graph answers 403.
    boolean targetIsAdmin = tenant.holdsActiveRole(user.id);
    boolean allowed = false;
    for (DirectoryRole role : appRoles) {
      allowed |= targetIsAdmin ? role.resetsAdminPasswords() : role.resetsUserPasswords();
    }
    if (!allowed) {
      throw GraphError.denied();
    }
    if (!compliant(password)) {
      throw GraphError.badRequest(
          "The specified password does not comply with password complexity requirements. Please"
              + " provide a different password.");
    }
    tenant.passwords.put(user.id, password);
    if (Boolean.TRUE.equals(force)) {
      tenant.mustChangePassword.add(user.id);
    } else {
      tenant.mustChangePassword.remove(user.id);
    }
    tenant.changes.add("set_password " + user.id);
    return ex.noContent();
  }

  /** Entra's policy: 8 to 256 characters, three of lower case, upper case, digits and symbols. */
  static boolean compliant(String password) {
    if (password.length() < 8 || password.length() > 256) {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean symbol = false;
    for (int i = 0; i < password.length(); i++) {
      char c = password.charAt(i);
      if (Character.isLowerCase(c)) {
        lower = true;
      } else if (Character.isUpperCase(c)) {
        upper = true;
      } else if (Character.isDigit(c)) {
        digit = true;
      } else {
        symbol = true;
      }
    }
    int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    return classes >= 3;
  }

  // ------------------------------------------------------------------ authentication methods

  private MockResponse authentication(
      Exchange ex, EntraUser user, List<String> rest, Set<String> roles) {
    String method = ex.method();
    String collection = rest.get(0);
    Map<String, AuthMethod> registered =
        tenant.methods.computeIfAbsent(user.id, u -> new LinkedHashMap<>());
    if (collection.equals("methods")) {
      if (rest.size() == 1) {
        requireMethod(method, "GET");
        need(roles, READ_METHODS);
        return methodList(ex, user, null);
      }
      if (rest.size() == 2) {
        if (method.equals("DELETE")) {
          need(roles, WRITE_METHODS);
          return deleteThroughMethods(user, rest.get(1));
        }
        requireMethod(method, "GET");
        need(roles, READ_METHODS);
        return ex.ok(methodOrFail(user, rest.get(1), null).json());
      }
      throw GraphError.noSegment(rest.get(rest.size() - 1));
    }
    if (!AuthMethod.Type.isCollection(collection) || rest.size() > 2) {
      throw GraphError.noSegment(rest.get(rest.size() - 1));
    }
    AuthMethod.Type type = AuthMethod.Type.ofCollection(collection);
    if (rest.size() == 1) {
      if (method.equals("POST") && type == AuthMethod.Type.TEMPORARY_ACCESS_PASS) {
        need(roles, WRITE_METHODS);
        return createAccessPass(ex, user, registered);
      }
      requireMethod(method, "GET");
      need(roles, READ_METHODS);
      return methodList(ex, user, type);
    }
    String methodId = rest.get(1);
    if (method.equals("DELETE")) {
      need(roles, WRITE_METHODS);
      return deleteMethod(ex, user, type, methodId, registered);
    }
    requireMethod(method, "GET");
    need(roles, READ_METHODS);
    return ex.ok(methodOrFail(user, methodId, type).json());
  }

  private MockResponse methodList(Exchange ex, EntraUser user, AuthMethod.@Nullable Type type) {
    List<Object> value = new ArrayList<>();
    for (AuthMethod m : tenant.methods(user.id)) {
      if (type == null || m.type() == type) {
        value.add(m.json());
      }
    }
    String what = type == null ? "methods" : type.collection();
    return ex.collection("users('" + user.id + "')/authentication/" + what, value);
  }

  private AuthMethod methodOrFail(EntraUser user, String methodId, AuthMethod.@Nullable Type type) {
    for (AuthMethod m : tenant.methods(user.id)) {
      if (m.id().equals(methodId) && (type == null || m.type() == type)) {
        return m;
      }
    }
    // The authentication-methods service's not-found answer; its exact code is not documented.
    throw new GraphError(
        404, "itemNotFound", "The requested authentication method was not found.", true);
  }

  /**
   * {@code DELETE .../authentication/methods/{id}} is not routed by Graph: the answer is not even
   * Graph's error shape (msgraph-sdk-powershell #937, microsoft-graph-docs-contrib #1267). The body
   * is the one reported there; the status (404) is the simulator's assumption.
   */
  private static MockResponse deleteThroughMethods(EntraUser user, String methodId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "Message",
        "No HTTP resource was found that matches the request URI"
            + " 'https://mface.windowsazure.com/odata/users('"
            + user.id
            + "')/authentication/methods('"
            + methodId
            + "')'.");
    body.put("MessageDetail", "No type was found that matches the controller named 'users'.");
    return new MockResponse.Builder()
        .code(404)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(Exchange.json(body))
        .build();
  }

  private MockResponse deleteMethod(
      Exchange ex,
      EntraUser user,
      AuthMethod.Type type,
      String methodId,
      Map<String, AuthMethod> registered) {
    if (type == AuthMethod.Type.PASSWORD) {
      // Graph has no delete for passwordMethods; the simulator answers as for any method it
      // refuses to delete (the exact answer is not documented).
      throw new GraphError(
          400, "badRequest", "The password authentication method cannot be deleted.", true);
    }
    AuthMethod target = registered.get(methodId);
    if (target == null || target.type() != type) {
      methodOrFail(user, "\0", type); // throws the not-found answer
    }
    if (methodId.equals(tenant.defaultMethods.get(user.id)) && registered.size() > 1) {
      // microsoft-graph-docs #14470.
      throw new GraphError(
          400,
          "badRequest",
          "Cannot delete default method with other methods configured. Please change default"
              + " method before deletion.",
          true);
    }
    if (methodId.equals(AuthMethod.MOBILE_PHONE_ID)
        && registered.containsKey(AuthMethod.ALTERNATE_MOBILE_PHONE_ID)) {
      // "A user can't have an alternateMobile number without a mobile number"
      // (phoneauthenticationmethod-delete); the wording of the refusal is the simulator's.
      throw new GraphError(
          400,
          "badRequest",
          "A user can't have an alternateMobile number without a mobile number: delete the"
              + " alternateMobile number first.",
          true);
    }
    registered.remove(methodId);
    if (methodId.equals(tenant.defaultMethods.get(user.id))) {
      tenant.defaultMethods.remove(user.id);
    }
    if (type == AuthMethod.Type.TEMPORARY_ACCESS_PASS) {
      tenant.accessPasses.remove(user.id);
    }
    tenant.changes.add("delete_method " + user.id + " " + type.collection() + "/" + methodId);
    return ex.noContent();
  }

  private MockResponse createAccessPass(
      Exchange ex, EntraUser user, Map<String, AuthMethod> registered) {
    Map<String, Object> body = ex.jsonBody();
    if (body == null) {
      throw new GraphError(400, "badRequest", "The request body must be a JSON object.", true);
    }
    for (String name : body.keySet()) {
      if (!Set.of("startDateTime", "lifetimeInMinutes", "isUsableOnce").contains(name)) {
        throw new GraphError(
            400,
            "badRequest",
            "Unknown property '" + name + "' for a Temporary Access Pass.",
            true);
      }
    }
    if (!tenant.tapEnabled) {
      throw new GraphError(
          400,
          "badRequest",
          "The Temporary Access Pass authentication method is not enabled by the tenant's"
              + " policy.",
          true);
    }
    int lifetime = tenant.tapDefaultMinutes;
    Object requested = body.get("lifetimeInMinutes");
    if (requested != null) {
      if (!(requested instanceof Number number)
          || number.doubleValue() != Math.rint(number.doubleValue())) {
        throw new GraphError(400, "badRequest", "lifetimeInMinutes must be a whole number.", true);
      }
      double minutes = number.doubleValue();
      if (minutes < tenant.tapMinimumMinutes || minutes > tenant.tapMaximumMinutes) {
        // The wording Graph uses (microsoft-graph-docs PR #12187), with the tenant's range.
        throw new GraphError(
            400,
            "badRequest",
            "Invalid LifetimeInMinutes specified. The valid range between "
                + tenant.tapMinimumMinutes
                + " and "
                + tenant.tapMaximumMinutes
                + ".",
            true);
      }
      lifetime = (int) minutes;
    }
    boolean usableOnce = tenant.tapOneTimeOnly;
    Object once = body.get("isUsableOnce");
    if (once != null) {
      if (!(once instanceof Boolean flag)) {
        throw new GraphError(400, "badRequest", "isUsableOnce must be a boolean.", true);
      }
      if (!flag && tenant.tapOneTimeOnly) {
        throw new GraphError(
            400,
            "badRequest",
            "The tenant's Temporary Access Pass policy allows only one-time passes"
                + " (isUsableOnce must be true).",
            true);
      }
      usableOnce = flag;
    }
    Instant start = ex.now.truncatedTo(ChronoUnit.SECONDS);
    Object startText = body.get("startDateTime");
    if (startText != null) {
      try {
        start = Instant.parse(String.valueOf(startText));
      } catch (DateTimeParseException e) {
        throw new GraphError(400, "badRequest", "startDateTime is not an ISO 8601 instant.", true);
      }
    }
    String pass = newPass();
    String id = java.util.UUID.randomUUID().toString();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("createdDateTime", ex.now.truncatedTo(ChronoUnit.SECONDS).toString());
    properties.put("startDateTime", start.toString());
    properties.put("lifetimeInMinutes", lifetime);
    properties.put("isUsableOnce", usableOnce);
    properties.put("isUsable", true);
    properties.put("methodUsabilityReason", "EnabledByPolicy");
    AuthMethod method = AuthMethod.of(AuthMethod.Type.TEMPORARY_ACCESS_PASS, id, properties);
    // One pass per user: a new one replaces the old (GRAPH-NOTES; Microsoft's create page).
    registered.values().removeIf(m -> m.type() == AuthMethod.Type.TEMPORARY_ACCESS_PASS);
    if (tenant.defaultMethods.containsKey(user.id)
        && !registered.containsKey(tenant.defaultMethods.get(user.id))) {
      tenant.defaultMethods.remove(user.id);
    }
    registered.put(id, method);
    tenant.accessPasses.put(user.id, pass);
    tenant.changes.add("issue_tap " + user.id);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(
        "@odata.context",
        ex.context("users('" + user.id + "')/authentication/temporaryAccessPassMethods/$entity"));
    json.putAll(method.json());
    json.put("temporaryAccessPass", pass);
    return ex.json(201, json);
  }

  private String newPass() {
    StringBuilder pass = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      pass.append(TAP_ALPHABET.charAt(random.nextInt(TAP_ALPHABET.length())));
    }
    return pass.toString();
  }

  // ------------------------------------------------------------------ helpers

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw GraphError.methodNotAllowed();
    }
  }

  private static void need(Set<String> granted, Set<String> sufficient) {
    for (String permission : sufficient) {
      if (granted.contains(permission)) {
        return;
      }
    }
    throw GraphError.denied();
  }
}
