package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.okta.ResetOrg.EMPLOYEES;
import static org.workforceiam.okta.ResetOrg.KEYS;

import java.util.List;
import java.util.Locale;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.IamException;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * The group check reads every page of a user's groups ({@code GET /api/v1/users/{id}/groups}),
 * which Okta returns 200 a page, and follows only next links that stay on the org and on that
 * user's groups.
 */
class UserGroupsPagingTest {
  /** A member of 450 groups, the employees group the 401st of them: on the third page. */
  private static final UserId MANY = UserId.of("00u1Many");

  /** A user in 450 groups, none of them the employees group. */
  private static final UserId OUTSIDER = UserId.of("00u2Outsider");

  /** A member of 451 groups, the employees group on the second of three pages. */
  private static final UserId EARLY = UserId.of("00u3Early");

  private static final String MANY_GROUPS = "/api/v1/users/00u1Many/groups";

  private SimulatedOkta sim;
  private OktaClient client;

  @BeforeEach
  void start() throws Exception {
    SimDirectory directory =
        new SimDirectory()
            .user(SimUser.of(MANY.value(), "many@example.com", "ACTIVE"))
            .user(SimUser.of(OUTSIDER.value(), "outsider@example.com", "ACTIVE"));
    directory.user(SimUser.of(EARLY.value(), "early@example.com", "ACTIVE"));
    // Okta lists a user's groups in a stable order; the simulated org in the order they were made.
    for (int i = 0; i < 200; i++) {
      directory.member(String.format(Locale.ROOT, "00gLate%04d", i), EARLY.value());
    }
    for (int i = 0; i < 450; i++) {
      String group = String.format(Locale.ROOT, "00gTeam%04d", i);
      directory.member(group, OUTSIDER.value());
      if (i == 400) {
        directory.member(EMPLOYEES.value(), MANY.value());
        directory.member(EMPLOYEES.value(), EARLY.value());
      }
      directory.member(group, MANY.value());
      if (i >= 400) {
        directory.member(group, EARLY.value());
      }
    }
    for (int i = 0; i < 200; i++) {
      directory.member(String.format(Locale.ROOT, "00gLast%04d", i), EARLY.value());
    }
    sim =
        SimulatedOkta.builder()
            .clientId(ResetOrg.CLIENT_ID)
            .publicKey(KEYS.publicKey(), KEYS.keyId())
            .directory(directory)
            .start();
    client =
        OktaClient.builder()
            .orgUrl(sim.orgUrl())
            .clientId(ResetOrg.CLIENT_ID)
            .privateKey(KEYS.privateKey())
            .keyId(KEYS.keyId())
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  private List<String> groupPages(UserId user) {
    return sim.apiCalls().stream()
        .filter(c -> c.path().equals("/api/v1/users/" + user.value() + "/groups"))
        .map(SimulatedOkta.Call::requestLine)
        .toList();
  }

  @Test
  void aMemberOf450GroupsWhoseGroupIsOnPage3IsAllowed() {
    client.resets(EMPLOYEES).revokeSessions(MANY, SessionRevocation.sessionsOnly());

    assertThat(groupPages(MANY))
        .containsExactly(
            "GET " + MANY_GROUPS,
            "GET " + MANY_GROUPS + "?limit=200&after=00gTeam0199",
            "GET " + MANY_GROUPS + "?limit=200&after=00gTeam0399");
    assertThat(sim.directory().revokedSessions())
        .containsExactly(new SimDirectory.RevokedSessions(MANY.value(), false, false));
  }

  @Test
  void theCheckStopsAtThePageThatHoldsTheGroup() {
    assertThat(client.directory().isMember(EARLY, EMPLOYEES)).isTrue();

    // 451 groups, three pages; the employees group is the 201st, so the third page is not read.
    assertThat(groupPages(EARLY))
        .containsExactly(
            "GET /api/v1/users/00u3Early/groups",
            "GET /api/v1/users/00u3Early/groups?limit=200&after=00gLate0199");
  }

  @Test
  void aNonMemberOf450GroupsIsRefusedAfterEveryPageWasRead() {
    assertThatThrownBy(
            () ->
                client.resets(EMPLOYEES).revokeSessions(OUTSIDER, SessionRevocation.sessionsOnly()))
        .isInstanceOf(IamException.PermissionDenied.class)
        .hasMessageContaining(OUTSIDER.value());

    assertThat(groupPages(OUTSIDER)).hasSize(3);
    assertThat(sim.directory().revokedSessions()).isEmpty();
  }

  @Test
  void aNextLinkToAnotherHostIsRefusedBeforeAnythingIsSentThere() {
    sim.respondOnce(
        "GET",
        MANY_GROUPS,
        page("<http://attacker.example:" + sim.url("/").port() + MANY_GROUPS + "?after=x>"));

    assertThatThrownBy(
            () -> client.resets(EMPLOYEES).revokeSessions(MANY, SessionRevocation.sessionsOnly()))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("attacker.example");

    assertThat(groupPages(MANY)).hasSize(1);
    assertThat(sim.directory().revokedSessions()).isEmpty();
  }

  @Test
  void aNextLinkToAnotherUsersGroupsIsRefused() {
    sim.respondOnce(
        "GET", MANY_GROUPS, page("<" + sim.url("/api/v1/users/00u2Outsider/groups") + ">"));

    assertThatThrownBy(
            () -> client.resets(EMPLOYEES).revokeSessions(MANY, SessionRevocation.sessionsOnly()))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("leaves the groups of user " + MANY);

    assertThat(groupPages(OUTSIDER)).isEmpty();
    assertThat(sim.directory().revokedSessions()).isEmpty();
  }

  @Test
  void aNextLinkBackToAPageAlreadyReadIsRefused() {
    sim.respondOnce("GET", MANY_GROUPS, page("<" + sim.url(MANY_GROUPS + "?after=a") + ">"));
    sim.respondOnce("GET", MANY_GROUPS, page("<" + sim.url(MANY_GROUPS + "?after=a") + ">"));

    assertThatThrownBy(
            () -> client.resets(EMPLOYEES).revokeSessions(MANY, SessionRevocation.sessionsOnly()))
        .isInstanceOf(IamException.ProtocolViolation.class)
        .hasMessageContaining("already read");

    assertThat(groupPages(MANY)).hasSize(2);
    assertThat(sim.directory().revokedSessions()).isEmpty();
  }

  /** A page of no groups whose next link is the one given. */
  private static MockResponse page(String nextLink) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .addHeader("link", nextLink + "; rel=\"next\"")
        .body("[]")
        .build();
  }
}
