package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void itemsAreACopyThatCannotBeChanged() {
    List<String> source = new ArrayList<>(List.of("a", "b"));
    Page<String> page = Page.of(source, Optional.empty());
    source.add("c");
    assertThat(page.items()).containsExactly("a", "b");
    assertThatThrownBy(() -> page.items().add("d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullItemsAndNullNext() {
    assertThatThrownBy(() -> Page.of(null, Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("items == null");
    assertThatThrownBy(() -> Page.of(Arrays.asList("a", null), Optional.empty()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Page.of(List.of("a"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("next == null (use Optional.empty())");
  }

  @Test
  void anEmptyPageMayStillHaveANextPage() {
    Page<String> page = Page.of(List.of(), Optional.of(new Page.Cursor("c2")));
    assertThat(page.items()).isEmpty();
    assertThat(page.hasNext()).isTrue();
    assertThat(Page.of(List.of("a"), Optional.empty()).hasNext()).isFalse();
  }

  @Test
  void cursorIsOpaqueButNotBlank() {
    assertThat(
            new Page.Cursor("https://example.okta.com/api/v1/groups/00g1/users?after=00u9").value())
        .isEqualTo("https://example.okta.com/api/v1/groups/00g1/users?after=00u9");
    assertThatThrownBy(() -> new Page.Cursor(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page cursor must not be blank");
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullCursor() {
    assertThatThrownBy(() -> new Page.Cursor(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value == null");
  }
}
