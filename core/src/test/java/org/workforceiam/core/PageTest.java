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
    Page<String> page = new Page<>(source, Optional.empty());
    source.add("c");
    assertThat(page.items()).containsExactly("a", "b");
    assertThatThrownBy(() -> page.items().add("d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullItemsAndNullNext() {
    assertThatThrownBy(() -> new Page<String>(null, Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("items == null");
    assertThatThrownBy(() -> new Page<>(Arrays.asList("a", null), Optional.empty()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Page<>(List.of("a"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("next == null (use Optional.empty())");
  }

  @Test
  void anEmptyPageMayStillHaveANextPage() {
    Page<String> page = new Page<>(List.of(), Optional.of(new PageCursor("c2")));
    assertThat(page.items()).isEmpty();
    assertThat(page.hasNext()).isTrue();
    assertThat(new Page<>(List.of("a"), Optional.empty()).hasNext()).isFalse();
  }

  @Test
  void cursorIsOpaqueButNotBlank() {
    assertThat(
            new PageCursor("https://example.okta.com/api/v1/groups/00g1/users?after=00u9").value())
        .isEqualTo("https://example.okta.com/api/v1/groups/00g1/users?after=00u9");
    assertThatThrownBy(() -> new PageCursor(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page cursor must not be blank");
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullCursor() {
    assertThatThrownBy(() -> new PageCursor(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value == null");
  }
}
