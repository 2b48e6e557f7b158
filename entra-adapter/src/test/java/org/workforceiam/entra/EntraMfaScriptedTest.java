package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.workforceiam.entra.ScriptedEntra.GROUP;
import static org.workforceiam.entra.ScriptedEntra.USER;

import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.ResetResult;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;

/**
 * MFA resets against Graph answers scripted one by one, for what the simulated tenant cannot show:
 * a method refused every time, methods of a type this version does not know, hostile method ids.
 */
class EntraMfaScriptedTest {
  private static final String EMAIL = "11111111-0000-4000-8000-000000000001";
  private static final String OATH = "11111111-0000-4000-8000-000000000002";
  private static final String APP = "11111111-0000-4000-8000-000000000003";
  private static final String HARDWARE = "11111111-0000-4000-8000-000000000004";
  private static final String AUTH = "/v1.0/users/" + USER + "/authentication/";

  private final ScriptedEntra entra = ScriptedEntra.start();
  private final EntraClient client = entra.client();
  private final ResetService resets = client.resets(GroupId.of(GROUP));

  @AfterEach
  void stop() {
    client.close();
    entra.close();
  }

  /** The member check and four empty role listings: a member who holds no role. */
  private void aMemberWithoutRoles() {
    entra.enqueue(200, "{\"value\":[\"" + GROUP + "\"]}");
    for (int i = 0; i < 4; i++) {
      entra.enqueue(200, "{\"value\":[]}");
    }
  }

  private void methods(String... items) {
    entra.enqueue(
        200,
        "{\"value\":[{\"@odata.type\":\"#microsoft.graph.passwordAuthenticationMethod\",\"id\":"
            + "\"28c10230-6103-485e-b985-444c60001490\"}"
            + (items.length == 0 ? "" : "," + String.join(",", items))
            + "]}");
  }

  private static String method(String type, String id) {
    return "{\"@odata.type\":\"#microsoft.graph." + type + "\",\"id\":\"" + id + "\"}";
  }

  private void refused() {
    entra.enqueue(
        400,
        "{\"error\":{\"code\":\"badRequest\",\"message\":\"Cannot delete default method with other"
            + " methods configured.\"}}");
  }

  private void deleted() {
    entra.enqueue(new mockwebserver3.MockResponse.Builder().code(204).build());
  }

  private List<String> deletes() {
    return entra.graphRequests().stream()
        .filter(r -> r.getMethod().equals("DELETE"))
        .map(RecordedRequest::getUrl)
        .map(url -> url.encodedPath().substring(AUTH.length()))
        .toList();
  }

  @Test
  void aMethodGraphKeepsRefusingIsTriedAtMostThreeTimesThenTheResetIsPartiallyApplied() {
    aMemberWithoutRoles();
    methods(
        method("emailAuthenticationMethod", EMAIL),
        method("softwareOathAuthenticationMethod", OATH),
        method("microsoftAuthenticatorAuthenticationMethod", APP));
    refused(); // email
    refused(); // oath
    deleted(); // app
    refused(); // email, second time
    deleted(); // oath, second time
    refused(); // email, third time: given up

    IamException.PartiallyApplied e =
        catchThrowableOfType(
            IamException.PartiallyApplied.class,
            () -> resets.resetMfa(UserId.of(USER), MfaReset.allFactors()));

    assertThat(deletes())
        .containsExactly(
            "emailMethods/" + EMAIL,
            "softwareOathMethods/" + OATH,
            "microsoftAuthenticatorMethods/" + APP,
            "emailMethods/" + EMAIL,
            "softwareOathMethods/" + OATH,
            "emailMethods/" + EMAIL);
    assertThat(e.applied())
        .containsExactly("microsoftAuthenticatorMethods/" + APP, "softwareOathMethods/" + OATH);
    assertThat(e.failedStep()).isEqualTo("emailMethods/" + EMAIL);
    assertThat(e.notAttempted()).isEmpty();
    assertThat(e.getCause()).isInstanceOf(IamException.InvalidState.class);
    assertThat(((ResetResult.Mfa) e.result().orElseThrow()).factorsReset())
        .extracting(FactorId::value)
        .containsExactly(APP, OATH);
  }

  @Test
  void whenEveryRemainingMethodIsRefusedTheResetStopsWithoutLooping() {
    aMemberWithoutRoles();
    methods(
        method("emailAuthenticationMethod", EMAIL),
        method("softwareOathAuthenticationMethod", OATH));
    refused();
    refused();

    assertThatThrownBy(() -> resets.resetMfa(UserId.of(USER), MfaReset.allFactors()))
        .isInstanceOf(IamException.InvalidState.class)
        .hasMessageContaining("Cannot delete default method");
    assertThat(deletes()).containsExactly("emailMethods/" + EMAIL, "softwareOathMethods/" + OATH);
  }

  @Test
  void methodsOfAnUnknownTypeAreNotDeletedAndTheResetSaysSo() {
    aMemberWithoutRoles();
    methods(
        method("hardwareOathAuthenticationMethod", HARDWARE),
        method("emailAuthenticationMethod", EMAIL));
    deleted();

    IamException.PartiallyApplied e =
        catchThrowableOfType(
            IamException.PartiallyApplied.class,
            () -> resets.resetMfa(UserId.of(USER), MfaReset.allFactors()));

    assertThat(deletes()).containsExactly("emailMethods/" + EMAIL);
    assertThat(e.applied()).containsExactly("emailMethods/" + EMAIL);
    assertThat(e.failedStep()).isEqualTo("hardwareOathAuthenticationMethod/" + HARDWARE);
    assertThat(e.getCause()).isInstanceOf(IamException.OperationNotSupported.class);
    assertThat(e.getMessage()).contains("Entra admin center");
  }

  @Test
  void onlyMethodsOfAnUnknownTypeIsNotSupportedAndNothingIsDeleted() {
    aMemberWithoutRoles();
    methods(method("qrCodePinAuthenticationMethod", HARDWARE));

    assertThatThrownBy(() -> resets.resetMfa(UserId.of(USER), MfaReset.allFactors()))
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessageContaining("qrCodePinAuthenticationMethod");
    assertThat(deletes()).isEmpty();
  }

  @Test
  void oneMethodOfAnUnknownTypeIsNotSupportedAndNotDeleted() {
    aMemberWithoutRoles();
    methods(method("hardwareOathAuthenticationMethod", HARDWARE));

    assertThatThrownBy(
            () -> resets.resetMfa(UserId.of(USER), MfaReset.factor(FactorId.of(HARDWARE))))
        .isInstanceOf(IamException.OperationNotSupported.class);
    assertThat(deletes()).isEmpty();
  }

  @Test
  void aListedMethodIdThatCouldLeaveItsPathSegmentIsAProtocolViolationAndNothingIsDeleted() {
    aMemberWithoutRoles();
    methods(
        method("emailAuthenticationMethod", EMAIL),
        method("fido2AuthenticationMethod", "../../../groups/x"));

    assertThatThrownBy(() -> resets.resetMfa(UserId.of(USER), MfaReset.allFactors()))
        .isInstanceOf(IamException.ProtocolViolation.class);
    assertThat(deletes()).isEmpty();
  }
}
