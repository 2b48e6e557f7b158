package org.workforceiam.okta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.UserId;

/**
 * What a change would do, worked out without making it: the user was resolved, the group guard and
 * the capability check passed, and Okta was asked whether it currently offers the operation for
 * this user.
 *
 * @param user the user
 * @param operation the operation
 * @param options its options
 * @param requests the exact requests it would send, in order
 * @param available whether Okta currently offers the operation for this user (from the links on the
 *     user), or empty when Okta does not say for this operation
 */
public record DryRun(
    UserId user,
    Operation operation,
    Set<OperationOption> options,
    List<Request> requests,
    Optional<Boolean> available) {

  /**
   * Validates the values.
   *
   * @param user the user
   * @param operation the operation
   * @param options its options
   * @param requests the exact requests it would send, in order
   * @param available whether Okta currently offers the operation for this user (from the links on
   *     the user), or empty when Okta does not say for this operation
   */
  public DryRun {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(operation, "operation == null");
    options = Set.copyOf(options);
    requests = List.copyOf(requests);
    Objects.requireNonNull(available, "available == null");
  }

  /**
   * One request a change would send.
   *
   * @param method the HTTP method
   * @param path the path with its query, such as {@code
   *     /api/v1/users/00u1/lifecycle/reset_password?sendEmail=false&revokeSessions=false}
   */
  public record Request(String method, String path) {

    /**
     * Validates the values.
     *
     * @param method the HTTP method
     * @param path the path with its query
     */
    public Request {
      Objects.requireNonNull(method, "method == null");
      Objects.requireNonNull(path, "path == null");
    }
  }
}
