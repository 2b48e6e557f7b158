package org.workforceiam.cli;

import org.workforceiam.core.IamException;
import org.workforceiam.core.sync.SnapshotException;

/** The exit codes of the contract, by what went wrong. */
final class ExitCodes {
  static final int OK = 0;
  static final int UNEXPECTED = 1;
  static final int USAGE = 2;
  static final int AUTHENTICATION = 3;
  static final int PERMISSION = 4;
  static final int NOT_FOUND = 5;
  static final int UNAVAILABLE = 6;
  static final int PROTOCOL = 7;
  static final int INVALID_STATE = 8;
  static final int OUTCOME_UNKNOWN = 9;

  private ExitCodes() {}

  static int of(Throwable failure) {
    if (failure instanceof UsageException
        || failure instanceof IamException.InvalidConfiguration
        || failure instanceof IamException.AmbiguousUser
        || failure instanceof IllegalArgumentException) {
      return USAGE;
    }
    if (failure instanceof SnapshotException snapshot) {
      // An unusable file is the operator's to fix; a passing failure, or another sync that wrote
      // the file first, is not a usage error.
      return snapshot.isRetryable() ? UNEXPECTED : USAGE;
    }
    if (failure instanceof IamException.AuthenticationFailed) {
      return AUTHENTICATION;
    }
    if (failure instanceof IamException.PermissionDenied) {
      return PERMISSION;
    }
    if (failure instanceof IamException.NotFound) {
      return NOT_FOUND;
    }
    if (failure instanceof IamException.RateLimited
        || failure instanceof IamException.ProviderUnavailable) {
      return UNAVAILABLE;
    }
    if (failure instanceof IamException.ProtocolViolation) {
      return PROTOCOL;
    }
    if (failure instanceof IamException.InvalidState
        || failure instanceof IamException.OperationNotSupported) {
      return INVALID_STATE;
    }
    if (failure instanceof IamException.OutcomeUnknown
        || failure instanceof IamException.PartiallyApplied) {
      // Both: check the user before repeating the change.
      return OUTCOME_UNKNOWN;
    }
    return UNEXPECTED;
  }
}
