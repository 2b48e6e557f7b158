package org.workforceiam.entra;

import java.util.function.Supplier;
import org.workforceiam.core.ResetService;

/**
 * The first check of every change and dry run, before anything else sees it and so before any
 * request at all (not even the token's): the user id must be an Entra object id and the method id
 * of Graph's form ({@link IllegalArgumentException} otherwise), and the operation and its options
 * must be ones Entra supports ({@link org.workforceiam.core.IamException.OperationNotSupported},
 * saying what to do instead where Graph has no API: {@link EntraResets#requireSupported}). An
 * interceptor, so a change added to {@link ResetService} later passes through it too; {@link
 * EntraResets} checks again where it builds each URL.
 */
final class EntraPreflight implements ResetService.Interceptor {
  static final EntraPreflight INSTANCE = new EntraPreflight();

  private EntraPreflight() {}

  @Override
  public <T> T intercept(ResetService.Change change, Supplier<T> proceed) {
    EntraIds.requireUser(change.user());
    change.factor().ifPresent(EntraIds::requireMethod);
    EntraResets.requireSupported(change.operation(), change.options());
    return proceed.get();
  }

  @Override
  public String toString() {
    return "EntraPreflight";
  }
}
