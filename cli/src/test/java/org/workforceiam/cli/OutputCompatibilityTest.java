package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.ProfileField;
import org.workforceiam.core.UserId;

/**
 * {@code sync} (and {@code find}) write employees straight to the output now, without a map per
 * employee or Moshi's {@code Object} adapter; the bytes must stay exactly those written before, for
 * every format and however odd the values: control characters, quotes, backslashes, non-ASCII,
 * unpaired surrogates, line and paragraph separators, formula prefixes. {@link Before} is the
 * writer as it was, kept here as the oracle.
 */
class OutputCompatibilityTest {

  private static final List<String> ODD =
      List.of(
          "",
          " ",
          "\"",
          "\\",
          "\"quoted\", with comma",
          "back\\slash\\",
          "\u0000",
          "\u0007\u0008\u0009\n\u000b\u000c\r\u001b[31mEvil\r\nerror: fake",
          "\u007f\u0080\u0085\u009b\u009f",
          "\u2028line\u2029paragraph",
          "\u200e\u202e\u2066bidi",
          "é漢字 Ünïcödé",
          "😀 \uD83D\uDE00",
          "\uD800",
          "lone \uDC00 low",
          "high at end \uDBFF",
          "\uDBFF\"",
          "=HYPERLINK(\"https://evil.example\",\"x\")",
          "+1",
          "-1",
          "@SUM(A1)",
          "\t=1",
          "\r=1",
          "  =1",
          "\uFF1Dfull width",
          "'quoted already",
          "a,b;c",
          "ada@example.com");

  @Test
  void hostileValuesAreWrittenExactlyAsBefore() {
    List<Employee> employees =
        ODD.stream()
            .map(
                value ->
                    employee(
                        "00u" + value.strip().replaceAll("\\p{Cc}", "") + "x",
                        "login " + value,
                        value,
                        value.isEmpty() ? null : value,
                        value,
                        "STATUS " + value))
            .toList();

    for (Output.Format format : Output.Format.values()) {
      assertThat(now(format, employees)).as("%s", format).isEqualTo(before(format, employees));
    }
  }

  @Test
  void findPrintsTheSameLineAsBefore() {
    Employee employee = employee("00u1", "ada@example.com", "Ada", null, "", "ACTIVE");
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);

    EmployeeJson.write(out, employee);
    out.println();
    out.flush();

    assertThat(text.toString()).isEqualTo(Before.json(Before.employee(employee)) + "\n");
  }

  @Property(seed = "20261601", tries = 300)
  void jsonLinesAreUnchanged(@ForAll("employees") List<Employee> employees) {
    assertThat(now(Output.Format.jsonl, employees))
        .isEqualTo(before(Output.Format.jsonl, employees));
  }

  @Property(seed = "20261602", tries = 300)
  void csvIsUnchanged(@ForAll("employees") List<Employee> employees) {
    assertThat(now(Output.Format.csv, employees)).isEqualTo(before(Output.Format.csv, employees));
  }

  @Property(seed = "20261603", tries = 200)
  void theTableIsUnchanged(@ForAll("employees") List<Employee> employees) {
    assertThat(now(Output.Format.table, employees))
        .isEqualTo(before(Output.Format.table, employees));
  }

  private static Employee employee(
      String id,
      String login,
      String firstName,
      String lastName,
      String email,
      String providerStatus) {
    return Employee.builder(UserId.of(id), login)
        .firstName(firstName)
        .lastName(lastName)
        .email(email)
        .status(EmployeeStatus.UNKNOWN, providerStatus)
        .build();
  }

  private static String now(Output.Format format, List<Employee> employees) {
    return written(
        employees,
        (out, all) -> {
          Output.EmployeeWriter writer = new Output.EmployeeWriter(format, out, 20);
          writer.header();
          all.forEach(writer::write);
          writer.flush();
        });
  }

  private static String before(Output.Format format, List<Employee> employees) {
    return written(
        employees,
        (out, all) -> {
          Before.EmployeeWriter writer = new Before.EmployeeWriter(format, out);
          writer.header();
          all.forEach(writer::write);
          writer.flush();
        });
  }

  private static String written(
      List<Employee> employees, BiConsumer<PrintWriter, List<Employee>> how) {
    StringWriter text = new StringWriter();
    // As the CLI's own: println flushes.
    how.accept(new PrintWriter(text, true), employees);
    return text.toString();
  }

  @Provide
  Arbitrary<List<Employee>> employees() {
    Arbitrary<String> any = odd();
    Arbitrary<String> nonBlank = any.map(value -> "v" + value);
    Arbitrary<String> id = any.map(value -> "00u" + value.strip().replaceAll("\\p{Cc}", "") + "x");
    Arbitrary<String> optional = Arbitraries.oneOf(any, any.injectNull(1.0));
    return Combinators.combine(id, nonBlank, optional, optional, optional, nonBlank)
        .as(OutputCompatibilityTest::employee)
        .list()
        .ofMinSize(1)
        .ofMaxSize(5);
  }

  /**
   * Short strings of odd characters: ASCII and Latin-1 (controls included), separators, surrogates.
   */
  private static Arbitrary<String> odd() {
    Arbitrary<String> random =
        Arbitraries.strings()
            .withCharRange('\u0000', '\u00ff')
            .withChars(
                '\u2028', '\u2029', '\u202e', '\uD83D', '\uDE00', '\uDBFF', '\uDC00', '\uFF1D', '漢')
            .ofMaxLength(12);
    return Arbitraries.oneOf(
        Arbitraries.of(ODD),
        random,
        Combinators.combine(Arbitraries.of("=", "+", "-", "@", "\t", "\r", " =", "'"), random)
            .as((a, b) -> a + b));
  }

  /** The employee writer before issue 16, verbatim: a map per employee, rows as strings. */
  static final class Before {
    private static final JsonAdapter<Object> JSON =
        new Moshi.Builder().build().adapter(Object.class).serializeNulls();

    private Before() {}

    static String json(Map<String, ?> object) {
      return JSON.toJson(object);
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

    static final class EmployeeWriter {
      private final Output.Format format;
      private final PrintWriter out;

      EmployeeWriter(Output.Format format, PrintWriter out) {
        this.format = format;
        this.out = out;
      }

      void header() {
        switch (format) {
          case csv -> out.print(row(Output.EMPLOYEE_COLUMNS));
          case table -> {
            out.println(tableRow("ID", "LOGIN", "NAME", "EMAIL", "STATUS", "MISSING"));
            out.println("-".repeat(tableRow("", "", "", "", "", "").length()));
          }
          case jsonl -> {}
        }
      }

      void write(Employee employee) {
        switch (format) {
          case jsonl -> out.println(json(employee(employee)));
          case csv ->
              out.print(
                  row(
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
        String id, String login, String name, String email, String status, String missing) {
      return String.format(
          "%-20s  %-30s  %-24s  %-30s  %-16s  %s",
          cut(id, 20), cut(login, 30), cut(name, 24), cut(email, 30), cut(status, 16), missing);
    }

    private static String cut(String value, int width) {
      String clean = Printable.escape(value);
      return clean.length() <= width ? clean : clean.substring(0, width - 1) + "…";
    }

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

    static String cell(String value) {
      String text = neutralise(value);
      boolean quote = text.startsWith("'") || text.indexOf(',') >= 0 || text.indexOf('"') >= 0;
      return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

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

    private static String withoutControls(String value) {
      StringBuilder clean = new StringBuilder(value.length());
      value
          .codePoints()
          .filter(c -> Character.getType(c) != Character.CONTROL)
          .forEach(clean::appendCodePoint);
      return clean.toString();
    }
  }
}
