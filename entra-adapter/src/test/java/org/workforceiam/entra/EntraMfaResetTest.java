package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.workforceiam.entra.SimTenant.id;
import static org.workforceiam.entra.simulator.DemoTenant.ADA;
import static org.workforceiam.entra.simulator.DemoTenant.EMPLOYEES;
import static org.workforceiam.entra.simulator.DemoTenant.GRACE;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Operation;
import org.workforceiam.core.ResetResult;
import org.workforceiam.entra.simulator.AuthMethod;
import org.workforceiam.entra.simulator.DemoTenant;
import org.workforceiam.entra.simulator.EntraTenant;
import org.workforceiam.entra.simulator.EntraUser;

/**
 * MFA resets against the simulated tenant, which refuses, as Graph does, to delete a user's default
 * method while others remain and a mobile phone while an alternate mobile phone exists.
 */
class EntraMfaResetTest {
  private static final String ADA_AUTH = "/v1.0/users/" + ADA + "/authentication/";
  private static final String ADA_AUTHENTICATOR = "a1000000-0000-4000-8000-000000000001";
  private static final String ADA_FIDO = "Q2pTZWN1cml0eUtleUFkYQ";

  /** A member whose default method is the email method, which the reset would delete first. */
  private static final String EVE = "a0000000-0000-4000-8000-0000000000e5";

  private static final String EVE_EMAIL = "e1000000-0000-4000-8000-000000000001";
  private static final String EVE_OATH = "e1000000-0000-4000-8000-000000000002";
  private static final String EVE_APP = "e1000000-0000-4000-8000-000000000003";

  private final SimTenant entra = SimTenant.start(tenant(), b -> {});

  private static EntraTenant tenant() {
    return DemoTenant.directory()
        .user(EntraUser.of(EVE, "eve@contoso.example").mail("eve@contoso.example"))
        .member(EMPLOYEES, EVE)
        .method(EVE, AuthMethod.email(EVE_EMAIL, "eve@home.example"))
        .method(EVE, AuthMethod.softwareOath(EVE_OATH))
        .method(EVE, AuthMethod.authenticatorApp(EVE_APP, "Pixel 9"))
        .defaultMethod(EVE, EVE_EMAIL);
  }

  @AfterEach
  void stop() {
    entra.close();
  }

  @Test
  void resettingAllMethodsListsThemThenDeletesEachThroughItsCollectionDefaultAndMobileLast() {
    ResetResult.Mfa result = entra.resets().resetMfa(id(ADA), MfaReset.allFactors());

    assertThat(entra.graphLines())
        .endsWith(
            "GET " + ADA_AUTH + "methods",
            "DELETE " + ADA_AUTH + "fido2Methods/" + ADA_FIDO,
            "DELETE " + ADA_AUTH + "microsoftAuthenticatorMethods/" + ADA_AUTHENTICATOR,
            "DELETE " + ADA_AUTH + "phoneMethods/" + AuthMethod.ALTERNATE_MOBILE_PHONE_ID,
            "DELETE " + ADA_AUTH + "phoneMethods/" + AuthMethod.MOBILE_PHONE_ID);
    assertThat(result.operation()).isEqualTo(Operation.RESET_ALL_FACTORS);
    assertThat(result.factorsReset())
        .extracting(FactorId::value)
        .containsExactly(
            ADA_FIDO,
            ADA_AUTHENTICATOR,
            AuthMethod.ALTERNATE_MOBILE_PHONE_ID,
            AuthMethod.MOBILE_PHONE_ID);
    assertThat(entra.tenant().methods(ADA))
        .extracting(AuthMethod::type)
        .containsExactly(AuthMethod.Type.PASSWORD);
    assertThat(entra.client.directory().factors(id(ADA))).isEmpty();
  }

