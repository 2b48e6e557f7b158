package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The identifier records judge any text: whatever the rule, a value is either accepted as it is or
 * refused with an {@link IllegalArgumentException} that names the identifier, never anything else.
 */
class IdentifierPropertiesTest {

  @Property(seed = "20261201", tries = 400)
  void userIdAcceptsOrRefusesWithIllegalArgument(@ForAll("idLike") String value) {
    acceptsOrRefuses(UserId::of, UserId::value, "userId", value);
  }

  @Property(seed = "20261202", tries = 400)
  void groupIdAcceptsOrRefusesWithIllegalArgument(@ForAll("idLike") String value) {
    acceptsOrRefuses(GroupId::of, GroupId::value, "groupId", value);
  }

  @Property(seed = "20261203", tries = 400)
  void factorIdAcceptsOrRefusesWithIllegalArgument(@ForAll("idLike") String value) {
    acceptsOrRefuses(FactorId::of, FactorId::value, "factorId", value);
  }

  @Property(seed = "20261204", tries = 200)
  void anIdWithAControlCharacterIsRefused(
      @ForAll("idLike") String prefix,
      @ForAll("controlCharacters") char control,
      @ForAll("idLike") String suffix) {
    String value = "00u" + prefix + control + suffix;
    assertThatThrownBy(() -> UserId.of(value)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GroupId.of(value)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FactorId.of(value)).isInstanceOf(IllegalArgumentException.class);
  }

  private static <T> void acceptsOrRefuses(
      Function<String, T> of, Function<T, String> valueOf, String name, String value) {
    T id;
    try {
      id = of.apply(value);
    } catch (IllegalArgumentException e) {
      assertThat(e).hasMessageContaining(name);
      return;
    }
    assertThat(valueOf.apply(id)).isEqualTo(value);
  }

  /**
   * Real ids, dot segments in every spelling, separators, white space, controls, non-ASCII letters
   * and long values, mixed.
   */
  @Provide
  Arbitrary<String> idLike() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of(
                "00u1abcd2EFGH3ijk4x7",
                "00g1emaKYZTWRYYRRTSK",
                "sms1o51EADOTFXHHBXBP",
                ".",
                "..",
                "%2e",
                "%2E%2e",
                "/",
                "\\",
                "?",
                "#",
                "%",
                " ",
                "\t",
                "\n",
                "\u0000",
                "\u00a0",
                "\u2028",
                "\u0130",
                "ü",
                "\uD83D\uDE00"),
            Arbitraries.strings().alpha().numeric().ofMaxLength(12),
            Arbitraries.strings().all().ofMaxLength(6));
    return pieces.list().ofMaxSize(6).map(list -> String.join("", list));
  }

  @Provide
  Arbitrary<Character> controlCharacters() {
    return Arbitraries.oneOf(
        Arbitraries.chars().range('\u0000', '\u001f'),
        Arbitraries.chars().range('\u007f', '\u009f'));
  }
}
