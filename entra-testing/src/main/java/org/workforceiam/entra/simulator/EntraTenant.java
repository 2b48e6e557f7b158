package org.workforceiam.entra.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The directory of the simulated tenant behind Graph: users, groups (nested, role-assignable or
 * not), devices, contacts and service principals as group members, directory roles held actively
 * (directly, through a role-assignable group, or scoped to an administrative unit) or eligibly
 * through PIM, authentication methods with each user's default method, and the tenant's policies
 * (PIM license, Temporary Access Pass policy, paging quirks).
 *
 * <pre>{@code
 * EntraTenant tenant = new EntraTenant()
 *     .group(EMPLOYEES, "All Employees")
 *     .group(ENGINEERING, "Engineering")
 *     .member(EMPLOYEES, ENGINEERING)                       // nested
 *     .user(EntraUser.of(ADA, "ada@contoso.example").givenName("Ada").surname("Lovelace")
 *         .mail("ada@contoso.example"))
 *     .member(ENGINEERING, ADA)
 *     .method(ADA, AuthMethod.mobilePhone("+1 2065550100"))
 *     .method(ADA, AuthMethod.alternateMobilePhone("+1 2065550101"))
 *     .defaultMethod(ADA, AuthMethod.MOBILE_PHONE_ID)
 *     .user(EntraUser.of(ROOT, "root@contoso.example"))
 *     .member(EMPLOYEES, ROOT)
 *     .activeRole(ROOT, DirectoryRole.GLOBAL_ADMINISTRATOR);
 * }</pre>
 *
 * <p>Privileged users are modelled as Graph treats an app with application permissions: deleting
 * their authentication methods and issuing them a Temporary Access Pass succeed (Microsoft states
 * admin-role requirements for those APIs only for delegated access); only setting their password
 * needs the app to hold Privileged Authentication Administrator (or Global Administrator). So a
 * test proves that it is the client's own check that protects admins.
 *
 * <p>Seed it before or while its {@link SimulatedEntra} runs, and read its state ({@link
 * #password}, {@link #methods}, {@link #defaultMethod}, {@link #temporaryAccessPass}, {@link
 * #sessionRevocations}, {@link #changes}) for assertions. Thread-safe: every method and every
 * request holds the tenant's lock. Ids are GUIDs, compared without regard to case.
 */
public final class EntraTenant {
  final Map<String, EntraUser> users = new LinkedHashMap<>();
  final Map<String, Group> groups = new LinkedHashMap<>();
  final Map<String, Map<String, Object>> others = new LinkedHashMap<>();
  final List<RoleGrant> activeRoles = new ArrayList<>();
  final List<RoleGrant> eligibleRoles = new ArrayList<>();
  final Map<String, Map<String, AuthMethod>> methods = new LinkedHashMap<>();
  final Map<String, String> defaultMethods = new LinkedHashMap<>();
  final Map<String, String> passwords = new LinkedHashMap<>();
  final Set<String> mustChangePassword = new HashSet<>();
  final Map<String, String> accessPasses = new LinkedHashMap<>();
  final List<String> revocations = new ArrayList<>();
  final List<String> changes = new ArrayList<>();
  boolean pimLicensed = true;
  boolean emptyPages;
  int tapMinimumMinutes = 10;
  int tapMaximumMinutes = 43200;
  int tapDefaultMinutes = 60;
  boolean tapOneTimeOnly = true;
  boolean tapEnabled = true;

  /** A group: its members in the order added, or members made on demand. */
  static final class Group {
    final String id;
    final String displayName;
    final boolean roleAssignable;
    final Set<String> members = new LinkedHashSet<>();
    final int generatedSize;
    final @Nullable IntFunction<EntraUser> generator;

    Group(
        String id,
        String displayName,
        boolean roleAssignable,
        int generatedSize,
        @Nullable IntFunction<EntraUser> generator) {
      this.id = id;
      this.displayName = displayName;
      this.roleAssignable = roleAssignable;
      this.generatedSize = generatedSize;
      this.generator = generator;
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("@odata.type", "#microsoft.graph.group");
      json.put("id", id);
      json.put("displayName", displayName);
      json.put("description", null);
      json.put("mail", null);
      json.put("mailEnabled", false);
      json.put("mailNickname", displayName.replaceAll("[^A-Za-z0-9]", ""));
      json.put("securityEnabled", true);
      json.put("isAssignableToRole", roleAssignable);
      json.put("groupTypes", List.of());
      json.put("visibility", null);
      json.put("createdDateTime", "2025-01-01T00:00:00Z");
      return json;
    }
  }

  /** A role held by a principal (a user or a role-assignable group) at a directory scope. */
  record RoleGrant(String id, String principalId, DirectoryRole role, String directoryScopeId) {}

  /** Creates an empty tenant with PIM, the default Temporary Access Pass policy and no quirks. */
  public EntraTenant() {}

  // ------------------------------------------------------------------ seeding

  /**
   * Adds or replaces a user.
   *
   * @param user the user
   * @return this
   */
  public synchronized EntraTenant user(EntraUser user) {
    Objects.requireNonNull(user, "user == null");
    if (groups.containsKey(user.id) || others.containsKey(user.id)) {
      throw new IllegalArgumentException("the id " + user.id + " belongs to another object");
    }
    users.put(user.id, user);
    return this;
  }

  /**
   * Adds a security group.
   *
   * @param id the group's object id, a GUID
   * @param displayName its name
   * @return this
   */
  public synchronized EntraTenant group(String id, String displayName) {
    return addGroup(id, displayName, false, 0, null);
  }

  /**
   * Adds a role-assignable group ({@code isAssignableToRole}): directory roles given to it are held
   * by its members.
   *
   * @param id the group's object id, a GUID
   * @param displayName its name
   * @return this
   */
  public synchronized EntraTenant roleAssignableGroup(String id, String displayName) {
    return addGroup(id, displayName, true, 0, null);
  }

  /**
   * Adds a group of {@code size} users that are made on demand, page by page, and never stored: for
   * benchmarks with tens of thousands of members in little memory. Its members can be listed
   * through {@code transitiveMembers}, not looked up; the group may be nested in another.
   *
   * @param id the group's object id, a GUID
   * @param size how many members
   * @param generator makes the member at an index, the same one every time, each with its own id
   * @return this
   */
  public synchronized EntraTenant generatedGroup(
      String id, int size, IntFunction<EntraUser> generator) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    return addGroup(id, "Generated " + size, false, size, Objects.requireNonNull(generator));
  }

  private EntraTenant addGroup(
      String id,
      String displayName,
      boolean roleAssignable,
      int size,
      @Nullable IntFunction<EntraUser> generator) {
    String key = Guids.require(id, "group id");
    Objects.requireNonNull(displayName, "displayName == null");
    if (users.containsKey(key) || others.containsKey(key)) {
      throw new IllegalArgumentException("the id " + key + " belongs to another object");
    }
    Group existing = groups.get(key);
    Group group = new Group(key, displayName, roleAssignable, size, generator);
    if (existing != null) {
      group.members.addAll(existing.members);
    }
    groups.put(key, group);
    return this;
  }

  /**
   * Adds a device, which may be a group member (Graph lists it among {@code transitiveMembers}).
   *
   * @param id the device's object id, a GUID
   * @param displayName its name
   * @return this
   */
  public synchronized EntraTenant device(String id, String displayName) {
    Map<String, Object> json = other("#microsoft.graph.device", id, displayName);
    json.put("deviceId", Guids.of(0x0de0_1ce0_0000_4000L, id.toLowerCase(Locale.ROOT).hashCode()));
    json.put("accountEnabled", true);
    json.put("operatingSystem", "Windows");
    json.put("operatingSystemVersion", "10.0.22631");
    json.put("trustType", "AzureAd");
    return this;
  }

  /**
   * Adds an organizational contact, which may be a group member.
   *
   * @param id the contact's object id, a GUID
   * @param displayName its name
   * @param mail its address, or null
   * @return this
   */
  public synchronized EntraTenant contact(String id, String displayName, @Nullable String mail) {
    Map<String, Object> json = other("#microsoft.graph.orgContact", id, displayName);
    json.put("givenName", null);
    json.put("surname", null);
    json.put("mail", mail);
    json.put("companyName", null);
    return this;
  }

  /**
   * Adds a service principal (an app's identity in the tenant), which may be a group member.
   *
   * @param id the service principal's object id, a GUID
   * @param displayName its name
   * @param appId the app's client id, a GUID
   * @return this
   */
  public synchronized EntraTenant servicePrincipal(String id, String displayName, String appId) {
    String app = Guids.require(appId, "appId");
    Map<String, Object> json = other("#microsoft.graph.servicePrincipal", id, displayName);
    json.put("appId", app);
    json.put("accountEnabled", true);
    json.put("servicePrincipalType", "Application");
    json.put("appDisplayName", displayName);
    return this;
  }

  private Map<String, Object> other(String type, String id, String displayName) {
    String key = Guids.require(id, "id");
    Objects.requireNonNull(displayName, "displayName == null");
    if (users.containsKey(key) || groups.containsKey(key)) {
      throw new IllegalArgumentException("the id " + key + " belongs to another object");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@odata.type", type);
    json.put("id", key);
    json.put("displayName", displayName);
    others.put(key, json);
    return json;
  }

  /**
   * Makes an object a direct member of a group: a user, another group (nesting), a device, a
   * contact or a service principal, added before.
   *
   * @param groupId the group
   * @param memberId the member's object id
   * @return this
   * @throws IllegalArgumentException when either is unknown, or the nesting would make a cycle
   */
  public synchronized EntraTenant member(String groupId, String memberId) {
    Group group = groupWithId(groupId);
    String member = Guids.require(memberId, "memberId");
    if (!users.containsKey(member) && !groups.containsKey(member) && !others.containsKey(member)) {
      throw new IllegalArgumentException("no object " + member + " in the simulated tenant");
    }
    if (groups.containsKey(member) && transitiveGroupIds(member).contains(group.id)) {
      throw new IllegalArgumentException(
          "nesting " + member + " in " + group.id + " would make a cycle");
    }
    if (groups.containsKey(member) && group.roleAssignable) {
      throw new IllegalArgumentException(
          "a role-assignable group cannot have groups as members (Entra refuses it)");
    }
    group.members.add(member);
    return this;
  }

  /**
   * Removes a direct member from a group.
   *
   * @param groupId the group
   * @param memberId the member
   * @return this
   */
  public synchronized EntraTenant removeMember(String groupId, String memberId) {
    groupWithId(groupId).members.remove(Guids.require(memberId, "memberId"));
    return this;
  }

  /**
   * Gives a principal an active directory role at the tenant scope ({@code /}).
   *
   * @param principalId a user, or a role-assignable group whose members then hold the role
   * @param role the role
   * @return this
   */
  public synchronized EntraTenant activeRole(String principalId, DirectoryRole role) {
    return activeRole(principalId, role, "/");
  }

  /**
   * Gives a principal an active directory role at a scope: {@code /} for the tenant, or {@code
   * /administrativeUnits/{id}}. Graph lists a role scoped to an administrative unit among {@code
   * roleAssignments}, not among the user's {@code transitiveMemberOf} directory roles.
   *
   * @param principalId a user, or a role-assignable group
   * @param role the role
   * @param directoryScopeId the scope
   * @return this
   */
  public synchronized EntraTenant activeRole(
      String principalId, DirectoryRole role, String directoryScopeId) {
    String principal = rolePrincipal(principalId);
    Objects.requireNonNull(role, "role == null");
    Objects.requireNonNull(directoryScopeId, "directoryScopeId == null");
    if (!directoryScopeId.equals("/")
        && !directoryScopeId.matches("/administrativeUnits/[0-9a-fA-F-]{36}")) {
      throw new IllegalArgumentException(
          "directoryScopeId must be / or /administrativeUnits/{GUID}: " + directoryScopeId);
    }
    activeRoles.add(
        new RoleGrant(grantId("a", activeRoles.size()), principal, role, directoryScopeId));
    return this;
  }

  /**
   * Makes a principal eligible for a directory role through PIM: it holds no active role until it
   * activates one, and Graph lists the eligibility among {@code roleEligibilitySchedules}.
   *
   * @param principalId a user, or a role-assignable group
   * @param role the role
   * @return this
   */
  public synchronized EntraTenant eligibleRole(String principalId, DirectoryRole role) {
    String principal = rolePrincipal(principalId);
    Objects.requireNonNull(role, "role == null");
    eligibleRoles.add(new RoleGrant(grantId("e", eligibleRoles.size()), principal, role, "/"));
    return this;
  }

  private String rolePrincipal(String principalId) {
    String principal = Guids.require(principalId, "principalId");
    Group group = groups.get(principal);
    if (group != null && !group.roleAssignable) {
      throw new IllegalArgumentException(
          "only a role-assignable group can hold a directory role: " + principal);
    }
    if (group == null && !users.containsKey(principal) && !others.containsKey(principal)) {
      throw new IllegalArgumentException("no principal " + principal + " in the simulated tenant");
    }
    return principal;
  }

  private static String grantId(String kind, int index) {
    return Jose.base64url(
            ("sim-" + kind + "-" + index).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + "-1";
  }

  /**
   * Registers an authentication method for a user; a method with the same id is replaced.
   *
   * @param userId the user
   * @param method the method
   * @return this
   * @throws IllegalArgumentException for a password method (every user has one), or an alternate
   *     mobile phone without a mobile phone (Graph allows none)
   */
  public synchronized EntraTenant method(String userId, AuthMethod method) {
    EntraUser user = userWithId(userId);
    Objects.requireNonNull(method, "method == null");
    if (method.type() == AuthMethod.Type.PASSWORD) {
      throw new IllegalArgumentException("every user has the password method already");
    }
    Map<String, AuthMethod> registered =
        methods.computeIfAbsent(user.id, u -> new LinkedHashMap<>());
    if (method.id().equals(AuthMethod.ALTERNATE_MOBILE_PHONE_ID)
        && !registered.containsKey(AuthMethod.MOBILE_PHONE_ID)) {
      throw new IllegalArgumentException(
          "a user can't have an alternateMobile number without a mobile number (Graph's rule)");
    }
    if (method.type() == AuthMethod.Type.TEMPORARY_ACCESS_PASS) {
      registered.values().removeIf(m -> m.type() == AuthMethod.Type.TEMPORARY_ACCESS_PASS);
    }
    registered.put(method.id(), method);
    return this;
  }

  /**
   * Sets a user's default MFA method, which Graph refuses to delete while the user has other
   * methods. Graph v1.0 cannot read or change it; the simulator keeps it per user.
   *
   * @param userId the user
   * @param methodId one of the user's registered methods, not the password
   * @return this
   */
  public synchronized EntraTenant defaultMethod(String userId, String methodId) {
    EntraUser user = userWithId(userId);
    Objects.requireNonNull(methodId, "methodId == null");
    if (!methods.getOrDefault(user.id, Map.of()).containsKey(methodId)) {
      throw new IllegalArgumentException(
          "register method " + methodId + " for " + user.id + " before making it the default");
    }
    defaultMethods.put(user.id, methodId);
    return this;
  }

  /**
   * Makes the tenant one without PIM (no Microsoft Entra ID P2 or Governance license): reading role
   * eligibility answers {@code 400 AadPremiumLicenseRequired}, so it has no eligible roles.
   *
   * @return this
   */
  public synchronized EntraTenant withoutPim() {
    this.pimLicensed = false;
    return this;
  }

  /**
   * Sets the tenant's Temporary Access Pass policy; the default is enabled, 10 to 43,200 minutes,
   * 60 by default, one-time use only.
   *
   * @param minimumMinutes the shortest lifetime allowed (Graph's floor is 10)
   * @param maximumMinutes the longest (Graph's ceiling is 43,200, 30 days)
   * @param defaultMinutes the lifetime of a pass requested without one
   * @param oneTimeOnly whether every pass must be usable once; when false, a request may ask for a
   *     reusable pass
   * @return this
   */
  public synchronized EntraTenant temporaryAccessPassPolicy(
      int minimumMinutes, int maximumMinutes, int defaultMinutes, boolean oneTimeOnly) {
    if (minimumMinutes < 10
        || maximumMinutes > 43200
        || minimumMinutes > maximumMinutes
        || defaultMinutes < minimumMinutes
        || defaultMinutes > maximumMinutes) {
      throw new IllegalArgumentException(
          "need 10 <= minimum <= default <= maximum <= 43200 minutes: "
              + minimumMinutes
              + ", "
              + defaultMinutes
              + ", "
              + maximumMinutes);
    }
    this.tapMinimumMinutes = minimumMinutes;
    this.tapMaximumMinutes = maximumMinutes;
    this.tapDefaultMinutes = defaultMinutes;
    this.tapOneTimeOnly = oneTimeOnly;
    this.tapEnabled = true;
    return this;
  }

  /**
   * Turns the Temporary Access Pass method off in the tenant's policy: creating a pass answers 400.
   *
   * @return this
   */
  public synchronized EntraTenant temporaryAccessPassDisabled() {
    this.tapEnabled = false;
    return this;
  }

  /**
   * Precedes every page of every paged list with an empty page whose {@code @odata.nextLink} leads
   * to it, as Graph may answer (a client must follow the link, not stop at an empty page).
   *
   * @param on whether to interleave empty pages
   * @return this
   */
  public synchronized EntraTenant interleaveEmptyPages(boolean on) {
    this.emptyPages = on;
    return this;
  }

  // ------------------------------------------------------------------ state for assertions

  /**
   * Returns the password last set for a user through Graph.
   *
   * @param userId the user
   * @return the password, or empty when none was set through the simulator
   */
  public synchronized Optional<String> password(String userId) {
    return Optional.ofNullable(passwords.get(userWithId(userId).id));
  }

  /**
   * Returns whether the user must change their password at next sign-in (as the last password set
   * through Graph said).
   *
   * @param userId the user
   * @return whether a change is forced
   */
  public synchronized boolean mustChangePassword(String userId) {
    return mustChangePassword.contains(userWithId(userId).id);
  }

  /**
   * Returns a user's authentication methods as Graph lists them: the password first, then the
   * others in the order registered.
   *
   * @param userId the user
   * @return the methods
   */
  public synchronized List<AuthMethod> methods(String userId) {
    EntraUser user = userWithId(userId);
    List<AuthMethod> list = new ArrayList<>();
    list.add(AuthMethod.password());
    list.addAll(methods.getOrDefault(user.id, Map.of()).values());
    return List.copyOf(list);
  }

  /**
   * Returns a user's default MFA method.
   *
   * @param userId the user
   * @return its id, or empty when none is set (or it was deleted last)
   */
  public synchronized Optional<String> defaultMethod(String userId) {
    return Optional.ofNullable(defaultMethods.get(userWithId(userId).id));
  }

  /**
   * Returns the Temporary Access Pass last issued to a user through Graph, while the user still has
   * it.
   *
   * @param userId the user
   * @return the pass, or empty
   */
  public synchronized Optional<String> temporaryAccessPass(String userId) {
    return Optional.ofNullable(accessPasses.get(userWithId(userId).id));
  }

  /**
   * Returns the users whose sign-in sessions were revoked, in order (a user appears once per
   * revocation).
   *
   * @return the user ids
   */
  public synchronized List<String> sessionRevocations() {
    return List.copyOf(revocations);
  }

  /**
   * Returns the changes made through Graph, in order: {@code set_password <userId>}, {@code
   * delete_method <userId> <collection>/<methodId>}, {@code issue_tap <userId>}, {@code
   * revoke_sessions <userId>}.
   *
   * @return the changes
   */
  public synchronized List<String> changes() {
    return List.copyOf(changes);
  }

  /**
   * Returns the object ids of a group's transitive members, as Graph lists them under {@code
   * transitiveMembers}: nested groups and their members, and members of every type. A generated
   * group's members are not included.
   *
   * @param groupId the group
   * @return the member ids
   */
  public synchronized List<String> transitiveMemberIds(String groupId) {
    List<String> ids = new ArrayList<>();
    for (Object entry : transitiveMembers(groupWithId(groupId).id)) {
      if (entry instanceof String id) {
        ids.add(id);
      }
    }
    return List.copyOf(ids);
  }

  // ------------------------------------------------------------------ for the Graph endpoints

  EntraUser userWithId(String userId) {
    String key = Guids.require(userId, "userId");
    EntraUser user = users.get(key);
    if (user == null) {
      throw new IllegalArgumentException("no user " + key + " in the simulated tenant");
    }
    return user;
  }

  private Group groupWithId(String groupId) {
    String key = Guids.require(groupId, "groupId");
    Group group = groups.get(key);
    if (group == null) {
      throw new IllegalArgumentException("no group " + key + " in the simulated tenant");
    }
    return group;
  }

  /** A user by object id or userPrincipalName, or null. */
  @Nullable EntraUser lookup(String idOrUpn) {
    if (Guids.isGuid(idOrUpn)) {
      return users.get(idOrUpn.toLowerCase(Locale.ROOT));
    }
    for (EntraUser user : users.values()) {
      if (user.hasUpn(idOrUpn)) {
        return user;
      }
    }
    return null;
  }

  /** A generated group's members as one entry of a member list. */
  record Generated(Group group) {}

  /**
   * A group's transitive members in breadth-first order, each once: object ids, and a {@link
   * Generated} entry for each generated group met.
   */
  List<Object> transitiveMembers(String groupId) {
    List<Object> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<Group> queue = new ArrayDeque<>();
    Group start = groups.get(groupId);
    if (start == null) {
      return out;
    }
    queue.add(start);
    seen.add(start.id);
    while (!queue.isEmpty()) {
      Group group = queue.poll();
      if (group.generator != null) {
        out.add(new Generated(group));
      }
      for (String member : group.members) {
        if (seen.add(member)) {
          out.add(member);
          Group nested = groups.get(member);
          if (nested != null) {
            queue.add(nested);
          }
        }
      }
    }
    return out;
  }

  /** The ids of every group an object is in, directly or through nesting. */
  Set<String> transitiveGroupIds(String objectId) {
    Set<String> result = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(objectId);
    while (!queue.isEmpty()) {
      String current = queue.poll();
      for (Group group : groups.values()) {
        if (group.members.contains(current) && result.add(group.id)) {
          queue.add(group.id);
        }
      }
    }
    return result;
  }

  /** The roles a user holds actively at the tenant scope, directly or through a group. */
  Set<DirectoryRole> activeTenantRoles(String userId) {
    Set<String> principals = new HashSet<>(transitiveGroupIds(userId));
    principals.add(userId);
    Set<DirectoryRole> roles = new LinkedHashSet<>();
    for (RoleGrant grant : activeRoles) {
      if (grant.directoryScopeId().equals("/") && principals.contains(grant.principalId())) {
        roles.add(grant.role());
      }
    }
    return roles;
  }

  /** Whether a user holds any active role, at any scope, directly or through a group. */
  boolean holdsActiveRole(String userId) {
    Set<String> principals = new HashSet<>(transitiveGroupIds(userId));
    principals.add(userId);
    for (RoleGrant grant : activeRoles) {
      if (principals.contains(grant.principalId())) {
        return true;
      }
    }
    return false;
  }

  /** The JSON of a directory object, with its {@code @odata.type}, or null. */
  @Nullable Map<String, Object> objectJson(String id) {
    EntraUser user = users.get(id);
    if (user != null) {
      return userJson(user);
    }
    Group group = groups.get(id);
    if (group != null) {
      return group.json();
    }
    Map<String, Object> other = others.get(id);
    return other == null ? null : new LinkedHashMap<>(other);
  }

  static Map<String, Object> userJson(EntraUser user) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@odata.type", "#microsoft.graph.user");
    json.putAll(user.fullJson());
    return json;
  }
}
