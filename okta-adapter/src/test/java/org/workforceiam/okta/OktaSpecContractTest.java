package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.workforceiam.okta.simulator.SimulatedOkta;
import org.workforceiam.okta.spec.OktaSpec;
import org.workforceiam.okta.spec.SpecConformance;

/**
 * Holds the adapter to Okta's published OpenAPI specs ({@code management-minimal.yaml}, and {@code
 * oauth-minimal.yaml} for the token endpoint), read from the {@code shared/okta} folder beside the
 * repository checkout (see {@link OktaSpec}).
 *
 * <p>Conformance is checked where each request arrives: every simulated org of the test run, and
 * the scripted server, refuse a request of the adapter that the spec does not have ({@link
 * SpecConformance}), so the test that sent it fails, whatever runs before or beside it. This class
 * proves that the check is in place and that it refuses what Okta does not have, and covers the
 * adapter's whole vocabulary on a workload of its own ({@link SpecWorkload}): every operation and
 * every query parameter the adapter can send.
 *
 * <p>Without the spec folder these tests are skipped with a message naming where the spec was
 * looked for; with {@code -Dworkforceiam.strictSpec=true} (this project's CI) they fail instead.
 */
class OktaSpecContractTest {

  @Test
  void everyOperationAndQueryParameterTheAdapterCanSendIsInOktasSpec() throws Exception {
    OktaSpec spec = OktaSpec.requireForTest();
    List<SimulatedOkta.Call> calls = SpecWorkload.run();

    List<String> unknown = new ArrayList<>();
    Set<String> covered = new TreeSet<>();
    Set<String> coveredWithQuery = new TreeSet<>();
    for (SimulatedOkta.Call call : calls) {
      OktaSpec.Request request = OktaSpec.Request.of(call.method(), call.url());
      spec.check(request).ifPresent(unknown::add);
      spec.operation(request)
          .ifPresent(
              operation -> {
                covered.add(operation);
                coveredWithQuery.add(operation + " " + new TreeSet<>(request.queryParameters()));
              });
    }
    assertThat(unknown).as("requests not in Okta's spec").isEmpty();
    assertThat(covered)
        .as("the operations the workload exercised")
        .contains(
            "GET /api/v1/groups/{groupId}",
            "GET /api/v1/groups/{groupId}/users",
            "GET /api/v1/users/{id}",
            "GET /api/v1/users",
            "GET /api/v1/users/{userId}/factors",
            "GET /api/v1/users/{id}/groups",
            "POST /api/v1/users/{id}/lifecycle/reset_password",
            "POST /api/v1/users/{id}/lifecycle/expire_password_with_temp_password",
            "POST /api/v1/users/{id}/lifecycle/expire_password",
            "POST /api/v1/users/{id}/lifecycle/reset_factors",
            "DELETE /api/v1/users/{userId}/factors/{factorId}",
            "POST /api/v1/users/{id}/lifecycle/unlock",
            "DELETE /api/v1/users/{userId}/sessions",
            "POST /oauth2/v1/token");
    assertThat(coveredWithQuery)
        .as("every query parameter the adapter can send was checked against the spec")
        .contains(
            "GET /api/v1/groups/{groupId}/users [after, limit]",
            "POST /api/v1/users/{id}/lifecycle/reset_password [revokeSessions, sendEmail]",
            "POST /api/v1/users/{id}/lifecycle/expire_password_with_temp_password"
                + " [revokeSessions]",
            "DELETE /api/v1/users/{userId}/factors/{factorId} [removeRecoveryEnrollment]",
            "DELETE /api/v1/users/{userId}/sessions [forgetDevices, oauthTokens]");
  }

  @Test
  void theSpecCheckRefusesWhatOktaDoesNotHave() {
    OktaSpec spec = OktaSpec.requireForTest();
    assertThat(spec.check(new OktaSpec.Request("GET", "/api/v1/groups/00g1/members", Set.of())))
        .hasValueSatisfying(problem -> assertThat(problem).contains("no such path"));
    assertThat(
            spec.check(
                new OktaSpec.Request("GET", "/api/v1/groups/00g1/users", Set.of("pageSize"))))
        .hasValueSatisfying(problem -> assertThat(problem).contains("[pageSize]"));
    assertThat(
            spec.check(
                new OktaSpec.Request(
                    "POST",
                    "/api/v1/users/00u1/lifecycle/expire_password",
                    Set.of("tempPassword"))))
        .isPresent();
    assertThat(spec.check(new OktaSpec.Request("PATCH", "/api/v1/users/00u1/factors", Set.of())))
        .hasValueSatisfying(problem -> assertThat(problem).contains("no such method"));
    assertThat(
            spec.check(
                new OktaSpec.Request("GET", "/api/v1/groups/00g1/users", Set.of("limit", "after"))))
        .isEmpty();
  }

  @Test
  void anyRequestOfTheAdapterOutsideTheSpecIsRefusedWhenItArrivesAtASimulatedOrg()
      throws Exception {
    OktaSpec.requireForTest();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    OkHttpClient http = new OkHttpClient();
    // No check configured on this org: the service listed in META-INF/services applies to all.
    try (SimulatedOkta sim =
        SimulatedOkta.builder()
            .publicKey(generator.generateKeyPair().getPublic(), "k")
            .group("00g1", "Employees")
            .start()) {
      Request outsideSpec =
          new Request.Builder()
              .url(sim.url("/api/v1/groups/00g1/users?pageSize=5"))
              .header("User-Agent", "workforce-iam/test")
              .build();
      try (Response response = http.newCall(outsideSpec).execute()) {
        assertThat(response.code()).isEqualTo(400);
        assertThat(response.body().string())
            .contains("E0000001")
            .contains("not in Okta's OpenAPI spec")
            .contains("[pageSize]");
      }
      assertThat(sim.rejections())
          .singleElement()
          .asString()
          .startsWith("request_check: not in Okta's OpenAPI spec");

      Request handCrafted =
          new Request.Builder().url(sim.url("/api/v1/groups/00g1/users?pageSize=5")).build();
      try (Response response = http.newCall(handCrafted).execute()) {
        assertThat(response.code())
            .as("a request not sent by the adapter is left to the org, which wants a token")
            .isEqualTo(401);
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
