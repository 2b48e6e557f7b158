package org.workforceiam.core.testing;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.workforceiam.core.Operation;
import org.workforceiam.core.OperationOption;
import org.workforceiam.core.UserId;

/**
 * A change that reached the {@link InMemoryIdentityProvider}, whether it was made or refused.
 *
 * @param operation the operation
 * @param user the target user
 * @param options the options asked for
 * @param applied {@code true} when the change was made, {@code false} when the provider refused or
 *     failed it
 */
public record RecordedOperation(
    Operation operation, UserId user, Set<OperationOption> options, boolean applied) {

  /**
   * Validates the values.
   *
   * @param operation the operation
   * @param user the target user
   * @param options the options asked for
   * @param applied {@code true} when the change was made, {@code false} when the provider refused
   *     or failed it
   */
  public RecordedOperation {
    Objects.requireNonNull(operation, "operation == null");
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(options, "options == null");
    options = Collections.unmodifiableSet(new TreeSet<>(options));
  }
}
