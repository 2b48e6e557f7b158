package org.workforceiam.entra;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.http.AccessToken;

/**
 * The diagnostics behind {@link EntraClient#check(GroupId)}: what an admin checks after registering
 * the app. Never throws for what it finds.
 */
final class EntraConnectionChecker {
  /** A certificate expiring sooner than this is warned about. */
  static final Duration EXPIRY_WARNING = Duration.ofDays(30);

  private EntraConnectionChecker() {}

  static EntraConnectionCheck check(EntraConnection connection, GroupId group) {
    EntraConnectionCheck.Builder result =
        new EntraConnectionCheck.Builder(connection.tenant(), group);
    List<String> required = EntraClient.REQUIRED_PERMISSIONS;
    result.scopes(required, List.of(), List.of());
    Optional<Instant> expiresAt = connection.credential().certificateExpiresAt();
    result.certificateExpiresAt(expiresAt.orElse(null));
    expiresAt.ifPresent(at -> certificate(result, connection, at));

    AccessToken token;
    try {
      token = connection.tokens().get();
    } catch (IamException e) {
      return result.failure(e).build();
    }
    result.tokenType(token.scheme());
    Optional<List<String>> roles = TokenClaims.roles(token.value());
    List<String> granted = roles.orElse(List.of());
    List<String> missing = required.stream().filter(p -> !granted.contains(p)).toList();
    result.scopes(required, granted, missing);
    if (roles.isEmpty()) {
      result.problem(
          "the access token's roles claim could not be read, so the application permissions"
              + " granted are unknown; the token is not a JWT with a roles array");
    } else if (!missing.isEmpty()) {
      result.problem(
          "the app lacks the application permissions "
              + missing
              + " (granted: "
              + granted
              + "); add them on the app registration under API permissions > Microsoft Graph >"
              + " Application permissions, then grant admin consent");
    }

    EntraDirectory directory = connection.directory();
    try {
      directory.groupName(group);
      result.groupReadable(true);
      int count = directory.membersPage(group).items().size();
      result.firstPageCount(count);
      if (count == 0) {
        result.problem(
            "group "
                + group
                + " has no user members on its first page: a sync would report nobody and every"
                + " change would be refused; check that it is the group of all active employees");
      }
    } catch (IamException e) {
      result.failure(e);
    }
    return result.build();
  }

  private static void certificate(
      EntraConnectionCheck.Builder result, EntraConnection connection, Instant expiresAt) {
    Instant now = connection.clock().instant();
    String thumbprint = connection.credential().thumbprintSha1().orElse("?");
    if (!expiresAt.isAfter(now)) {
      result.problem(
          "the certificate "
              + thumbprint
              + " expired at "
              + expiresAt
              + "; make a new one (helpdesk keygen --provider entra), upload it to the app"
              + " registration and configure it");
    } else if (expiresAt.isBefore(now.plus(EXPIRY_WARNING))) {
      result.warning(
          "the certificate "
              + thumbprint
              + " expires at "
              + expiresAt
              + ", within "
              + EXPIRY_WARNING.toDays()
              + " days; make a new one, upload it to the app registration beside the old one, and"
              + " switch to it before then");
    }
  }
}
