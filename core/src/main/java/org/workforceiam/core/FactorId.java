package org.workforceiam.core;

/**
 * An enrolled MFA factor's identifier at the identity provider, for example Okta's {@code
 * sms1o51EADOTFXHHBXBP}.
 *
 * @param value the identifier as the provider spells it
 */
public record FactorId(String value) {

  /**
   * Validates the values.
   *
   * @param value the identifier as the provider spells it
   */
  public FactorId {
    Ids.requireValid(value, "factorId");
  }

  /**
   * Returns the identifier.
   *
   * @param value the identifier as the provider spells it
   * @return the identifier
   */
  public static FactorId of(String value) {
    return new FactorId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
