package org.workforceiam.okta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.http.PrivateKeys;
import org.workforceiam.http.ServiceAppKey;
import org.workforceiam.http.Transport;
import org.workforceiam.okta.simulator.MutableClock;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/** A simulated org with one registered RSA key and one user, and connections to it. */
final class SimFixture {
  static final String CLIENT_ID = "0oaSimulatedApp1234";
  static final String KID = "test-key-1";
  static final KeyPair KEYS = TestKeys.rsa(2048);
  static final String USER_ID = "00u1AdaLovelace";
  static final String LOGIN = "ada+help@example.com";

  private SimFixture() {}

  static MutableClock clock() {
    return new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  }

  static SimulatedOkta.Builder sim(Clock clock) {
    return SimulatedOkta.builder()
        .clientId(CLIENT_ID)
        .publicKey(KEYS.getPublic(), KID)
        .clock(clock)
        .directory(new SimDirectory().user(SimUser.of(USER_ID, LOGIN, "ACTIVE")));
  }

  static ServiceAppKey key() {
    return PrivateKeys.fromKey(KEYS.getPrivate(), KID);
  }

  static OktaConnection connect(SimulatedOkta sim, DpopMode mode, Clock clock) {
    return connect(sim, key(), mode, clock, HttpLogging.NONE);
  }

  static OktaConnection connect(
      SimulatedOkta sim, ServiceAppKey key, DpopMode mode, Clock clock, HttpLogging logging) {
    return new OktaConnection(
        OrgUrl.parse(sim.orgUrl()),
        CLIENT_ID,
        key,
        OktaClient.DEFAULT_SCOPES,
        null,
        clock,
        mode,
        logging);
  }

  static OktaConnection connect(
      SimulatedOkta sim, DpopMode mode, Clock clock, List<String> scopes) {
    return new OktaConnection(
        OrgUrl.parse(sim.orgUrl()), CLIENT_ID, key(), scopes, null, clock, mode, HttpLogging.NONE);
  }

  /** GETs a path through the connection's authorizing transport and returns the status. */
  static int get(OktaConnection connection, HttpUrl url) {
    try (Response response =
        connection
            .api()
            .execute(() -> new Request.Builder().url(url).build(), Transport.Safety.REPEATABLE)) {
      response.body().string();
      return response.code();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpUrl userUrl(SimulatedOkta sim, String idOrLogin) {
    return sim.url("/")
        .newBuilder()
        .addPathSegments("api/v1/users")
        .addPathSegment(idOrLogin)
        .build();
  }
}
