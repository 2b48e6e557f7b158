package org.workforceiam.okta;

import java.util.Objects;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.UserId;
import org.workforceiam.http.PathTemplate;

/**
 * Checks of Okta's identifier formats, made where the adapter receives a caller's value and before
 * any request, so that no value can leave its place in a request path.
 *
 * <p>The forms: Okta's object ids are short strings of ASCII letters and digits; a user id starts
 * with {@code 00u} and a group id with {@code 00g} (Okta's "Object IDs" help page shows {@code
 * 00u690dwq7LP0fTIF0x7} and {@code 00g63lwgl1qHdgDfZ0x7}; every example in Okta's management API
 * spec has these prefixes), and a factor id starts with a short type prefix ({@code
 * sms1o51EADOTFXHHBXBP}, {@code opf3hkfocI4JTLAju0g4}). Okta documents no grammar for them: the
 * prefixes and the alphabet come from those examples, not from a stated rule, and the length bound
 * (64, where Okta's are 20) is ours, with room to spare. A login or an id-or-login goes into the
 * path percent-encoded and may hold any character but must not be a dot segment in any encoding
 * ({@link PathTemplate#requireSegment}) nor longer than 100 characters, the {@code maxLength} of
 * {@code login} and {@code email} in Okta's base user profile schema.
 */
final class OktaIds {
  /** The longest id accepted; Okta's own are 20 characters. */
  static final int MAX_ID_LENGTH = 64;

  /** The longest login, email or id-or-login accepted: Okta's base profile schema's maxLength. */
  static final int MAX_LOGIN_LENGTH = 100;

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
   * @return whether it starts with {@code 00g} and holds only ASCII letters and digits, at most 64
   */
  public static boolean isGroupId(String value) {
    return value.startsWith("00g") && value.length() > 3 && isAlphanumeric(value);
  }

  /**
   * Explains what an Okta group id looks like.
   *
   * @param value the value that is not one
   * @return the message
   */
  public static String groupMessage(String value) {
    return PathTemplate.quoted(value)
        + " is not an Okta group id: Okta group ids start with 00g followed by ASCII letters and"
        + " digits, for example 00g1emaKYZTWRYYRRTSK; copy it from the group's page in the Admin"
        + " Console (the last part of its URL)";
  }

  /**
   * Checks that a user id is an Okta user id.
   *
   * @param user the id
   * @return the id
   * @throws IllegalArgumentException naming the value and the expected form
   */
  public static UserId requireUser(UserId user) {
    Objects.requireNonNull(user, "user == null");
    String value = user.value();
    if (!(value.startsWith("00u") && value.length() > 3 && isAlphanumeric(value))) {
      throw new IllegalArgumentException(
          "user id "
              + PathTemplate.quoted(value)
              + " is not an Okta user id: Okta user ids start with 00u followed by ASCII letters"
              + " and digits, at most "
              + MAX_ID_LENGTH
              + " characters, for example 00u1abcd2EFGH3ijk4x7; to look a user up by login or"
              + " email, use find");
    }
    return user;
  }

  /**
   * Checks that a factor id is an Okta factor id.
   *
   * @param factor the id
   * @return the id
   * @throws IllegalArgumentException naming the value and the expected form
   */
  public static FactorId requireFactor(FactorId factor) {
    Objects.requireNonNull(factor, "factor == null");
    if (!isAlphanumeric(factor.value())) {
      throw new IllegalArgumentException(
          "factor id "
              + PathTemplate.quoted(factor.value())
              + " is not an Okta factor id: Okta factor ids are ASCII letters and digits, at most "
              + MAX_ID_LENGTH
              + " characters, for example sms1o51EADOTFXHHBXBP; list the user's factors to find it");
    }
    return factor;
  }

  /**
   * Checks a login, or a value that is an id or a login, that goes into a request path.
   *
   * @param value the value, stripped of surrounding white space
   * @param name what it is, for the message
   * @return the value
   * @throws IllegalArgumentException naming the value and the rule
   */
  public static String requireLogin(String value, String name) {
    PathTemplate.requireSegment(value, name);
    if (value.codePointCount(0, value.length()) > MAX_LOGIN_LENGTH) {
      throw new IllegalArgumentException(
          name
              + " "
              + PathTemplate.quoted(value)
              + " is longer than "
              + MAX_LOGIN_LENGTH
              + " characters, the most Okta allows for a login or an email address");
    }
    return value;
  }

  private static boolean isAlphanumeric(String value) {
    if (value.isEmpty() || value.length() > MAX_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
