package org.workforceiam.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.AuditEvent;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Operation;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.UserId;
import org.workforceiam.core.testing.InMemoryIdentityProvider;
import org.workforceiam.core.testing.RecordedOperation;

/**
 * Tests {@link HelpdeskFlow} the way we suggest you test your own helpdesk code: against the
 * in-memory fake provider, asserting on the state it keeps and the operations it records.
 */
class HelpdeskFlowTest {
  private static final GroupId EMPLOYEES = GroupId.of("00gEmployees");
  private static final UserId ADA = UserId.of("00u1Ada");
  private static final UserId SAM = UserId.of("00u2Sam");
  private static final UserId ROOT = UserId.of("00u3Root");
  private static final UserId LINUS = UserId.of("00u4Linus");
  private static final UserId EDSGER = UserId.of("00u5Edsger");
  private static final FactorId ADA_SMS = FactorId.of("sms1Ada");
  private static final FactorId ADA_PUSH = FactorId.of("opf1Ada");

  private final List<AuditEvent> audit = new ArrayList<>();
  private InMemoryIdentityProvider idp;
  private HelpdeskFlow helpdesk;

  private static Employee employee(UserId id, String login, EmployeeStatus status) {
    return Employee.builder(id, login)
        .firstName("First")
        .lastName("Last")
        .email(login + "@example.com")
        .status(status)
        .build();
  }

  @BeforeEach
  void seedTheFakeProvider() {
    idp =
        InMemoryIdentityProvider.builder()
            .employee(employee(ADA, "ada", EmployeeStatus.ACTIVE), EMPLOYEES)
            .employee(employee(SAM, "sam", EmployeeStatus.SUSPENDED), EMPLOYEES)
            .employee(employee(ROOT, "root", EmployeeStatus.ACTIVE), EMPLOYEES)
            .employee(employee(LINUS, "linus", EmployeeStatus.ACTIVE)) // not a member
            .employee(
                employee(EDSGER, "edsger", EmployeeStatus.ACTIVE).toBuilder()
                    .email("shared@example.com")
                    .build(),
                EMPLOYEES)
            .employee(
                employee(UserId.of("00u6Other"), "other", EmployeeStatus.ACTIVE).toBuilder()
                    .email("shared@example.com")
                    .build(),
                EMPLOYEES)
            .factor(ADA, Factor.of(ADA_SMS, "sms", "OKTA", "ACTIVE"))
            .factor(ADA, Factor.of(ADA_PUSH, "push", "OKTA", "ACTIVE"))
            .build();
    idp.markPrivileged(ROOT); // holds a more privileged admin role than the helpdesk's
    // The fake is both the directory and the bare reset service; the flow adds guard and audit.
    helpdesk =
        new HelpdeskFlow(
            idp, ResetService.audited(ResetService.groupScoped(idp, idp, EMPLOYEES), audit::add));
  }

  @Test
  void resetsThePasswordOfAnEmployeeFoundByEmail() {
    HelpdeskFlow.Result result = helpdesk.resetPassword("ada@example.com");

    assertThat(result.status()).isEqualTo(HelpdeskFlow.Status.DONE);
    assertThat(result.user()).contains(ADA);
    assertThat(result.resetLink()).isPresent();
    assertThat(result.toString()).doesNotContain(result.resetLink().get().reveal());
    assertThat(idp.employee(ADA).orElseThrow().status()).isEqualTo(EmployeeStatus.RECOVERY);
    assertThat(audit)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.user()).isEqualTo(ADA);
              assertThat(event.operation()).isEqualTo(Operation.RESET_PASSWORD_LINK);
              assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCEEDED);
            });
  }

  @Test
  void resetsTheMfaOfAnEmployeeFoundByIdOrLogin() {
    HelpdeskFlow.Result result = helpdesk.resetMfa("00u1Ada");

    assertThat(result.status()).isEqualTo(HelpdeskFlow.Status.DONE);
    assertThat(result.factorsReset()).containsExactlyInAnyOrder(ADA_SMS, ADA_PUSH);
    assertThat(result.message()).contains("removed 2 MFA factor(s) of ada");
    assertThat(idp.enrolledFactors(ADA)).isEmpty();

    assertThat(helpdesk.resetMfa(" ADA ").status())
        .as("by login, as typed")
        .isEqualTo(HelpdeskFlow.Status.DONE);
  }

  @Test
  void somebodyNobodyKnowsIsNotFoundAndNothingChanges() {
    HelpdeskFlow.Result result = helpdesk.resetPassword("mallory@example.com");

    assertThat(result.status()).isEqualTo(HelpdeskFlow.Status.NOT_FOUND);
    assertThat(result.message()).isEqualTo("nobody has the id, login or email mallory@example.com");
    assertThat(idp.operations()).isEmpty();
    assertThat(audit).as("nothing was attempted").isEmpty();
  }

  @Test
  void blankInputIsNotFoundWithoutAskingTheProvider() {
    assertThat(helpdesk.resetMfa("  ").status()).isEqualTo(HelpdeskFlow.Status.NOT_FOUND);
    assertThat(idp.calls()).isZero();
  }

  @Test
  void aSharedEmailIsAmbiguousAndNothingChanges() {
    HelpdeskFlow.Result result = helpdesk.resetPassword("shared@example.com");

    assertThat(result.status()).isEqualTo(HelpdeskFlow.Status.AMBIGUOUS);
    assertThat(result.message()).contains("type the caller's login instead");
    assertThat(idp.operations()).isEmpty();
  }

  @Test
  void someoneOutsideTheEmployeesGroupIsRefusedBeforeTheProviderIsAsked() {
    HelpdeskFlow.Result result = helpdesk.resetPassword("linus");

    assertThat(result.status()).isEqualTo(HelpdeskFlow.Status.REFUSED);
    assertThat(result.message()).contains("is not a member of group 00gEmployees");
    assertThat(result.resetLink()).isEmpty();
    assertThat(idp.operations()).as("no change reached the provider").isEmpty();
    assertThat(idp.employee(LINUS).orElseThrow().status()).isEqualTo(EmployeeStatus.ACTIVE);
    assertThat(audit)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.user()).isEqualTo(LINUS);
              assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.REFUSED);
              assertThat(event.errorType()).contains("PermissionDenied");
            });
  }

  @Test
  void aMorePrivilegedAccountIsRefusedByTheProvider() {
    HelpdeskFlow.Result result = helpdesk.resetMfa("root");

    assertThat(result.status()).isEqualTo(HelpdeskFlow.Status.REFUSED);
    assertThat(result.message()).contains("more privileged role");
    assertThat(idp.operations())
        .extracting(RecordedOperation::applied)
        .as("asked, and refused")
        .containsExactly(false);
  }

  @Test
  void aSuspendedEmployeeIsRefusedNamingTheStatus() {
    HelpdeskFlow.Result result = helpdesk.resetPassword("sam");

    assertThat(result.status()).isEqualTo(HelpdeskFlow.Status.REFUSED);
    assertThat(result.message()).contains("SUSPENDED");
    assertThat(idp.employee(SAM).orElseThrow().status()).isEqualTo(EmployeeStatus.SUSPENDED);
  }

  @Test
  void anOutageReachesTheCallerToRetryLater() {
    idp.setUnavailable(true);

    assertThatThrownBy(() -> helpdesk.resetPassword("ada@example.com"))
        .isInstanceOfSatisfying(
            IamException.ProviderUnavailable.class, e -> assertThat(e.isRetryable()).isTrue());
    assertThat(idp.employee(ADA).orElseThrow().status()).isEqualTo(EmployeeStatus.ACTIVE);
  }
}
