package org.workforceiam.cli;

import org.workforceiam.core.AmbiguousUserException;
import org.workforceiam.core.AuthenticationFailedException;
import org.workforceiam.core.ConfigurationException;
import org.workforceiam.core.InvalidStateException;
import org.workforceiam.core.NotFoundException;
import org.workforceiam.core.OperationNotSupportedException;
import org.workforceiam.core.OutcomeUnknownException;
import org.workforceiam.core.PermissionDeniedException;
import org.workforceiam.core.ProtocolViolationException;
import org.workforceiam.core.ProviderUnavailableException;
import org.workforceiam.core.RateLimitedException;
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
        || failure instanceof ConfigurationException
        || failure instanceof AmbiguousUserException
        || failure instanceof IllegalArgumentException) {
      return USAGE;
    }
    if (failure instanceof SnapshotException snapshot) {
      return snapshot.reason() == SnapshotException.Reason.IO_FAILURE ? UNEXPECTED : USAGE;
    }
    if (failure instanceof AuthenticationFailedException) {
      return AUTHENTICATION;
    }
    if (failure instanceof PermissionDeniedException) {
      return PERMISSION;
    }
    if (failure instanceof NotFoundException) {
      return NOT_FOUND;
    }
    if (failure instanceof RateLimitedException
        || failure instanceof ProviderUnavailableException) {
      return UNAVAILABLE;
    }
    if (failure instanceof ProtocolViolationException) {
      return PROTOCOL;
    }
    if (failure instanceof InvalidStateException
        || failure instanceof OperationNotSupportedException) {
      return INVALID_STATE;
    }
    if (failure instanceof OutcomeUnknownException) {
      return OUTCOME_UNKNOWN;
    }
    return UNEXPECTED;
  }
}
