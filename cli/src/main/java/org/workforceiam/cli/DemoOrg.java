package org.workforceiam.cli;

import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimFactor;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * The demo's Okta org: the simulated Okta from the adapter's tests, on loopback, seeded with the
 * same employees every time: complete and incomplete profiles, a locked-out and a suspended member,
 * a member holding a higher admin role, users outside the group, and enrolled factors.
 */
final class DemoOrg {
  static final String CLIENT_ID = "0oaDemoHelpdeskApp";
  static final String GROUP = "00gDemoEmployees";
  static final String CONTRACTORS = "00gDemoContractors";

  private DemoOrg() {}

  static SimDirectory directory() {
    SimDirectory directory =
        new SimDirectory().group(GROUP, "All Active Employees").group(CONTRACTORS, "Contractors");
    person(
        directory,
        "00uDemo01Ada",
        "ada@example.com",
        "Ada",
        "Lovelace",
        "ada@example.com",
        "ACTIVE");
    person(
        directory,
        "00uDemo02Grace",
        "grace@example.com",
        "Grace",
        "Hopper",
        "grace@example.com",
        "LOCKED_OUT");
    person(directory, "00uDemo03Alan", "alan@example.com", "Alan", "Turing", null, "ACTIVE");
    person(
        directory,
        "00uDemo04Katherine",
        "katherine@example.com",
        null,
        "Johnson",
        "katherine@example.com",
        "ACTIVE");
    person(
        directory,
        "00uDemo05Margaret",
        "margaret@example.com",
        "Margaret",
        "Hamilton",
        "margaret@example.com",
        "PASSWORD_EXPIRED");
    person(
        directory,
        "00uDemo06Edsger",
        "edsger@example.com",
        "Edsger",
        "Dijkstra",
        "edsger@example.com",
        "ACTIVE");
    person(
        directory,
        "00uDemo07Barbara",
        "barbara@example.com",
        "Barbara",
        "Liskov",
        "barbara@example.com",
        "SUSPENDED");
    person(
        directory,
        "00uDemo09Linus",
        "linus@contractor.example",
        "Linus",
        "Outsider",
        "linus@contractor.example",
        "ACTIVE");
    for (String member :
        new String[] {
          "00uDemo01Ada",
          "00uDemo02Grace",
          "00uDemo03Alan",
          "00uDemo04Katherine",
          "00uDemo05Margaret",
          "00uDemo06Edsger",
          "00uDemo07Barbara",
          "00uDemo08Root"
        }) {
      directory.member(GROUP, member);
    }
    directory.member(CONTRACTORS, "00uDemo09Linus");
    // The member holding a higher admin role than Help Desk Administrator.
    directory.user(
        SimUser.of("00uDemo08Root", "root.admin@example.com", "ACTIVE")
            .profile("firstName", "Root")
            .profile("lastName", "Admin")
            .profile("email", "root.admin@example.com")
            .profile("title", "Super Administrator")
            .privileged());
    directory
        .factor("00uDemo01Ada", new SimFactor("smsDemo01Ada", "sms", "OKTA", "ACTIVE"))
        .factor("00uDemo01Ada", new SimFactor("opfDemo01Ada", "push", "OKTA", "ACTIVE"))
        .factor(
            "00uDemo05Margaret",
            new SimFactor("ostDemo05Margaret", "token:software:totp", "GOOGLE", "ACTIVE"));
    return directory;
  }

  private static void person(
      SimDirectory directory,
      String id,
      String login,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String email,
      String status) {
    directory.user(
        SimUser.of(id, login, status)
            .profile("firstName", firstName)
            .profile("lastName", lastName)
            .profile("email", email)
            .profile("department", "Engineering"));
  }

  /**
   * Starts the org with the app's public key registered as the JWK an admin pastes into Okta.
   *
   * @param publicJwk the JWK printed by {@code keygen}
   * @return the running org
   */
  static SimulatedOkta start(String publicJwk) throws IOException {
    return SimulatedOkta.builder()
        .clientId(CLIENT_ID)
        .publicJwk(publicJwk)
        .requireDpop(true)
        .directory(directory())
        .start();
  }
}
