package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.entra.ScriptedEntra.GROUP;
import static org.workforceiam.entra.ScriptedEntra.USER;

import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.UserId;

/**
 * Every id and login a caller gives is checked before it reaches a URL: nothing is sent for a value
 * that could leave its path segment or is not an Entra id.
 */
class EntraIdsTest {
  private static final String TEN_KB = "a".repeat(10 * 1024);

  static Stream<String> hostileIds() {
    return Stream.of(
        ".", "..", "%2e%2e", "%2E%2e", "a/b", "..%2F..", USER + "/..", TEN_KB, USER + "%20", "０");
  }

  private final ScriptedEntra entra = ScriptedEntra.start();
  private final EntraClient client = entra.client();
  private final IamDirectory directory = client.directory();

  @AfterEach
  void stop() {
    client.close();
    entra.close();
  }

  @ParameterizedTest
  @MethodSource("hostileIds")
  void aUserIdThatIsNotAGuidIsRefusedBeforeAnyRequest(String id) {
    List<Runnable> calls =
        List.of(
            () -> directory.findById(UserId.of(id.strip())),
            () -> directory.factors(UserId.of(id.strip())),
            () -> directory.isMember(UserId.of(id.strip()), GroupId.of(GROUP)));
    for (Runnable call : calls) {
      assertThatThrownBy(call::run)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not an Entra object id")
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }
    assertThat(entra.tokenRequests()).isEmpty();
    assertThat(entra.graphRequests()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("hostileIds")
  void aGroupIdThatIsNotAGuidIsRefusedBeforeAnyRequest(String id) {
    GroupId group = GroupId.of(id.strip());
    List<Runnable> calls =
        List.of(
            () -> directory.membersPage(group),
            () -> directory.isMember(UserId.of(USER), group),
            () -> client.check(group));
    for (Runnable call : calls) {
      assertThatThrownBy(call::run)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not an Entra object id");
    }
    assertThat(entra.tokenRequests()).isEmpty();
    assertThat(entra.graphRequests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..",
        "%2e%2e",
        "..@",
        "@contoso.com",
        "ada@",
        "ada",
        "$ada@contoso.com",
        "a\tb@c.com"
      })
  void aLoginThatIsNotAUserPrincipalNameIsRefusedBeforeAnyRequest(String login) {
    assertThatThrownBy(() -> directory.findByLogin(login))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(entra.graphRequests()).isEmpty();
  }

  @Test
  void anEmptyOrTenKilobyteValueIsRefused() {
    assertThatThrownBy(() -> directory.findByLogin(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> directory.find(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> directory.findByLogin(TEN_KB + "@contoso.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than 256")
        .hasMessageContaining("(10252 characters)");
    assertThatThrownBy(() -> UserId.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThat(entra.graphRequests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b?c#d@contoso.com", "%2e%2e@contoso.com", "..@contoso.com"})
  void anythingElseInAUserPrincipalNameStaysInItsOneSegment(String login) {
    entra.enqueue(404, "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"no\"}}");
    assertThat(directory.findByLogin(login)).isEmpty();
    assertThat(entra.graphRequests().get(0).getUrl().pathSegments())
        .containsExactly("v1.0", "users", login);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "3179e48a-750b-4051-897c-87b9720928f7",
        "-2_GRUg2-HYz6_1YG4YRAQ2",
        "_jpuR-TGZgk6aQCLF3BQjA2"
      })
  void methodIdsMayBeGuidsOrBase64Url(String id) {
    assertThat(EntraIds.requireMethod(FactorId.of(id)).value()).isEqualTo(id);
  }

  @ParameterizedTest
  @MethodSource("hostileIds")
  void aMethodIdWithADotOrSlashIsRefused(String id) {
    assertThatThrownBy(() -> EntraIds.requireMethod(FactorId.of(id.strip())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(seed = "20261130", tries = 500)
  void aUserIdIsAcceptedOnlyAsAGuid(@ForAll("idLike") String value) {
    boolean accepted;
    try {
      EntraIds.requireUser(UserId.of(value));
      accepted = true;
    } catch (IllegalArgumentException e) {
      accepted = false;
    }
    assertThat(accepted)
        .isEqualTo(value.matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}"));
  }

  @Provide
  Arbitrary<String> idLike() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .withChars("0123456789abcdefABCDEF-./%")
            .ofMinLength(1)
            .ofMaxLength(40),
        Arbitraries.of(USER, USER.toUpperCase(java.util.Locale.ROOT), USER + "0", "." + USER));
  }
}
