package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FactorTest {
  private static final FactorId SMS = FactorId.of("sms1o51EADOTFXHHBXBP");

  @Test
  void keepsValuesTheLibraryDoesNotKnowAsTheProviderSpellsThem() {
    Factor factor = Factor.of(SMS, "token:hardware:future", "YUBICO_NEXT", "PENDING_ACTIVATION");
    assertThat(factor.id()).isEqualTo(SMS);
    assertThat(factor.type()).isEqualTo("token:hardware:future");
    assertThat(factor.provider()).isEqualTo("YUBICO_NEXT");
    assertThat(factor.status()).isEqualTo("PENDING_ACTIVATION");
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullNamingTheFieldAndTheFactor() {
    assertThatThrownBy(() -> Factor.of(null, "sms", "OKTA", "ACTIVE"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id == null");
    assertThatThrownBy(() -> Factor.of(SMS, null, "OKTA", "ACTIVE"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type of factor sms1o51EADOTFXHHBXBP == null");
    assertThatThrownBy(() -> Factor.of(SMS, "sms", null, "ACTIVE"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("provider of factor sms1o51EADOTFXHHBXBP == null");
    assertThatThrownBy(() -> Factor.of(SMS, "sms", "OKTA", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("status of factor sms1o51EADOTFXHHBXBP == null");
  }

  @Test
  void refusesBlankNamingTheFieldAndTheFactor() {
    assertThatThrownBy(() -> Factor.of(SMS, " ", "OKTA", "ACTIVE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("type of factor sms1o51EADOTFXHHBXBP must not be blank");
    assertThatThrownBy(() -> Factor.of(SMS, "sms", "", "ACTIVE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("provider of factor sms1o51EADOTFXHHBXBP must not be blank");
    assertThatThrownBy(() -> Factor.of(SMS, "sms", "OKTA", "\t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status of factor sms1o51EADOTFXHHBXBP must not be blank");
  }
}
