package org.workforceiam.cli;

/** A usage or configuration error of the command line: exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
