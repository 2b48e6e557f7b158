package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * {@link OktaClient#check(GroupId)} tests the set-up for the group it is given, as an admin does
 * after creating the app: a token, the scopes granted, the group and its first page. It never
 * throws for what it finds; an empty group is one of the problems it reports.
 */
class OktaConnectionCheckTest {
  private ResetOrg org;
  private OktaClient okta;

  @BeforeEach
  void start() throws Exception {
    org = ResetOrg.start();
    okta = org.client();
  }

  @AfterEach
  void stop() {
    okta.close();
    org.close();
  }

  @Test
  void aSoundSetUpHasNoProblemsAndSaysWhatItFound() {
    ConnectionCheck check = okta.check(ResetOrg.EMPLOYEES);

    assertThat(check.problems()).isEmpty();
    assertThat(check.ok()).isTrue();
    assertThat(check.orgUrl()).isEqualTo(org.sim.orgUrl());
    assertThat(check.tokenType()).contains("DPoP");
    assertThat(check.scopesRequested()).isEqualTo(OktaClient.DEFAULT_SCOPES);
    assertThat(check.scopesGranted()).containsAll(OktaClient.DEFAULT_SCOPES);
    assertThat(check.group()).contains(ResetOrg.EMPLOYEES);
    assertThat(check.groupReadable()).isTrue();
    assertThat(check.firstPageCount()).hasValue(4);
    assertThat(org.sim.apiCalls())
        .extracting(SimulatedOkta.Call::method)
        .as("reads only")
        .containsOnly("GET");
    assertThat(org.sim.directory().changes()).isEmpty();
  }

  @Test
  void anEmptyGroupIsReportedAsAProblemThatSaysWhatToCheck() {
    org.sim.directory().group("00gNobodyYet", "New hires");

    ConnectionCheck check = okta.check(GroupId.of("00gNobodyYet"));

    assertThat(check.ok()).isFalse();
    assertThat(check.groupReadable()).as("the group exists and was read").isTrue();
    assertThat(check.firstPageCount()).hasValue(0);
    assertThat(check.tokenType()).contains("DPoP");
    assertThat(check.problems())
        .singleElement()
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .satisfies(
            problem ->
                assertThat(problem.getMessage())
                    .startsWith("group 00gNobodyYet has no members")
                    .contains("every change would be refused")
                    .contains("the group of all active employees")
                    .contains("Help Desk Administrator role is scoped to it"));
  }

  @Test
  void aGroupOktaDoesNotHaveIsReportedAsNotFound() {
    ConnectionCheck check = okta.check(GroupId.of("00gNoSuchGroup"));

    assertThat(check.ok()).isFalse();
    assertThat(check.groupReadable()).isFalse();
    assertThat(check.firstPageCount()).isEmpty();
    assertThat(check.problems()).singleElement().isInstanceOf(IamException.NotFound.class);
  }

  @Test
  void eachCheckIsOfTheGroupItIsGiven() {
    assertThat(okta.check(GroupId.of("00gContractors")).firstPageCount()).hasValue(1);
    assertThat(okta.check(ResetOrg.EMPLOYEES).firstPageCount()).hasValue(4);
  }

  @Test
  void aGroupIdThatIsNotOktasIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> okta.check(GroupId.of("Employees")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Employees' is not an Okta group id")
        .hasMessageContaining("start with 00g");
    assertThatThrownBy(() -> okta.check(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("group == null");
    assertThat(org.sim.calls()).isEmpty();
  }
}
