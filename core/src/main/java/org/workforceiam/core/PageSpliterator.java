package org.workforceiam.core;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Walks a paged listing lazily, one page per advance: a page is fetched only when the caller asks
 * for it, fetching continues past empty pages while a next cursor exists, and a cursor that comes
 * round again is refused instead of looping forever. A chain of {@link
 * #MAX_CONSECUTIVE_EMPTY_PAGES} empty pages in a row that still names a next page is a {@link
 * IamException.ProtocolViolation}: a real provider ends a listing rather than send page after empty
 * page, and a server that mints new cursors forever is stopped within that many requests.
 */
final class PageSpliterator<T> implements Spliterator<Page<T>> {
  /** How many empty pages in a row, each naming a next page, are followed before giving up. */
  static final int MAX_CONSECUTIVE_EMPTY_PAGES = 10;

  private final Function<Optional<Page.Cursor>, Page<T>> fetch;
  private final Set<Page.Cursor> seen = new HashSet<>();
  private Optional<Page.Cursor> next = Optional.empty();
  private boolean lastPageFetched;
  private int emptyInARow;

  PageSpliterator(Function<Optional<Page.Cursor>, Page<T>> fetch) {
    this.fetch = fetch;
  }

  @Override
  public boolean tryAdvance(Consumer<? super Page<T>> action) {
    if (lastPageFetched) {
      return false;
    }
    Page<T> page = fetch.apply(next);
    Optional<Page.Cursor> following = page.next();
    if (following.isPresent() && !seen.add(following.get())) {
      throw new IamException.ProtocolViolation(
          "the provider returned a page cursor it had already returned; stopping instead of"
              + " listing the same members forever",
          ErrorDetails.none());
    }
    emptyInARow = page.items().isEmpty() && following.isPresent() ? emptyInARow + 1 : 0;
    if (emptyInARow >= MAX_CONSECUTIVE_EMPTY_PAGES) {
      throw new IamException.ProtocolViolation(
          "the provider returned "
              + emptyInARow
              + " empty pages in a row, each naming a next page; stopping instead of following"
              + " them forever",
          ErrorDetails.none());
    }
    next = following;
    lastPageFetched = following.isEmpty();
    action.accept(page);
    return true;
  }

  @Override
  public @Nullable Spliterator<Page<T>> trySplit() {
    return null;
  }

  @Override
  public long estimateSize() {
    return Long.MAX_VALUE;
  }

  @Override
  public int characteristics() {
    return ORDERED | NONNULL;
  }
}
