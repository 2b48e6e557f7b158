package org.workforceiam.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Writes CSV (RFC 4180) that a spreadsheet opens as plain text: profile fields are often editable
 * by employees, and a cell such as {@code =HYPERLINK(...)} would otherwise run as a formula in the
 * helpdesk's spreadsheet (CSV or formula injection).
 *
 * <p>Each value is first {@linkplain #neutralise neutralised}: control characters are removed, and
 * a value that a spreadsheet could read as a formula (it starts with {@code =}, {@code +}, {@code
 * -}, {@code @}, a tab or a carriage return, as OWASP lists, or with one of those signs after
 * spaces or in full width) gets a leading {@code '} and is quoted. Then the cell is quoted when it
 * needs to be, its quotes doubled. So parsing a row back as RFC 4180 gives exactly the neutralised
 * values.
 */
final class Csv {
  private Csv() {}

  /**
   * Returns a whole row: the cells joined by commas, ending with CRLF.
   *
   * @param values the values, in column order
   * @return the row as written
   */
  static String row(List<String> values) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        row.append(',');
      }
      row.append(cell(values.get(i)));
    }
    return row.append("\r\n").toString();
  }

  /**
   * Writes a whole row straight to the output, as {@link #row} returns it.
   *
   * @param out where to write
   * @param values the values, in column order
   */
  static void write(PrintWriter out, String... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(values[i]));
    }
    out.write("\r\n");
  }

  /**
   * Returns one cell as written: the {@linkplain #neutralise neutralised} value, quoted when it
   * holds a comma or a quote or was neutralised, its quotes doubled.
   *
   * @param value the value, as the provider gave it
   * @return the cell
   */
  static String cell(String value) {
    String text = neutralise(value);
    boolean quote = text.startsWith("'") || text.indexOf(',') >= 0 || text.indexOf('"') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  /**
   * Returns the value a spreadsheet shows for a cell: without control characters, and with a
   * leading {@code '} when it could be read as a formula.
   *
   * @param value the value, as the provider gave it
   * @return the text the cell holds once parsed back
   */
  static String neutralise(String value) {
    String clean = withoutControls(value);
    boolean formula =
        (!value.isEmpty() && (value.charAt(0) == '\t' || value.charAt(0) == '\r'))
            || startsLikeAFormula(clean);
    return formula ? "'" + clean : clean;
  }

  private static boolean startsLikeAFormula(String text) {
    String trimmed = text.stripLeading();
    if (trimmed.isEmpty()) {
      return false;
    }
    return switch (trimmed.charAt(0)) {
      case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
      default -> false;
    };
  }

  /**
   * Removes C0 and C1 control characters (line breaks and tabs included) and DEL; a value without
   * any is returned as it is. Control characters are all in the BMP, so looking at each {@code
   * char} finds exactly the code points a code point filter would remove.
   */
  private static String withoutControls(String value) {
    int first = 0;
    while (first < value.length() && Character.getType(value.charAt(first)) != Character.CONTROL) {
      first++;
    }
    if (first == value.length()) {
      return value;
    }
    StringBuilder clean = new StringBuilder(value.length());
    value
        .codePoints()
        .filter(c -> Character.getType(c) != Character.CONTROL)
        .forEach(clean::appendCodePoint);
    return clean.toString();
  }
}
