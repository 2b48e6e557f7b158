package org.workforceiam.entra.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authentication methods: listing, Graph's deletion rules, and Temporary Access Passes. */
class AuthenticationMethodsTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final String ADA = "1b000000-0000-4000-8000-000000000001";
  static final String ROOT = "1b000000-0000-4000-8000-000000000002";
  static final String APP_ID = "4b000000-0000-4000-8000-000000000001";
  static final String FIDO = "Q2pTZWN1cml0eUtleQ";
  static final String OATH = "4b000000-0000-4000-8000-000000000002";
  static final String TAP = "/authentication/temporaryAccessPassMethods";

  private final MutableClock clock = new MutableClock(NOW);

  private static EntraTenant directory() {
    return new EntraTenant()
        .user(EntraUser.of(ADA, "ada@contoso.example"))
        .user(EntraUser.of(ROOT, "root@contoso.example"))
        .activeRole(ROOT, DirectoryRole.GLOBAL_ADMINISTRATOR)
        .method(ADA, AuthMethod.mobilePhone("+1 2065550100"))
        .method(ADA, AuthMethod.alternateMobilePhone("+1 2065550101"))
        .method(ADA, AuthMethod.authenticatorApp(APP_ID, "Pixel 8"))
        .method(ADA, AuthMethod.fido2(FIDO, "YubiKey"))
        .defaultMethod(ADA, APP_ID)
        .method(ROOT, AuthMethod.softwareOath(OATH))
        .method(ROOT, AuthMethod.email("4b000000-0000-4000-8000-000000000003", "r@home.example"))
        .defaultMethod(ROOT, OATH);
  }

  private SimulatedEntra.Builder entra(EntraTenant tenant) {
    return SimulatedEntra.builder().certificate(TestApp.CERTIFICATE).clock(clock).tenant(tenant);
  }

  @Test
  void methodsAreListedWithIdAndOdataTypeThePasswordIncluded() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply reply = graph.get("/v1.0/users/" + ADA + "/authentication/methods");

      assertThat(reply.value())
          .extracting(m -> m.get("@odata.type") + " " + m.get("id"))
          .containsExactly(
              "#microsoft.graph.passwordAuthenticationMethod " + AuthMethod.PASSWORD_ID,
              "#microsoft.graph.phoneAuthenticationMethod " + AuthMethod.MOBILE_PHONE_ID,
              "#microsoft.graph.phoneAuthenticationMethod " + AuthMethod.ALTERNATE_MOBILE_PHONE_ID,
              "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod " + APP_ID,
              "#microsoft.graph.fido2AuthenticationMethod " + FIDO);
      assertThat(reply.value().get(1)).containsEntry("phoneType", "mobile");
    }
  }

  @Test
  void aMethodIsDeletedThroughItsTypesCollectionNotThroughMethods() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply viaMethods =
          graph.delete("/v1.0/users/" + ADA + "/authentication/methods/" + FIDO);
      GraphClient.Reply wrongCollection =
          graph.delete("/v1.0/users/" + ADA + "/authentication/phoneMethods/" + FIDO);
      GraphClient.Reply deleted =
          graph.delete("/v1.0/users/" + ADA + "/authentication/fido2Methods/" + FIDO);

      assertThat(viaMethods.code()).isEqualTo(404);
      assertThat(viaMethods.body()).contains("No HTTP resource was found");
      assertThat(wrongCollection.code()).isEqualTo(404);
      assertThat(deleted.code()).isEqualTo(204);
      assertThat(entra.tenant().methods(ADA)).extracting(AuthMethod::id).doesNotContain(FIDO);
      assertThat(entra.tenant().changes())
          .containsExactly("delete_method " + ADA + " fido2Methods/" + FIDO);
    }
  }

  @Test
  void thePasswordMethodCannotBeDeleted() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply reply =
          graph.delete(
              "/v1.0/users/" + ADA + "/authentication/passwordMethods/" + AuthMethod.PASSWORD_ID);

      assertThat(reply.code()).isEqualTo(400);
      assertThat(entra.tenant().methods(ADA)).hasSize(5);
    }
  }

  @Test
  void theDefaultMethodGoesLastAndAMobilePhoneAfterTheAlternateMobile() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      String user = "/v1.0/users/" + ADA + "/authentication/";
      GraphClient.Reply defaultFirst =
          graph.delete(user + "microsoftAuthenticatorMethods/" + APP_ID);
      GraphClient.Reply mobileFirst =
          graph.delete(user + "phoneMethods/" + AuthMethod.MOBILE_PHONE_ID);

      assertThat(defaultFirst.code()).isEqualTo(400);
      assertThat(defaultFirst.errorCode()).isEqualTo("badRequest");
      assertThat(defaultFirst.errorMessage())
          .startsWith("Cannot delete default method with other methods configured.");
      assertThat(mobileFirst.code()).isEqualTo(400);
      assertThat(mobileFirst.errorMessage()).contains("alternateMobile");

      for (String path :
          List.of(
              "fido2Methods/" + FIDO,
              "phoneMethods/" + AuthMethod.ALTERNATE_MOBILE_PHONE_ID,
              "phoneMethods/" + AuthMethod.MOBILE_PHONE_ID,
              "microsoftAuthenticatorMethods/" + APP_ID)) {
        assertThat(graph.delete(user + path).code()).as(path).isEqualTo(204);
      }
      assertThat(entra.tenant().methods(ADA))
          .extracting(AuthMethod::type)
          .containsExactly(AuthMethod.Type.PASSWORD);
      assertThat(entra.tenant().defaultMethod(ADA)).isEmpty();
    }
  }

  @Test
  void anAdminsMethodsAreDeletedAndAPassIssuedAsGraphAllowsApplicationPermissions()
      throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      String user = "/v1.0/users/" + ROOT + "/authentication/";

      assertThat(graph.delete(user + "emailMethods/4b000000-0000-4000-8000-000000000003").code())
          .isEqualTo(204);
      assertThat(graph.delete(user + "softwareOathMethods/" + OATH).code()).isEqualTo(204);
      assertThat(graph.post("/v1.0/users/" + ROOT + TAP, "{}").code()).isEqualTo(201);
      assertThat(entra.tenant().temporaryAccessPass(ROOT)).isPresent();
    }
  }

  @Test
  void aPassIsIssuedWithinThePolicyAndANewOneReplacesTheOld() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply first =
          graph.post(
              "/v1.0/users/" + ADA + TAP, "{\"lifetimeInMinutes\":60,\"isUsableOnce\":true}");
      GraphClient.Reply second = graph.post("/v1.0/users/" + ADA + TAP, "{}");

      assertThat(first.code()).as(first.body()).isEqualTo(201);
      assertThat(first.json())
          .containsEntry("@odata.type", "#microsoft.graph.temporaryAccessPassAuthenticationMethod")
          .containsEntry("lifetimeInMinutes", 60.0)
          .containsEntry("isUsableOnce", true)
          .containsEntry("isUsable", true)
          .containsEntry("startDateTime", NOW.toString());
      String pass = String.valueOf(second.json().get("temporaryAccessPass"));
      assertThat(pass).hasSize(8).isNotEqualTo(first.json().get("temporaryAccessPass"));
      assertThat(entra.tenant().temporaryAccessPass(ADA)).contains(pass);
      assertThat(entra.tenant().methods(ADA))
          .filteredOn(m -> m.type() == AuthMethod.Type.TEMPORARY_ACCESS_PASS)
          .singleElement()
          .satisfies(m -> assertThat(m.id()).isEqualTo(second.json().get("id")));
      GraphClient.Reply listed = graph.get("/v1.0/users/" + ADA + TAP);
      assertThat(listed.value().get(0)).containsEntry("temporaryAccessPass", null);
      assertThat(entra.graphCalls().toString()).doesNotContain(pass);
    }
  }

  @Test
  void aPassOutsideThePolicyIsRefused() throws Exception {
    try (SimulatedEntra entra = entra(directory()).start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      GraphClient.Reply tooShort =
          graph.post("/v1.0/users/" + ADA + TAP, "{\"lifetimeInMinutes\":5}");
      GraphClient.Reply tooLong =
          graph.post("/v1.0/users/" + ADA + TAP, "{\"lifetimeInMinutes\":43201}");
      GraphClient.Reply reusable =
          graph.post("/v1.0/users/" + ADA + TAP, "{\"isUsableOnce\":false}");

      assertThat(tooShort.code()).isEqualTo(400);
      assertThat(tooShort.errorMessage())
          .isEqualTo("Invalid LifetimeInMinutes specified. The valid range between 10 and 43200.");
      assertThat(tooLong.code()).isEqualTo(400);
      assertThat(reusable.code()).isEqualTo(400);
      assertThat(entra.tenant().temporaryAccessPass(ADA)).isEmpty();
    }
  }

  @Test
  void aTenantPolicyMayAllowReusablePassesOrTurnPassesOff() throws Exception {
    try (SimulatedEntra reusable =
            entra(directory().temporaryAccessPassPolicy(60, 480, 120, false)).start();
        GraphClient graph = new GraphClient(reusable).signIn(NOW);
        SimulatedEntra off = entra(directory().temporaryAccessPassDisabled()).start();
        GraphClient offGraph = new GraphClient(off).signIn(NOW)) {
      GraphClient.Reply passed = graph.post("/v1.0/users/" + ADA + TAP, "{\"isUsableOnce\":false}");
      GraphClient.Reply tooLong =
          graph.post("/v1.0/users/" + ADA + TAP, "{\"lifetimeInMinutes\":600}");

      assertThat(passed.json())
          .containsEntry("isUsableOnce", false)
          .containsEntry("lifetimeInMinutes", 120.0);
      assertThat(tooLong.errorMessage()).contains("between 60 and 480");
      assertThat(offGraph.post("/v1.0/users/" + ADA + TAP, "{}").code()).isEqualTo(400);
    }
  }

  @Test
  void deletingMethodsNeedsTheReadWritePermission() throws Exception {
    try (SimulatedEntra entra =
            entra(directory()).grantedPermissions("UserAuthenticationMethod.Read.All").start();
        GraphClient graph = new GraphClient(entra).signIn(NOW)) {
      assertThat(graph.get("/v1.0/users/" + ADA + "/authentication/methods").code()).isEqualTo(200);
      GraphClient.Reply delete =
          graph.delete("/v1.0/users/" + ADA + "/authentication/fido2Methods/" + FIDO);
      assertThat(delete.code()).isEqualTo(403);
      assertThat(delete.errorCode()).isEqualTo("Authorization_RequestDenied");
      assertThat(graph.post("/v1.0/users/" + ADA + TAP, "{}").code()).isEqualTo(403);
    }
  }
}
