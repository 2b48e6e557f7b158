package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.workforceiam.core.IamException;

/**
 * A certificate credential's PEM text, whole or damaged, is read or refused with {@link
 * IamException.InvalidConfiguration} (never another exception), and no message quotes a piece of
 * the private key: a damaged key file is pasted into tickets and logs.
 */
class CertificatePemPropertiesTest {
  private static final String KEY_PKCS8 = TestCerts.keyPkcs8Pem(TestCerts.MADE);
  private static final String KEY_PKCS1 = TestCerts.keyPkcs1Pem(TestCerts.MADE);
  private static final String CERT = TestCerts.MADE.certificatePem();
  private static final int PIECE = 12;
  private static final Set<String> KEY_PIECES = pieces(List.of(KEY_PKCS8, KEY_PKCS1));

  @Property(seed = "20261130", tries = 300)
  void aDamagedCertificateIsReadOrRefusedWithInvalidConfiguration(
      @ForAll("damagedCertificates") String certificate) {
    try {
      EntraCredential.certificate(KEY_PKCS8, certificate);
    } catch (IamException.InvalidConfiguration e) {
      assertThat(e.getMessage()).startsWith("the certificate text").doesNotContain("\n");
      assertNoKeyIn(e.getMessage());
    }
  }

  @Property(seed = "20261201", tries = 300)
  void aDamagedKeyIsReadOrRefusedWithoutShowingAnyOfIt(@ForAll("damagedKeys") String key) {
    try {
      EntraCredential.certificate(key, CERT);
    } catch (IamException.InvalidConfiguration e) {
      assertNoKeyIn(e.getMessage());
      assertThat(e.getCause()).isNull();
    }
  }

  private static void assertNoKeyIn(String message) {
    for (int i = 0; i + PIECE <= message.length(); i++) {
      String piece = message.substring(i, i + PIECE);
      if (KEY_PIECES.contains(piece)) {
        throw new AssertionError("a piece of the key, '" + piece + "', in: " + message);
      }
    }
  }

  private static Set<String> pieces(List<String> keys) {
    Set<String> pieces = new HashSet<>();
    for (String key : keys) {
      for (String line : key.replaceAll("-----[A-Z ]+-----", " ").split("\\s+", -1)) {
        for (int i = 0; i + PIECE <= line.length(); i++) {
          pieces.add(line.substring(i, i + PIECE));
        }
      }
    }
    return pieces;
  }

  @Provide
  Arbitrary<String> damagedCertificates() {
    return damaged(Arbitraries.of(CERT, KEY_PKCS8 + CERT));
  }

  @Provide
  Arbitrary<String> damagedKeys() {
    return damaged(Arbitraries.of(KEY_PKCS8, KEY_PKCS1));
  }

  /** A valid text, then cut short, or with one character changed, added or removed. */
  private static Arbitrary<String> damaged(Arbitrary<String> texts) {
    Arbitrary<Character> character =
        Arbitraries.oneOf(
            Arbitraries.of('-', '\n', ' ', 'A', '/', '+', '=', 'é', '\u0000'), Arbitraries.chars());
    return Combinators.combine(
            texts,
            Arbitraries.doubles().between(0, 1),
            Arbitraries.integers().between(0, 4),
            character)
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
}
