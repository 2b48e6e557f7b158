package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.workforceiam.entra.SimTenant.id;
import static org.workforceiam.entra.simulator.DemoTenant.ADA;
import static org.workforceiam.entra.simulator.DemoTenant.BARBARA;
import static org.workforceiam.entra.simulator.DemoTenant.EDSGER;
import static org.workforceiam.entra.simulator.DemoTenant.EMPLOYEES;
import static org.workforceiam.entra.simulator.DemoTenant.MARGARET;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.workforceiam.core.AuditEvent;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.TemporaryAccessPass;
import org.workforceiam.core.UserId;
import org.workforceiam.entra.simulator.AuthMethod;
import org.workforceiam.entra.simulator.DemoTenant;
import org.workforceiam.entra.simulator.DirectoryRole;
import org.workforceiam.entra.simulator.EntraTenant;
import org.workforceiam.entra.simulator.EntraUser;

/**
 * The SDK itself refuses every change to a user who holds a directory role, before any write: the
 * simulated Graph, like the real one with application permissions, would delete an administrator's
 * methods and issue them a Temporary Access Pass, so only the SDK's refusal protects them.
 */
class PrivilegedUsersTest {
  /** A member in a role-assignable group that is eligible (PIM) for User Administrator. */
  private static final String PAT = "a0000000-0000-4000-8000-0000000000a1";

  /** A member holding Helpdesk Administrator scoped to an administrative unit. */
  private static final String QUINN = "a0000000-0000-4000-8000-0000000000a2";

  /**
   * A member of a role-assignable group holding Password Administrator in an administrative unit.
   */
  private static final String RUTH = "a0000000-0000-4000-8000-0000000000a3";

  private static final String ELIGIBLE_GROUP = "e0000000-0000-4000-8000-0000000000a1";
  private static final String SCOPED_GROUP = "e0000000-0000-4000-8000-0000000000a2";
  private static final String UNIT = "/administrativeUnits/f0000000-0000-4000-8000-000000000001";

  private static EntraTenant tenant() {
    EntraTenant tenant = DemoTenant.directory();
    for (String user : List.of(PAT, QUINN, RUTH)) {
      String name = user.substring(user.length() - 2);
      tenant
          .user(EntraUser.of(user, "u" + name + "@contoso.example").mail("u" + name + "@x.example"))
          .member(EMPLOYEES, user)
          .method(user, AuthMethod.mobilePhone("+1 2065550177"));
    }
    return tenant
        .roleAssignableGroup(ELIGIBLE_GROUP, "Eligible user admins")
        .member(ELIGIBLE_GROUP, PAT)
        .eligibleRole(ELIGIBLE_GROUP, DirectoryRole.USER_ADMINISTRATOR)
        .activeRole(QUINN, DirectoryRole.HELPDESK_ADMINISTRATOR, UNIT)
        .roleAssignableGroup(SCOPED_GROUP, "Unit password admins")
        .member(SCOPED_GROUP, RUTH)
        .activeRole(SCOPED_GROUP, DirectoryRole.PASSWORD_ADMINISTRATOR, UNIT);
  }

  static Stream<Arguments> everyChange() {
    return Stream.of(
        change(
            "temporary password", r -> u -> r.resetPassword(u, PasswordReset.temporaryPassword())),
        change("all methods", r -> u -> r.resetMfa(u, MfaReset.allFactors())),
        change(
            "one method",
            r -> u -> r.resetMfa(u, MfaReset.factor(FactorId.of(AuthMethod.MOBILE_PHONE_ID)))),
        change("sessions", r -> u -> r.revokeSessions(u, SessionRevocation.sessionsOnly())),
        change(
            "access pass",
            r ->
                u ->
                    r.issueTemporaryAccessPass(
                        u, TemporaryAccessPass.usableOnce(Duration.ofMinutes(60)))));
  }

  private static Arguments change(
      String name, Function<ResetService, Function<UserId, Object>> change) {
    return Arguments.of(name, change);
  }

  static Stream<Arguments> privilegedUsersAndChanges() {
    List<Object[]> users =
        List.of(
            new Object[] {MARGARET, "Global Administrator"},
            new Object[] {EDSGER, "Privileged Role Administrator"},
            new Object[] {BARBARA, "Helpdesk Administrator"},
            new Object[] {PAT, "User Administrator"},
            new Object[] {QUINN, "Helpdesk Administrator at scope " + UNIT},
            new Object[] {RUTH, "Password Administrator at scope " + UNIT});
    return users.stream()
        .flatMap(u -> everyChange().map(c -> Arguments.of(u[0], u[1], c.get()[0], c.get()[1])));
  }