  @Test
  void aDefaultMethodGraphRefusesFirstIsDeletedAfterTheOthers() {
    ResetResult.Mfa result = entra.resets().resetMfa(id(EVE), MfaReset.allFactors());

    String auth = "/v1.0/users/" + EVE + "/authentication/";
    assertThat(entra.sim.graphCalls())
        .filteredOn(c -> c.method().equals("DELETE"))
        .extracting(c -> c.path() + " " + c.status())
        .containsExactly(
            auth + "emailMethods/" + EVE_EMAIL + " 400",
            auth + "softwareOathMethods/" + EVE_OATH + " 204",
            auth + "microsoftAuthenticatorMethods/" + EVE_APP + " 204",
            auth + "emailMethods/" + EVE_EMAIL + " 204");
    assertThat(result.factorsReset())
        .extracting(FactorId::value)
        .containsExactly(EVE_OATH, EVE_APP, EVE_EMAIL);
    assertThat(entra.tenant().methods(EVE)).hasSize(1);
  }

  @Test
  void aUserWithoutMethodsHasNothingToResetAndNothingIsDeleted() {
    entra.resets().resetMfa(id(ADA), MfaReset.allFactors());
    int before = entra.sim.graphCalls().size();

    ResetResult.Mfa again = entra.resets().resetMfa(id(ADA), MfaReset.allFactors());

    assertThat(again.factorsReset()).isEmpty();
    assertThat(entra.sim.graphCalls().subList(before, entra.sim.graphCalls().size()))
        .noneMatch(c -> c.method().equals("DELETE"));
  }

  @Test
  void aFailureMidwaySaysExactlyWhatWasDeletedWhatFailedAndWhatWasNotAttempted() {
    entra.sim.failNext("DELETE", "/microsoftAuthenticatorMethods/" + ADA_AUTHENTICATOR, 500);

    IamException.PartiallyApplied e =
        catchThrowableOfType(
            IamException.PartiallyApplied.class,
            () -> entra.resets().resetMfa(id(ADA), MfaReset.allFactors()));

    assertThat(e.applied()).containsExactly("fido2Methods/" + ADA_FIDO);
    assertThat(e.failedStep()).isEqualTo("microsoftAuthenticatorMethods/" + ADA_AUTHENTICATOR);
    assertThat(e.notAttempted())
        .containsExactly(
            "phoneMethods/" + AuthMethod.ALTERNATE_MOBILE_PHONE_ID,
            "phoneMethods/" + AuthMethod.MOBILE_PHONE_ID);
    // A server error answering a write: Graph may have acted.
    assertThat(e.getCause()).isInstanceOf(IamException.OutcomeUnknown.class);
    ResetResult.Mfa done = (ResetResult.Mfa) e.result().orElseThrow();
    assertThat(done.factorsReset()).extracting(FactorId::value).containsExactly(ADA_FIDO);
    assertThat(entra.sim.graphCalls())
        .filteredOn(c -> c.path().endsWith(ADA_AUTHENTICATOR))
        .hasSize(1);
    assertThat(entra.tenant().methods(ADA)).hasSize(4);
  }

  @Test
  void aRefusalMidwayIsPartiallyAppliedWithTheRefusalAsCause() {
    entra.sim.respondOnce(
        "DELETE",
        "/microsoftAuthenticatorMethods/" + ADA_AUTHENTICATOR,
        EntraResetRequestsTest.graphError(403, "accessDenied", "Access denied."));

    IamException.PartiallyApplied e =
        catchThrowableOfType(
            IamException.PartiallyApplied.class,
            () -> entra.resets().resetMfa(id(ADA), MfaReset.allFactors()));

    assertThat(e.getCause()).isInstanceOf(IamException.PermissionDenied.class);
    assertThat(e.applied()).hasSize(1);
  }

  @Test
  void aDeletionWhoseAnswerIsLostIsNeverRepeated() {
    entra.sim.dropConnectionAfterNext(
        "DELETE", "/microsoftAuthenticatorMethods/" + ADA_AUTHENTICATOR);

    IamException.PartiallyApplied e =
        catchThrowableOfType(
            IamException.PartiallyApplied.class,
            () -> entra.resets().resetMfa(id(ADA), MfaReset.allFactors()));

    assertThat(e.getCause()).isInstanceOf(IamException.OutcomeUnknown.class);
    assertThat(e.getMessage()).contains("may or may not have happened");
    assertThat(entra.sim.graphCalls())
        .filteredOn(c -> c.path().endsWith(ADA_AUTHENTICATOR))
        .hasSize(1);
  }

