package org.workforceiam.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Which Temporary Access Pass to issue: how long it lasts, and whether it works for one sign-in or
 * for any number within its lifetime.
 *
 * <pre>{@code
 * ResetResult.AccessPass pass =
 *     resets.issueTemporaryAccessPass(user, TemporaryAccessPass.usableOnce(Duration.ofHours(1)));
 * showOnceToVerifiedEmployee(pass.pass().reveal());
 * }</pre>
 *
 * <p>The provider's policy bounds the lifetime and may forbid reusable passes: Microsoft Entra ID
 * allows 10 to 43,200 minutes within the tenant's Temporary Access Pass policy. A pass outside the
 * policy is refused by the provider.
 *
 * @param lifetime how long the pass is valid: positive, in whole minutes
 * @param usableOnce whether it is good for one sign-in only
 */
public record TemporaryAccessPass(Duration lifetime, boolean usableOnce) {

  /**
   * Validates the values.
   *
   * @param lifetime how long the pass is valid: positive, in whole minutes
   * @param usableOnce whether it is good for one sign-in only
   * @throws IllegalArgumentException when the lifetime is not positive or not whole minutes
   */
  public TemporaryAccessPass {
    Objects.requireNonNull(lifetime, "lifetime == null");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException(
          "lifetime of a Temporary Access Pass must be positive: " + lifetime);
    }
    if (lifetime.toSecondsPart() != 0 || lifetime.toNanosPart() != 0) {
      throw new IllegalArgumentException(
          "lifetime of a Temporary Access Pass must be whole minutes, for example"
              + " Duration.ofMinutes(60): "
              + lifetime);
    }
  }

  /**
   * A pass good for one sign-in within its lifetime.
   *
   * @param lifetime how long it is valid: positive, in whole minutes
   * @return the request
   */
  public static TemporaryAccessPass usableOnce(Duration lifetime) {
    return new TemporaryAccessPass(lifetime, true);
  }

  /**
   * A pass good for any number of sign-ins within its lifetime, where the provider's policy allows
   * it.
   *
   * @param lifetime how long it is valid: positive, in whole minutes
   * @return the request
   */
  public static TemporaryAccessPass reusable(Duration lifetime) {
    return new TemporaryAccessPass(lifetime, false);
  }

  /**
   * Returns the operation this request performs.
   *
   * @return {@link Operation#ISSUE_TEMPORARY_ACCESS_PASS}
   */
  public Operation operation() {
    return Operation.ISSUE_TEMPORARY_ACCESS_PASS;
  }

  /**
   * Returns the options this request asks for.
   *
   * @return none
   */
  public Set<OperationOption> options() {
    return Set.of();
  }
}
