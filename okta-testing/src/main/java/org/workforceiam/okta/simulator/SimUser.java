package org.workforceiam.okta.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user of the simulated Okta org, with Okta's fields: an id, a status, a profile and whether they
 * hold an admin role a Help Desk Administrator may not act on.
 *
 * <p>The profile holds only {@code login} until attributes are set: leave out Okta's usual {@code
 * firstName}, {@code lastName} or {@code email} to simulate an incomplete profile.
 *
 * <pre>{@code
 * SimUser ada = SimUser.of("00u1ada", "ada@example.com", "LOCKED_OUT")
 *     .profile("firstName", "Ada")
 *     .profile("lastName", "Lovelace")
 *     .profile("email", "ada@example.com");
 * SimUser root = SimUser.of("00u2root", "root@example.com", "ACTIVE").privileged();
 * }</pre>
 *
 * <p>Mutable: set it up, then add it to a {@link SimDirectory}, which guards it from then on.
 */
public final class SimUser {
  final String id;
  String status;
  final Map<String, Object> profile = new LinkedHashMap<>();
  Instant created = Instant.parse("2025-01-01T00:00:00Z");
  Instant lastUpdated = Instant.parse("2026-01-15T10:00:00Z");
  boolean privileged;

  private SimUser(String id, String login, String status) {
    this.id = Objects.requireNonNull(id, "id == null");
    this.status = Objects.requireNonNull(status, "status == null");
    profile.put("login", Objects.requireNonNull(login, "login == null"));
  }

  /**
   * Creates a user.
   *
   * @param id the user id, such as {@code 00u1abc}
   * @param login the login
   * @param status Okta's status word: {@code STAGED}, {@code PROVISIONED}, {@code ACTIVE}, {@code
   *     RECOVERY}, {@code LOCKED_OUT}, {@code PASSWORD_EXPIRED}, {@code SUSPENDED} or {@code
   *     DEPROVISIONED} (any other word is served as it is)
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
  public SimUser profile(String name, @Nullable Object value) {
    Objects.requireNonNull(name, "name == null");
    if (name.equals("login") && !(value instanceof String)) {
      throw new IllegalArgumentException("login must be a string, and cannot be removed");
    }
    if (value == null) {
      profile.remove(name);
    } else {
      profile.put(name, value);
    }
    return this;
  }

  /**
   * Marks the user as holding an admin role above Help Desk Administrator (a super or org admin):
   * the org refuses lifecycle operations, factor deletions and session revocations on them with
   * {@code 403 E0000006}, and shows no lifecycle links on them.
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
    this.lastUpdated = Objects.requireNonNull(instant, "instant == null");
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
    return (String) Objects.requireNonNull(profile.get("login"));
  }
}
