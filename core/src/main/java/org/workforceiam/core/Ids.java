package org.workforceiam.core;

/** Validation shared by the identifier records. */
final class Ids {
  private Ids() {}

  static void requireValid(String value, String name) {
    // Not requireNonNull with a message supplier: its lambda captures, once per member synced.
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (!value.strip().equals(value)) {
      throw new IllegalArgumentException(
          name + " must not start or end with white space: '" + value + "'");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            name + " must not contain control characters (found one at index " + i + ")");
      }
    }
  }
}
