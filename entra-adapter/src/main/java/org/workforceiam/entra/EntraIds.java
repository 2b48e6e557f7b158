package org.workforceiam.entra;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.UserId;
import org.workforceiam.http.PathTemplate;

/**
 * Checks of Microsoft Entra ID's identifier forms, made where the adapter receives a caller's value
 * and before any request, so that no value can leave its place in a request path.
 *
 * <ul>
 *   <li><b>Object ids</b> (users, groups) and application (client) ids are GUIDs, {@code
 *       8-4-4-4-12} hexadecimal digits (Graph's user and group resources: "id … the unique
 *       identifier"; every example is a GUID). Anything else is refused, so {@code .}, {@code ..},
 *       {@code %2e%2e}, {@code a/b} never reach a URL.
 *   <li><b>Authentication method ids</b> are GUIDs for most methods, but FIDO2 and Windows Hello
 *       for Business ids are base64url strings in Microsoft's examples; Graph documents no grammar
 *       (not verified beyond the examples), so a method id may be 1 to 128 characters of {@code A-Z
 *       a-z 0-9 - _ =}, which holds no dot and no slash.
 *   <li><b>userPrincipalName</b>s contain {@code @} and go into the path percent-encoded as one
 *       segment ({@code #EXT#} of a guest becomes {@code %23EXT%23}); a dot segment in any encoding
 *       is refused ({@link PathTemplate#requireSegment}), and so is one starting with {@code $},
 *       which Graph reads as a system segment unless written as {@code /users('$…')}. Microsoft's
 *       account restrictions limit a UPN to 113 characters (not verified here); we refuse only
 *       beyond {@value #MAX_UPN_LENGTH}.
 *   <li><b>Tenant ids</b> are a GUID or a verified domain name; {@code common}, {@code
 *       organizations} and {@code consumers} name no tenant and cannot get an app-only token.
 * </ul>
 */
final class EntraIds {
  /** The longest userPrincipalName accepted: Microsoft's 113, with room to spare. */
  static final int MAX_UPN_LENGTH = 256;

  /** The longest authentication method id accepted. */
  static final int MAX_METHOD_ID_LENGTH = 128;

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static final Pattern METHOD_ID = Pattern.compile("[A-Za-z0-9_=-]{1,128}");

  /** A DNS name of two or more labels: letters, digits and inner hyphens, at most 253. */
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

  private EntraIds() {}

  /**
   * Returns whether a value is a GUID, {@code 8-4-4-4-12} hexadecimal digits.
   *
   * @param value the value
   * @return whether it is one
   */
  static boolean isGuid(String value) {
    return value.length() == 36 && GUID.matcher(value).matches();
  }

  /**
   * Checks that a group id is an Entra object id.
   *
   * @param group the id
   * @return the id
   * @throws IllegalArgumentException naming the value and the expected form
   */
  static GroupId requireGroup(GroupId group) {
    Objects.requireNonNull(group, "group == null");
    if (!isGuid(group.value())) {
      throw new IllegalArgumentException(
          "the group id "
              + PathTemplate.quoted(group.value())
              + " is not an Entra object id: it is a GUID such as"
              + " 02bd9fd6-8f93-4758-87c3-1fb73740a315; copy the group's Object ID from its"
              + " Overview page in the Entra admin center");
    }
    return group;
  }

  /**
   * Checks that a user id is an Entra object id.
   *
   * @param user the id
   * @return the id
   * @throws IllegalArgumentException naming the value and the expected form
   */
  static UserId requireUser(UserId user) {
    Objects.requireNonNull(user, "user == null");
    if (!isGuid(user.value())) {
      throw new IllegalArgumentException(
          "user id "
              + PathTemplate.quoted(user.value())
              + " is not an Entra object id: it is a GUID such as"
              + " 87d349ed-44d7-43e1-9a83-5f2406dee5bd; to look a user up by userPrincipalName or"
              + " mail, use find");
    }
    return user;
  }

