package org.workforceiam.core;

import java.util.Objects;
import java.util.Set;

/**
 * How to reset a password.
 *
 * <pre>{@code
 * resets.resetPassword(user, PasswordReset.link());                 // link returned to you
 * resets.resetPassword(user, PasswordReset.emailedLink());          // link emailed to the user
 * resets.resetPassword(user, PasswordReset.temporaryPassword().withRevokeSessions(true));
 * resets.resetPassword(user, PasswordReset.expire());               // new password at next sign-in
 * }</pre>
 *
 * @param mode what kind of reset
 * @param options the options asked for: {@link OperationOption#SEND_EMAIL} (with {@link Mode#LINK}
 *     only), {@link OperationOption#REVOKE_SESSIONS}, or a provider's own; each must be in the
 *     provider's {@link Capabilities} for {@link #operation()}
 */
public record PasswordReset(Mode mode, Set<OperationOption> options) {

  /** What kind of password reset. */
  public enum Mode {
    /** A one-time reset link, returned to the caller or emailed to the user. */
    LINK,
    /** A temporary password, returned once, that the user must change at the next sign-in. */
    TEMPORARY_PASSWORD,
    /** Expire the current password: the user must set a new one at the next sign-in. */
    EXPIRE
  }

  /**
   * Validates and copies the values.
   *
   * @param mode what kind of reset
   * @param options the options asked for
   * @throws IllegalArgumentException when {@link OperationOption#SEND_EMAIL} is asked for with a
   *     mode other than {@link Mode#LINK}
   */
  public PasswordReset {
    Objects.requireNonNull(mode, "mode == null");
    options = OperationOption.sortedCopy(Objects.requireNonNull(options, "options == null"));
    if (options.contains(OperationOption.SEND_EMAIL) && mode != Mode.LINK) {
      throw new IllegalArgumentException(
          "sendEmail applies only to mode LINK, not " + mode + "; use PasswordReset.emailedLink()");
    }
  }

  /**
   * A reset link returned to the caller, to hand to the verified employee.
   *
   * @return the request
   */
  public static PasswordReset link() {
    return new PasswordReset(Mode.LINK, Set.of());
  }

  /**
   * A reset link the provider emails to the user's primary address.
   *
   * @return the request
   */
  public static PasswordReset emailedLink() {
    return new PasswordReset(Mode.LINK, Set.of(OperationOption.SEND_EMAIL));
  }

  /**
   * A temporary password returned once to the caller.
   *
   * @return the request
   */
  public static PasswordReset temporaryPassword() {
    return new PasswordReset(Mode.TEMPORARY_PASSWORD, Set.of());
  }

  /**
   * Expire the password so the user must set a new one at the next sign-in.
   *
   * @return the request
   */
  public static PasswordReset expire() {
    return new PasswordReset(Mode.EXPIRE, Set.of());
  }

  /**
   * Returns a copy that does or does not also end the user's sessions ({@link
   * OperationOption#REVOKE_SESSIONS}).
   *
   * @param revoke whether to end the sessions
   * @return the changed request
   */
  public PasswordReset withRevokeSessions(boolean revoke) {
    return revoke
        ? with(OperationOption.REVOKE_SESSIONS)
        : without(OperationOption.REVOKE_SESSIONS);
  }

  /**
   * Returns a copy that also asks for an option.
   *
   * @param option the option
   * @return the changed request
   * @throws IllegalArgumentException when the option is {@link OperationOption#SEND_EMAIL} and the
   *     mode is not {@link Mode#LINK}
   */
  public PasswordReset with(OperationOption option) {
    return new PasswordReset(mode, Requests.with(options, option));
  }

  /**
   * Returns a copy that does not ask for an option.
   *
   * @param option the option
   * @return the changed request
   */
  public PasswordReset without(OperationOption option) {
    return new PasswordReset(mode, Requests.without(options, option));
  }

  /**
   * Returns whether the provider emails the link instead of returning it.
   *
   * @return whether {@link #options()} holds {@link OperationOption#SEND_EMAIL}
   */
  public boolean sendEmail() {
    return options.contains(OperationOption.SEND_EMAIL);
  }

  /**
   * Returns whether the user's sessions end too.
   *
   * @return whether {@link #options()} holds {@link OperationOption#REVOKE_SESSIONS}
   */
  public boolean revokeSessions() {
    return options.contains(OperationOption.REVOKE_SESSIONS);
  }

  /**
   * Returns the operation this request performs.
   *
   * @return the operation
   */
  public Operation operation() {
    return switch (mode) {
      case LINK -> Operation.RESET_PASSWORD_LINK;
      case TEMPORARY_PASSWORD -> Operation.SET_TEMPORARY_PASSWORD;
      case EXPIRE -> Operation.EXPIRE_PASSWORD;
    };
  }
}