  @Test
  void whenTheFirstDeletionFailsNothingWasDoneAndItsOwnErrorIsThrown() {
    entra.sim.failNext("DELETE", "/fido2Methods/" + ADA_FIDO, 502);

    assertThatThrownBy(() -> entra.resets().resetMfa(id(ADA), MfaReset.allFactors()))
        .isInstanceOf(IamException.OutcomeUnknown.class);
    assertThat(entra.tenant().methods(ADA)).hasSize(5);
  }

  // ------------------------------------------------------------------ one method

  @Test
  void oneMethodIsFoundInTheListAndDeletedThroughItsTypesCollection() {
    ResetResult.Mfa result =
        entra.resets().resetMfa(id(ADA), MfaReset.factor(FactorId.of(ADA_AUTHENTICATOR)));

    assertThat(entra.writes())
        .containsExactly(
            "DELETE " + ADA_AUTH + "microsoftAuthenticatorMethods/" + ADA_AUTHENTICATOR);
    assertThat(entra.graphLines()).contains("GET " + ADA_AUTH + "methods");
    assertThat(result.operation()).isEqualTo(Operation.RESET_FACTOR);
    assertThat(result.factorsReset()).containsExactly(FactorId.of(ADA_AUTHENTICATOR));
    assertThat(entra.tenant().methods(ADA)).hasSize(4);
  }

  @Test
  void anUnknownMethodIsNotFoundAndNothingIsDeleted() {
    assertThatThrownBy(
            () ->
                entra
                    .resets()
                    .resetMfa(
                        id(ADA),
                        MfaReset.factor(FactorId.of("00000000-0000-4000-8000-00000000dead"))))
        .isInstanceOf(IamException.NotFound.class)
        .hasMessageContaining("has no authentication method");
    assertThat(entra.writes()).isEmpty();
  }

  @Test
  void thePasswordMethodCannotBeDeleted() {
    assertThatThrownBy(
            () ->
                entra
                    .resets()
                    .resetMfa(id(ADA), MfaReset.factor(FactorId.of(AuthMethod.PASSWORD_ID))))
        .isInstanceOf(IamException.OperationNotSupported.class)
        .hasMessageContaining("password");
    assertThat(entra.writes()).isEmpty();
  }

  @Test
  void theDefaultMethodWhileOthersRemainIsInvalidStateSayingWhyAndChangesNothing() {
    IamException.InvalidState e =
        catchThrowableOfType(
            IamException.InvalidState.class,
            () -> entra.resets().resetMfa(id(GRACE), MfaReset.factor(FactorId.of(GRACE_APP))));

    assertThat(e.getMessage())
        .contains("will not delete")
        .contains("default")
        .contains("Cannot delete default method with other methods configured");
    assertThat(e.httpStatus()).hasValue(400);
    assertThat(entra.tenant().methods(GRACE)).hasSize(4);
  }

  @Test
  void aMobilePhoneBesideAnAlternateMobilePhoneIsInvalidState() {
    entra.tenant().defaultMethod(ADA, ADA_AUTHENTICATOR);

    assertThatThrownBy(
            () ->
                entra
                    .resets()
                    .resetMfa(id(ADA), MfaReset.factor(FactorId.of(AuthMethod.MOBILE_PHONE_ID))))
        .isInstanceOf(IamException.InvalidState.class)
        .hasMessageContaining("alternate");
    assertThat(entra.tenant().methods(ADA)).hasSize(5);
  }

  @Test
  void aMalformedMethodIdIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(
            () -> entra.resets().resetMfa(id(ADA), MfaReset.factor(FactorId.of("../../users"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(entra.sim.calls()).isEmpty();
  }

  private static final String GRACE_APP = "a1000000-0000-4000-8000-000000000002";
}
