package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailsTest {
  @Test
  void dropsSurroundingWhiteSpaceAndKeepsQuotesThatOnlyTheProviderEscapes() {
    assertThat(Emails.requireSearchable("  o'brien@example.com ")).isEqualTo("o'brien@example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a\"b@x.com", "a\\b@x.com", "a b@x.com", "a\u0000b@x.com", "a\u200bb@x.com", " "})
  void refusesWhatCouldChangeASearchExpression(String email) {
    assertThatThrownBy(() -> Emails.requireSearchable(email))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("email ")
        .hasMessageNotContaining("\u0000");
  }

  @Test
  void showsAtMostAHundredCodePointsWithControlCharactersEscaped() {
    assertThat(Emails.shown("a\u0007b")).isEqualTo("'a\\u0007b'");
    assertThat(Emails.shown("x".repeat(150))).isEqualTo("'" + "x".repeat(100) + "…'");
  }
}
