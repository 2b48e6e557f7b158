package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.AmbiguousUserException;
import org.workforceiam.core.AuthenticationFailedException;
import org.workforceiam.core.ConfigurationException;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.InvalidStateException;
import org.workforceiam.core.NotFoundException;
import org.workforceiam.core.OperationNotSupportedException;
import org.workforceiam.core.OutcomeUnknownException;
import org.workforceiam.core.PermissionDeniedException;
import org.workforceiam.core.ProtocolViolationException;
import org.workforceiam.core.ProviderUnavailableException;
import org.workforceiam.core.RateLimitedException;

/**
 * The exit code of each kind of failure, including those the simulated Okta cannot produce: an
 * operation the provider does not support is 8 like a wrong status, and anything unforeseen is 1.
 */
class ExitCodesTest {
  private static final ErrorDetails NONE = ErrorDetails.none();

  @Test
  void eachFailureHasTheExitCodeOfTheContract() {
    assertThat(ExitCodes.of(new UsageException("x"))).isEqualTo(2);
    assertThat(ExitCodes.of(new ConfigurationException("x", NONE))).isEqualTo(2);
    assertThat(ExitCodes.of(new AmbiguousUserException("x", NONE))).isEqualTo(2);
    assertThat(ExitCodes.of(new IllegalArgumentException("x"))).isEqualTo(2);
    assertThat(ExitCodes.of(new AuthenticationFailedException("x", NONE))).isEqualTo(3);
    assertThat(
            ExitCodes.of(
                new PermissionDeniedException(
                    PermissionDeniedException.Reason.MISSING_GRANT, "x", NONE)))
        .isEqualTo(4);
    assertThat(ExitCodes.of(new NotFoundException("x", NONE))).isEqualTo(5);
    assertThat(ExitCodes.of(new RateLimitedException(Duration.ofSeconds(1), "x", NONE)))
        .isEqualTo(6);
    assertThat(ExitCodes.of(new ProviderUnavailableException("x", NONE))).isEqualTo(6);
    assertThat(ExitCodes.of(new ProtocolViolationException("x", NONE))).isEqualTo(7);
    assertThat(ExitCodes.of(new InvalidStateException("SUSPENDED", "x", NONE))).isEqualTo(8);
    assertThat(ExitCodes.of(new OperationNotSupportedException("x", NONE))).isEqualTo(8);
    assertThat(ExitCodes.of(new OutcomeUnknownException("x", NONE, null))).isEqualTo(9);
    assertThat(ExitCodes.of(new IllegalStateException("x"))).isEqualTo(1);
  }
}
