package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OperationOptionTest {

  @Test
  void neutralOptionsBelongToNoProvider() {
    assertThat(OperationOption.REVOKE_SESSIONS.provider()).isEmpty();
    assertThat(OperationOption.REVOKE_SESSIONS.name()).isEqualTo("REVOKE_SESSIONS");
    assertThat(OperationOption.REVOKE_SESSIONS).hasToString("REVOKE_SESSIONS");
  }

  @Test
  void aProvidersOptionIsAValueNamedWithItsProvider() {
    OperationOption forget = OperationOption.of("okta", "FORGET_DEVICES");
    assertThat(forget.provider()).contains("okta");
    assertThat(forget.name()).isEqualTo("FORGET_DEVICES");
    assertThat(forget).hasToString("okta:FORGET_DEVICES");
    assertThat(forget).isEqualTo(OperationOption.of("okta", "FORGET_DEVICES"));
    assertThat(forget).hasSameHashCodeAs(OperationOption.of("okta", "FORGET_DEVICES"));
    assertThat(forget).isNotEqualTo(OperationOption.of("entra", "FORGET_DEVICES"));
    assertThat(OperationOption.of("okta", "REVOKE_SESSIONS"))
        .as("a provider's option is never a neutral one, whatever its name")
        .isNotEqualTo(OperationOption.REVOKE_SESSIONS);
  }

  @Test
  void refusesNamesAndProvidersOfAnotherFormNamingTheValueAndTheRule() {
    assertThatThrownBy(() -> OperationOption.of("okta", "forget_devices"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[A-Z][A-Z0-9_]*")
        .hasMessageContaining("'forget_devices'");
    assertThatThrownBy(() -> OperationOption.of("Okta", "FORGET_DEVICES"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[a-z][a-z0-9-]*")
        .hasMessageContaining("'Okta'");
    for (String bad : List.of("", "1X", "_X", "X-Y", "X Y", "X:Y")) {
      assertThatThrownBy(() -> OperationOption.of("okta", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String bad : List.of("", "1okta", "-okta", "ok_ta", "ok:ta", "okta ")) {
      assertThatThrownBy(() -> OperationOption.of(bad, "X"))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(OperationOption.of("entra-id2", "X_1").provider()).contains("entra-id2");
  }

  @Test
  void sortsNeutralOptionsFirstInDeclarationOrderThenByProviderAndName() {
    TreeSet<OperationOption> sorted = new TreeSet<>();
    sorted.add(OperationOption.of("okta", "REMOVE_RECOVERY_ENROLLMENT"));
    sorted.add(OperationOption.REVOKE_OAUTH_TOKENS);
    sorted.add(OperationOption.of("entra", "Z"));
    sorted.add(OperationOption.of("okta", "FORGET_DEVICES"));
    sorted.add(OperationOption.SEND_EMAIL);
    sorted.add(OperationOption.REVOKE_SESSIONS);
    assertThat(sorted)
        .extracting(OperationOption::toString)
        .containsExactly(
            "SEND_EMAIL",
            "REVOKE_SESSIONS",
            "REVOKE_OAUTH_TOKENS",
            "entra:Z",
            "okta:FORGET_DEVICES",
            "okta:REMOVE_RECOVERY_ENROLLMENT");
  }
}
