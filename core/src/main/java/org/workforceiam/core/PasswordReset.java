package org.workforceiam.core;

import java.util.Collections;
import java.util.EnumSet;
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
 * @param sendEmail with {@link Mode#LINK}: the provider emails the link instead of returning it
 * @param revokeSessions also end the user's sessions
 */
public record PasswordReset(Mode mode, boolean sendEmail, boolean revokeSessions) {

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
   * Validates the values.
   *
   * @param mode what kind of reset
   * @param sendEmail with {@link Mode#LINK}: the provider emails the link instead of returning it
   * @param revokeSessions also end the user's sessions
   */
  public PasswordReset {
    Objects.requireNonNull(mode, "mode == null");
    if (sendEmail && mode != Mode.LINK) {
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
    return new PasswordReset(Mode.LINK, false, false);
  }

  /**
   * A reset link the provider emails to the user's primary address.
   *
   * @return the request
   */
  public static PasswordReset emailedLink() {
    return new PasswordReset(Mode.LINK, true, false);
  }

  /**
   * A temporary password returned once to the caller.
   *
   * @return the request
   */
  public static PasswordReset temporaryPassword() {
    return new PasswordReset(Mode.TEMPORARY_PASSWORD, false, false);
  }

  /**
   * Expire the password so the user must set a new one at the next sign-in.
   *
   * @return the request
   */
  public static PasswordReset expire() {
    return new PasswordReset(Mode.EXPIRE, false, false);
  }

  /**
   * Returns a copy that does or does not also end the user's sessions.
   *
   * @param revoke whether to end the sessions
   * @return the changed request
   */
  public PasswordReset withRevokeSessions(boolean revoke) {
    return new PasswordReset(mode, sendEmail, revoke);
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

  /**
   * Returns the options this request asks for.
   *
   * @return the options
   */
  public Set<OperationOption> options() {
    Set<OperationOption> options = EnumSet.noneOf(OperationOption.class);
    if (sendEmail) {
      options.add(OperationOption.SEND_EMAIL);
    }
    if (revokeSessions) {
      options.add(OperationOption.REVOKE_SESSIONS);
    }
    return Collections.unmodifiableSet(options);
  }
}
