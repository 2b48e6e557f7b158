package org.workforceiam.okta;

import java.util.function.Supplier;
import org.workforceiam.core.ResetService;

/**
 * Checks the Okta ids of every change before anything else sees it, so a malformed user or factor
 * id is refused with {@link IllegalArgumentException} before any request at all (the group guard
 * would otherwise ask Okta about the user first). An interceptor, not a hand-written decorator, so
 * a change added to {@link ResetService} later passes through it too. {@link OktaResets} and {@link
 * OktaDirectory} check again where they build each URL; this only makes the refusal come first.
 */
final class OktaIdCheck implements ResetService.Interceptor {
  static final OktaIdCheck INSTANCE = new OktaIdCheck();

  private OktaIdCheck() {}

  @Override
  public <T> T intercept(ResetService.Change change, Supplier<T> proceed) {
    OktaIds.requireUser(change.user());
    change.factor().ifPresent(OktaIds::requireFactor);
    return proceed.get();
  }

  @Override
  public String toString() {
    return "OktaIdCheck";
  }
}
