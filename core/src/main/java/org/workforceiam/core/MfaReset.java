package org.workforceiam.core;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which MFA factors to reset.
 *
 * <pre>{@code
 * resets.resetMfa(user, MfaReset.allFactors());
 * resets.resetMfa(user, MfaReset.factor(FactorId.of("sms1o51EADOTFXHHBXBP")));
 * }</pre>
 *
 * @param factor the one factor to remove, or empty to remove them all
 * @param removeRecoveryEnrollment with one SMS or voice factor: also remove the phone number as a
 *     recovery method
 */
public record MfaReset(Optional<FactorId> factor, boolean removeRecoveryEnrollment) {

  /**
   * Validates the values.
   *
   * @param factor the one factor to remove, or empty to remove them all
   * @param removeRecoveryEnrollment with one SMS or voice factor: also remove the phone number as a
   *     recovery method
   */
  public MfaReset {
    Objects.requireNonNull(factor, "factor == null (use MfaReset.allFactors())");
    if (removeRecoveryEnrollment && factor.isEmpty()) {
      throw new IllegalArgumentException(
          "removeRecoveryEnrollment applies only to one factor; use MfaReset.factor(id)");
    }
  }

  /**
   * Remove every enrolled factor.
   *
   * @return the request
   */
  public static MfaReset allFactors() {
    return new MfaReset(Optional.empty(), false);
  }

  /**
   * Remove one factor.
   *
   * @param factor the factor's id, as listed by {@link IamDirectory#factors(UserId)}
   * @return the request
   */
  public static MfaReset factor(FactorId factor) {
    return new MfaReset(Optional.of(Objects.requireNonNull(factor, "factor == null")), false);
  }

  /**
   * Returns a copy that does or does not also remove the phone number as a recovery method.
   *
   * @param remove whether to remove it
   * @return the changed request
   */
  public MfaReset withRemoveRecoveryEnrollment(boolean remove) {
    return new MfaReset(factor, remove);
  }

  /**
   * Returns the operation this request performs.
   *
   * @return {@link Operation#RESET_FACTOR} for one factor, else {@link Operation#RESET_ALL_FACTORS}
   */
  public Operation operation() {
    return factor.isPresent() ? Operation.RESET_FACTOR : Operation.RESET_ALL_FACTORS;
  }

  /**
   * Returns the options this request asks for.
   *
   * @return the options
   */
  public Set<OperationOption> options() {
    return removeRecoveryEnrollment ? Set.of(OperationOption.REMOVE_RECOVERY_ENROLLMENT) : Set.of();
  }
}
