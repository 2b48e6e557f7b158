package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.entra.ScriptedEntra.GROUP;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;

class EntraConnectionCheckTest {
  private static final String USERS =
      "{\"value\":[{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\""
          + ScriptedEntra.USER
          + "\",\"userPrincipalName\":\"ada@contoso.com\",\"accountEnabled\":true}]}";

  private final ScriptedEntra entra = ScriptedEntra.start();

  @AfterEach
  void stop() {
    entra.close();
  }

  private EntraConnectionCheck check(EntraCredential credential) {
    try (EntraClient client = entra.builder(credential).build()) {
      return client.check(GroupId.of(GROUP));
    }
  }

  @Test
  void aWorkingSetUpHasNoProblemsAndReportsWhatItFound() {
    entra
        .enqueue(200, "{\"id\":\"" + GROUP + "\",\"displayName\":\"Employees\"}")
        .enqueue(200, USERS);

    EntraConnectionCheck check = check(TestCerts.MADE.credential());

    assertThat(check.ok()).isTrue();
    assertThat(check.problems()).isEmpty();
    assertThat(check.warnings()).isEmpty();
    assertThat(check.tenantId()).isEqualTo(ScriptedEntra.TENANT);
    assertThat(check.tokenType()).hasValue("Bearer");
    assertThat(check.scopesRequested()).isEqualTo(EntraClient.REQUIRED_PERMISSIONS);
    assertThat(check.scopesGranted()).isEqualTo(EntraClient.REQUIRED_PERMISSIONS);
    assertThat(check.missingPermissions()).isEmpty();
    assertThat(check.groupId()).isEqualTo(GroupId.of(GROUP));
    assertThat(check.groupReadable()).isTrue();
    assertThat(check.firstPageCount()).hasValue(1);
    assertThat(check.certificateExpiresAt()).hasValue(TestCerts.MADE.notAfter());
    assertThat(check.failure()).isEmpty();
    assertThat(entra.graphRequests().get(0).getUrl().encodedPath())
        .isEqualTo("/v1.0/groups/" + GROUP);
  }

  @Test
  void eachMissingPermissionIsNamed() {
    entra.roles(List.of("User.Read.All", "GroupMember.Read.All", "Directory.Read.All"));
    entra.enqueue(200, "{\"id\":\"" + GROUP + "\"}").enqueue(200, USERS);

    EntraConnectionCheck check = check(TestCerts.MADE.credential());

    assertThat(check.ok()).isFalse();
    assertThat(check.scopesGranted())
        .containsExactly("User.Read.All", "GroupMember.Read.All", "Directory.Read.All");
    assertThat(check.missingPermissions())
        .containsExactly(
            "UserAuthenticationMethod.ReadWrite.All",
            "User-PasswordProfile.ReadWrite.All",
            "User.RevokeSessions.All",
            "RoleManagement.Read.Directory");
    assertThat(check.problems())
        .singleElement()
        .asString()
        .contains("RoleManagement.Read.Directory")
        .contains("admin consent");
  }

  @Test
  void aCertificateExpiringWithin30DaysIsAWarningAndAnExpiredOneAProblem() {
    entra.clock.advance(Duration.ofDays(365 - 10));
    entra.enqueue(200, "{\"id\":\"" + GROUP + "\"}").enqueue(200, USERS);
    EntraConnectionCheck soon = check(TestCerts.MADE.credential());
    assertThat(soon.ok()).isTrue();
    assertThat(soon.warnings())
        .singleElement()
        .asString()
        .contains(TestCerts.MADE.thumbprintSha1())
        .contains("within 30 days");

    entra.clock.advance(Duration.ofDays(11));
    entra.enqueue(200, "{\"id\":\"" + GROUP + "\"}").enqueue(200, USERS);
    EntraConnectionCheck expired = check(TestCerts.MADE.credential());
    assertThat(expired.ok()).isFalse();
    assertThat(expired.problems()).singleElement().asString().contains("expired");
  }

  @Test
  void aRefusedTokenIsTheFailureAndNothingElseIsAsked() {
    entra.nextTokenResponse(
        ScriptedEntra.json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client"
                + " secret provided.\",\"error_codes\":[7000215]}"));

    EntraConnectionCheck check =
        check(EntraCredential.clientSecret(org.workforceiam.core.Secret.of("wrong")));

    assertThat(check.ok()).isFalse();
    assertThat(check.tokenType()).isEmpty();
    assertThat(check.failure()).get().isInstanceOf(IamException.AuthenticationFailed.class);
    assertThat(check.problems()).singleElement().asString().contains("AADSTS7000215");
    assertThat(check.certificateExpiresAt()).isEmpty();
    assertThat(entra.graphRequests()).isEmpty();
  }

  @Test
  void aGroupThatCannotBeReadOrIsEmptyIsAProblem() {
    entra.enqueue(
        404, "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"no such group\"}}");
    EntraConnectionCheck missing = check(TestCerts.MADE.credential());
    assertThat(missing.groupReadable()).isFalse();
    assertThat(missing.firstPageCount()).isEmpty();
    assertThat(missing.failure()).get().isInstanceOf(IamException.NotFound.class);

    entra.enqueue(200, "{\"id\":\"" + GROUP + "\"}").enqueue(200, "{\"value\":[]}");
    EntraConnectionCheck empty = check(TestCerts.MADE.credential());
    assertThat(empty.groupReadable()).isTrue();
    assertThat(empty.firstPageCount()).hasValue(0);
    assertThat(empty.problems()).singleElement().asString().contains("no user members");
  }

  @Test
  void aTokenWhoseRolesCannotBeReadIsAProblemNotAnError() {
    entra.nextTokenResponse(
        ScriptedEntra.json(
            200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"opaque\"}"));
    entra.enqueue(200, "{\"id\":\"" + GROUP + "\"}").enqueue(200, USERS);

    EntraConnectionCheck check = check(TestCerts.MADE.credential());

    assertThat(check.ok()).isFalse();
    assertThat(check.problems())
        .singleElement()
        .asString()
        .contains("roles claim could not be read");
    assertThat(check.groupReadable()).isTrue();
  }
}
