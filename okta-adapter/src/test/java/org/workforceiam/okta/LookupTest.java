package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.Employee;
import org.workforceiam.core.Factor;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.MutableClock;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimFactor;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/** Lookups against the simulated Okta, with DPoP on: exact paths and the answers' decoding. */
class LookupTest {
  private final MutableClock clock = SimFixture.clock();
  private SimulatedOkta sim;
  private OktaConnection okta;

  @BeforeEach
  void start() throws Exception {
    SimDirectory directory =
        new SimDirectory()
            .user(
                SimUser.of("00u1", "ada.lovelace+it@example.com", "ACTIVE")
                    .profile("firstName", "Ada")
                    .profile("lastName", "Lovelace")
                    .profile("email", "ada@example.com"))
            .user(
                SimUser.of("00u2", "quote\"d@example.com", "ACTIVE")
                    .profile("email", "q\"x@example.com"))
            .user(
                SimUser.of("00u3", "twin1@example.com", "ACTIVE")
                    .profile("email", "twin@example.com"))
            .user(
                SimUser.of("00u4", "twin2@example.com", "ACTIVE")
                    .profile("email", "twin@example.com"))
            .member("00gEmployees1", "00u1")
            .factor("00u1", new SimFactor("sms1", "sms", "OKTA", "ACTIVE"))
            .factor(
                "00u1", new SimFactor("ost1", "token:software:totp", "GOOGLE", "SOMETHING_NEW"));
    sim = SimFixture.sim(clock).directory(directory).start();
    okta = SimFixture.connect(sim, DpopMode.AUTO, clock);
  }

  @AfterEach
  void stop() {
    okta.close();
    sim.close();
  }

  @Test
  void findsAUserById() {
    Employee ada = okta.directory().findById(UserId.of("00u1")).orElseThrow();
    assertThat(ada.login()).isEqualTo("ada.lovelace+it@example.com");
    assertThat(ada.firstName()).contains("Ada");
    assertThat(sim.apiCalls().get(0).path()).isEqualTo("/api/v1/users/00u1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ada.lovelace+it@example.com", "ADA.LOVELACE+IT@EXAMPLE.COM"})
  void findsAUserByALoginWithAtPlusAndDot(String login) {
    assertThat(okta.directory().findByLogin(login)).map(e -> e.id().value()).contains("00u1");
    // Only the token endpoint's nonce handshake: the proof's htu matched the login's path.
    assertThat(sim.rejections()).containsExactly("use_dpop_nonce");
  }

  @Test
  void aLoginIsPercentEncodedInThePath() {
    assertThat(okta.directory().findByLogin("ada.lovelace+it@example.com")).isPresent();
    assertThat(sim.apiCalls().get(0).path())
        .isEqualTo("/api/v1/users/ada.lovelace%2Bit%40example.com");
  }

  @Test
  void findTakesOneRequestForALogin() {
    assertThat(okta.directory().find("ada.lovelace+it@example.com")).isPresent();
    assertThat(sim.apiCalls()).hasSize(1);
  }

  @Test
  void findFallsBackToTheEmailSearch() {
    assertThat(okta.directory().find("ada@example.com")).map(e -> e.id().value()).contains("00u1");
    assertThat(sim.apiCalls())
        .extracting(SimulatedOkta.Call::path)
        .containsExactly("/api/v1/users/ada%40example.com", "/api/v1/users");
  }

  @Test
  void findsAUserByPrimaryEmail() {
    assertThat(okta.directory().findByEmail(" ADA@example.com "))
        .map(e -> e.id().value())
        .contains("00u1");
    SimulatedOkta.Call call = sim.apiCalls().get(0);
    assertThat(call.url().queryParameter("search"))
        .isEqualTo("profile.email eq \"ADA@example.com\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "q\"x@example.com",
        "x@example.com\" or profile.email sw \"",
        "back\\slash@example.com",
        "ada @example.com",
        "ada\t@example.com",
        "ada\u00a0@example.com",
        "ada@example.com\nX-Injected: 1",
        "ada\u0000@example.com",
        "ada\u001b[31m@example.com",
        "ada\u200b@example.com"
      })
  void anEmailThatCouldChangeTheSearchIsRefusedBeforeAnyRequest(String email) {
    assertThatThrownBy(() -> okta.directory().findByEmail(email))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("email '")
        .hasMessageContaining("must not contain quotes, backslashes, white space or control")
        .hasMessageNotContaining("\u001b")
        .hasMessageNotContaining("\n");
    assertThat(sim.apiCalls()).extracting(SimulatedOkta.Call::path).doesNotContain("/api/v1/users");
  }

  @Test
  void aSearchHitWithAnotherPrimaryEmailIsNotAMatch() {
    // A server that answers the search with someone else's record, here twin1's.
    sim.respondOnce(
        "GET",
        "/api/v1/users",
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(
                "[{\"id\":\"00u3\",\"status\":\"ACTIVE\",\"profile\":{\"login\":"
                    + "\"twin1@example.com\",\"email\":\"twin@example.com\"}}]")
            .build());

    assertThat(okta.directory().findByEmail("ada@example.com")).isEmpty();
    assertThat(sim.apiCalls()).hasSize(1);
  }

  @Test
  void aSearchHitIsAMatchWhateverTheCaseOfItsEmail() {
    sim.respondOnce(
        "GET",
        "/api/v1/users",
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(
                "[{\"id\":\"00u1\",\"status\":\"ACTIVE\",\"profile\":{\"login\":"
                    + "\"ada.lovelace+it@example.com\",\"email\":\"Ada@Example.COM\"}}]")
            .build());

    assertThat(okta.directory().findByEmail("ada@example.com"))
        .map(e -> e.id().value())
        .contains("00u1");
  }

  @Test
  void anEmailSharedByTwoUsersIsAmbiguous() {
    assertThatThrownBy(() -> okta.directory().findByEmail("twin@example.com"))
        .isInstanceOf(IamException.AmbiguousUser.class)
        .hasMessageContaining("twin@example.com")
        .hasMessageContaining("00u3")
        .hasMessageContaining("id or login");
  }

  @Test
  void anUnknownUserIsEmpty() {
    assertThat(okta.directory().findById(UserId.of("00uNope"))).isEmpty();
    assertThat(okta.directory().findByEmail("nobody@example.com")).isEmpty();
    assertThat(okta.directory().find("nobody@example.com")).isEmpty();
  }

  @Test
  void listsFactorsKeepingValuesThisLibraryDoesNotKnow() {
    List<Factor> factors = okta.directory().factors(UserId.of("00u1"));
    assertThat(factors)
        .extracting(f -> f.id().value(), Factor::type, Factor::provider, Factor::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sms1", "sms", "OKTA", "ACTIVE"),
            org.assertj.core.groups.Tuple.tuple(
                "ost1", "token:software:totp", "GOOGLE", "SOMETHING_NEW"));
    assertThat(sim.apiCalls().get(0).path()).isEqualTo("/api/v1/users/00u1/factors");
  }

  @Test
  void checksMembershipWithOneRequest() {
    assertThat(okta.directory().isMember(UserId.of("00u1"), GroupId.of("00gEmployees1"))).isTrue();
    assertThat(okta.directory().isMember(UserId.of("00u2"), GroupId.of("00gEmployees1"))).isFalse();
    assertThat(sim.apiCalls())
        .extracting(SimulatedOkta.Call::path)
        .containsExactly("/api/v1/users/00u1/groups", "/api/v1/users/00u2/groups");
  }
}
