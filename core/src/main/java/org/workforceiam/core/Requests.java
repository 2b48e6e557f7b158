package org.workforceiam.core;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** What the request values share: adding and removing an option. */
final class Requests {
  private Requests() {}

  static Set<OperationOption> with(Set<OperationOption> options, OperationOption option) {
    Objects.requireNonNull(option, "option == null");
    Set<OperationOption> changed = new HashSet<>(options);
    changed.add(option);
    return changed;
  }

  static Set<OperationOption> without(Set<OperationOption> options, OperationOption option) {
    Objects.requireNonNull(option, "option == null");
    Set<OperationOption> changed = new HashSet<>(options);
    changed.remove(option);
    return changed;
  }
}
