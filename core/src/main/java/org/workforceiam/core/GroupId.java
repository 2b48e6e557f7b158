package org.workforceiam.core;

/**
 * A group's identifier at the identity provider, for example Okta's {@code 00g1emaKYZTWRYYRRTSK}.
 *
 * <p>Opaque to this library: any non-blank value without surrounding white space is accepted;
 * provider-specific formats are checked by the adapter.
 *
 * @param value the identifier as the provider spells it
 */
public record GroupId(String value) {

  /**
   * Validates the values.
   *
   * @param value the identifier as the provider spells it
   */
  public GroupId {
    Ids.requireValid(value, "groupId");
  }

  /**
   * Returns the identifier.
   *
   * @param value the identifier as the provider spells it
   * @return the identifier
   */
  public static GroupId of(String value) {
    return new GroupId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
