package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.core.sync.SnapshotConflictException;
import org.workforceiam.core.sync.SnapshotException;

/**
 * The exit code of each kind of failure, including those the simulated Okta cannot produce: an
 * operation the provider does not support is 8 like a wrong status, and anything unforeseen is 1.
 */
class ExitCodesTest {
  private static final ErrorDetails NONE = ErrorDetails.none();

  @Test
  void eachFailureHasTheExitCodeOfTheContract() {
    assertThat(ExitCodes.of(new UsageException("x"))).isEqualTo(2);
    assertThat(ExitCodes.of(new IamException.InvalidConfiguration("x", NONE))).isEqualTo(2);
    assertThat(ExitCodes.of(new IamException.AmbiguousUser("x", NONE))).isEqualTo(2);
    assertThat(ExitCodes.of(new IllegalArgumentException("x"))).isEqualTo(2);
    assertThat(ExitCodes.of(new IamException.AuthenticationFailed("x", NONE))).isEqualTo(3);
    assertThat(
            ExitCodes.of(
                new IamException.PermissionDenied(
                    IamException.PermissionDenied.Reason.MISSING_GRANT, "x", NONE)))
        .isEqualTo(4);
    assertThat(ExitCodes.of(new IamException.NotFound("x", NONE))).isEqualTo(5);
    assertThat(ExitCodes.of(new IamException.RateLimited(Duration.ofSeconds(1), "x", NONE)))
        .isEqualTo(6);
    assertThat(ExitCodes.of(new IamException.ProviderUnavailable("x", NONE))).isEqualTo(6);
    assertThat(ExitCodes.of(new IamException.ProtocolViolation("x", NONE))).isEqualTo(7);
    assertThat(ExitCodes.of(new IamException.InvalidState("SUSPENDED", "x", NONE))).isEqualTo(8);
    assertThat(ExitCodes.of(new IamException.OperationNotSupported("x", NONE))).isEqualTo(8);
    assertThat(ExitCodes.of(new IamException.OutcomeUnknown("x", NONE, null))).isEqualTo(9);
    assertThat(ExitCodes.of(new IllegalStateException("x"))).isEqualTo(1);
  }

  @Test
  void anUnusableSnapshotIsAUsageErrorButALostRaceOrAPassingFailureIsNot() {
    assertThat(ExitCodes.of(new SnapshotException(SnapshotException.Reason.UNREADABLE, "x", null)))
        .isEqualTo(2);
    assertThat(ExitCodes.of(new SnapshotException(SnapshotException.Reason.IO_FAILURE, "x", null)))
        .isEqualTo(1);
    assertThat(ExitCodes.of(new SnapshotConflictException("x"))).isEqualTo(1);
  }
}
