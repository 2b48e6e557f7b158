package org.workforceiam.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing and where the next one starts.
 *
 * <p>A page may be empty while a next page still exists; keep going until {@link #next()} is empty.
 *
 * @param items the items on this page, in the provider's order
 * @param next the cursor of the next page, or empty on the last page
 * @param <T> the type of the items
 */
public record Page<T>(List<T> items, Optional<PageCursor> next) {

  /**
   * Validates the values.
   *
   * @param items the items on this page, in the provider's order
   * @param next the cursor of the next page, or empty on the last page
   */
  public Page {
    items = List.copyOf(Objects.requireNonNull(items, "items == null"));
    Objects.requireNonNull(next, "next == null (use Optional.empty())");
  }

  /**
   * Returns whether another page follows.
   *
   * @return {@code true} when {@link #next()} is present
   */
  public boolean hasNext() {
    return next.isPresent();
  }
}
