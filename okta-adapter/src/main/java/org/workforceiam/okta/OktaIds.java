package org.workforceiam.okta;

import java.util.Objects;
import org.workforceiam.core.GroupId;

/** Checks of Okta's identifier formats. */
final class OktaIds {
  private OktaIds() {}

  /**
   * Checks that a group id is an Okta group id.
   *
   * @param group the id
   * @return the id
   * @throws IllegalArgumentException naming the value and the expected form
   */
  public static GroupId requireGroup(GroupId group) {
    Objects.requireNonNull(group, "group == null");
    if (!isGroupId(group.value())) {
      throw new IllegalArgumentException(groupMessage(group.value()));
    }
    return group;
  }

  /**
   * Returns whether a value has the form of an Okta group id.
   *
   * @param value the value
   * @return whether it starts with {@code 00g} and holds only letters and digits
   */
  public static boolean isGroupId(String value) {
    return value.startsWith("00g")
        && value.length() > 3
        && value.chars().allMatch(Character::isLetterOrDigit);
  }

  /**
   * Explains what an Okta group id looks like.
   *
   * @param value the value that is not one
   * @return the message
   */
  public static String groupMessage(String value) {
    return "'"
        + value
        + "' is not an Okta group id: Okta group ids start with 00g, for example"
        + " 00g1emaKYZTWRYYRRTSK; copy it from the group's page in the Admin Console (the last"
        + " part of its URL)";
  }
}
