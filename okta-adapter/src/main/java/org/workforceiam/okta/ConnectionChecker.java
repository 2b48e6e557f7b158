package org.workforceiam.okta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.http.AccessToken;

/** The diagnostics behind {@link OktaClient#check(GroupId)}: what an admin checks after set-up. */
final class ConnectionChecker {
  private ConnectionChecker() {}

  static ConnectionCheck check(OktaConnection connection, OktaDirectory directory, GroupId group) {
    List<IamException> problems = new ArrayList<>();
    List<String> requested = connection.requestedScopes();
    String org = connection.orgUrl().toString().replaceAll("/$", "");
    AccessToken token;
    try {
      token = connection.tokens().get();
    } catch (IamException e) {
      problems.add(e);
      return ConnectionCheck.of(
          org,
          Optional.empty(),
          requested,
          List.of(),
          Optional.of(group),
          false,
          OptionalInt.empty(),
          problems);
    }
    List<String> granted = List.copyOf(token.grantedScopes());
    List<String> missing = requested.stream().filter(s -> !granted.contains(s)).toList();
    if (!missing.isEmpty()) {
      problems.add(
          new IamException.PermissionDenied(
              IamException.PermissionDenied.Reason.MISSING_GRANT,
              "Okta granted "
                  + granted
                  + " but not "
                  + missing
                  + "; grant them to the app in the Admin Console under its Okta API Scopes",
              ErrorDetails.none()));
    }
    boolean readable = false;
    OptionalInt firstPage = OptionalInt.empty();
    try {
      directory.groupName(group);
      readable = true;
      int count = directory.membersPage(group).items().size();
      firstPage = OptionalInt.of(count);
      if (count == 0) {
        problems.add(
            new IamException.InvalidConfiguration(
                "group "
                    + group
                    + " has no members: a sync would report nobody and every change would be"
                    + " refused; check that it is the group of all active employees, and that the"
                    + " app's Help Desk Administrator role is scoped to it",
                ErrorDetails.none()));
      }
    } catch (IamException e) {
      problems.add(e);
    }
    return ConnectionCheck.of(
        org,
        Optional.of(token.scheme()),
        requested,
        granted,
        Optional.of(group),
        readable,
        firstPage,
        problems);
  }
}
