package org.workforceiam.okta.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A user of the simulated Okta org, with Okta's fields. Mutable; guarded by its directory. */
public final class SimUser {
  final String id;
  String status;
  final Map<String, Object> profile = new LinkedHashMap<>();
  Instant created = Instant.parse("2025-01-01T00:00:00Z");
  Instant lastUpdated = Instant.parse("2026-01-15T10:00:00Z");
  boolean privileged;

  private SimUser(String id, String login, String status) {
    this.id = Objects.requireNonNull(id);
    this.status = Objects.requireNonNull(status);
    profile.put("login", Objects.requireNonNull(login));
  }

  /**
   * Creates a user.
   *
   * @param id the user id, such as {@code 00u1abc}
   * @param login the login
   * @param status Okta's status word, such as {@code ACTIVE}
   * @return the user
   */
  public static SimUser of(String id, String login, String status) {
    return new SimUser(id, login, status);
  }

  /**
   * Sets a profile attribute; null removes it.
   *
   * @param name the attribute
   * @param value its value
   * @return this
   */
  public SimUser profile(String name, Object value) {
    if (value == null) {
      profile.remove(name);
    } else {
      profile.put(name, value);
    }
    return this;
  }

  /**
   * Marks the user as holding an admin role above Help Desk Administrator.
   *
   * @return this
   */
  public SimUser privileged() {
    this.privileged = true;
    return this;
  }

  /**
   * Sets when the user last changed.
   *
   * @param instant the time
   * @return this
   */
  public SimUser lastUpdated(Instant instant) {
    this.lastUpdated = instant;
    return this;
  }

  /**
   * Returns the user's id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the user's login.
   *
   * @return the login
   */
  public String login() {
    return (String) profile.get("login");
  }
}
