package org.workforceiam.entra;

import java.util.Random;

/**
 * Generates the temporary passwords this adapter sets: {@value #LENGTH} characters from a
 * cryptographically strong source, with at least one upper-case letter, one lower-case letter, one
 * digit and one symbol, so they meet Entra's password policy (8 to 256 characters, three of the
 * four classes: GRAPH-NOTES, "Temporary password") with room to spare. Letters and digits that are
 * easily confused when read aloud ({@code 0 O 1 l I}) are left out, and so are quotes, backslashes
 * and spaces, which a helpdesk would have to escape. About 120 bits of entropy.
 */
final class TemporaryPasswords {
  /** The length of every temporary password. */
  static final int LENGTH = 20;

  static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  static final String DIGITS = "23456789";
  static final String SYMBOLS = "!#$%&*+-=?@^_";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

  private TemporaryPasswords() {}

  /**
   * Generates a password.
   *
   * @param random the source: a {@link java.security.SecureRandom}; tests pass a seeded one
   * @return the password
   */
  static String generate(Random random) {
    char[] password = new char[LENGTH];
    password[0] = pick(UPPER, random);
    password[1] = pick(LOWER, random);
    password[2] = pick(DIGITS, random);
    password[3] = pick(SYMBOLS, random);
    for (int i = 4; i < LENGTH; i++) {
      password[i] = pick(ALL, random);
    }
    // Fisher-Yates, so the guaranteed classes sit anywhere.
    for (int i = LENGTH - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      char swap = password[i];
      password[i] = password[j];
      password[j] = swap;
    }
    return new String(password);
  }

  private static char pick(String alphabet, Random random) {
    return alphabet.charAt(random.nextInt(alphabet.length()));
  }
}
