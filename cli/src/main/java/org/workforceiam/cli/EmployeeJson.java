package org.workforceiam.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.workforceiam.core.Employee;
import org.workforceiam.core.ProfileField;

/**
 * Writes an employee as one compact JSON object straight to the output: the documented keys in
 * their order ({@link Output#EMPLOYEE_COLUMNS}), an absent value as {@code null}, {@code
 * missingFields} as an array of names. Nothing is built per employee but the output itself: no map,
 * no adapter looked up.
 *
 * <p>The characters are those Moshi's {@code JsonWriter} wrote for the same object, which is how
 * the CLI wrote employees before ({@code OutputCompatibilityTest} compares both on hostile values).
 * In a string, {@code "} and {@code \} are escaped with a backslash, {@code \b \t \n \f \r} take
 * their short forms, every other C0 control character is written {@code \}{@code u00xx}, and U+2028
 * and U+2029 are escaped too, so a line stays one line for every reader; an unpaired surrogate,
 * which UTF-8 cannot encode, becomes {@code ?} (as Okio encoded it); everything else is written as
 * it is.
 */
final class EmployeeJson {
  /** The escape of each ASCII character that needs one, null for those written as they are. */
  private static final String[] ASCII_ESCAPES = new String[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ASCII_ESCAPES[c] = String.format("\\u%04x", c);
    }
    ASCII_ESCAPES['"'] = "\\\"";
    ASCII_ESCAPES['\\'] = "\\\\";
    ASCII_ESCAPES['\b'] = "\\b";
    ASCII_ESCAPES['\t'] = "\\t";
    ASCII_ESCAPES['\n'] = "\\n";
    ASCII_ESCAPES['\f'] = "\\f";
    ASCII_ESCAPES['\r'] = "\\r";
  }

  private EmployeeJson() {}

  /**
   * Writes the employee's object, without a line break.
   *
   * @param out where to write
   * @param employee the employee
   */
  static void write(PrintWriter out, Employee employee) {
    out.write("{\"id\":");
    string(out, employee.id().value());
    out.write(",\"login\":");
    string(out, employee.login());
    out.write(",\"firstName\":");
    nullable(out, employee.firstName());
    out.write(",\"lastName\":");
    nullable(out, employee.lastName());
    out.write(",\"email\":");
    nullable(out, employee.email());
    out.write(",\"status\":");
    string(out, employee.providerStatus());
    out.write(",\"missingFields\":[");
    if (!employee.hasCompleteProfile()) {
      String separator = "";
      for (ProfileField field : employee.missingProfileFields()) {
        out.write(separator);
        string(out, field.attributeName());
        separator = ",";
      }
    }
    out.write("]}");
  }

  private static void nullable(PrintWriter out, Optional<String> value) {
    if (value.isPresent()) {
      string(out, value.get());
    } else {
      out.write("null");
    }
  }

  /** Writes a JSON string: runs of plain characters at once, each escape in between. */
  static void string(PrintWriter out, String value) {
    out.write('"');
    int length = value.length();
    int plainFrom = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      String escape;
      if (c < 0x80) {
        escape = ASCII_ESCAPES[c];
      } else if (c == '\u2028') {
        escape = "\\u2028";
      } else if (c == '\u2029') {
        escape = "\\u2029";
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++; // a pair: one character outside the BMP, written as it is
        continue;
      } else if (Character.isSurrogate(c)) {
        escape = "?";
      } else {
        escape = null;
      }
      if (escape != null) {
        out.write(value, plainFrom, i - plainFrom);
        out.write(escape);
        plainFrom = i + 1;
      }
    }
    out.write(value, plainFrom, length - plainFrom);
    out.write('"');
  }
}
