package org.workforceiam.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A value that must not be logged, such as a password reset link or a temporary password.
 *
 * <p>{@link #toString()} never shows the value; call {@link #reveal()} at the one place it is
 * handed to the person who needs it.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @param value the value; not blank
   * @return the secret
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret must not be blank");
    }
    return new Secret(value);
  }

  /**
   * Returns the value. Show it to the person it is for; never log it.
   *
   * @return the secret value
   */
  public String reveal() {
    return value;
  }

  /** {@return a fixed text that never contains the value} */
  @Override
  public String toString() {
    return "Secret[redacted]";
  }

  /** Compares in constant time. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  /** {@return a constant, so the hash reveals nothing about the value} */
  @Override
  public int hashCode() {
    return 0x5ec7e7;
  }
}
