package org.workforceiam.http;

import java.util.Locale;
import java.util.Objects;

/**
 * The one rule for an email address that goes into a provider's search expression (Okta's {@code
 * profile.email eq "…"}, Graph's {@code $filter=mail eq '…'}): surrounding white space is dropped,
 * and an address that still contains {@code "}, {@code \}, white space, a control or a format
 * character is refused before any request, so no value can end or change the expression, whatever
 * quoting the provider uses.
 */
public final class Emails {
  /** The most code points of a value an error message shows. */
  private static final int SHOWN = 100;

  private Emails() {}

  /**
   * Returns the address without surrounding white space, or refuses it.
   *
   * @param email the address
   * @return the address, stripped
   * @throws IllegalArgumentException when it is blank or contains a refused character; the message
   *     shows the value with control characters escaped
   */
  public static String requireSearchable(String email) {
    Objects.requireNonNull(email, "email == null");
    String value = email.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("email must not be blank");
    }
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (c == '"'
          || c == '\\'
          || Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT) {
        throw new IllegalArgumentException(
            "email "
                + shown(value)
                + " must not contain quotes, backslashes, white space or control characters");
      }
      i += Character.charCount(c);
    }
    return value;
  }

  /**
   * Shows a caller's value in a message: in single quotes, control and format characters escaped as
   * {@code \}{@code uXXXX}, at most 100 code points.
   *
   * @param value the value
   * @return the value as shown
   */
  public static String shown(String value) {
    StringBuilder out = new StringBuilder("'");
    int shown = 0;
    for (int i = 0; i < value.length() && shown < SHOWN; shown++) {
      int c = value.codePointAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        out.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    if (shown == SHOWN && value.codePointCount(0, value.length()) > SHOWN) {
      out.append("…");
    }
    return out.append("'").toString();
  }
}
