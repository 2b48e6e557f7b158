package org.workforceiam.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What a {@link ResetService} operation did. */
public sealed interface ResetResult
    permits ResetResult.Password,
        ResetResult.Mfa,
        ResetResult.Unlock,
        ResetResult.Sessions,
        ResetResult.AccessPass {

  /**
   * Returns the user the operation changed.
   *
   * @return the user's id
   */
  UserId user();

  /**
   * Returns the operation performed.
   *
   * @return the operation
   */
  Operation operation();

  /**
   * Returns the provider's id of the request that made the change, to find it in the provider's
   * audit log.
   *
   * @return the request id, when the provider sent one
   */
  Optional<String> requestId();

  /**
   * The outcome of a password reset. The reset link and temporary password are {@link Secret}s:
   * {@link #toString()} never shows them.
   */
  public static final class Password implements ResetResult {
    private final UserId user;
    private final Operation operation;
    private final Optional<Secret> resetLink;
    private final boolean emailSent;
    private final Optional<Secret> temporaryPassword;
    private final boolean sessionsRevoked;
    private final Optional<String> requestId;

    private Password(
        UserId user,
        Operation operation,
        Optional<Secret> resetLink,
        boolean emailSent,
        Optional<Secret> temporaryPassword,
        boolean sessionsRevoked,
        Optional<String> requestId) {
      Objects.requireNonNull(user, "user == null");
      Objects.requireNonNull(operation, "operation == null");
      Objects.requireNonNull(resetLink, "resetLink == null");
      Objects.requireNonNull(temporaryPassword, "temporaryPassword == null");
      Objects.requireNonNull(requestId, "requestId == null");
      if (operation != Operation.RESET_PASSWORD_LINK
          && operation != Operation.SET_TEMPORARY_PASSWORD
          && operation != Operation.EXPIRE_PASSWORD) {
        throw new IllegalArgumentException("not a password operation: " + operation);
      }
      this.user = user;
      this.operation = operation;
      this.resetLink = resetLink;
      this.emailSent = emailSent;
      this.temporaryPassword = temporaryPassword;
      this.sessionsRevoked = sessionsRevoked;
      this.requestId = requestId;
    }

    /**
     * Creates the value; for providers and tests (callers receive it).
     *
     * @param user the user whose password was reset
     * @param operation the operation performed
     * @param resetLink the one-time reset link, when it was returned rather than emailed
     * @param emailSent whether the provider emailed the link to the user
     * @param temporaryPassword the temporary password, shown once
     * @param sessionsRevoked whether the user's sessions were ended too
     * @param requestId the provider's request id, when it sent one
     * @return the value
     */
    public static Password of(
        UserId user,
        Operation operation,
        Optional<Secret> resetLink,
        boolean emailSent,
        Optional<Secret> temporaryPassword,
        boolean sessionsRevoked,
        Optional<String> requestId) {
      return new Password(
          user, operation, resetLink, emailSent, temporaryPassword, sessionsRevoked, requestId);
    }

    /** {@return the user whose password was reset} */
    @Override
    public UserId user() {
      return user;
    }

    /** {@return the operation performed} */
    @Override
    public Operation operation() {
      return operation;
    }

    /** {@return the one-time reset link, when it was returned rather than emailed} */
    public Optional<Secret> resetLink() {
      return resetLink;
    }

    /** {@return whether the provider emailed the link to the user} */
    public boolean emailSent() {
      return emailSent;
    }

    /** {@return the temporary password, shown once} */
    public Optional<Secret> temporaryPassword() {
      return temporaryPassword;
    }

    /** {@return whether the user's sessions were ended too} */
    public boolean sessionsRevoked() {
      return sessionsRevoked;
    }

    /** {@return the provider's request id, when it sent one} */
    @Override
    public Optional<String> requestId() {
      return requestId;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (o == this) {
        return true;
      }
      if (!(o instanceof Password that)) {
        return false;
      }
      return user.equals(that.user)
          && operation.equals(that.operation)
          && resetLink.equals(that.resetLink)
          && emailSent == that.emailSent
          && temporaryPassword.equals(that.temporaryPassword)
          && sessionsRevoked == that.sessionsRevoked
          && requestId.equals(that.requestId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          user, operation, resetLink, emailSent, temporaryPassword, sessionsRevoked, requestId);
    }

    @Override
    public String toString() {
      return "Password["
          + "user="
          + user
          + ", "
          + "operation="
          + operation
          + ", "
          + "resetLink="
          + resetLink
          + ", "
          + "emailSent="
          + emailSent
          + ", "
          + "temporaryPassword="
          + temporaryPassword
          + ", "
          + "sessionsRevoked="
          + sessionsRevoked
          + ", "
          + "requestId="
          + requestId
          + "]";
    }
  }

  /** The outcome of an MFA reset. */
  public static final class Mfa implements ResetResult {
    private final UserId user;
    private final Operation operation;
    private final List<FactorId> factorsReset;
    private final Optional<String> requestId;

    private Mfa(
        UserId user, Operation operation, List<FactorId> factorsReset, Optional<String> requestId) {
      Objects.requireNonNull(user, "user == null");
      Objects.requireNonNull(operation, "operation == null");
      factorsReset = List.copyOf(Objects.requireNonNull(factorsReset, "factorsReset == null"));
      Objects.requireNonNull(requestId, "requestId == null");
      if (operation != Operation.RESET_ALL_FACTORS && operation != Operation.RESET_FACTOR) {
        throw new IllegalArgumentException("not an MFA operation: " + operation);
      }
      this.user = user;
      this.operation = operation;
      this.factorsReset = factorsReset;
      this.requestId = requestId;
    }

    /**
     * Creates the value; for providers and tests (callers receive it).
     *
     * @param user the user whose factors were reset
     * @param operation {@link Operation#RESET_ALL_FACTORS} or {@link Operation#RESET_FACTOR}
     * @param factorsReset the factors removed, as far as the provider let the client see them
     * @param requestId the provider's request id, when it sent one
     * @return the value
     */
    public static Mfa of(
        UserId user, Operation operation, List<FactorId> factorsReset, Optional<String> requestId) {
      return new Mfa(user, operation, factorsReset, requestId);
    }

    /** {@return the user whose factors were reset} */
    @Override
    public UserId user() {
      return user;
    }

    /** {@return {@link Operation#RESET_ALL_FACTORS} or {@link Operation#RESET_FACTOR}} */
    @Override
    public Operation operation() {
      return operation;
    }

    /** {@return the factors removed, as far as the provider let the client see them} */
    public List<FactorId> factorsReset() {
      return factorsReset;
    }

    /** {@return the provider's request id, when it sent one} */
    @Override
    public Optional<String> requestId() {
      return requestId;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (o == this) {
        return true;
      }
      if (!(o instanceof Mfa that)) {
        return false;
      }
      return user.equals(that.user)
          && operation.equals(that.operation)
          && factorsReset.equals(that.factorsReset)
          && requestId.equals(that.requestId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(user, operation, factorsReset, requestId);
    }

    @Override
    public String toString() {
      return "Mfa["
          + "user="
          + user
          + ", "
          + "operation="
          + operation
          + ", "
          + "factorsReset="
          + factorsReset
          + ", "
          + "requestId="
          + requestId
          + "]";
    }
  }

  /** The outcome of an unlock. */
  public static final class Unlock implements ResetResult {
    private final UserId user;
    private final EmployeeStatus status;
    private final Optional<String> requestId;

    private Unlock(UserId user, EmployeeStatus status, Optional<String> requestId) {
      Objects.requireNonNull(user, "user == null");
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(requestId, "requestId == null");
      this.user = user;
      this.status = status;
      this.requestId = requestId;
    }

    /**
     * Creates the value; for providers and tests (callers receive it).
     *
     * @param user the user unlocked
     * @param status the user's status afterwards
     * @param requestId the provider's request id, when it sent one
     * @return the value
     */
    public static Unlock of(UserId user, EmployeeStatus status, Optional<String> requestId) {
      return new Unlock(user, status, requestId);
    }

    /** {@return the user unlocked} */
    @Override
    public UserId user() {
      return user;
    }

    /** {@return the user's status afterwards} */
    public EmployeeStatus status() {
      return status;
    }

    /** {@return the provider's request id, when it sent one} */
    @Override
    public Optional<String> requestId() {
      return requestId;
    }

    /** {@return {@link Operation#UNLOCK}} */
    @Override
    public Operation operation() {
      return Operation.UNLOCK;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (o == this) {
        return true;
      }
      if (!(o instanceof Unlock that)) {
        return false;
      }
      return user.equals(that.user)
          && status.equals(that.status)
          && requestId.equals(that.requestId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(user, status, requestId);
    }

    @Override
    public String toString() {
      return "Unlock["
          + "user="
          + user
          + ", "
          + "status="
          + status
          + ", "
          + "requestId="
          + requestId
          + "]";
    }
  }

  /** The outcome of ending a user's sessions. */
  public static final class Sessions implements ResetResult {
    private final UserId user;
    private final Set<OperationOption> options;
    private final Optional<String> requestId;

    private Sessions(UserId user, Set<OperationOption> options, Optional<String> requestId) {
      Objects.requireNonNull(user, "user == null");
      Objects.requireNonNull(options, "options == null");
      Objects.requireNonNull(requestId, "requestId == null");
      this.user = user;
      this.options = OperationOption.sortedCopy(options);
      this.requestId = requestId;
    }

    /**
     * Creates the value; for providers and tests (callers receive it).
     *
     * @param user the user whose sessions ended
     * @param options the options applied, such as {@link OperationOption#REVOKE_OAUTH_TOKENS} or a
     *     provider's own; those asked for, and any the provider always applies
     * @param requestId the provider's request id, when it sent one
     * @return the value
     */
    public static Sessions of(
        UserId user, Set<OperationOption> options, Optional<String> requestId) {
      return new Sessions(user, options, requestId);
    }

    /** {@return the user whose sessions ended} */
    @Override
    public UserId user() {
      return user;
    }

    /**
     * {@return the options applied: those asked for, and any the provider always applies} For
     * example {@code okta:FORGET_DEVICES} when Okta forgot the user's remembered devices too.
     */
    public Set<OperationOption> options() {
      return options;
    }

    /**
     * {@return whether OAuth and OpenID Connect tokens were revoked too: whether {@link #options()}
     * holds {@link OperationOption#REVOKE_OAUTH_TOKENS}}
     */
    public boolean oauthTokensRevoked() {
      return options.contains(OperationOption.REVOKE_OAUTH_TOKENS);
    }

    /** {@return the provider's request id, when it sent one} */
    @Override
    public Optional<String> requestId() {
      return requestId;
    }

    /** {@return {@link Operation#REVOKE_SESSIONS}} */
    @Override
    public Operation operation() {
      return Operation.REVOKE_SESSIONS;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (o == this) {
        return true;
      }
      if (!(o instanceof Sessions that)) {
        return false;
      }
      return user.equals(that.user)
          && options.equals(that.options)
          && requestId.equals(that.requestId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(user, options, requestId);
    }

    @Override
    public String toString() {
      return "Sessions["
          + "user="
          + user
          + ", "
          + "options="
          + options
          + ", "
          + "requestId="
          + requestId
          + "]";
    }
  }

  /**
   * The outcome of issuing a Temporary Access Pass. The pass is a {@link Secret}: {@link
   * #toString()} never shows it.
   */
  public static final class AccessPass implements ResetResult {
    private final UserId user;
    private final Secret pass;
    private final Duration lifetime;
    private final boolean usableOnce;
    private final Optional<Instant> startsAt;
    private final Optional<String> requestId;

    private AccessPass(
        UserId user,
        Secret pass,
        Duration lifetime,
        boolean usableOnce,
        Optional<Instant> startsAt,
        Optional<String> requestId) {
      Objects.requireNonNull(user, "user == null");
      Objects.requireNonNull(pass, "pass == null");
      Objects.requireNonNull(lifetime, "lifetime == null");
      Objects.requireNonNull(startsAt, "startsAt == null");
      Objects.requireNonNull(requestId, "requestId == null");
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
      }
      this.user = user;
      this.pass = pass;
      this.lifetime = lifetime;
      this.usableOnce = usableOnce;
      this.startsAt = startsAt;
      this.requestId = requestId;
    }

    /**
     * Creates the value; for providers and tests (callers receive it).
     *
     * @param user the user the pass was issued to
     * @param pass the pass, shown once
     * @param lifetime how long it is valid, as the provider set it
     * @param usableOnce whether it is good for one sign-in only, as the provider set it
     * @param startsAt when it becomes valid, when the provider says
     * @param requestId the provider's request id, when it sent one
     * @return the value
     */
    public static AccessPass of(
        UserId user,
        Secret pass,
        Duration lifetime,
        boolean usableOnce,
        Optional<Instant> startsAt,
        Optional<String> requestId) {
      return new AccessPass(user, pass, lifetime, usableOnce, startsAt, requestId);
    }

    /** {@return the user the pass was issued to} */
    @Override
    public UserId user() {
      return user;
    }

    /** {@return {@link Operation#ISSUE_TEMPORARY_ACCESS_PASS}} */
    @Override
    public Operation operation() {
      return Operation.ISSUE_TEMPORARY_ACCESS_PASS;
    }

    /** {@return the pass, shown once: hand it to the verified employee and nowhere else} */
    public Secret pass() {
      return pass;
    }

    /** {@return how long the pass is valid, as the provider set it} */
    public Duration lifetime() {
      return lifetime;
    }

    /** {@return whether the pass is good for one sign-in only, as the provider set it} */
    public boolean usableOnce() {
      return usableOnce;
    }

    /** {@return when the pass becomes valid, when the provider says} */
    public Optional<Instant> startsAt() {
      return startsAt;
    }

    /** {@return the provider's request id, when it sent one} */
    @Override
    public Optional<String> requestId() {
      return requestId;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (o == this) {
        return true;
      }
      if (!(o instanceof AccessPass that)) {
        return false;
      }
      return user.equals(that.user)
          && pass.equals(that.pass)
          && lifetime.equals(that.lifetime)
          && usableOnce == that.usableOnce
          && startsAt.equals(that.startsAt)
          && requestId.equals(that.requestId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(user, pass, lifetime, usableOnce, startsAt, requestId);
    }

    /** {@return the values, the pass redacted} */
    @Override
    public String toString() {
      return "AccessPass["
          + "user="
          + user
          + ", "
          + "pass="
          + pass
          + ", "
          + "lifetime="
          + lifetime
          + ", "
          + "usableOnce="
          + usableOnce
          + ", "
          + "startsAt="
          + startsAt
          + ", "
          + "requestId="
          + requestId
          + "]";
    }
  }
}
