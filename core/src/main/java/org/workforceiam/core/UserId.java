package org.workforceiam.core;

/**
 * A user's identifier at the identity provider, for example Okta's {@code 00u1abcd2EFGH3ijk4x7}.
 *
 * <p>Opaque to this library: any non-blank value without surrounding white space is accepted;
 * provider-specific formats are checked by the adapter.
 *
 * @param value the identifier as the provider spells it
 */
public record UserId(String value) {

  /**
   * Validates the values.
   *
   * @param value the identifier as the provider spells it
   */
  public UserId {
    Ids.requireValid(value, "userId");
  }

  /**
   * Returns the identifier.
   *
   * @param value the identifier as the provider spells it
   * @return the identifier
   */
  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
