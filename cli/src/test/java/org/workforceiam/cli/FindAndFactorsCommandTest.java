package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedOrg.ADA;
import static org.workforceiam.cli.SimulatedOrg.ALAN;
import static org.workforceiam.cli.SimulatedOrg.EDSGER;
import static org.workforceiam.cli.SimulatedOrg.LINUS;
import static org.workforceiam.cli.SimulatedOrg.MARGARET;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.okta.simulator.SimUser;

/** {@code find} and {@code factors}: one user by id, login or primary email, and their factors. */
class FindAndFactorsCommandTest extends DemoOrgTest {
  private static final String ADA_JSON =
      "{\"id\":\"00uDemo01Ada\",\"login\":\"ada@example.com\",\"firstName\":\"Ada\","
          + "\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\",\"status\":\"ACTIVE\","
          + "\"missingFields\":[]}\n";

  @BeforeEach
  void addAUserWhoseEmailIsNotTheirLogin() {
    // Only a search finds this user by their primary email.
    org.directory()
        .user(
            SimUser.of("00uDemo10Ted", "e.f.codd", "ACTIVE")
                .profile("firstName", "Ted")
                .profile("lastName", "Codd")
                .profile("email", "ted@example.com"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"00uDemo01Ada", "ada@example.com", "ADA@example.com"})
  void findsAUserByIdOrLoginWithOneLookup(String user) {
    CliRun find = org.run("find", user);

    assertThat(find.code()).isZero();
    assertThat(find.out()).isEqualTo(ADA_JSON);
    assertThat(org.apiRequests()).containsExactly("GET /api/v1/users/" + user.replace("@", "%40"));
  }

  @Test
  void findsAUserByPrimaryEmailWithASearchWhenItIsNotALogin() {
    CliRun find = org.run("find", "ted@example.com");

    assertThat(find.code()).isZero();
    assertThat(find.json())
        .containsExactly(
            Map.entry("id", "00uDemo10Ted"),
            Map.entry("login", "e.f.codd"),
            Map.entry("firstName", "Ted"),
            Map.entry("lastName", "Codd"),
            Map.entry("email", "ted@example.com"),
            Map.entry("status", "ACTIVE"),
            Map.entry("missingFields", List.of()));
    assertThat(org.apiRequests())
        .containsExactly(
            "GET /api/v1/users/ted%40example.com",
            "GET /api/v1/users?search=profile.email%20eq%20%22ted%40example.com%22&limit=2");
  }

  @Test
  void writesEveryKeyAndNullForAMissingValue() {
    CliRun find = org.run("find", ALAN);

    assertThat(find.code()).isZero();
    assertThat(find.json())
        .containsOnlyKeys(
            "id", "login", "firstName", "lastName", "email", "status", "missingFields")
        .containsEntry("email", null)
        .containsEntry("missingFields", List.of("email"));
  }

  @Test
  void printsAStatusItDoesNotKnowAsOktaSentIt() {
    org.directory().user(SimUser.of("00uDemo11New", "new", "SOMETHING_NEW"));

    CliRun find = org.run("find", "new");

    assertThat(find.code()).isZero();
    assertThat(find.json()).containsEntry("status", "SOMETHING_NEW");
  }

  @Test
  void findsUsersOutsideTheGroupToo() {
    CliRun find = org.run("find", "linus@contractor.example");

    assertThat(find.code()).isZero();
    assertThat(find.json()).containsEntry("id", LINUS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"find", "factors"})
  void aUserNobodyIsIsNotFound(String command) {
    CliRun run = org.run(command, "nobody@example.com");

    assertThat(run.code()).isEqualTo(5);
    assertThat(run.errorLine()).contains("nobody@example.com");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anEmailSeveralUsersHaveIsAUsageErrorAskingForAnIdOrLogin() {
    org.directory()
        .user(SimUser.of("00uDemo12Twin", "twin", "ACTIVE").profile("email", "ted@example.com"));

    CliRun find = org.run("find", "ted@example.com");

    assertThat(find.code()).isEqualTo(2);
    assertThat(find.errorLine()).contains("00uDemo10Ted").contains("00uDemo12Twin");
  }

  @Test
  void listsEachEnrolledFactorAsAJsonLine() {
    CliRun factors = org.run("factors", "ada@example.com");

    assertThat(factors.code()).isZero();
    assertThat(factors.out())
        .isEqualTo(
            "{\"id\":\"smsDemo01Ada\",\"factorType\":\"sms\",\"provider\":\"OKTA\","
                + "\"status\":\"ACTIVE\"}\n"
                + "{\"id\":\"opfDemo01Ada\",\"factorType\":\"push\",\"provider\":\"OKTA\","
                + "\"status\":\"ACTIVE\"}\n");
    assertThat(factors.jsonLines())
        .allSatisfy(
            line -> assertThat(line).containsOnlyKeys("id", "factorType", "provider", "status"));
    assertThat(org.apiRequests())
        .containsExactly(
            "GET /api/v1/users/ada%40example.com", "GET /api/v1/users/" + ADA + "/factors");
  }

  @Test
  void listsAFactorOfAnotherProvider() {
    CliRun factors = org.run("factors", MARGARET);

    assertThat(factors.code()).isZero();
    assertThat(factors.jsonLines())
        .containsExactly(
            Map.of(
                "id", "ostDemo05Margaret",
                "factorType", "token:software:totp",
                "provider", "GOOGLE",
                "status", "ACTIVE"));
  }

  @Test
  void printsNothingForAUserWithoutFactors() {
    CliRun factors = org.run("factors", EDSGER);

    assertThat(factors.code()).isZero();
    assertThat(factors.out()).isEmpty();
    assertThat(factors.err()).isEmpty();
  }
}