  @ParameterizedTest(name = "{2} for {0} ({1})")
  @MethodSource("privilegedUsersAndChanges")
  void everyChangeToAUserHoldingADirectoryRoleIsRefusedBeforeAnyWrite(
      String user,
      String role,
      String changeName,
      Function<ResetService, Function<UserId, Object>> change) {
    try (SimTenant entra = SimTenant.start(tenant(), b -> {})) {
      IamException.PermissionDenied e =
          catchThrowableOfType(
              IamException.PermissionDenied.class,
              () -> change.apply(entra.resets()).apply(id(user)));

      assertThat(e.reason()).isEqualTo(IamException.PermissionDenied.Reason.PRIVILEGED_USER);
      assertThat(e.getMessage()).contains(role).contains("nothing was changed");
      assertThat(entra.writes()).isEmpty();
      assertThat(entra.tenant().changes()).isEmpty();
      assertThat(entra.events)
          .singleElement()
          .satisfies(event -> assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.REFUSED));
    }
  }

  @Test
  void graphItselfWouldDeleteAnAdministratorsMethodsAndIssueThemAPassSoOnlyTheSdkProtectsThem()
      throws Exception {
    try (SimTenant entra = SimTenant.start(tenant(), b -> {})) {
      for (String admin : List.of(MARGARET, EDSGER, BARBARA, PAT)) {
        assertThatThrownBy(() -> entra.resets().resetMfa(id(admin), MfaReset.allFactors()))
            .isInstanceOf(IamException.PermissionDenied.class);
        assertThatThrownBy(
                () ->
                    entra
                        .resets()
                        .issueTemporaryAccessPass(
                            id(admin), TemporaryAccessPass.usableOnce(Duration.ofMinutes(60))))
            .isInstanceOf(IamException.PermissionDenied.class);
      }
      assertThat(entra.writes()).isEmpty();

      // The same writes, sent by the same app without the SDK, succeed.
      // Her Authenticator app: the FIDO2 key is her default, which Graph keeps while others remain.
      AuthMethod app = entra.tenant().methods(MARGARET).get(2);
      String methodId = app.id();
      String collection = app.type().collection();
      assertThat(
              entra.rawWrite(
                  "DELETE",
                  "/v1.0/users/" + MARGARET + "/authentication/" + collection + "/" + methodId,
                  null))
          .isEqualTo(204);
      assertThat(
              entra.rawWrite(
                  "POST",
                  "/v1.0/users/" + EDSGER + "/authentication/temporaryAccessPassMethods",
                  "{\"lifetimeInMinutes\":60,\"isUsableOnce\":true}"))
          .isEqualTo(201);
      assertThat(entra.tenant().temporaryAccessPass(EDSGER)).isPresent();
    }
  }

  @Test
  void theChecksReadActiveRolesGroupsAssignmentsAndEligibilitiesOfTheUserAndItsRoleGroups() {
    try (SimTenant entra = SimTenant.start(tenant(), b -> {})) {
      assertThatThrownBy(
              () -> entra.resets().revokeSessions(id(PAT), SessionRevocation.sessionsOnly()))
          .isInstanceOf(IamException.PermissionDenied.class);

      assertThat(entra.graphLines())
          .containsExactly(
              "POST /v1.0/users/" + PAT + "/checkMemberGroups",
              "GET /v1.0/users/"
                  + PAT
                  + "/transitiveMemberOf/microsoft.graph.directoryRole"
                  + "?$select=id,displayName,roleTemplateId",
              "GET /v1.0/users/"
                  + PAT
                  + "/transitiveMemberOf/microsoft.graph.group?$select=id,isAssignableToRole",
              assignments(PAT),
              assignments(ELIGIBLE_GROUP),
              eligibility(PAT),
              eligibility(ELIGIBLE_GROUP));
    }
  }

  @Test
  void aUserWithoutRolesIsChangedAfterTheChecks() {
    try (SimTenant entra = SimTenant.start(tenant(), b -> {})) {
      entra.resets().revokeSessions(id(ADA), SessionRevocation.sessionsOnly());

      assertThat(entra.tenant().sessionRevocations()).containsExactly(ADA);
    }
  }

  @Test
  void aTenantWithoutPimHasNoEligibleRolesAndItsUsersCanBeChanged() {
    try (SimTenant entra = SimTenant.start(tenant().withoutPim(), b -> {})) {
      entra.resets().revokeSessions(id(ADA), SessionRevocation.sessionsOnly());
      // Edsger's eligibility cannot be read without PIM: the tenant has none to activate.
      entra.resets().revokeSessions(id(EDSGER), SessionRevocation.sessionsOnly());

      assertThat(entra.tenant().sessionRevocations()).containsExactly(ADA, EDSGER);
      assertThat(entra.sim.graphCalls())
          .filteredOn(c -> c.path().endsWith("/roleEligibilitySchedules"))
          .allSatisfy(c -> assertThat(c.status()).isEqualTo(400));
    }
  }

  @Test
  void rolesThatCannotBeReadRefuseTheChangeFailingClosed() {
    List<String> withoutRoleManagement =
        EntraClient.REQUIRED_PERMISSIONS.stream()
            .filter(p -> !p.equals("RoleManagement.Read.Directory"))
            .toList();
    try (SimTenant entra =
        SimTenant.start(
            tenant(), b -> b.grantedPermissions(withoutRoleManagement.toArray(String[]::new)))) {
      IamException.PermissionDenied e =
          catchThrowableOfType(
              IamException.PermissionDenied.class,
              () -> entra.resets().revokeSessions(id(ADA), SessionRevocation.sessionsOnly()));

      assertThat(e.reason()).isEqualTo(IamException.PermissionDenied.Reason.MISSING_GRANT);
      assertThat(e.getMessage()).contains("fails closed").contains("RoleManagement.Read.Directory");
      assertThat(e.httpStatus()).hasValue(403);
      assertThat(entra.writes()).isEmpty();
    }
  }

  @Test
  void rolesBehindEmptyPagesAreStillFound() {
    try (SimTenant entra = SimTenant.start(tenant().interleaveEmptyPages(true), b -> {})) {
      assertThatThrownBy(
              () -> entra.resets().revokeSessions(id(EDSGER), SessionRevocation.sessionsOnly()))
          .isInstanceOfSatisfying(
              IamException.PermissionDenied.class,
              e ->
                  assertThat(e.reason())
                      .isEqualTo(IamException.PermissionDenied.Reason.PRIVILEGED_USER));
      entra.resets().revokeSessions(id(ADA), SessionRevocation.sessionsOnly());
      assertThat(entra.tenant().sessionRevocations()).containsExactly(ADA);
    }
  }

  @Test
  void endlessEmptyPagesOfRolesAreAProtocolViolationAndNothingIsChanged() {
    try (SimTenant entra = SimTenant.start(tenant(), b -> {})) {
      entra.sim.endlessEmptyPagesNext("/roleEligibilitySchedules");

      assertThatThrownBy(
              () -> entra.resets().revokeSessions(id(ADA), SessionRevocation.sessionsOnly()))
          .isInstanceOf(IamException.ProtocolViolation.class)
          .hasMessageContaining("empty pages");
      assertThat(entra.writes()).isEmpty();
    }
  }

  @Test
  void aForeignNextLinkOfRolesIsNeverFollowedAndNothingIsChanged() {
    try (SimTenant entra = SimTenant.start(tenant(), b -> {})) {
      entra.sim.foreignNextLinkNext("/microsoft.graph.directoryRole");

      assertThatThrownBy(
              () -> entra.resets().revokeSessions(id(ADA), SessionRevocation.sessionsOnly()))
          .isInstanceOf(IamException.ProtocolViolation.class);
      assertThat(entra.sim.rejections()).doesNotContain("foreign_origin_request");
      assertThat(entra.writes()).isEmpty();
    }
  }

  @Test
  void aCyclicNextLinkOfRolesIsAProtocolViolation() {
    try (SimTenant entra = SimTenant.start(tenant(), b -> {})) {
      entra.sim.nextLinkCycleNext("/roleAssignments");

      assertThatThrownBy(
              () -> entra.resets().revokeSessions(id(ADA), SessionRevocation.sessionsOnly()))
          .isInstanceOf(IamException.ProtocolViolation.class);
      assertThat(entra.writes()).isEmpty();
    }
  }

  @Test
  void aNonMemberIsRefusedByTheGroupGuardBeforeItsRolesAreRead() {
    try (SimTenant entra = SimTenant.start(tenant(), b -> {})) {
      assertThatThrownBy(
              () ->
                  entra
                      .resets()
                      .revokeSessions(id(DemoTenant.LINUS), SessionRevocation.sessionsOnly()))
          .isInstanceOfSatisfying(
              IamException.PermissionDenied.class,
              e ->
                  assertThat(e.reason())
                      .isEqualTo(IamException.PermissionDenied.Reason.OUTSIDE_GROUP));
      assertThat(entra.graphLines())
          .containsExactly("POST /v1.0/users/" + DemoTenant.LINUS + "/checkMemberGroups");
    }
  }

  private static String assignments(String principal) {
    return "GET /v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '"
        + principal
        + "'&$select=id,principalId,roleDefinitionId,directoryScopeId";
  }

  private static String eligibility(String principal) {
    return "GET /v1.0/roleManagement/directory/roleEligibilitySchedules?$filter=principalId eq '"
        + principal
        + "'&$select=id,principalId,roleDefinitionId,directoryScopeId";
  }
}
