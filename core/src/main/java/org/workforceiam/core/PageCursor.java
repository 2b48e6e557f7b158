package org.workforceiam.core;

import java.util.Objects;

/**
 * Where the next page of a listing starts: an opaque token issued by the provider with a {@link
 * Page}. Pass it back unchanged; never build one yourself.
 *
 * @param value the provider's token (for Okta, the URL of its {@code next} link)
 */
public record PageCursor(String value) {

  /**
   * Validates the values.
   *
   * @param value the provider's token (for Okta, the URL of its {@code next} link)
   */
  public PageCursor {
    Objects.requireNonNull(value, "value == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("page cursor must not be blank");
    }
  }
}
