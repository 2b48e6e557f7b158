package org.workforceiam.entra.simulator;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Graph's object ids: GUIDs in the 8-4-4-4-12 hex form, compared without regard to case. */
final class Guids {
  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Guids() {}

  static boolean isGuid(String value) {
    return GUID.matcher(value).matches();
  }

  /** Returns the id in lower case, or throws naming the value and the rule. */
  static String require(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (!isGuid(value)) {
      throw new IllegalArgumentException(
          name + " must be a GUID (8-4-4-4-12 hex digits), as Graph's object ids are: " + value);
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** A GUID made from two numbers: the same numbers give the same GUID. */
  static String of(long high, long low) {
    return new UUID(high, low).toString();
  }
}
