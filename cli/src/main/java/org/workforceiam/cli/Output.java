package org.workforceiam.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

  static Map<String, Object> employee(Employee employee) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", employee.id().value());
    json.put("login", employee.login());
    json.put("firstName", employee.firstName().orElse(null));
    json.put("lastName", employee.lastName().orElse(null));
    json.put("email", employee.email().orElse(null));
    json.put("status", employee.providerStatus());
    json.put("missingFields", missingFields(employee));
    return json;
  }

  static List<String> missingFields(Employee employee) {
    return employee.missingProfileFields().stream()
        .map(ProfileField::attributeName)
        .collect(Collectors.toList());
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

  /** Writes employees one by one in a format. */
  static final class EmployeeWriter {
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
        case jsonl -> out.println(json(employee(employee)));
        case csv ->
            out.print(
                Csv.row(
                    List.of(
                        employee.id().value(),
                        employee.login(),
                        employee.firstName().orElse(""),
                        employee.lastName().orElse(""),
                        employee.email().orElse(""),
                        employee.providerStatus(),
                        String.join(";", missingFields(employee)))));
        case table -> {
          String name =
              (employee.firstName().orElse("") + " " + employee.lastName().orElse("")).strip();
          out.println(
              tableRow(
                  idWidth,
                  employee.id().value(),
                  employee.login(),
                  name,
                  employee.email().orElse("-"),
                  employee.providerStatus(),
                  employee.missingProfileFields().isEmpty()
                      ? ""
                      : String.join(",", missingFields(employee))));
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
