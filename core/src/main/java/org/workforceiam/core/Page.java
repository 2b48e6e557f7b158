package org.workforceiam.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing and where the next one starts.
 *
 * <p>A page may be empty while a next page still exists; keep going until {@link #next()} is empty.
 *
 * @param <T> the type of the items
 */
public final class Page<T> {
  private final List<T> items;
  private final Optional<Page.Cursor> next;

  private Page(List<T> items, Optional<Page.Cursor> next) {
    items = List.copyOf(Objects.requireNonNull(items, "items == null"));
    Objects.requireNonNull(next, "next == null (use Optional.empty())");
    this.items = items;
    this.next = next;
  }

  /**
   * Creates the value; for providers and tests (callers receive it).
   *
   * @param items the items on this page, in the provider's order
   * @param next the cursor of the next page, or empty on the last page
   * @param <T> the type of the items
   * @return the value
   */
  public static <T> Page<T> of(List<T> items, Optional<Page.Cursor> next) {
    return new Page<>(items, next);
  }

  /** {@return the items on this page, in the provider's order} */
  public List<T> items() {
    return items;
  }

  /** {@return the cursor of the next page, or empty on the last page} */
  public Optional<Page.Cursor> next() {
    return next;
  }

  /**
   * Returns whether another page follows.
   *
   * @return {@code true} when {@link #next()} is present
   */
  public boolean hasNext() {
    return next.isPresent();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Page<?> that)) {
      return false;
    }
    return items.equals(that.items) && next.equals(that.next);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, next);
  }

  @Override
  public String toString() {
    return "Page[" + "items=" + items + ", " + "next=" + next + "]";
  }

  /**
   * Where the next page of a listing starts: an opaque token issued by the provider with a {@link
   * Page}. Pass it back unchanged; never build one yourself.
   *
   * @param value the provider's token (for Okta, the URL of its {@code next} link)
   */
  public record Cursor(String value) {

    /**
     * Validates the values.
     *
     * @param value the provider's token (for Okta, the URL of its {@code next} link)
     */
    public Cursor {
      Objects.requireNonNull(value, "value == null");
      if (value.isBlank()) {
        throw new IllegalArgumentException("page cursor must not be blank");
      }
    }
  }
}