  /**
   * Checks that an authentication method id has a form Graph uses.
   *
   * @param method the id
   * @return the id
   * @throws IllegalArgumentException naming the value and the expected form
   */
  static FactorId requireMethod(FactorId method) {
    Objects.requireNonNull(method, "method == null");
    if (!METHOD_ID.matcher(method.value()).matches()) {
      throw new IllegalArgumentException(
          "authentication method id "
              + PathTemplate.quoted(method.value())
              + " is not an Entra authentication method id: 1 to "
              + MAX_METHOD_ID_LENGTH
              + " letters, digits, '-', '_' or '=', such as"
              + " 3179e48a-750b-4051-897c-87b9720928f7; list the user's factors to find it");
    }
    return method;
  }

  /**
   * Checks a userPrincipalName that goes into a request path.
   *
   * @param value the value, stripped of surrounding white space
   * @param name what it is, for the message
   * @return the value
   * @throws IllegalArgumentException naming the value and the rule
   */
  static String requireUpn(String value, String name) {
    PathTemplate.requireSegment(value, name);
    if (value.codePointCount(0, value.length()) > MAX_UPN_LENGTH) {
      throw new IllegalArgumentException(
          name
              + " "
              + PathTemplate.quoted(value)
              + " is longer than "
              + MAX_UPN_LENGTH
              + " characters; a userPrincipalName is at most 113");
    }
    int at = value.indexOf('@');
    if (at <= 0 || at == value.length() - 1) {
      throw new IllegalArgumentException(
          name
              + " "
              + PathTemplate.quoted(value)
              + " is not a userPrincipalName: it has the form name@domain, such as"
              + " ada@contoso.com (a guest's is ada_example.com#EXT#@contoso.onmicrosoft.com)");
    }
    if (value.startsWith("$")) {
      throw new IllegalArgumentException(
          name
              + " "
              + PathTemplate.quoted(value)
              + " starts with '$', which Graph reads as a system segment; look the user up by"
              + " object id instead");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i)) || Character.isWhitespace(value.charAt(i))) {
        throw new IllegalArgumentException(
            name
                + " "
                + PathTemplate.quoted(value)
                + " contains white space or a control character, which no userPrincipalName has");
      }
    }
    return value;
  }

  /**
   * Checks and normalises a tenant id: a GUID or a verified domain, in lower case.
   *
   * @param value what the user configured
   * @return the tenant, in lower case
   * @throws IamException.InvalidConfiguration naming the value and the expected forms
   */
  static String requireTenant(String value) {
    String tenant = value.strip().toLowerCase(Locale.ROOT);
    if (tenant.equals("common") || tenant.equals("organizations") || tenant.equals("consumers")) {
      throw invalid(
          "the tenant id '"
              + tenant
              + "' names no tenant, and an app can get a token of its own only from its tenant;"
              + " give the Directory (tenant) ID, a GUID from the app registration's Overview, or a"
              + " verified domain such as contoso.onmicrosoft.com");
    }
    if (isGuid(tenant) || DOMAIN.matcher(tenant).matches()) {
      return tenant;
    }
    throw invalid(
        "the tenant id "
            + PathTemplate.quoted(value)
            + " is neither a GUID nor a domain name; give the Directory (tenant) ID from the app"
            + " registration's Overview, such as 72f988bf-86f1-41af-91ab-2d7cd011db47, or a"
            + " verified domain such as contoso.onmicrosoft.com");
  }

  /**
   * Checks and normalises an application (client) id: a GUID, in lower case.
   *
   * @param value what the user configured
   * @return the client id, in lower case
   * @throws IamException.InvalidConfiguration naming the value and the expected form
   */
  static String requireClientId(String value) {
    String client = value.strip().toLowerCase(Locale.ROOT);
    if (!isGuid(client)) {
      throw invalid(
          "the client id "
              + PathTemplate.quoted(value)
              + " is not a GUID; give the Application (client) ID from the app registration's"
              + " Overview, such as 6731de76-14a6-49ae-97bc-6eba6914391e");
    }
    return client;
  }

  private static IamException.InvalidConfiguration invalid(String message) {
    return new IamException.InvalidConfiguration(message, ErrorDetails.none());
  }
}
