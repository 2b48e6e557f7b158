package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Reading the roles of a token the server sent never throws: the result is the roles or empty. */
class TokenClaimsPropertiesTest {
  private static String token(String payload) {
    return "e30."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }

  @Test
  void readsTheRolesOfAJwtAndNoneWhenItHasNone() {
    assertThat(TokenClaims.roles(token("{\"roles\":[\"User.Read.All\",\"GroupMember.Read.All\"]}")))
        .hasValue(List.of("User.Read.All", "GroupMember.Read.All"));
    assertThat(TokenClaims.roles(token("{\"aud\":\"x\"}"))).hasValue(List.of());
  }

  @Test
  void aTokenThatIsNotAJwtWithARolesArrayHasUnknownRoles() {
    assertThat(TokenClaims.roles("opaque")).isEmpty();
    assertThat(TokenClaims.roles(token("{\"roles\":\"User.Read.All\"}"))).isEmpty();
    assertThat(TokenClaims.roles(token("{\"roles\":[1]}"))).isEmpty();
    assertThat(TokenClaims.roles(token("[]"))).isEmpty();
    assertThat(TokenClaims.roles("a.!!!.c")).isEmpty();
  }

  @Property(seed = "20261130", tries = 400)
  void anyTextGivesRolesOrEmptyNeverAnException(@ForAll("tokenLike") String text) {
    assertThat(TokenClaims.roles(text)).isNotNull();
  }

  @Provide
  Arbitrary<String> tokenLike() {
    Arbitrary<String> payloads =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(60),
            Arbitraries.of(
                "{\"roles\":[", "{\"roles\":null}", "{}", "null", "{\"roles\":[\"a\"]} x"));
    return Arbitraries.oneOf(
        payloads.map(TokenClaimsPropertiesTest::token),
        Arbitraries.strings().withChars("abc.-_=+/!").ofMaxLength(40));
  }
}
