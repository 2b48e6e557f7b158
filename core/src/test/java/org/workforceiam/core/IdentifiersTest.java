package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link UserId}, {@link GroupId} and {@link FactorId} share one set of rules. */
class IdentifiersTest {

  static Stream<Arguments> identifierTypes() {
    return Stream.of(
        Arguments.of("userId", (Function<String, Object>) UserId::of),
        Arguments.of("groupId", (Function<String, Object>) GroupId::of),
        Arguments.of("factorId", (Function<String, Object>) FactorId::of));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identifierTypes")
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullNamingTheIdentifier(String name, Function<String, Object> create) {
    assertThatThrownBy(() -> create.apply(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(name + " == null");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identifierTypes")
  void refusesEmptyAndBlankValues(String name, Function<String, Object> create) {
    for (String blank : new String[] {"", " ", "\t", "\n \u2003"}) {
      assertThatThrownBy(() -> create.apply(blank))
          .as("%s of %s", name, blank.codePoints().boxed().toList())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(name + " must not be blank");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identifierTypes")
  void refusesWhiteSpaceAroundTheValue(String name, Function<String, Object> create) {
    for (String padded : new String[] {" 00u1", "00u1 ", "\t00u1", "00u1\n", "00u1\u2003"}) {
      assertThatThrownBy(() -> create.apply(padded))
          .as("%s of %s", name, padded.codePoints().boxed().toList())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(name + " must not start or end with white space");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identifierTypes")
  void refusesControlCharactersNamingWhereTheyAre(String name, Function<String, Object> create) {
    assertThatThrownBy(() -> create.apply("00u\u0000x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(name + " must not contain control characters (found one at index 3)");
    assertThatThrownBy(() -> create.apply("00u1\u0007"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control characters");
    assertThatThrownBy(() -> create.apply("a\u009Fb"))
        .as("a C1 control character")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identifierTypes")
  void acceptsOpaqueValuesAndShowsThemUnchanged(String name, Function<String, Object> create) {
    for (String value : new String[] {"00u1abcd2EFGH3ijk4x7", "x", "ada@example.com", "a b"}) {
      assertThat(create.apply(value)).hasToString(value).isEqualTo(create.apply(value));
    }
  }

  @Test
  void providerSpecificFormatsAreNotCheckedInCore() {
    assertThat(GroupId.of("not-an-okta-group").value()).isEqualTo("not-an-okta-group");
    assertThat(UserId.of("1234").value()).isEqualTo("1234");
  }

  @Test
  void aUserIdIsNeverEqualToAGroupIdWithTheSameValue() {
    assertThat((Object) UserId.of("same")).isNotEqualTo(GroupId.of("same"));
    assertThat((Object) FactorId.of("same")).isNotEqualTo(UserId.of("same"));
  }
}
