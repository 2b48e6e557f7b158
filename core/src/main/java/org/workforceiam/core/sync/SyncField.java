package org.workforceiam.core.sync;

/**
 * A field of an employee that {@link DirectorySync} compares between runs; a change of any of them
 * makes an {@link EmployeeChange.Kind#CHANGED} entry naming it.
 *
 * <p>Other profile attributes and {@link org.workforceiam.core.Employee#lastUpdated()} are not
 * compared: a change to them alone is not reported.
 */
public enum SyncField {
  /** The sign-in name. */
  LOGIN("login"),
  /** The given name. */
  FIRST_NAME("firstName"),
  /** The family name. */
  LAST_NAME("lastName"),
  /** The primary email address. */
  EMAIL("email"),
  /**
   * The account status, compared by the provider's word for it, so a change between two statuses
   * this library does not know is reported too.
   */
  STATUS("status");

  private final String attributeName;

  SyncField(String attributeName) {
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
