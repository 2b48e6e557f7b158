package org.workforceiam.core;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a change would do, worked out without making it ({@link DryRuns}): the same checks as the
 * change passed (the user's id, the operation and its options, the group guard, and any refusal of
 * the provider's own, such as Microsoft Entra ID's of privileged users), and the requests that
 * would change something were worked out, in order, without sending them.
 *
 * <pre>{@code
 * DryRun plan = dryRuns.resetMfa(ada, MfaReset.allFactors());
 * plan.requests().forEach(r -> log.info("would send {} {}", r.method(), r.path()));
 * }</pre>
 *
 * <p>{@link #requests()} lists the requests that change something, not the reads a change makes
 * first (a membership check, a factor list); it is empty when the change would send none, as an MFA
 * reset of a user without factors. {@link #available()} says whether the provider currently offers
 * the operation for this user, where the provider says so (Okta, through the links on the user).
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
   * @param requests the requests that would change something, in order; may be empty
   * @param available whether the provider currently offers the operation for this user, or empty
   *     when it does not say
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

  /**
   * {@return the requests that would change something, in the order they would be sent; empty when
   * the change would send none}
   */
  public List<Request> requests() {
    return requests;
  }

  /**
   * {@return whether the provider currently offers the operation for this user, or empty when it
   * does not say: Okta says through the links on the user for some operations; Microsoft Entra ID
   * never says}
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
     *     /api/v1/users/00u1/lifecycle/reset_password?sendEmail=false&revokeSessions=false} or
     *     {@code /v1.0/users/87d349ed-44d7-43e1-9a83-5f2406dee5bd/revokeSignInSessions}
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
