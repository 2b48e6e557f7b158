package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.IamException;

class PemTest {
  private static final byte[] BODY =
      "a body long enough to span two lines of base64 text, sixty-four characters each"
          .getBytes(StandardCharsets.US_ASCII);
  private static final String BLOCK = Pem.write("CERTIFICATE", BODY);

  @Test
  void writesLinesOf64CharactersAndReadsThemBack() {
    assertThat(BLOCK)
        .startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
    assertThat(BLOCK.lines().skip(1).findFirst().orElseThrow()).hasSize(64);
    Pem.Block block = Pem.read(BLOCK, "certificate file c.pem", "", "");
    assertThat(block.label()).isEqualTo("CERTIFICATE");
    assertThat(block.der()).isEqualTo(BODY);
    assertThat(block.toString()).isEqualTo("Pem.Block{CERTIFICATE, " + BODY.length + " bytes}");
  }

  @Test
  void findsThePreferredLabelInAFileHoldingSeveralBlocks() {
    String both = Pem.write("PRIVATE KEY", new byte[] {1, 2, 3}) + BLOCK;
    assertThat(Pem.read(both, "f", "CERTIFICATE", "").label()).isEqualTo("CERTIFICATE");
    assertThat(Pem.read(both, "f", "", "").label()).isEqualTo("PRIVATE KEY");
    assertThat(Pem.read(BLOCK, "f", "X509 CRL", "").label()).isEqualTo("CERTIFICATE");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no block at all",
        "-----BEGIN CERTIFICATE",
        "-----BEGIN certificate-----\nAAAA\n-----END certificate-----",
        "-----BEGIN CERTIFICATE-----\nAAAA\n",
        "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----",
        "-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nAAAA\n-----END RSA PRIVATE KEY-----"
      })
  void refusesADamagedBlockNamingTheSource(String text) {
    assertThatThrownBy(() -> Pem.read(text, "certificate file c.pem", "", "; expected a PEM"))
        .isInstanceOf(IamException.InvalidConfiguration.class)
        .hasMessageStartingWith("certificate file c.pem ");
  }

  @Property(seed = "20261130", tries = 300)
  void aDamagedBlockIsReadOrRefusedWithoutQuotingItsBody(@ForAll("damaged") String text) {
    try {
      Pem.read(text, "file", "", "");
    } catch (IamException.InvalidConfiguration e) {
      assertThat(e.getMessage()).startsWith("file ");
      String body = BLOCK.lines().skip(1).findFirst().orElseThrow();
      for (int i = 0; i + 12 <= body.length(); i++) {
        assertThat(e.getMessage()).doesNotContain(body.substring(i, i + 12));
      }
    }
  }

  @Provide
  Arbitrary<String> damaged() {
    Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
    Arbitrary<Integer> how = Arbitraries.integers().between(0, 3);
    Arbitrary<Character> c = Arbitraries.of('-', '\n', ' ', 'A', '=', '!', 'é', '\u0000');
    return Combinators.combine(where, how, c)
        .as(
            (at, kind, ch) -> {
              int i = (int) Math.min(BLOCK.length() - 1, Math.floor(at * BLOCK.length()));
              return switch (kind) {
                case 0 -> BLOCK.substring(0, i);
                case 1 -> BLOCK.substring(0, i) + ch + BLOCK.substring(i + 1);
                case 2 -> BLOCK.substring(0, i) + ch + BLOCK.substring(i);
                default -> BLOCK.substring(0, i) + BLOCK.substring(i + 1);
              };
            });
  }
}
