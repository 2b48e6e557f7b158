package org.workforceiam.entra;

import com.squareup.moshi.JsonReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;
import org.workforceiam.http.PathTemplate;

/**
 * Refuses every change to a user who holds a Microsoft Entra directory role, active or eligible,
 * directly or through a role-assignable group, at the tenant or at an administrative unit: {@link
 * IamException.PermissionDenied} with {@link IamException.PermissionDenied.Reason#PRIVILEGED_USER},
 * naming the roles, before any write.
 *
 * <p><b>Why the SDK refuses, not Graph.</b> Microsoft documents admin-role requirements for the
 * authentication-methods APIs only for delegated access; with the application permission {@code
 * UserAuthenticationMethod.ReadWrite.All} an app deletes the methods of, and issues a Temporary
 * Access Pass to, any user of the tenant, a Global Administrator included (GRAPH-NOTES, "Who may be
 * touched"). A stolen key of this app could otherwise take over the tenant: delete an admin's MFA,
 * issue them a pass, sign in as them. The group guard is not enough, since admins are usually
 * employees too. (Setting a password app-only does need a directory role for the app, and a
 * privileged one for admins; the check covers passwords as well, so every change has one rule.)
 *
 * <p><b>The reads</b>, all {@code GET}s, each paged by {@code @odata.nextLink} ({@link
 * GraphCollections}), stopping at the first that finds a role:
 *
 * <ol>
 *   <li>{@code /v1.0/users/{id}/transitiveMemberOf/microsoft.graph.directoryRole} (User.Read.All):
 *       the roles the user holds actively at the tenant, also through role-assignable groups;
 *   <li>{@code /v1.0/users/{id}/transitiveMemberOf/microsoft.graph.group?$select=id,
 *       isAssignableToRole}: the user's role-assignable groups, whose roles the user holds;
 *   <li>{@code /v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '{id}'}
 *       (RoleManagement.Read.Directory), for the user and each of those groups: active roles at any
 *       scope, administrative units included, which the first read does not list;
 *   <li>{@code /v1.0/roleManagement/directory/roleEligibilitySchedules?$filter=principalId eq
 *       '{id}'}, for the user and each of those groups (an eligibility given to a group names the
 *       group): roles the user may activate through PIM at any time.
 * </ol>
 *
 * <p><b>Fails closed.</b> A 403 on any read refuses the change ({@code PermissionDenied}, {@code
 * MISSING_GRANT}: grant the permission); any other failure (throttling, an outage, an answer that
 * breaks the protocol) ends the change with that error, before any write. The one exception: a
 * tenant without Microsoft Entra ID P2 or Governance has no PIM and answers the eligibility read
 * with {@code 400 AadPremiumLicenseRequired}; it has no eligible roles. Items of a role listing for
 * another principal than the one asked for are not counted (the listing was filtered by Graph);
 * items without a principal are.
 *
 * <p>An interceptor, so the reset service and its dry runs share it. Thread-safe.
 */
final class PrivilegedUserGuard implements ResetService.Interceptor {
  /** The code of Graph's answer to a PIM read in a tenant without PIM. */
  static final String NO_PIM = "AadPremiumLicenseRequired";

  private static final JsonReader.Options ROLE_FIELDS =
      JsonReader.Options.of("id", "displayName", "roleTemplateId");
  private static final JsonReader.Options GROUP_FIELDS =
      JsonReader.Options.of("@odata.type", "id", "isAssignableToRole");
  private static final JsonReader.Options GRANT_FIELDS =
      JsonReader.Options.of("id", "principalId", "roleDefinitionId", "directoryScopeId");

  /**
   * Names of some built-in roles by template id, for messages only (Microsoft's "Microsoft Entra
   * built-in roles" reference; each id is the same in every tenant). Other roles are named by id.
   */
  static final Map<String, String> ROLE_NAMES =
      Map.of(
          "62e90394-69f5-4237-9190-012177145e10", "Global Administrator",
          "e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator",
          "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator",
          "c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator",
          "fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator",
          "729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator",
          "966707d0-3269-4727-9be2-8c3a10f19b9d", "Password Administrator",
          "194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator",
          "f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader",
          "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers");

  private final HttpUrl graphUrl;
  private final GraphCollections lists;

  PrivilegedUserGuard(HttpUrl graphUrl, GraphApi graph) {
    this.graphUrl = graphUrl;
    this.lists = new GraphCollections(graphUrl, graph);
  }

  @Override
  public <T> T intercept(ResetService.Change change, Supplier<T> proceed) {
    check(change.user());
    return proceed.get();
  }

