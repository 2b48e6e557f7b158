package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DerTest {
  private static String hex(byte[] bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }

  @ParameterizedTest
  @CsvSource({
    "1.2.840.113549.1.1.11, 06092A864886F70D01010B",
    "2.5.4.3, 0603550403",
    "2.5.29.19, 0603551D13",
    "1.2.840.10045.3.1.7, 06082A8648CE3D030107"
  })
  void writesObjectIdentifiersAsX690Says(String oid, String expected) throws Exception {
    byte[] element = Der.objectIdentifier(oid);
    assertThat(hex(element)).isEqualTo(expected);
    assertThat(new Der.Reader(element).objectIdentifier()).isEqualTo(oid);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 127, 128, 255, 256, 65_535, 65_536, 300_000})
  void lengthsOfAnySizeReadBackWhole(int size) throws Exception {
    byte[] contents = new byte[size];
    if (size > 0) {
      contents[size - 1] = 7;
    }
    byte[] element = Der.octetString(contents);
    assertThat(new Der.Reader(element).read(Der.OCTET_STRING).bytes()).isEqualTo(contents);
  }

  @Test
  void integersAreTwosComplementInTheFewestBytes() throws Exception {
    assertThat(hex(Der.integer(BigInteger.ZERO))).isEqualTo("020100");
    assertThat(hex(Der.integer(BigInteger.valueOf(128)))).isEqualTo("02020080");
    assertThat(hex(Der.integer(BigInteger.valueOf(-1)))).isEqualTo("0201FF");
    BigInteger big = BigInteger.TWO.pow(159).add(BigInteger.ONE);
    assertThat(new Der.Reader(Der.integer(big)).integer()).isEqualTo(big);
  }

  @Test
  void validityTimesAreUtcTimeBefore2050AndGeneralizedTimeFrom2050() {
    assertThat(
            new String(
                Der.time(Instant.parse("2026-11-30T08:15:00.900Z")), StandardCharsets.US_ASCII))
        .endsWith("261130081500Z");
    assertThat(Der.time(Instant.parse("2026-11-30T08:15:00Z"))[0]).isEqualTo((byte) 0x17);
    byte[] later = Der.time(Instant.parse("2050-01-01T00:00:00Z"));
    assertThat(later[0]).isEqualTo((byte) 0x18);
    assertThat(new String(later, 2, later.length - 2, StandardCharsets.US_ASCII))
        .isEqualTo("20500101000000Z");
  }

  @Test
  void fixedElementsHaveTheirStandardEncodings() {
    assertThat(hex(Der.nullValue())).isEqualTo("0500");
    assertThat(hex(Der.bool(true))).isEqualTo("0101FF");
    assertThat(hex(Der.bitString(new byte[] {1, 2}))).isEqualTo("0303000102");
    assertThat(hex(Der.explicit(0, Der.integer(BigInteger.TWO)))).isEqualTo("A003020102");
    assertThat(hex(Der.set(Der.utf8String("a")))).isEqualTo("31030C0161");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "3.1", "1.40", "1.2.x", "1.-2.3"})
  void refusesWhatIsNotAnObjectIdentifier(String oid) {
    assertThatThrownBy(() -> Der.objectIdentifier(oid))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
