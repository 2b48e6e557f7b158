package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.Employee;
import org.workforceiam.http.PathTemplate;
import org.workforceiam.okta.simulator.Jose;
import org.workforceiam.okta.simulator.MutableClock;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * Logins may legally hold characters that mean something in a URL ({@code ?}, {@code #}, {@code /},
 * {@code %}, {@code +}, a space, a backslash, non-ASCII letters): {@code find} with such a login
 * reaches the simulated Okta with DPoP required, as one percent-encoded path segment, and the DPoP
 * proof's {@code htu} is accepted for it. A backslash used to fail: the proof carried it raw, and a
 * URL parser that follows the WHATWG URL standard (OkHttp's, browsers', many servers') reads a raw
 * {@code \} in an {@code http(s)} path as {@code /}, so the {@code htu} named another path.
 */
class OddLoginLookupTest {
  private final MutableClock clock = SimFixture.clock();
  private SimulatedOkta sim;
  private OktaClient okta;

  @AfterEach
  void stop() {
    if (okta != null) {
      okta.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "back\\slash@example.com",
        "what?is=this@example.com",
        "a#EXT#@example.com",
        "a/b@example.com",
        "100%@example.com",
        "100%41@example.com",
        "a+b@example.com",
        "ada lovelace@example.com",
        "josé@exämple.com",
        "mixed a/b?c#d%e+f\\g é@example.com"
      })
  void findsAUserWhoseLoginHoldsUrlCharactersWithDpopRequired(String login) throws Exception {
    sim =
        SimFixture.sim(clock)
            .requireDpop(true)
            .directory(
                new SimDirectory()
                    .user(SimUser.of("00u1Odd", login, "ACTIVE"))
                    .user(SimUser.of("00u2Other", "other@example.com", "ACTIVE")))
            .start();
    okta =
        OktaClient.builder()
            .orgUrl(sim.orgUrl())
            .clientId(SimFixture.CLIENT_ID)
            .privateKey(SimFixture.KEYS.getPrivate())
            .keyId(SimFixture.KID)
            .clock(clock)
            .dpopMode(DpopMode.REQUIRED)
            .build();

    Employee found = okta.directory().find(login).orElseThrow();

    assertThat(found.id().value()).isEqualTo("00u1Odd");
    assertThat(found.login()).isEqualTo(login);
    assertThat(sim.apiCalls()).hasSize(1);
    SimulatedOkta.Call call = sim.apiCalls().get(0);
    assertThat(call.url().pathSegments()).containsExactly("api", "v1", "users", login);
    assertThat(call.url().encodedPath())
        .isEqualTo("/api/v1/users/" + PathTemplate.percentEncoded(login));
    assertThat(call.url().query()).isNull();
    assertThat(call.status()).isEqualTo(200);
    // Only the token endpoint's nonce handshake was refused: the resource proof's htu matched.
    assertThat(sim.rejections()).containsExactly("use_dpop_nonce");
    Jose.Jws proof = Jose.parse(call.headers().get("DPoP"));
    assertThat(proof.claimString("htu")).doesNotContain("\\", "?", "#");
  }
}
