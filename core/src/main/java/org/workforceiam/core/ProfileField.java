package org.workforceiam.core;

/**
 * A profile field that identity verification needs. An employee missing any of them is reported by
 * {@link Employee#missingProfileFields()}.
 */
public enum ProfileField {
  /** The given name. */
  FIRST_NAME("firstName"),
  /** The family name. */
  LAST_NAME("lastName"),
  /** The primary email address. */
  EMAIL("email");

  private final String attributeName;

  ProfileField(String attributeName) {
    this.attributeName = attributeName;
  }

  /**
   * Returns the field's name as it appears in profiles and exports, for example {@code
   * "firstName"}.
   *
   * @return the attribute name
   */
  public String attributeName() {
    return attributeName;
  }
}
