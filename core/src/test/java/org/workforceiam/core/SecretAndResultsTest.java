package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Secret} and the result records that carry one. */
class SecretAndResultsTest {
  private static final UserId ADA = UserId.of("00u1Ada");
  private static final String LINK = "https://example.okta.com/reset/s3cr3t-t0ken";
  private static final String PASSWORD = "Tmp-Pa55-xyzzy";

  @Test
  void revealReturnsTheValue() {
    assertThat(Secret.of(LINK).reveal()).isEqualTo(LINK);
  }

  @Test
  void toStringNeverShowsTheValue() {
    Secret secret = Secret.of(PASSWORD);
    assertThat(secret.toString()).isEqualTo("Secret[redacted]").doesNotContain(PASSWORD);
    assertThat(String.valueOf(Optional.of(secret))).doesNotContain(PASSWORD);
    assertThat(List.of(secret).toString()).doesNotContain(PASSWORD);
  }

  @Test
  void equalSecretsAreEqualAndTheHashRevealsNothing() {
    assertThat(Secret.of(PASSWORD)).isEqualTo(Secret.of(PASSWORD));
    assertThat(Secret.of(PASSWORD)).isNotEqualTo(Secret.of(PASSWORD + "x"));
    assertThat(Secret.of("a").hashCode()).isEqualTo(Secret.of("b").hashCode());
    assertThat((Object) Secret.of(PASSWORD)).isNotEqualTo(PASSWORD);
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullAndBlankSecrets() {
    assertThatThrownBy(() -> Secret.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value == null");
    assertThatThrownBy(() -> Secret.of(" \n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a secret must not be blank")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void passwordResetResultNeverShowsTheLinkOrThePassword() {
    ResetResult.Password withLink =
        ResetResult.Password.of(
            ADA,
            Operation.RESET_PASSWORD_LINK,
            Optional.of(Secret.of(LINK)),
            false,
            Optional.empty(),
            true,
            Optional.of("req-1"));
    ResetResult.Password withPassword =
        ResetResult.Password.of(
            ADA,
            Operation.SET_TEMPORARY_PASSWORD,
            Optional.empty(),
            false,
            Optional.of(Secret.of(PASSWORD)),
            false,
            Optional.of("req-2"));
    assertThat(withLink.toString())
        .doesNotContain(LINK)
        .doesNotContain("s3cr3t")
        .contains("00u1Ada", "req-1");
    assertThat(withPassword.toString()).doesNotContain(PASSWORD).contains("Secret[redacted]");
    assertThat(withLink.resetLink()).map(Secret::reveal).contains(LINK);
    assertThat(withPassword.temporaryPassword()).map(Secret::reveal).contains(PASSWORD);
  }

  @Test
  void everyResultShowsItsUserAndRequestId() {
    List<ResetResult> results =
        List.of(
            ResetResult.Mfa.of(
                ADA, Operation.RESET_ALL_FACTORS, List.of(FactorId.of("sms1")), Optional.of("r1")),
            ResetResult.Unlock.of(ADA, EmployeeStatus.ACTIVE, Optional.of("r2")),
            ResetResult.Sessions.of(
                ADA, Set.of(OperationOption.REVOKE_OAUTH_TOKENS), Optional.of("r3")));
    assertThat(results).extracting(ResetResult::user).containsOnly(ADA);
    assertThat(results)
        .extracting(ResetResult::operation)
        .containsExactly(Operation.RESET_ALL_FACTORS, Operation.UNLOCK, Operation.REVOKE_SESSIONS);
    assertThat(results)
        .extracting(r -> r.requestId().orElseThrow())
        .containsExactly("r1", "r2", "r3");
    assertThat(results).allSatisfy(r -> assertThat(r.toString()).contains("00u1Ada"));
  }

  @Test
  void passwordResetResultRefusesAnOperationThatIsNotAboutPasswords() {
    assertThatThrownBy(
            () ->
                ResetResult.Password.of(
                    ADA,
                    Operation.UNLOCK,
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    false,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a password operation: UNLOCK");
  }

  @Test
  void mfaResetResultRefusesAnOperationThatIsNotAboutMfa() {
    assertThatThrownBy(
            () -> ResetResult.Mfa.of(ADA, Operation.EXPIRE_PASSWORD, List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an MFA operation: EXPIRE_PASSWORD");
  }

  @Test
  void mfaResetResultCopiesTheFactorsRemoved() {
    List<FactorId> removed = new ArrayList<>(List.of(FactorId.of("sms1")));
    ResetResult.Mfa result =
        ResetResult.Mfa.of(ADA, Operation.RESET_FACTOR, removed, Optional.empty());
    removed.add(FactorId.of("push1"));
    assertThat(result.factorsReset()).containsExactly(FactorId.of("sms1"));
    assertThatThrownBy(() -> result.factorsReset().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void resultsRefuseNulls() {
    assertThatThrownBy(() -> ResetResult.Unlock.of(null, EmployeeStatus.ACTIVE, Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("user == null");
    assertThatThrownBy(() -> ResetResult.Unlock.of(ADA, null, Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("status == null");
    assertThatThrownBy(() -> ResetResult.Sessions.of(ADA, Set.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("requestId == null");
    assertThatThrownBy(
            () ->
                ResetResult.Password.of(
                    ADA,
                    Operation.EXPIRE_PASSWORD,
                    null,
                    false,
                    Optional.empty(),
                    false,
                    Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("resetLink == null");
    assertThatThrownBy(
            () -> ResetResult.Mfa.of(ADA, Operation.RESET_FACTOR, null, Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("factorsReset == null");
  }

  @Test
  void anAccessPassIsShownOnlyByRevealingIt() {
    ResetResult.AccessPass result =
        ResetResult.AccessPass.of(
            ADA,
            Secret.of("TAP-secret-42"),
            Duration.ofMinutes(60),
            true,
            Optional.of(Instant.parse("2026-05-01T10:00:00Z")),
            Optional.of("r4"));
    assertThat(result.toString()).doesNotContain("TAP-secret-42").contains("00u1Ada");
    assertThat(result.pass().reveal()).isEqualTo("TAP-secret-42");
    assertThat(result.operation()).isEqualTo(Operation.ISSUE_TEMPORARY_ACCESS_PASS);
    assertThat(result.lifetime()).isEqualTo(Duration.ofHours(1));
    assertThat(result.usableOnce()).isTrue();
    assertThat(result.startsAt()).contains(Instant.parse("2026-05-01T10:00:00Z"));
    assertThat(result.requestId()).contains("r4");
    assertThatThrownBy(
            () ->
                ResetResult.AccessPass.of(
                    ADA, Secret.of("x"), Duration.ZERO, true, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lifetime must be positive: PT0S");
  }

  @Test
  void sessionsSayWhichOptionsWereApplied() {
    OperationOption forget = OperationOption.of("okta", "FORGET_DEVICES");
    ResetResult.Sessions result =
        ResetResult.Sessions.of(
            ADA, Set.of(forget, OperationOption.REVOKE_OAUTH_TOKENS), Optional.empty());
    assertThat(result.options()).containsExactly(OperationOption.REVOKE_OAUTH_TOKENS, forget);
    assertThat(result.oauthTokensRevoked()).isTrue();
    assertThat(ResetResult.Sessions.of(ADA, Set.of(forget), Optional.empty()).oauthTokensRevoked())
        .isFalse();
  }
}
