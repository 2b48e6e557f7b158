package org.workforceiam.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.workforceiam.core.Employee;
import org.workforceiam.core.Factor;
import org.workforceiam.core.ProfileField;

/** The CLI's output formats. Every documented key is always written, null when it has no value. */
final class Output {
  private static final JsonAdapter<Object> JSON =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  static final List<String> EMPLOYEE_COLUMNS =
      List.of("id", "login", "firstName", "lastName", "email", "status", "missingFields");

  private Output() {}

  static String json(Map<String, ?> object) {
    return JSON.toJson(object);
  }

  /** A JSON object this tool wrote, read back. */
  @SuppressWarnings("unchecked") // Moshi reads a JSON object as a Map<String, Object>
  static Map<String, Object> fromJson(String object) {
    try {
      Object value = JSON.fromJson(object);
      if (value instanceof Map<?, ?>) {
        return (Map<String, Object>) value;
      }
    } catch (IOException e) {
      // Reported below.
    }
    throw new IllegalArgumentException("not a JSON object");
  }

  static String prettyJson(Map<String, ?> object) {
    return JSON.indent("  ").toJson(object);
  }

  /** The names of the profile fields the employee lacks, joined; empty for a complete profile. */
  static String missingFields(Employee employee, String separator) {
    Set<ProfileField> missing = employee.missingProfileFields();
    if (missing.isEmpty()) {
      return "";
    }
    StringBuilder names = new StringBuilder();
    for (ProfileField field : missing) {
      names.append(names.length() == 0 ? "" : separator).append(field.attributeName());
    }
    return names.toString();
  }

  static Map<String, Object> factor(Factor factor) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", factor.id().value());
    json.put("factorType", factor.type());
    json.put("provider", factor.provider());
    json.put("status", factor.status());
    return json;
  }

  /** The formats of {@code sync}. */
  enum Format {
    jsonl,
    csv,
    table
  }

  /**
   * Writes employees one by one in a format, each straight to the output. A line is not flushed on
   * its own (the output may flush on every line break): the caller flushes once a page is written.
   */
  static final class EmployeeWriter {
    private static final String LINE_BREAK = System.lineSeparator();

    private final Format format;
    private final PrintWriter out;
    private final int idWidth;

    /** A writer whose table has room for ids of {@code idWidth} characters. */
    EmployeeWriter(Format format, PrintWriter out, int idWidth) {
      this.format = format;
      this.out = out;
      this.idWidth = idWidth;
    }

    void header() {
      switch (format) {
        case csv -> out.print(Csv.row(EMPLOYEE_COLUMNS));
        case table -> {
          out.println(tableRow(idWidth, "ID", "LOGIN", "NAME", "EMAIL", "STATUS", "MISSING"));
          out.println("-".repeat(tableRow(idWidth, "", "", "", "", "", "").length()));
        }
        case jsonl -> {}
      }
    }

    void write(Employee employee) {
      switch (format) {
        case jsonl -> {
          EmployeeJson.write(out, employee);
          out.write(LINE_BREAK);
        }
        case csv ->
            Csv.write(
                out,
                employee.id().value(),
                employee.login(),
                employee.firstName().orElse(""),
                employee.lastName().orElse(""),
                employee.email().orElse(""),
                employee.providerStatus(),
                missingFields(employee, ";"));
        case table -> {
          String name =
              (employee.firstName().orElse("") + " " + employee.lastName().orElse("")).strip();
          out.write(
              tableRow(
                  idWidth,
                  employee.id().value(),
                  employee.login(),
                  name,
                  employee.email().orElse("-"),
                  employee.providerStatus(),
                  missingFields(employee, ",")));
          out.write(LINE_BREAK);
        }
      }
    }

    void flush() {
      out.flush();
    }
  }

  private static String tableRow(
      int idWidth,
      String id,
      String login,
      String name,
      String email,
      String status,
      String missing) {
    return String.format(
        "%-" + idWidth + "s  %-30s  %-24s  %-30s  %-16s  %s",
        cut(id, idWidth),
        cut(login, 30),
        cut(name, 24),
        cut(email, 30),
        cut(status, 16),
        missing);
  }

  private static String cut(String value, int width) {
    String clean = Printable.escape(value);
    return clean.length() <= width ? clean : clean.substring(0, width - 1) + "…";
  }
}
