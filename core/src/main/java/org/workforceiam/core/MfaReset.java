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
 * resets.resetMfa(user, MfaReset.factor(sms).with(OktaOptions.REMOVE_RECOVERY_ENROLLMENT));
 * }</pre>
 *
 * @param factor the one factor to remove, or empty to remove them all
 * @param options the options asked for, such as a provider's own; each must be in the provider's
 *     {@link Capabilities} for {@link #operation()}
 */
public record MfaReset(Optional<FactorId> factor, Set<OperationOption> options) {

  /**
   * Validates and copies the values.
   *
   * @param factor the one factor to remove, or empty to remove them all
   * @param options the options asked for
   */
  public MfaReset {
    Objects.requireNonNull(factor, "factor == null (use MfaReset.allFactors())");
    options = OperationOption.sortedCopy(Objects.requireNonNull(options, "options == null"));
  }

  /**
   * Remove every enrolled factor.
   *
   * @return the request
   */
  public static MfaReset allFactors() {
    return new MfaReset(Optional.empty(), Set.of());
  }

  /**
   * Remove one factor.
   *
   * @param factor the factor's id, as listed by {@link IamDirectory#factors(UserId)}
   * @return the request
   */
  public static MfaReset factor(FactorId factor) {
    return new MfaReset(Optional.of(Objects.requireNonNull(factor, "factor == null")), Set.of());
  }

  /**
   * Returns a copy that also asks for an option.
   *
   * @param option the option
   * @return the changed request
   */
  public MfaReset with(OperationOption option) {
    return new MfaReset(factor, Requests.with(options, option));
  }

  /**
   * Returns a copy that does not ask for an option.
   *
   * @param option the option
   * @return the changed request
   */
  public MfaReset without(OperationOption option) {
    return new MfaReset(factor, Requests.without(options, option));
  }

  /**
   * Returns the operation this request performs.
   *
   * @return {@link Operation#RESET_FACTOR} for one factor, else {@link Operation#RESET_ALL_FACTORS}
   */
  public Operation operation() {
    return factor.isPresent() ? Operation.RESET_FACTOR : Operation.RESET_ALL_FACTORS;
  }
}
