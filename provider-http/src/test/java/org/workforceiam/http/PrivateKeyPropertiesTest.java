package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.workforceiam.core.IamException;

/**
 * {@link PrivateKeys#fromText} reads any text, whole or damaged, as a key or refuses it with {@link
 * IamException.InvalidConfiguration}, and no message ever quotes a piece of the key: a damaged key
 * file is pasted into tickets and logs.
 */
class PrivateKeyPropertiesTest {
  private static final KeyPair RSA = TestKeys.rsa(2048);
  private static final KeyPair EC = TestKeys.ec("secp256r1");
  private static final List<String> KEYS =
      List.of(
          TestKeys.pkcs8Pem(RSA),
          TestKeys.pkcs1Pem(RSA),
          TestKeys.pkcs8Pem(EC),
          TestKeys.sec1Pem(EC, "1.2.840.10045.3.1.7"),
          TestKeys.json(TestKeys.rsaJwk(RSA, "kid-rsa")),
          TestKeys.json(TestKeys.ecJwk(EC, "P-256", "kid-ec")),
          TestKeys.json(Map.of("keys", List.of(TestKeys.ecJwk(EC, "P-256", "kid-set")))));

  /** Every run of 12 characters of the keys' encoded secrets, as text that must never be shown. */
  private static final Set<String> SECRET_PIECES = secretPieces();

  private static final int PIECE = 12;

  @Property(seed = "20261230", tries = 600)
  void aDamagedKeyIsReadOrRefusedWithoutShowingAnyOfIt(@ForAll("damagedKeys") String text) {
    try {
      ServiceAppKey key = PrivateKeys.fromText(text, "private key file key.pem");
      assertThat(key.algorithm()).isIn("RS256", "ES256");
    } catch (IamException.InvalidConfiguration e) {
      assertThat(e.getMessage()).startsWith("private key file key.pem");
      assertNoSecretIn(e.getMessage());
      assertThat(e.getCause()).isNull();
    }
  }

  @Property(seed = "20261231", tries = 400)
  void anyTextIsReadOrRefusedWithInvalidConfiguration(@ForAll("keyLikeText") String text) {
    try {
      PrivateKeys.fromText(text, "PRIVATE_KEY");
    } catch (IamException.InvalidConfiguration e) {
      assertThat(e.getMessage()).startsWith("PRIVATE_KEY");
    }
  }

  private static void assertNoSecretIn(String message) {
    for (int i = 0; i + PIECE <= message.length(); i++) {
      String piece = message.substring(i, i + PIECE);
      if (SECRET_PIECES.contains(piece)) {
        throw new AssertionError("a piece of the key, '" + piece + "', in: " + message);
      }
    }
  }

  private static Set<String> secretPieces() {
    Set<String> pieces = new HashSet<>();
    for (String key : KEYS) {
      String secret;
      if (key.startsWith("{")) {
        secret = String.join(" ", secretJwkValues(key));
      } else {
        secret = key.replaceAll("-----[A-Z ]+-----", " ");
      }
      for (String part : secret.split("\\s+", -1)) {
        for (int i = 0; i + PIECE <= part.length(); i++) {
          pieces.add(part.substring(i, i + PIECE));
        }
      }
    }
    return pieces;
  }

  private static List<String> secretJwkValues(String json) {
    return List.of(json.split("\"")).stream()
        .filter(s -> s.length() >= 20 && s.matches("[A-Za-z0-9_-]+"))
        .toList();
  }

  /** A valid key in any format, then cut short, or with one character changed, added or removed. */
  @Provide
  Arbitrary<String> damagedKeys() {
    Arbitrary<String> key = Arbitraries.of(KEYS);
    Arbitrary<Character> character =
        Arbitraries.oneOf(
            Arbitraries.of('-', '\n', ' ', '{', '}', '"', ',', ':', '=', 'A', '/', '+', '\\', 'é'),
            Arbitraries.chars());
    Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
    Arbitrary<Integer> how = Arbitraries.integers().between(0, 4);
    return Combinators.combine(key, where, how, character)
        .as(
            (text, at, kind, c) -> {
              int i = (int) Math.min(text.length() - 1, Math.floor(at * text.length()));
              return switch (kind) {
                case 0 -> text.substring(0, i);
                case 1 -> text.substring(0, i) + c + text.substring(i + 1);
                case 2 -> text.substring(0, i) + c + text.substring(i);
                case 3 -> text.substring(0, i) + text.substring(i + 1);
                default -> text;
              };
            });
  }

  @Provide
  Arbitrary<String> keyLikeText() {
    Arbitrary<String> fragments =
        Arbitraries.of(
            "-----BEGIN ",
            "-----END ",
            "PRIVATE KEY",
            "RSA PRIVATE KEY",
            "EC PRIVATE KEY",
            "-----",
            "\n",
            "MIIB",
            "AAAA",
            "====",
            "{",
            "}",
            "\"kty\":\"RSA\"",
            "\"kty\":\"EC\"",
            "\"crv\":\"P-256\"",
            "\"d\":\"AA\"",
            "\"n\":\"\"",
            "\"keys\":[]",
            ",",
            "Proc-Type: 4,ENCRYPTED");
    return Arbitraries.oneOf(
        fragments.list().ofMaxSize(12).map(list -> String.join("", list)),
        Arbitraries.strings().ofMaxLength(80));
  }
}
