package org.workforceiam.entra.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Temporary passwords and session revocation, and who the app may reset. */
class ResetsTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final String ADA = "1c000000-0000-4000-8000-000000000001";
  static final String ROOT = "1c000000-0000-4000-8000-000000000002";
  static final String HELPERS = "1c000000-0000-4000-8000-000000000003";
  static final String HELPER = "1c000000-0000-4000-8000-000000000004";
  static final String NEW_PASSWORD =
      "{\"passwordProfile\":{\"password\":\"Tmp-9fQ!x2Lr7#pZ\",\"forceChangePasswordNextSignIn\":true}}";

  private final MutableClock clock = new MutableClock(NOW);

  private static EntraTenant directory() {
    return new EntraTenant()
        .user(EntraUser.of(ADA, "ada@contoso.example"))
        .user(EntraUser.of(ROOT, "root@contoso.example"))
        .user(EntraUser.of(HELPER, "helper@contoso.example"))
        .roleAssignableGroup(HELPERS, "Helpers")
        .member(HELPERS, HELPER)
        .activeRole(ROOT, DirectoryRole.GLOBAL_ADMINISTRATOR)
        .activeRole(HELPERS, DirectoryRole.HELPDESK_ADMINISTRATOR);
  }

  private SimulatedEntra.Builder entra() {
    return SimulatedEntra.builder()
        .certificate(TestApp.CERTIFICATE)
        .clock(clock)
        .tenant(directory());
  }

  @Test
  void aTemporaryPasswordIsRecordedWithTheForcedChange() throws Exception {
    try (SimulatedEntra entra = entra().start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply reply = graph.patch("/v1.0/users/" + ADA, NEW_PASSWORD);

      assertThat(reply.code()).as(reply.body()).isEqualTo(204);
      assertThat(entra.tenant().password(ADA)).contains("Tmp-9fQ!x2Lr7#pZ");
      assertThat(entra.tenant().mustChangePassword(ADA)).isTrue();
      assertThat(entra.tenant().changes()).containsExactly("set_password " + ADA);
      assertThat(entra.graphCalls())
          .singleElement()
          .satisfies(
              call -> {
                assertThat(call.requestLine()).isEqualTo("PATCH /v1.0/users/" + ADA);
                assertThat(call.body()).isEqualTo(NEW_PASSWORD);
                assertThat(call.toString()).doesNotContain("Tmp-9fQ");
              });
    }
  }

  @Test
  void aPasswordOutsideThePolicyIsRefused() throws Exception {
    try (SimulatedEntra entra = entra().start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      for (String weak : List.of("Sh0rt!", "alllowercase1", "NoDigitsOrSymbols", "x".repeat(257))) {
        GraphClient.Reply reply =
            graph.patch(
                "/v1.0/users/" + ADA, "{\"passwordProfile\":{\"password\":\"" + weak + "\"}}");
        assertThat(reply.code()).as(weak).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("Request_BadRequest");
        assertThat(reply.errorMessage()).contains("does not comply with password complexity");
      }
      assertThat(entra.tenant().password(ADA)).isEmpty();
    }
  }

  @Test
  void anAdminsPasswordNeedsPrivilegedAuthenticationAdministrator() throws Exception {
    try (SimulatedEntra helpdesk = entra().start();
        GraphClient graph = new GraphClient(helpdesk).signIn(NOW);
        SimulatedEntra privileged =
            entra().appRoles(DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR).start();
        GraphClient privilegedGraph = new GraphClient(privileged).signIn(NOW)) {
      GraphClient.Reply root = graph.patch("/v1.0/users/" + ROOT, NEW_PASSWORD);
      GraphClient.Reply viaGroup = graph.patch("/v1.0/users/" + HELPER, NEW_PASSWORD);

      assertThat(root.code()).isEqualTo(403);
      assertThat(root.errorCode()).isEqualTo("Authorization_RequestDenied");
      assertThat(viaGroup.code()).isEqualTo(403);
      assertThat(helpdesk.tenant().password(ROOT)).isEmpty();
      assertThat(privilegedGraph.patch("/v1.0/users/" + ROOT, NEW_PASSWORD).code()).isEqualTo(204);
    }
  }

  @Test
  void anAppWithoutADirectoryRoleOrThePermissionSetsNoPassword() throws Exception {
    try (SimulatedEntra noRole = entra().appRoles().start();
        GraphClient graph = new GraphClient(noRole).signIn(NOW);
        SimulatedEntra noPermission = entra().grantedPermissions("User.Read.All").start();
        GraphClient readOnly = new GraphClient(noPermission).signIn(NOW)) {
      assertThat(graph.patch("/v1.0/users/" + ADA, NEW_PASSWORD).code()).isEqualTo(403);
      assertThat(readOnly.patch("/v1.0/users/" + ADA, NEW_PASSWORD).code()).isEqualTo(403);
    }
  }

  @Test
  void revokingSessionsAnswers200WithTrueAndIsRecorded() throws Exception {
    try (SimulatedEntra entra = entra().start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply reply =
          graph.post("/v1.0/users/ada@contoso.example/revokeSignInSessions", "");

      assertThat(reply.code()).isEqualTo(200);
      assertThat(reply.json()).containsEntry("value", true);
      assertThat(entra.tenant().sessionRevocations()).containsExactly(ADA);
    }
  }
}
