package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.Page;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;

/**
 * Issue 12, section 1: no caller's value can leave its path segment. Every public method that takes
 * an id, a login or a page cursor refuses a dot segment (in any encoding), a value with a slash
 * where an id belongs, an empty value and a 10 KB value with {@link IllegalArgumentException}
 * before anything at all is sent (no token request either); a login keeps {@code ?}, {@code #} and
 * {@code /} percent-encoded in its one segment.
 */
class PathSegmentSafetyTest {
  private static final String TEN_KB = "x".repeat(10 * 1024);

  /** What each id-taking method must refuse: dot segments, a slash, empty, and a 10 KB value. */
  static final List<String> BAD_IDS =
      List.of(".", "..", "%2e%2e", "%2E%2E", "a/b", "", TEN_KB, "00u1/../..", "00u%2e%2e");

  /** What a login-taking method must refuse; a slash is allowed in a login, and encoded. */
  static final List<String> BAD_LOGINS = List.of(".", "..", "%2e%2e", "%2E%2E", "", TEN_KB);

  private static final GroupId GROUP = GroupId.of("00gEmployees1");
  private static final UserId ADA = UserId.of("00u1Ada");

  private ScriptedOkta server;
  private OktaClient okta;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedOkta();
    okta =
        OktaClient.builder()
            .orgUrl(server.orgUrl())
            .clientId(SimFixture.CLIENT_ID)
            .privateKey(SimFixture.KEYS.getPrivate())
            .keyId(SimFixture.KID)
            .dpopMode(DpopMode.OFF)
            .build();
  }

  @AfterEach
  void stop() {
    okta.close();
    server.close();
  }

  /** Every way a caller's user id reaches the adapter. */
  static Stream<Arguments> userIdMethods() {
    List<Arguments> calls = new ArrayList<>();
    add(
        calls,
        "directory().findById",
        (OktaClient o, String v) -> o.directory().findById(UserId.of(v)));
    add(
        calls,
        "directory().factors",
        (OktaClient o, String v) -> o.directory().factors(UserId.of(v)));
    add(
        calls,
        "directory().isMember user",
        (OktaClient o, String v) -> o.directory().isMember(UserId.of(v), GROUP));
    add(
        calls,
        "resets().resetPassword",
        (OktaClient o, String v) ->
            o.resets(GROUP).resetPassword(UserId.of(v), PasswordReset.link()));
    add(
        calls,
        "resets().resetMfa all",
        (OktaClient o, String v) -> o.resets(GROUP).resetMfa(UserId.of(v), MfaReset.allFactors()));
    add(
        calls,
        "resets().resetMfa one",
        (OktaClient o, String v) ->
            o.resets(GROUP).resetMfa(UserId.of(v), MfaReset.factor(FactorId.of("sms1Ada"))));
    add(calls, "resets().unlock", (OktaClient o, String v) -> o.resets(GROUP).unlock(UserId.of(v)));
    add(
        calls,
        "resets().revokeSessions",
        (OktaClient o, String v) ->
            o.resets(GROUP).revokeSessions(UserId.of(v), SessionRevocation.sessionsOnly()));
    add(
        calls,
        "dryRuns().resetPassword",
        (OktaClient o, String v) ->
            o.dryRuns(GROUP).resetPassword(UserId.of(v), PasswordReset.link()));
    add(
        calls,
        "dryRuns().resetMfa",
        (OktaClient o, String v) -> o.dryRuns(GROUP).resetMfa(UserId.of(v), MfaReset.allFactors()));
    add(
        calls,
        "dryRuns().unlock",
        (OktaClient o, String v) -> o.dryRuns(GROUP).unlock(UserId.of(v)));
    add(
        calls,
        "dryRuns().revokeSessions",
        (OktaClient o, String v) ->
            o.dryRuns(GROUP).revokeSessions(UserId.of(v), SessionRevocation.sessionsOnly()));
    return crossed(calls, BAD_IDS);
  }

  /** Every way a caller's factor id reaches the adapter. */
  static Stream<Arguments> factorIdMethods() {
    List<Arguments> calls = new ArrayList<>();
    add(
        calls,
        "resets().resetMfa",
        (OktaClient o, String v) -> o.resets(GROUP).resetMfa(ADA, MfaReset.factor(FactorId.of(v))));
    add(
        calls,
        "dryRuns().resetMfa",
        (OktaClient o, String v) ->
            o.dryRuns(GROUP).resetMfa(ADA, MfaReset.factor(FactorId.of(v))));
    return crossed(calls, BAD_IDS);
  }

  /** Every way a caller's group id reaches the adapter. */
  static Stream<Arguments> groupIdMethods() {
    List<Arguments> calls = new ArrayList<>();
    add(
        calls,
        "directory().membersPage",
        (OktaClient o, String v) -> o.directory().membersPage(GroupId.of(v)));
    add(
        calls,
        "directory().members",
        (OktaClient o, String v) -> {
          try (Stream<?> members = o.directory().members(GroupId.of(v))) {
            var unused = members.count();
          }
        });
    add(
        calls,
        "directory().isMember group",
        (OktaClient o, String v) -> o.directory().isMember(ADA, GroupId.of(v)));
    add(calls, "resets", (OktaClient o, String v) -> o.resets(GroupId.of(v)));
    add(calls, "dryRuns", (OktaClient o, String v) -> o.dryRuns(GroupId.of(v)));
    add(calls, "check", (OktaClient o, String v) -> o.check(GroupId.of(v)));
    return crossed(calls, BAD_IDS);
  }

  /** Every way a caller's login (or id-or-login) reaches the adapter. */
  static Stream<Arguments> loginMethods() {
    List<Arguments> calls = new ArrayList<>();
    add(calls, "directory().findByLogin", (OktaClient o, String v) -> o.directory().findByLogin(v));
    add(
        calls,
        "directory().findByIdOrLogin",
        (OktaClient o, String v) -> o.directory().findByIdOrLogin(v));
    add(calls, "directory().find", (OktaClient o, String v) -> o.directory().find(v));
    return crossed(calls, BAD_LOGINS);
  }

  @ParameterizedTest(name = "{0} refuses user id {1}")
  @MethodSource("userIdMethods")
  void refusesAUserIdThatIsNotOktasBeforeSendingAnything(String method, String shown, Call call) {
    assertRefusedBeforeAnyRequest(call);
  }

  @ParameterizedTest(name = "{0} refuses factor id {1}")
  @MethodSource("factorIdMethods")
  void refusesAFactorIdThatIsNotOktasBeforeSendingAnything(String method, String shown, Call call) {
    assertRefusedBeforeAnyRequest(call);
  }

  @ParameterizedTest(name = "{0} refuses group id {1}")
  @MethodSource("groupIdMethods")
  void refusesAGroupIdThatIsNotOktasBeforeSendingAnything(String method, String shown, Call call) {
    assertRefusedBeforeAnyRequest(call);
  }

  @ParameterizedTest(name = "{0} refuses login {1}")
  @MethodSource("loginMethods")
  void refusesALoginThatIsADotSegmentEmptyOrHugeBeforeSendingAnything(
      String method, String shown, Call call) {
    assertRefusedBeforeAnyRequest(call);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/groups/00gEmployees1/users/..",
        "/api/v1/groups/00gEmployees1/users/%2e%2e",
        "/api/v1/groups/00gEmployees1/users/%2E%2E",
        "/api/v1/groups/00gEmployees1/users/%2E%2E/%2E%2E/00gOther/users",
        "/api/v1/groups/00gEmployees1/users/a/b",
        "/api/v1/groups/00gEmployees1/../../users",
        "/api/v1/groups/00gEmployees1/users/"
      })
  void refusesAPageCursorThatLeavesTheGroupsMembersBeforeSendingAnything(String path) {
    String cursor = server.orgUrl() + path + "?after=00u1&limit=200";
    assertRefusedBeforeAnyRequest(o -> o.directory().membersPage(GROUP, new Page.Cursor(cursor)));
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", "%2e%2e", "%2E%2E", "a/b"})
  void refusesAPageCursorThatIsNotAUrlBeforeSendingAnything(String cursor) {
    assertRefusedBeforeAnyRequest(o -> o.directory().membersPage(GROUP, new Page.Cursor(cursor)));
  }

  @Test
  void refusesAnEmptyOrHugePageCursorBeforeSendingAnything() {
    assertRefusedBeforeAnyRequest(o -> o.directory().membersPage(GROUP, new Page.Cursor("")));
    assertRefusedBeforeAnyRequest(
        o ->
            o.directory()
                .membersPage(
                    GROUP,
                    new Page.Cursor(
                        server.orgUrl() + "/api/v1/groups/00gEmployees1/users/" + TEN_KB)));
  }

  @Test
  void aLoginWithQuestionMarkHashAndSlashReachesOktaEncodedInOneSegment() {
    server.enqueue(
        ScriptedOkta.json(404, "{\"errorCode\":\"E0000007\",\"errorSummary\":\"Not found\"}"));
    String login = "a/b?c=d#EXT#@example.com";

    assertThat(okta.directory().findByLogin(login)).isEmpty();

    RecordedRequest request = server.apiRequests().get(0);
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/api/v1/users/a%2Fb%3Fc%3Dd%23EXT%23%40example.com");
    assertThat(request.getUrl().pathSegments()).containsExactly("api", "v1", "users", login);
    assertThat(request.getUrl().query()).isNull();
  }

  @Test
  void theMessageNamesTheValueAndTheRule() {
    assertThatThrownBy(() -> okta.resets(GROUP).resetMfa(ADA, MfaReset.factor(FactorId.of(".."))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'..'")
        .hasMessageContaining("ASCII letters and digits");
    assertThatThrownBy(() -> okta.directory().findById(UserId.of(TEN_KB)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(10240 characters)")
        .hasMessageContaining("00u");
    assertThatThrownBy(() -> okta.directory().find(".."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dot segment");
    assertThat(server.server.getRequestCount()).isZero();
  }

  private void assertRefusedBeforeAnyRequest(Call call) {
    assertThatThrownBy(() -> call.accept(okta)).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.server.getRequestCount()).as("requests sent").isZero();
  }

  /** One public call with a caller's value. */
  interface Call extends Consumer<OktaClient> {}

  /** One public call taking the value under test. */
  interface ValueCall {
    void call(OktaClient okta, String value);
  }

  private static void add(List<Arguments> calls, String name, ValueCall call) {
    calls.add(Arguments.of(name, call));
  }

  private static Stream<Arguments> crossed(List<Arguments> calls, List<String> values) {
    return calls.stream()
        .flatMap(
            c ->
                values.stream()
                    .map(
                        v ->
                            Arguments.of(
                                c.get()[0],
                                v.length() > 20 ? v.length() + " characters" : "'" + v + "'",
                                (Call) o -> ((ValueCall) c.get()[1]).call(o, v))));
  }
}
