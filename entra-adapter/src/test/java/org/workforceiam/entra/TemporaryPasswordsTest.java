package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Every generated temporary password meets Entra's policy with room to spare. */
class TemporaryPasswordsTest {

  @Property(tries = 500, seed = "4711")
  void everyPasswordHasTwentyCharactersOfEachClassFromTheAlphabet(@ForAll long seed) {
    String password = TemporaryPasswords.generate(new Random(seed));

    assertThat(password).hasSize(TemporaryPasswords.LENGTH);
    assertThat(password.chars().anyMatch(c -> TemporaryPasswords.UPPER.indexOf(c) >= 0)).isTrue();
    assertThat(password.chars().anyMatch(c -> TemporaryPasswords.LOWER.indexOf(c) >= 0)).isTrue();
    assertThat(password.chars().anyMatch(c -> TemporaryPasswords.DIGITS.indexOf(c) >= 0)).isTrue();
    assertThat(password.chars().anyMatch(c -> TemporaryPasswords.SYMBOLS.indexOf(c) >= 0)).isTrue();
    String alphabet =
        TemporaryPasswords.UPPER
            + TemporaryPasswords.LOWER
            + TemporaryPasswords.DIGITS
            + TemporaryPasswords.SYMBOLS;
    assertThat(password.chars().allMatch(c -> alphabet.indexOf(c) >= 0)).isTrue();
    assertThat(password).doesNotContain("0", "O", "1", "l", "I", "\"", "'", "\\", " ");
  }

  @org.junit.jupiter.api.Test
  void passwordsFromOneSourceDoNotRepeat() {
    Random random = new java.security.SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seen.add(TemporaryPasswords.generate(random));
    }
    assertThat(seen).hasSize(1000);
  }
}
