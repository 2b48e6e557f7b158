package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Okta's timestamps are read without Instant.parse when they have Okta's form, to the same value.
 */
class OktaTimestampTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-01-15T10:00:00.000Z",
        "2013-06-24T16:39:18.123Z",
        "2024-02-29T23:59:59.999Z",
        "1970-01-01T00:00:00.000Z",
        "1969-12-31T23:59:59.001Z",
        "2026-12-31T00:00:00Z",
        "0001-01-01T00:00:00.000Z"
      })
  void readsOktasFormToTheSameInstantAsInstantParse(String text) {
    assertThat(OktaJson.oktaInstant(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-01-15T10:00:00+01:00",
        "2026-01-15T10:00:00.5Z",
        "2026-01-15T10:00:00.000000Z",
        "2026-02-29T10:00:00.000Z",
        "2026-13-01T10:00:00.000Z",
        "2026-01-15T24:00:00.000Z",
        "2026-01-15T10:60:00.000Z",
        "2026-01-15T10:00:60.000Z",
        "2026-01-15 10:00:00.000Z",
        "2026-01-1xT10:00:00.000Z",
        "+2026-01-15T10:00:00Z",
        ""
      })
  void leavesEveryOtherFormToInstantParse(String text) {
    assertThat(OktaJson.oktaInstant(text)).isNull();
  }
}
