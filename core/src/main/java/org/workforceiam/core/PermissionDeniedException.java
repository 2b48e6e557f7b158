package org.workforceiam.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The client may not do this, and {@link #reason()} says why. Retrying will not help; the set-up or
 * the choice of user must change.
 */
public final class PermissionDeniedException extends IamException {
  private static final long serialVersionUID = 1L;

  /** Why a permission was denied. */
  public enum Reason {
    /**
     * The client lacks a grant it needs, for example an OAuth scope that was not granted to the
     * app.
     */
    MISSING_GRANT,
    /** The user is not a member of the group this client is configured to act on. */
    OUTSIDE_GROUP,
    /**
     * The provider's administrator role given to the client does not allow this operation on this
     * user: the user holds a more privileged role, is outside the role's groups, or the role lacks
     * the operation.
     */
    ROLE_DOES_NOT_ALLOW
  }

  private final Reason reason;

  /**
   * Creates the error.
   *
   * @param reason why the permission was denied
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   */
  public PermissionDeniedException(Reason reason, String summary, ErrorDetails details) {
    this(reason, summary, details, null);
  }

  /**
   * Creates the error with its cause.
   *
   * @param reason why the permission was denied
   * @param summary what went wrong and what to do about it, without secrets
   * @param details what the provider said
   * @param cause the underlying failure, or {@code null}
   */
  public PermissionDeniedException(
      Reason reason, String summary, ErrorDetails details, @Nullable Throwable cause) {
    super(summary, details, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * Returns why the permission was denied.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /** {@return {@code false}: the set-up or the user must change first} */
  @Override
  public boolean isRetryable() {
    return false;
  }
}
