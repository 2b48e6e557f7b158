package org.workforceiam.core;

/** Capabilities for tests of decorators: every operation with every provider-neutral option. */
final class TestCapabilities {
  private TestCapabilities() {}

  static Capabilities everything() {
    return Capabilities.builder()
        .operation(
            Operation.RESET_PASSWORD_LINK,
            OperationOption.SEND_EMAIL,
            OperationOption.REVOKE_SESSIONS)
        .operation(Operation.SET_TEMPORARY_PASSWORD, OperationOption.REVOKE_SESSIONS)
        .operation(Operation.EXPIRE_PASSWORD, OperationOption.REVOKE_SESSIONS)
        .operation(Operation.RESET_ALL_FACTORS)
        .operation(Operation.RESET_FACTOR)
        .operation(Operation.UNLOCK)
        .operation(Operation.REVOKE_SESSIONS, OperationOption.REVOKE_OAUTH_TOKENS)
        .operation(Operation.ISSUE_TEMPORARY_ACCESS_PASS)
        .build();
  }
}