  /**
   * Refuses a user holding any directory role.
   *
   * @param user the user, an object id
   * @throws IamException.PermissionDenied {@code PRIVILEGED_USER} naming the roles, or {@code
   *     MISSING_GRANT} when they cannot be read
   */
  void check(UserId user) {
    String id = EntraIds.requireUser(user).value();
    Set<String> active = new LinkedHashSet<>();
    for (Map<String, String> role :
        read(
            activeRolesUrl(id),
            GraphPaths.USER_DIRECTORY_ROLES,
            new String[] {id},
            "the directory roles of user " + user,
            ROLE_FIELDS)) {
      String name = role.get("displayName");
      String template = role.get("roleTemplateId");
      active.add(
          name != null ? clean(name) : template != null ? roleName(template) : "(unnamed role)");
    }
    if (!active.isEmpty()) {
      throw refuse(user, "holds the directory role " + String.join(", ", active) + " (active)");
    }
    List<String> groups = new ArrayList<>();
    for (Map<String, String> group :
        read(
            groupsUrl(id),
            GraphPaths.USER_GROUPS,
            new String[] {id},
            "the groups of user " + user,
            GROUP_FIELDS)) {
      String type = group.get("@odata.type");
      boolean isGroup = type == null || type.equals("#microsoft.graph.group");
      if (isGroup && "true".equals(group.get("isAssignableToRole")) && group.get("id") != null) {
        groups.add(group.get("id"));
      }
    }
    List<String> principals = new ArrayList<>();
    principals.add(id);
    for (String group : groups) {
      if (!EntraIds.isGuid(group)) {
        throw new IamException.ProtocolViolation(
            "Microsoft Graph listed a group of user " + user + " whose id is not a GUID",
            ErrorDetails.none());
      }
      principals.add(group);
    }
    for (String principal : principals) {
      List<String> roles =
          grants(
              GraphPaths.ROLE_ASSIGNMENTS,
              principal,
              "the role assignments of " + of(principal, id));
      if (!roles.isEmpty()) {
        throw refuse(
            user, "holds the directory role " + String.join(", ", roles) + through(principal, id));
      }
    }
    for (String principal : principals) {
      List<String> roles;
      try {
        roles =
            grants(
                GraphPaths.ROLE_ELIGIBILITY_SCHEDULES,
                principal,
                "the eligible roles of " + of(principal, id));
      } catch (IamException.OperationNotSupported e) {
        if (e.errorCode().filter(NO_PIM::equals).isPresent()) {
          return; // no PIM in this tenant: no eligible roles, for the groups either
        }
        throw e;
      }
      if (!roles.isEmpty()) {
        throw refuse(
            user,
            "is eligible for the directory role "
                + String.join(", ", roles)
                + " through Privileged Identity Management"
                + through(principal, id));
      }
    }
  }

  private List<String> grants(PathTemplate template, String principal, String listing) {
    HttpUrl url =
        template
            .url(graphUrl)
            .newBuilder()
            .addEncodedQueryParameter(
                "$filter", PathTemplate.percentEncoded("principalId eq '" + principal + "'"))
            .addEncodedQueryParameter("$select", "id,principalId,roleDefinitionId,directoryScopeId")
            .build();
    List<String> roles = new ArrayList<>();
    for (Map<String, String> grant : read(url, template, new String[0], listing, GRANT_FIELDS)) {
      String holder = grant.get("principalId");
      if (holder != null && !holder.equalsIgnoreCase(principal)) {
        continue; // another principal's: not this one's role
      }
      String scope = grant.getOrDefault("directoryScopeId", "/");
      roles.add(
          roleName(grant.getOrDefault("roleDefinitionId", "(unnamed role)"))
              + (scope.equals("/") ? "" : " at scope " + clean(scope)));
    }
    return roles;
  }

  private List<Map<String, String>> read(
      HttpUrl first,
      PathTemplate template,
      String[] values,
      String listing,
      JsonReader.Options fields) {
    try {
      return lists.readAll(
          first, template, values, listing, reader -> GraphJson.scalars(reader, fields));
    } catch (IamException.PermissionDenied e) {
      throw new IamException.PermissionDenied(
          IamException.PermissionDenied.Reason.MISSING_GRANT,
          "cannot read "
              + listing
              + ", so the change is refused: this client changes no user whose directory roles it"
              + " cannot check (it fails closed). Grant the app the application permissions"
              + " RoleManagement.Read.Directory and User.Read.All with admin consent; nothing was"
              + " changed ("
              + e.summary()
              + ")",
          e.details(),
          e);
    }
  }

  private HttpUrl activeRolesUrl(String id) {
    return GraphPaths.USER_DIRECTORY_ROLES
        .url(graphUrl, id)
        .newBuilder()
        .addEncodedQueryParameter("$select", "id,displayName,roleTemplateId")
        .build();
  }

  private HttpUrl groupsUrl(String id) {
    return GraphPaths.USER_GROUPS
        .url(graphUrl, id)
        .newBuilder()
        .addEncodedQueryParameter("$select", "id,isAssignableToRole")
        .build();
  }

  static String roleName(String templateId) {
    String name = ROLE_NAMES.get(templateId.toLowerCase(java.util.Locale.ROOT));
    return name != null ? name : "role " + PathTemplate.quoted(templateId);
  }

  /** Graph's text for a message: control characters out, at most 100 characters. */
  private static String clean(String text) {
    String kept =
        text.codePoints()
            .filter(c -> !Character.isISOControl(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return kept.length() > 100 ? kept.substring(0, 100) + "…" : kept;
  }

  private static String of(String principal, String user) {
    return principal.equals(user) ? "user " + user : "role-assignable group " + principal;
  }

  private static String through(String principal, String user) {
    return principal.equals(user) ? "" : " through the role-assignable group " + principal;
  }

  private static IamException.PermissionDenied refuse(UserId user, String why) {
    return new IamException.PermissionDenied(
        IamException.PermissionDenied.Reason.PRIVILEGED_USER,
        "user "
            + user
            + " "
            + why
            + "; this client changes no user who holds a directory role, since its application"
            + " permissions reach every user of the tenant: an administrator changes such a user"
            + " in the Entra admin center; nothing was changed",
        ErrorDetails.none());
  }

  @Override
  public String toString() {
    return "PrivilegedUserGuard";
  }
}
