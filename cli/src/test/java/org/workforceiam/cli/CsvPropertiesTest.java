package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What the CSV writer writes parses back, with an RFC 4180 parser, to the value it was given, and a
 * profile value (employees may edit theirs) can never start a formula or put a control character in
 * the file.
 */
class CsvPropertiesTest {

  @Property(seed = "20261260", tries = 500)
  void aPlainValueParsesBackToItself(@ForAll("plainValues") String value) {
    assertThat(parseRow(Csv.cell(value) + "," + Csv.cell(value))).containsExactly(value, value);
  }

  @Property(seed = "20261262", tries = 300)
  void aRowParsesBackToItsValuesNeutralised(@ForAll("rows") List<String> values) {
    String row = Csv.row(values);

    assertThat(row).endsWith("\r\n");
    List<String> cells = parseRow(row.substring(0, row.length() - 2));
    assertThat(cells).containsExactlyElementsOf(values.stream().map(Csv::neutralise).toList());
  }

  @Property(seed = "20261261", tries = 500)
  void aHostileValueIsNeutralisedAndParsesBackToTheNeutralisedValue(
      @ForAll("hostileValues") String value) {
    List<String> cells = parseRow(Csv.cell(value) + ",x");

    assertThat(cells).hasSize(2).endsWith("x");
    String cell = cells.get(0);
    assertThat(cell).isEqualTo(Csv.neutralise(value));
    assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-");
    assertThat(cell).doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
    assertThat(cell.chars().filter(Character::isISOControl)).isEmpty();
    if ("=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      assertThat(cell).startsWith("'");
    }
  }

  @Provide
  Arbitrary<List<String>> rows() {
    return Arbitraries.oneOf(plainValues(), hostileValues()).list().ofMinSize(1).ofMaxSize(6);
  }

  /** One RFC 4180 record: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<String> parseRow(String row) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '"' || c == '\r' || c == '\n') {
        throw new AssertionError("not RFC 4180: " + c + " outside quotes in " + row);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new AssertionError("an unterminated quote in " + row);
    }
    fields.add(field.toString());
    return fields;
  }

  @Provide
  Arbitrary<String> plainValues() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of(",", "\"", "\"\"", "a,b", "O'Brien", "é", "😀", "#EXT#", ";", " "),
            Arbitraries.strings().alpha().numeric().ofMaxLength(8));
    return pieces
        .list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(list -> "v" + String.join("", list)); // never a formula start
  }

  @Provide
  Arbitrary<String> hostileValues() {
    Arbitrary<String> lead = Arbitraries.of("=", "+", "-", "@", "\t", "\r", "\u001b[31m", "a");
    Arbitrary<String> rest =
        Arbitraries.oneOf(
            Arbitraries.of(
                "HYPERLINK(\"https://evil.example\")",
                "1+1",
                "cmd|' /C calc'!A0",
                "\r\n=1",
                "\u0007",
                "\u0000",
                "\u009b",
                "x"),
            Arbitraries.strings().ofMaxLength(10));
    return net.jqwik.api.Combinators.combine(lead, rest).as((l, r) -> l + r);
  }
}
