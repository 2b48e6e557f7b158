package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Any instant of years 0 to 9999 in Okta's timestamp form, with or without milliseconds, reads to
 * the same value as {@link Instant#parse}: the date arithmetic that replaces {@code LocalDate} is
 * right for every day, leap years and centuries included.
 */
class OktaTimestampPropertiesTest {
  private static final DateTimeFormatter WITH_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter WITHOUT_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  @Property(seed = "20261301", tries = 2000)
  void everyInstantOfYearsZeroTo9999ReadsAsInstantParseReadsIt(
      @ForAll @LongRange(min = -62_167_219_200_000L, max = 253_402_300_799_999L) long epochMilli) {
    Instant instant = Instant.ofEpochMilli(epochMilli);
    String withMillis = WITH_MILLIS.format(instant);
    String withoutMillis = WITHOUT_MILLIS.format(instant);

    assertThat(OktaJson.oktaInstant(withMillis)).isEqualTo(Instant.parse(withMillis));
    assertThat(OktaJson.oktaInstant(withoutMillis)).isEqualTo(Instant.parse(withoutMillis));
  }
}
