package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link PasswordReset}, {@link MfaReset} and {@link SessionRevocation}. */
class ResetRequestsTest {
  private static final FactorId SMS = FactorId.of("sms1");

  @Test
  void passwordResetFactoriesNameTheirOperationAndOptions() {
    assertThat(PasswordReset.link().operation()).isEqualTo(Operation.RESET_PASSWORD_LINK);
    assertThat(PasswordReset.link().options()).isEmpty();
    assertThat(PasswordReset.emailedLink().operation()).isEqualTo(Operation.RESET_PASSWORD_LINK);
    assertThat(PasswordReset.emailedLink().options()).containsExactly(OperationOption.SEND_EMAIL);
    assertThat(PasswordReset.temporaryPassword().operation())
        .isEqualTo(Operation.SET_TEMPORARY_PASSWORD);
    assertThat(PasswordReset.expire().operation()).isEqualTo(Operation.EXPIRE_PASSWORD);
    assertThat(PasswordReset.expire().options()).isEmpty();
  }

  @Test
  void revokingSessionsIsAnOptionOfEveryPasswordMode() {
    for (PasswordReset reset :
        new PasswordReset[] {
          PasswordReset.link(),
          PasswordReset.emailedLink(),
          PasswordReset.temporaryPassword(),
          PasswordReset.expire()
        }) {
      PasswordReset revoking = reset.withRevokeSessions(true);
      assertThat(revoking.revokeSessions()).isTrue();
      assertThat(revoking.mode()).isEqualTo(reset.mode());
      assertThat(revoking.sendEmail()).isEqualTo(reset.sendEmail());
      assertThat(revoking.options()).contains(OperationOption.REVOKE_SESSIONS);
      assertThat(revoking.withRevokeSessions(false)).isEqualTo(reset);
    }
    assertThat(PasswordReset.emailedLink().withRevokeSessions(true).options())
        .containsExactlyInAnyOrder(OperationOption.SEND_EMAIL, OperationOption.REVOKE_SESSIONS);
  }

  @Test
  void sendEmailAppliesOnlyToTheLinkMode() {
    assertThatThrownBy(() -> new PasswordReset(PasswordReset.Mode.TEMPORARY_PASSWORD, true, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "sendEmail applies only to mode LINK, not TEMPORARY_PASSWORD;"
                + " use PasswordReset.emailedLink()");
    assertThatThrownBy(() -> new PasswordReset(PasswordReset.Mode.EXPIRE, true, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not EXPIRE");
    assertThat(new PasswordReset(PasswordReset.Mode.LINK, true, false))
        .isEqualTo(PasswordReset.emailedLink());
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void passwordResetRefusesNullMode() {
    assertThatThrownBy(() -> new PasswordReset(null, false, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("mode == null");
  }

  @Test
  void optionsCannotBeChangedByTheCaller() {
    assertThatThrownBy(() -> PasswordReset.link().options().add(OperationOption.SEND_EMAIL))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> SessionRevocation.sessionsOnly().options().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mfaResetOfAllFactorsOrOne() {
    assertThat(MfaReset.allFactors().factor()).isEmpty();
    assertThat(MfaReset.allFactors().operation()).isEqualTo(Operation.RESET_ALL_FACTORS);
    assertThat(MfaReset.allFactors().options()).isEmpty();
    assertThat(MfaReset.factor(SMS).factor()).contains(SMS);
    assertThat(MfaReset.factor(SMS).operation()).isEqualTo(Operation.RESET_FACTOR);
    assertThat(MfaReset.factor(SMS).options()).isEmpty();
  }

  @Test
  void removingTheRecoveryEnrollmentNeedsOneFactor() {
    MfaReset withRecovery = MfaReset.factor(SMS).withRemoveRecoveryEnrollment(true);
    assertThat(withRecovery.removeRecoveryEnrollment()).isTrue();
    assertThat(withRecovery.options()).containsExactly(OperationOption.REMOVE_RECOVERY_ENROLLMENT);
    assertThat(withRecovery.withRemoveRecoveryEnrollment(false)).isEqualTo(MfaReset.factor(SMS));
    assertThatThrownBy(() -> MfaReset.allFactors().withRemoveRecoveryEnrollment(true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("removeRecoveryEnrollment applies only to one factor; use MfaReset.factor(id)");
    assertThatThrownBy(() -> new MfaReset(Optional.empty(), true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void mfaResetRefusesNulls() {
    assertThatThrownBy(() -> new MfaReset(null, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("factor == null (use MfaReset.allFactors())");
    assertThatThrownBy(() -> MfaReset.factor(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("factor == null");
  }

  @Test
  void sessionRevocationOptions() {
    SessionRevocation only = SessionRevocation.sessionsOnly();
    assertThat(only.operation()).isEqualTo(Operation.REVOKE_SESSIONS);
    assertThat(only.oauthTokens()).isFalse();
    assertThat(only.forgetDevices()).isFalse();
    assertThat(only.options()).isEmpty();
    assertThat(only.withOauthTokens(true).options())
        .containsExactly(OperationOption.REVOKE_OAUTH_TOKENS);
    assertThat(only.withForgetDevices(true).options())
        .containsExactly(OperationOption.FORGET_DEVICES);
    SessionRevocation both = only.withOauthTokens(true).withForgetDevices(true);
    assertThat(both).isEqualTo(new SessionRevocation(true, true));
    assertThat(both.options())
        .containsExactlyInAnyOrder(
            OperationOption.REVOKE_OAUTH_TOKENS, OperationOption.FORGET_DEVICES);
    assertThat(both.withOauthTokens(false).withForgetDevices(false)).isEqualTo(only);
  }
}
