package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedOrg.ADA;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, section 1, through the CLI: a user, factor or group value that would leave its path
 * segment is a usage error (exit 2) and nothing at all reaches the org; a login's {@code /}, {@code
 * ?} and {@code #} travel percent-encoded in one segment.
 */
class PathSegmentSafetyCommandTest extends DemoOrgTest {
  private static final String TEN_KB = "x".repeat(10 * 1024);

  /** Refused wherever a USER (an id, a login or an email) is taken; a slash is legal in a login. */
  private static final List<String> BAD_USERS = List.of(".", "..", "%2e%2e", "%2E%2E", "", TEN_KB);

  /** Refused wherever an Okta id is taken. */
  private static final List<String> BAD_IDS =
      List.of(".", "..", "%2e%2e", "%2E%2E", "a/b", "", TEN_KB);

  static Stream<Arguments> userCommands() {
    List<Arguments> runs = new ArrayList<>();
    for (String user : BAD_USERS) {
      for (List<String> command :
          List.of(
              List.of("find"),
              List.of("factors"),
              List.of("reset-password"),
              List.of("reset-password", "--dry-run"),
              List.of("reset-mfa"),
              List.of("reset-mfa", "--dry-run"),
              List.of("unlock"),
              List.of("revoke-sessions"))) {
        List<String> args = new ArrayList<>(command);
        args.add(user);
        runs.add(Arguments.of(shown(user), args));
      }
    }
    return runs.stream();
  }

  static Stream<Arguments> factorIds() {
    List<Arguments> runs = new ArrayList<>();
    for (String factor : BAD_IDS) {
      runs.add(Arguments.of(shown(factor), List.of("reset-mfa", ADA, "--factor", factor)));
      runs.add(
          Arguments.of(shown(factor), List.of("reset-mfa", ADA, "--factor", factor, "--dry-run")));
    }
    return runs.stream();
  }

  static Stream<Arguments> groupIds() {
    List<Arguments> runs = new ArrayList<>();
    for (String group : BAD_IDS) {
      for (List<String> command :
          List.of(List.of("sync"), List.of("check"), List.of("unlock", ADA))) {
        runs.add(Arguments.of(shown(group), command, group));
      }
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{1} with user {0}")
  @MethodSource("userCommands")
  void aUserThatWouldLeaveItsPathSegmentIsExit2AndNothingIsSent(String shown, List<String> args) {
    CliRun run = org.run(args.toArray(String[]::new));

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(org.requestsReceived()).as("requests received").isZero();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("factorIds")
  void aFactorIdThatIsNotOktasIsExit2AndNothingIsSent(String shown, List<String> args) {
    CliRun run = org.run(args.toArray(String[]::new));

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(org.requestsReceived()).as("requests received").isZero();
    assertThat(org.directory().factorIds(ADA)).hasSize(2);
  }

  @ParameterizedTest(name = "{1} with group {0}")
  @MethodSource("groupIds")
  void aGroupIdThatIsNotOktasIsExit2AndNothingIsSent(
      String shown, List<String> args, String group) {
    Map<String, String> env = org.env();
    env.put("OKTA_GROUP_ID", group);

    CliRun run = org.run(env, args.toArray(String[]::new));

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(org.requestsReceived()).as("requests received").isZero();
  }

  @Test
  void aLoginWithSlashQuestionMarkAndHashReachesOktaEncodedInOneSegment() {
    CliRun run = org.run("find", "a/b?c=d#EXT#@example.com");

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(org.apiRequests().get(0))
        .isEqualTo("GET /api/v1/users/a%2Fb%3Fc%3Dd%23EXT%23%40example.com");
  }

  private static String shown(String value) {
    return value.length() > 20 ? value.length() + " characters" : "'" + value + "'";
  }
}
