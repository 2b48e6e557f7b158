package org.workforceiam.okta;

import org.workforceiam.core.OperationOption;

/**
 * Okta's own options, beside the provider-neutral ones in {@link OperationOption}. {@link
 * OktaClient#resets} supports each with the operation named here, and refuses it with any other, or
 * any other provider's option, before sending anything.
 *
 * <pre>{@code
 * resets.revokeSessions(user, SessionRevocation.sessionsOnly().with(OktaOptions.FORGET_DEVICES));
 * resets.resetMfa(user, MfaReset.factor(sms).with(OktaOptions.REMOVE_RECOVERY_ENROLLMENT));
 * }</pre>
 */
public final class OktaOptions {
  /** The provider of Okta's options: {@code okta}. */
  public static final String PROVIDER = "okta";

  /**
   * With {@link org.workforceiam.core.Operation#REVOKE_SESSIONS}: also forget the devices and
   * factors the user asked Okta to remember (Okta's {@code forgetDevices=true}). Without it the
   * request says {@code forgetDevices=false}, since Okta's own default differs between Identity
   * Engine and Classic Engine orgs.
   */
  public static final OperationOption FORGET_DEVICES =
      OperationOption.of(PROVIDER, "FORGET_DEVICES");

  /**
   * With {@link org.workforceiam.core.Operation#RESET_FACTOR} of an SMS or voice factor: also
   * remove the phone number as a recovery method (Okta's {@code removeRecoveryEnrollment=true}).
   */
  public static final OperationOption REMOVE_RECOVERY_ENROLLMENT =
      OperationOption.of(PROVIDER, "REMOVE_RECOVERY_ENROLLMENT");

  private OktaOptions() {}
}
