package org.workforceiam.cli;

/**
 * Makes text from the provider (profile fields, server messages) or from a command line safe to
 * show on a terminal or write to a log line: control characters become visible escapes, so an
 * employee named {@code "\u001b[31mEvil\r\nerror: fake"} can neither colour, move the cursor, clear
 * the screen, nor forge a line of its own.
 */
final class Printable {
  private Printable() {}

  /**
   * Escapes every C0 and C1 control character (ESC, CR, LF, tab, DEL, CSI...), the bidirectional
   * overrides and isolates, and the Unicode line and paragraph separators as {@code \}{@code
   * uXXXX}; the rest is kept as is.
   *
   * @param text any text
   * @return the text with nothing a terminal would act on
   */
  static String escape(String text) {
    StringBuilder safe = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (acted(c)) {
        if (safe == null) {
          safe = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        safe.append(String.format("\\u%04X", (int) c));
      } else if (safe != null) {
        safe.append(c);
      }
    }
    return safe == null ? text : safe.toString();
  }

  /**
   * Returns a message as one line: line breaks become spaces, every other control character is
   * {@linkplain #escape escaped}.
   *
   * @param message a message, possibly holding provider text
   * @return one printable line
   */
  static String oneLine(String message) {
    return escape(message.replaceAll("[\\r\\n\\u2028\\u2029\\u0085]+", " ").strip());
  }

  private static boolean acted(char c) {
    return Character.getType(c) == Character.CONTROL
        || c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u2028'
        || c == '\u2029';
  }
}
