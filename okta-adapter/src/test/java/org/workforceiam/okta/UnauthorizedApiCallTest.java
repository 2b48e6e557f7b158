package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.okta.SimFixture.CLIENT_ID;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.okta.simulator.MutableClock;

/**
 * Only a 401 that says the access token is no longer accepted refreshes it. Okta also answers 401
 * for other reasons, notably {@code E0000015} (a feature that is not enabled): throwing the token
 * away then costs a token request on every such call and cannot help.
 */
class UnauthorizedApiCallTest {
  private final MutableClock clock = SimFixture.clock();
  private final MockWebServer okta = new MockWebServer();
  private final List<OktaConnection> connections = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    okta.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    connections.forEach(OktaConnection::close);
    okta.close();
  }

  @Test
  void a401ForADisabledFeatureKeepsTheTokenAndIsReturnedAsIs() throws Exception {
    okta.enqueue(token("token-1"));
    okta.enqueue(oktaError(401, "E0000015", "You do not have permission to access the feature"));
    okta.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    OktaConnection connection = connect();

    assertThat(SimFixture.get(connection, url("/api/v1/feature"))).isEqualTo(401);
    assertThat(SimFixture.get(connection, url("/api/v1/users/me"))).isEqualTo(200);

    assertThat(paths()).containsExactly("/oauth2/v1/token", "/api/v1/feature", "/api/v1/users/me");
  }

  @Test
  void a401WithOktasInvalidTokenCodeRefreshesTheTokenAndRetriesOnce() throws Exception {
    okta.enqueue(token("token-1"));
    okta.enqueue(oktaError(401, "E0000011", "Invalid token provided"));
    okta.enqueue(token("token-2"));
    okta.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    OktaConnection connection = connect();

    assertThat(SimFixture.get(connection, url("/api/v1/users/me"))).isEqualTo(200);

    List<RecordedRequest> requests = recorded();
    assertThat(requests)
        .extracting(r -> r.getUrl().encodedPath())
        .containsExactly(
            "/oauth2/v1/token", "/api/v1/users/me", "/oauth2/v1/token", "/api/v1/users/me");
    assertThat(requests.get(3).getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
  }

  @Test
  void a401WithAnInvalidTokenChallengeRefreshesTheTokenAndRetriesOnce() throws Exception {
    okta.enqueue(token("token-1"));
    okta.enqueue(
        new MockResponse.Builder()
            .code(401)
            .setHeader(
                "WWW-Authenticate",
                "Bearer realm=\"okta\", error=\"invalid_token\","
                    + " error_description=\"The token has expired.\"")
            .build());
    okta.enqueue(token("token-2"));
    okta.enqueue(new MockResponse.Builder().code(200).body("{}").build());
    OktaConnection connection = connect();

    assertThat(SimFixture.get(connection, url("/api/v1/users/me"))).isEqualTo(200);

    assertThat(recorded().get(3).getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
  }

  // ------------------------------------------------------------------ helpers

  private OktaConnection connect() {
    OktaConnection connection =
        new OktaConnection(
            OrgUrl.parse("http://" + okta.getHostName() + ":" + okta.getPort()),
            CLIENT_ID,
            SimFixture.key(),
            OktaClient.DEFAULT_SCOPES,
            null,
            clock,
            DpopMode.OFF,
            HttpLogging.NONE);
    connections.add(connection);
    return connection;
  }

  private HttpUrl url(String path) {
    return okta.url(path);
  }

  private List<RecordedRequest> recorded() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    for (int i = okta.getRequestCount(); i > 0; i--) {
      requests.add(Objects.requireNonNull(okta.takeRequest()));
    }
    return requests;
  }

  private List<String> paths() throws InterruptedException {
    return recorded().stream().map(r -> r.getUrl().encodedPath()).toList();
  }

  private static MockResponse token(String value) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(
            "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\""
                + value
                + "\",\"scope\":\"okta.groups.read okta.users.manage\"}")
        .build();
  }

  private static MockResponse oktaError(int status, String code, String summary) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(
            "{\"errorCode\":\""
                + code
                + "\",\"errorSummary\":\""
                + summary
                + "\",\"errorLink\":\""
                + code
                + "\",\"errorId\":\"oae1\",\"errorCauses\":[]}")
        .build();
  }
}
