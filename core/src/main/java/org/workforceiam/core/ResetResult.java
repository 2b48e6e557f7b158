package org.workforceiam.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a {@link ResetService} operation did. */
public sealed interface ResetResult
    permits ResetResult.Password, ResetResult.Mfa, ResetResult.Unlock, ResetResult.Sessions {

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
    private final boolean oauthTokensRevoked;
    private final boolean devicesForgotten;
    private final Optional<String> requestId;

    private Sessions(
        UserId user,
        boolean oauthTokensRevoked,
        boolean devicesForgotten,
        Optional<String> requestId) {
      Objects.requireNonNull(user, "user == null");
      Objects.requireNonNull(requestId, "requestId == null");
      this.user = user;
      this.oauthTokensRevoked = oauthTokensRevoked;
      this.devicesForgotten = devicesForgotten;
      this.requestId = requestId;
    }

    /**
     * Creates the value; for providers and tests (callers receive it).
     *
     * @param user the user whose sessions ended
     * @param oauthTokensRevoked whether OAuth tokens were revoked too
     * @param devicesForgotten whether remembered devices were forgotten too
     * @param requestId the provider's request id, when it sent one
     * @return the value
     */
    public static Sessions of(
        UserId user,
        boolean oauthTokensRevoked,
        boolean devicesForgotten,
        Optional<String> requestId) {
      return new Sessions(user, oauthTokensRevoked, devicesForgotten, requestId);
    }

    /** {@return the user whose sessions ended} */
    @Override
    public UserId user() {
      return user;
    }

    /** {@return whether OAuth tokens were revoked too} */
    public boolean oauthTokensRevoked() {
      return oauthTokensRevoked;
    }

    /** {@return whether remembered devices were forgotten too} */
    public boolean devicesForgotten() {
      return devicesForgotten;
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
          && oauthTokensRevoked == that.oauthTokensRevoked
          && devicesForgotten == that.devicesForgotten
          && requestId.equals(that.requestId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(user, oauthTokensRevoked, devicesForgotten, requestId);
    }

    @Override
    public String toString() {
      return "Sessions["
          + "user="
          + user
          + ", "
          + "oauthTokensRevoked="
          + oauthTokensRevoked
          + ", "
          + "devicesForgotten="
          + devicesForgotten
          + ", "
          + "requestId="
          + requestId
          + "]";
    }
  }
}
