package org.workforceiam.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an MFA reset.
 *
 * @param user the user whose factors were reset
 * @param operation {@link Operation#RESET_ALL_FACTORS} or {@link Operation#RESET_FACTOR}
 * @param factorsReset the factors removed, as far as the provider let the client see them
 * @param requestId the provider's request id, when it sent one
 */
public record MfaResetResult(
    UserId user, Operation operation, List<FactorId> factorsReset, Optional<String> requestId)
    implements ResetResult {

  /**
   * Validates the values.
   *
   * @param user the user whose factors were reset
   * @param operation {@link Operation#RESET_ALL_FACTORS} or {@link Operation#RESET_FACTOR}
   * @param factorsReset the factors removed, as far as the provider let the client see them
   * @param requestId the provider's request id, when it sent one
   */
  public MfaResetResult {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(operation, "operation == null");
    factorsReset = List.copyOf(Objects.requireNonNull(factorsReset, "factorsReset == null"));
    Objects.requireNonNull(requestId, "requestId == null");
    if (operation != Operation.RESET_ALL_FACTORS && operation != Operation.RESET_FACTOR) {
      throw new IllegalArgumentException("not an MFA operation: " + operation);
    }
  }
}
