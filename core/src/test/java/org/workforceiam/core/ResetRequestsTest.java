package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link PasswordReset}, {@link MfaReset} and {@link SessionRevocation}. */
class ResetRequestsTest {
  private static final FactorId SMS = FactorId.of("sms1");
  private static final OperationOption FORGET_DEVICES =
      OperationOption.of("okta", "FORGET_DEVICES");
  private static final OperationOption REMOVE_RECOVERY =
      OperationOption.of("okta", "REMOVE_RECOVERY_ENROLLMENT");

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
    assertThatThrownBy(
            () ->
                new PasswordReset(
                    PasswordReset.Mode.TEMPORARY_PASSWORD, Set.of(OperationOption.SEND_EMAIL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "sendEmail applies only to mode LINK, not TEMPORARY_PASSWORD;"
                + " use PasswordReset.emailedLink()");
    assertThatThrownBy(() -> PasswordReset.expire().with(OperationOption.SEND_EMAIL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not EXPIRE");
    assertThat(new PasswordReset(PasswordReset.Mode.LINK, Set.of(OperationOption.SEND_EMAIL)))
        .isEqualTo(PasswordReset.emailedLink());
    assertThat(PasswordReset.link().with(OperationOption.SEND_EMAIL))
        .isEqualTo(PasswordReset.emailedLink());
    assertThat(PasswordReset.emailedLink().without(OperationOption.SEND_EMAIL).sendEmail())
        .isFalse();
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void passwordResetRefusesNullMode() {
    assertThatThrownBy(() -> new PasswordReset(null, Set.of()))
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
  void aProvidersOwnOptionIsAddedAndRemovedLikeAnyOther() {
    MfaReset withRecovery = MfaReset.factor(SMS).with(REMOVE_RECOVERY);
    assertThat(withRecovery.options()).containsExactly(REMOVE_RECOVERY);
    assertThat(withRecovery.without(REMOVE_RECOVERY)).isEqualTo(MfaReset.factor(SMS));
    assertThat(MfaReset.allFactors().with(REMOVE_RECOVERY).options())
        .as("whether an option applies is the provider's capabilities' to say")
        .containsExactly(REMOVE_RECOVERY);
  }

  @Test
  void optionsAreCopiedAndSortedNeutralOnesFirst() {
    Set<OperationOption> source =
        new HashSet<>(Set.of(FORGET_DEVICES, OperationOption.REVOKE_OAUTH_TOKENS));
    SessionRevocation revocation = new SessionRevocation(source);
    source.clear();
    assertThat(revocation.options())
        .containsExactly(OperationOption.REVOKE_OAUTH_TOKENS, FORGET_DEVICES);
    assertThat(
            PasswordReset.link()
                .with(OperationOption.REVOKE_SESSIONS)
                .with(OperationOption.SEND_EMAIL)
                .options())
        .containsExactly(OperationOption.SEND_EMAIL, OperationOption.REVOKE_SESSIONS);
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void mfaResetRefusesNulls() {
    assertThatThrownBy(() -> new MfaReset(null, Set.of()))
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
    assertThat(only.options()).isEmpty();
    assertThat(only.withOauthTokens(true).options())
        .containsExactly(OperationOption.REVOKE_OAUTH_TOKENS);
    assertThat(only.with(FORGET_DEVICES).options()).containsExactly(FORGET_DEVICES);
    SessionRevocation both = only.withOauthTokens(true).with(FORGET_DEVICES);
    assertThat(both.oauthTokens()).isTrue();
    assertThat(both)
        .isEqualTo(
            new SessionRevocation(Set.of(OperationOption.REVOKE_OAUTH_TOKENS, FORGET_DEVICES)));
    assertThat(both.withOauthTokens(false).without(FORGET_DEVICES)).isEqualTo(only);
  }

  @Test
  void aTemporaryAccessPassIsUsableOnceOrReusableForItsLifetime() {
    TemporaryAccessPass once = TemporaryAccessPass.usableOnce(Duration.ofHours(1));
    assertThat(once.lifetime()).isEqualTo(Duration.ofMinutes(60));
    assertThat(once.usableOnce()).isTrue();
    assertThat(once.operation()).isEqualTo(Operation.ISSUE_TEMPORARY_ACCESS_PASS);
    assertThat(once.options()).isEmpty();
    assertThat(TemporaryAccessPass.reusable(Duration.ofDays(2)).usableOnce()).isFalse();
    assertThat(once).isEqualTo(new TemporaryAccessPass(Duration.ofMinutes(60), true));
  }

  @Test
  void aTemporaryAccessPassLastsAPositiveNumberOfWholeMinutes() {
    assertThatThrownBy(() -> TemporaryAccessPass.usableOnce(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lifetime of a Temporary Access Pass must be positive: PT0S");
    assertThatThrownBy(() -> TemporaryAccessPass.reusable(Duration.ofMinutes(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> TemporaryAccessPass.usableOnce(Duration.ofSeconds(90)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be whole minutes")
        .hasMessageContaining("PT1M30S");
    assertThatThrownBy(() -> TemporaryAccessPass.usableOnce(Duration.ofMinutes(10).plusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be whole minutes");
  }
}
