package org.workforceiam.okta;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.UserId;

/**
 * What a change would do, worked out without making it: the user was resolved, the group guard and
 * the capability check passed, and Okta was asked whether it currently offers the operation for
 * this user.
 */
public final class DryRun {
  private final UserId user;
  private final Operation operation;
  private final Set<OperationOption> options;
  private final List<Request> requests;
  private final Optional<Boolean> available;

  private DryRun(
      UserId user,
      Operation operation,
      Set<OperationOption> options,
      List<Request> requests,
      Optional<Boolean> available) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(operation, "operation == null");
    options = Collections.unmodifiableSet(new TreeSet<>(options));
    requests = List.copyOf(requests);
    Objects.requireNonNull(available, "available == null");
    this.user = user;
    this.operation = operation;
    this.options = options;
    this.requests = requests;
    this.available = available;
  }

  /**
   * Creates the value; for providers and tests (callers receive it).
   *
   * @param user the user
   * @param operation the operation
   * @param options its options
   * @param requests the exact requests it would send, in order
   * @param available whether Okta currently offers the operation for this user (from the links on
   *     the user), or empty when Okta does not say for this operation
   * @return the value
   */
  public static DryRun of(
      UserId user,
      Operation operation,
      Set<OperationOption> options,
      List<Request> requests,
      Optional<Boolean> available) {
    return new DryRun(user, operation, options, requests, available);
  }

  /** {@return the user} */
  public UserId user() {
    return user;
  }

  /** {@return the operation} */
  public Operation operation() {
    return operation;
  }

  /** {@return its options} */
  public Set<OperationOption> options() {
    return options;
  }

  /** {@return the exact requests it would send, in order} */
  public List<Request> requests() {
    return requests;
  }

  /**
   * {@return whether Okta currently offers the operation for this user (from the links on the
   * user), or empty when Okta does not say for this operation}
   */
  public Optional<Boolean> available() {
    return available;
  }

  /** One request a change would send. */
  public static final class Request {
    private final String method;
    private final String path;

    private Request(String method, String path) {
      Objects.requireNonNull(method, "method == null");
      Objects.requireNonNull(path, "path == null");
      this.method = method;
      this.path = path;
    }

    /**
     * Creates the value; for providers and tests (callers receive it).
     *
     * @param method the HTTP method
     * @param path the path with its query, such as {@code
     *     /api/v1/users/00u1/lifecycle/reset_password?sendEmail=false&revokeSessions=false}
     * @return the value
     */
    public static Request of(String method, String path) {
      return new Request(method, path);
    }

    /** {@return the HTTP method} */
    public String method() {
      return method;
    }

    /** {@return the path with its query} */
    public String path() {
      return path;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (o == this) {
        return true;
      }
      if (!(o instanceof Request that)) {
        return false;
      }
      return method.equals(that.method) && path.equals(that.path);
    }

    @Override
    public int hashCode() {
      return Objects.hash(method, path);
    }

    @Override
    public String toString() {
      return "Request[" + "method=" + method + ", " + "path=" + path + "]";
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof DryRun that)) {
      return false;
    }
    return user.equals(that.user)
        && operation.equals(that.operation)
        && options.equals(that.options)
        && requests.equals(that.requests)
        && available.equals(that.available);
  }

  @Override
  public int hashCode() {
    return Objects.hash(user, operation, options, requests, available);
  }

  @Override
  public String toString() {
    return "DryRun["
        + "user="
        + user
        + ", "
        + "operation="
        + operation
        + ", "
        + "options="
        + options
        + ", "
        + "requests="
        + requests
        + ", "
        + "available="
        + available
        + "]";
  }
}
