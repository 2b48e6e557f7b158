package org.workforceiam.core;

import java.util.Objects;

/** The one rule for an actor's name, which is written to audit logs. */
final class Actors {
  static final int MAX_LENGTH = 200;

  private Actors() {}

  static String check(String actor) {
    Objects.requireNonNull(actor, "actor == null");
    if (actor.isBlank()) {
      throw new IllegalArgumentException("actor must not be blank");
    }
    if (actor.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "actor must be at most " + MAX_LENGTH + " characters, not " + actor.length());
    }
    if (actor.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
      throw new IllegalArgumentException(
          "actor must not contain control characters (it is written to audit logs)");
    }
    return actor;
  }
}
