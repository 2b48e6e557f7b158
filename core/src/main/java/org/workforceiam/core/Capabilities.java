package org.workforceiam.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The operations a provider supports, and the options it supports with each: each adapter declares
 * its own ({@link ResetService#capabilities()}), for its provider's own options too.
 *
 * <p>A {@link ResetService} refuses an unsupported operation or option with {@link
 * IamException.OperationNotSupported} before it sends any request: the adapter itself does, and so
 * does the group guard ({@link ResetService#groupScoped}) before its membership check.
 *
 * <pre>{@code
 * Capabilities capabilities = Capabilities.builder()
 *     .operation(Operation.RESET_PASSWORD_LINK, OperationOption.SEND_EMAIL)
 *     .operation(Operation.UNLOCK)
 *     .build();
 * }</pre>
 */
public final class Capabilities {
  private final Map<Operation, Set<OperationOption>> operations;

  Capabilities(Map<Operation, Set<OperationOption>> operations) {
    Objects.requireNonNull(operations, "operations == null");
    Map<Operation, Set<OperationOption>> copy = new EnumMap<>(Operation.class);
    operations.forEach(
        (operation, options) ->
            copy.put(
                Objects.requireNonNull(operation, "operation == null"),
                OperationOption.sortedCopy(options)));
    operations = Collections.unmodifiableMap(copy);
    this.operations = operations;
  }

  /** {@return each supported operation, mapped to the options supported with it} */
  public Map<Operation, Set<OperationOption>> operations() {
    return operations;
  }

  /**
   * Starts a builder that supports nothing yet.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns whether the operation is supported.
   *
   * @param operation the operation
   * @return {@code true} when supported
   */
  public boolean supports(Operation operation) {
    return operations.containsKey(operation);
  }

  /**
   * Returns whether the operation is supported with the option.
   *
   * @param operation the operation
   * @param option the option
   * @return {@code true} when both are supported together
   */
  public boolean supports(Operation operation, OperationOption option) {
    Set<OperationOption> options = operations.get(operation);
    return options != null && options.contains(option);
  }

  /**
   * Checks that the operation is supported with all the options.
   *
   * @param operation the operation
   * @param options the options asked for
   * @throws IamException.OperationNotSupported naming what is missing
   */
  public void require(Operation operation, Set<OperationOption> options) {
    Set<OperationOption> supported = operations.get(operation);
    if (supported == null) {
      throw new IamException.OperationNotSupported(
          "this provider does not support " + operation + "; it supports " + operations.keySet(),
          ErrorDetails.none());
    }
    Set<OperationOption> missing =
        OperationOption.sortedCopy(
            options.stream().filter(o -> !supported.contains(o)).collect(Collectors.toList()));
    if (!missing.isEmpty()) {
      throw new IamException.OperationNotSupported(
          "this provider does not support "
              + operation
              + " with "
              + missing
              + "; options it supports with it: "
              + supported,
          ErrorDetails.none());
    }
  }

  /** Builds {@link Capabilities}; not thread-safe. */
  public static final class Builder {
    private final Map<Operation, Set<OperationOption>> operations = new EnumMap<>(Operation.class);

    private Builder() {}

    /**
     * Declares an operation as supported, with the given options.
     *
     * @param operation the operation
     * @param options the options supported with it
     * @return this builder
     */
    public Builder operation(Operation operation, OperationOption... options) {
      Objects.requireNonNull(operation, "operation == null");
      Set<OperationOption> set = operations.computeIfAbsent(operation, o -> new HashSet<>());
      for (OperationOption option : options) {
        set.add(Objects.requireNonNull(option, "option == null"));
      }
      return this;
    }

    /**
     * Builds the capabilities.
     *
     * @return new immutable capabilities
     */
    public Capabilities build() {
      return new Capabilities(operations);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Capabilities that)) {
      return false;
    }
    return operations.equals(that.operations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operations);
  }

  @Override
  public String toString() {
    return "Capabilities[" + "operations=" + operations + "]";
  }
}
