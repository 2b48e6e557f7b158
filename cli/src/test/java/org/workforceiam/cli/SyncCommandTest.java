package org.workforceiam.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workforceiam.cli.SimulatedOrg.ADA;
import static org.workforceiam.cli.SimulatedOrg.EDSGER;
import static org.workforceiam.cli.SimulatedOrg.GRACE;
import static org.workforceiam.cli.SimulatedOrg.GROUP;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * {@code sync}: every member of the group, in jsonl, csv or a table, with or without a snapshot.
 */
class SyncCommandTest extends DemoOrgTest {
  private static final String MEMBERS_PATH = "/api/v1/groups/" + GROUP + "/users";

  /** The demo org's members in jsonl, exactly: every key, nulls written, Okta's order. */
  private static final String DEMO_JSONL =
      String.join(
          "\n",
          "{\"id\":\"00uDemo01Ada\",\"login\":\"ada@example.com\",\"firstName\":\"Ada\","
              + "\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\",\"status\":\"ACTIVE\","
              + "\"missingFields\":[]}",
          "{\"id\":\"00uDemo02Grace\",\"login\":\"grace@example.com\",\"firstName\":\"Grace\","
              + "\"lastName\":\"Hopper\",\"email\":\"grace@example.com\","
              + "\"status\":\"LOCKED_OUT\",\"missingFields\":[]}",
          "{\"id\":\"00uDemo03Alan\",\"login\":\"alan@example.com\",\"firstName\":\"Alan\","
              + "\"lastName\":\"Turing\",\"email\":null,\"status\":\"ACTIVE\","
              + "\"missingFields\":[\"email\"]}",
          "{\"id\":\"00uDemo04Katherine\",\"login\":\"katherine@example.com\",\"firstName\":null,"
              + "\"lastName\":\"Johnson\",\"email\":\"katherine@example.com\","
              + "\"status\":\"ACTIVE\",\"missingFields\":[\"firstName\"]}",
          "{\"id\":\"00uDemo05Margaret\",\"login\":\"margaret@example.com\","
              + "\"firstName\":\"Margaret\",\"lastName\":\"Hamilton\","
              + "\"email\":\"margaret@example.com\",\"status\":\"PASSWORD_EXPIRED\","
              + "\"missingFields\":[]}",
          "{\"id\":\"00uDemo06Edsger\",\"login\":\"edsger@example.com\",\"firstName\":\"Edsger\","
              + "\"lastName\":\"Dijkstra\",\"email\":\"edsger@example.com\",\"status\":\"ACTIVE\","
              + "\"missingFields\":[]}",
          "{\"id\":\"00uDemo07Barbara\",\"login\":\"barbara@example.com\","
              + "\"firstName\":\"Barbara\",\"lastName\":\"Liskov\","
              + "\"email\":\"barbara@example.com\",\"status\":\"SUSPENDED\",\"missingFields\":[]}",
          "{\"id\":\"00uDemo08Root\",\"login\":\"root.admin@example.com\",\"firstName\":\"Root\","
              + "\"lastName\":\"Admin\",\"email\":\"root.admin@example.com\",\"status\":\"ACTIVE\","
              + "\"missingFields\":[]}",
          "");

  private static final String SUMMARY =
      "8 members on 1 page; 2 with incomplete profiles (see missingFields)";

  @Test
  void verboseEndsWithASummaryOfTheClientsRequestsRetriesWaitsAndTokens() {
    CliRun sync = org.run("--verbose", "sync");

    assertThat(sync.code()).isZero();
    assertThat(sync.out()).isEqualTo(DEMO_JSONL);
    // One page; the token with the DPoP nonce handshake (two token requests), as the org counted.
    assertThat(sync.err().lines().toList())
        .containsExactly(
            SUMMARY,
            "events: "
                + (1 + org.sim.tokenRequests())
                + " requests (1 API, "
                + org.sim.tokenRequests()
                + " token), 0 retries, 0 rate-limit waits (0.0 s), tokens: 1 fetched, 0"
                + " refreshed");
  }

  @Test
  void printsEveryMemberAsJsonLinesWithEveryFieldByDefault() {
    CliRun sync = org.run("sync");

    assertThat(sync.code()).isZero();
    assertThat(sync.out()).isEqualTo(DEMO_JSONL);
    assertThat(sync.jsonLines())
        .allSatisfy(
            line ->
                assertThat(line)
                    .containsOnlyKeys(
                        "id",
                        "login",
                        "firstName",
                        "lastName",
                        "email",
                        "status",
                        "missingFields"));
    assertThat(sync.err()).isEqualTo(SUMMARY + "\n");
    assertThat(org.sim.apiCalls()).extracting(SimulatedOkta.Call::path).containsOnly(MEMBERS_PATH);
  }

  @Test
  void namesEveryMissingOrBlankProfileFieldAndKeepsAnUnknownStatusAsOktaSentIt() {
    org.directory()
        .user(SimUser.of("00uDemo10Sparse", "sparse", "QUARANTINED").profile("lastName", " "))
        .member(GROUP, "00uDemo10Sparse");

    CliRun sync = org.run("sync", "--format", "jsonl");

    assertThat(sync.code()).isZero();
    assertThat(sync.jsonLines().get(8))
        .containsEntry("id", "00uDemo10Sparse")
        .containsEntry("login", "sparse")
        .containsEntry("firstName", null)
        .containsEntry("lastName", " ")
        .containsEntry("email", null)
        .containsEntry("status", "QUARANTINED")
        .containsEntry("missingFields", List.of("firstName", "lastName", "email"));
    assertThat(sync.err()).contains("9 members on 1 page; 3 with incomplete profiles");
  }

  @Test
  void csvHasAHeaderRowAndQuotesFieldsAsRfc4180Says() {
    org.directory()
        .user(
            SimUser.of("00uDemo10Quoted", "jean@example.com", "ACTIVE")
                .profile("firstName", "Jean \"Jack\"")
                .profile("lastName", "Smith, Jr.")
                .profile("email", "jean@example.com"))
        .member(GROUP, "00uDemo10Quoted")
        .user(SimUser.of("00uDemo11Sparse", "sparse", "STAGED"))
        .member(GROUP, "00uDemo11Sparse");

    CliRun sync = org.run("sync", "--format", "csv");

    assertThat(sync.code()).isZero();
    assertThat(sync.out())
        .isEqualTo(
            String.join(
                "\r\n",
                "id,login,firstName,lastName,email,status,missingFields",
                "00uDemo01Ada,ada@example.com,Ada,Lovelace,ada@example.com,ACTIVE,",
                "00uDemo02Grace,grace@example.com,Grace,Hopper,grace@example.com,LOCKED_OUT,",
                "00uDemo03Alan,alan@example.com,Alan,Turing,,ACTIVE,email",
                "00uDemo04Katherine,katherine@example.com,,Johnson,katherine@example.com,ACTIVE,"
                    + "firstName",
                "00uDemo05Margaret,margaret@example.com,Margaret,Hamilton,margaret@example.com,"
                    + "PASSWORD_EXPIRED,",
                "00uDemo06Edsger,edsger@example.com,Edsger,Dijkstra,edsger@example.com,ACTIVE,",
                "00uDemo07Barbara,barbara@example.com,Barbara,Liskov,barbara@example.com,"
                    + "SUSPENDED,",
                "00uDemo08Root,root.admin@example.com,Root,Admin,root.admin@example.com,ACTIVE,",
                "00uDemo10Quoted,jean@example.com,\"Jean \"\"Jack\"\"\",\"Smith, Jr.\","
                    + "jean@example.com,ACTIVE,",
                "00uDemo11Sparse,sparse,,,,STAGED,firstName;lastName;email",
                ""));
  }

  @Test
  void tableIsForPeople() {
    CliRun sync = org.run("sync", "--format", "TABLE");

    assertThat(sync.code()).isZero();
    assertThat(sync.out().lines().toList())
        .hasSize(10)
        .anySatisfy(line -> assertThat(line).contains("Ada Lovelace", "ACTIVE"))
        .anySatisfy(line -> assertThat(line).contains(SimulatedOrg.ALAN, "email"));
    assertThat(sync.err()).isEqualTo(SUMMARY + "\n");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    CliRun sync = org.run("sync", "--format", "xml");

    assertThat(sync.code()).isEqualTo(2);
    assertThat(sync.errorLine()).contains("xml").contains("jsonl, csv, table");
    assertThat(org.sim.calls()).isEmpty();
  }

  @Test
  void progressIsShownOnStderrWhenAskedAndNotWhenStderrIsNoTerminal() {
    CliRun shown = org.run("sync", "--progress");
    CliRun hidden = org.run("sync", "--no-progress");
    CliRun byDefault = org.run("sync");

    assertThat(shown.code()).isZero();
    assertThat(shown.err()).isEqualTo("\r8 members, 1 page\n" + SUMMARY + "\n");
    assertThat(shown.out()).isEqualTo(DEMO_JSONL);
    assertThat(hidden.err()).isEqualTo(SUMMARY + "\n");
    assertThat(byDefault.err()).isEqualTo(SUMMARY + "\n");
  }

  @Test
  void followsOktasNextLinkAcrossPages() {
    org.sim.respondOnce("GET", MEMBERS_PATH, firstPageOfTwo(org.sim.url(afterGrace()).toString()));

    CliRun sync = org.run("sync", "--progress");

    assertThat(sync.code()).as("%s", sync).isZero();
    assertThat(sync.out()).isEqualTo(DEMO_JSONL);
    assertThat(sync.err())
        .isEqualTo(
            "\r2 members, 1 page\r8 members, 2 pages\n"
                + "8 members on 2 pages; 2 with incomplete profiles (see missingFields)\n");
  }

  @Test
  void aNextLinkToAnotherHostIsAProtocolErrorAndIsNeverFollowed() {
    org.sim.respondOnce("GET", MEMBERS_PATH, firstPageOfTwo("https://evil.example" + afterGrace()));

    CliRun sync = org.run("sync");

    assertThat(sync.code()).isEqualTo(7);
    assertThat(sync.errorLine()).contains("evil.example").contains("refusing");
    assertThat(org.sim.apiCalls()).hasSize(1);
  }

  @Test
  void aPageThatIsNotJsonIsAProtocolError() {
    org.sim.respondOnce(
        "GET",
        MEMBERS_PATH,
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body("[{\"id\":\"00uDemo01Ada\",")
            .build());

    CliRun sync = org.run("sync");

    assertThat(sync.code()).isEqualTo(7);
    assertThat(sync.errorLine()).contains("not the expected JSON");
  }

  @Test
  void aPageOktaCannotAnswerEvenAtTheSmallestSizeIsUnavailable() {
    // Okta answers a large page that takes too long with a 500; the client asks for half.
    for (int i = 0; i < 4; i++) {
      org.sim.respondOnce("GET", MEMBERS_PATH, serverError(500));
    }

    CliRun sync = org.run("sync");

    assertThat(sync.code()).isEqualTo(6);
    assertThat(sync.errorLine()).contains("HTTP 500");
    assertThat(org.sim.apiCalls())
        .extracting(call -> call.url().queryParameter("limit"))
        .containsExactly("1000", "500", "250", "200");
  }

  @Test
  void aSyncThatFailsMidwayKeepsTheLinesItPrintedAndExitsWithItsCode() {
    org.sim.respondOnce("GET", MEMBERS_PATH, firstPageOfTwo(org.sim.url(afterGrace()).toString()));
    org.sim.respondOnce("GET", MEMBERS_PATH, firstPageOfTwo("https://evil.example/x"));

    CliRun sync = org.run("sync", "--format", "csv");

    assertThat(sync.code()).isEqualTo(7);
    assertThat(sync.out().split("\r\n"))
        .extracting(line -> line.substring(0, line.indexOf(',')))
        .containsExactly("id", ADA, GRACE);
    assertThat(sync.errorLine()).contains("evil.example");
  }

  @Test
  void theFirstSyncWithASnapshotSaysSoAndWritesIt() {
    Path snapshot = dir.resolve("employees.snapshot");

    CliRun sync = org.run("sync", "--snapshot", snapshot.toString());

    assertThat(sync.code()).isZero();
    assertThat(sync.out()).isEqualTo(DEMO_JSONL);
    assertThat(sync.err())
        .isEqualTo(SUMMARY + "\nfirst sync: no earlier snapshot; wrote " + snapshot + "\n");
    assertThat(snapshot).isRegularFile();
    onlySnapshot(dir);
  }

  @Test
  void aLaterSyncCountsWhoJoinedLeftOrChangedAndWritesTheNewSnapshot() throws Exception {
    Path snapshot = dir.resolve("employees.snapshot");
    assertThat(org.run("sync", "--snapshot", snapshot.toString()).code()).isZero();
    byte[] first = Files.readAllBytes(snapshot);
    org.directory()
        .user(
            SimUser.of("00uDemo10New", "new@example.com", "ACTIVE")
                .profile("firstName", "New")
                .profile("lastName", "Hire")
                .profile("email", "new@example.com"))
        .member(GROUP, "00uDemo10New")
        .removeMember(GROUP, EDSGER)
        .user(
            SimUser.of(ADA, "ada@example.com", "ACTIVE")
                .profile("firstName", "Ada")
                .profile("lastName", "King")
                .profile("email", "ada@example.com"));

    CliRun second = org.run("sync", "--snapshot", snapshot.toString(), "--format", "csv");
    CliRun third = org.run("sync", "--snapshot", snapshot.toString());

    assertThat(second.code()).isZero();
    assertThat(second.out().split("\r\n"))
        .hasSize(9)
        .contains("00uDemo10New,new@example.com,New,Hire,new@example.com,ACTIVE,");
    assertThat(second.err().lines().toList())
        .hasSize(2)
        .startsWith(SUMMARY)
        .last()
        .asString()
        .matches(
            "since the snapshot of 20\\S+Z: added 1, removed 1, changed 1; wrote "
                + Pattern.quote(snapshot.toString()));
    assertThat(third.err().lines().toList().get(1))
        .endsWith(": added 0, removed 0, changed 0; wrote " + snapshot);
    assertThat(Files.readAllBytes(snapshot)).isNotEqualTo(first);
    onlySnapshot(dir);
  }

  @Test
  void aCorruptSnapshotIsExit2AndLeftUntouched() throws Exception {
    Path snapshot = dir.resolve("employees.snapshot");
    Files.writeString(snapshot, "workforce-iam-snapshot\t1\nthis is not a snapshot\n");
    byte[] before = Files.readAllBytes(snapshot);

    CliRun sync = org.run("sync", "--snapshot", snapshot.toString());

    assertThat(sync.code()).isEqualTo(2);
    assertThat(sync.errorLine()).contains(snapshot.toString());
    assertThat(sync.out()).isEmpty();
    assertThat(Files.readAllBytes(snapshot)).isEqualTo(before);
    onlySnapshot(dir);
  }

  @Test
  void aSyncWithASnapshotThatFailsMidwayKeepsItsLinesAndWritesNoSnapshot() throws Exception {
    Path snapshot = dir.resolve("employees.snapshot");
    assertThat(org.run("sync", "--snapshot", snapshot.toString()).code()).isZero();
    byte[] before = Files.readAllBytes(snapshot);
    org.directory().removeMember(GROUP, EDSGER);
    org.sim.respondOnce("GET", MEMBERS_PATH, firstPageOfTwo(org.sim.url(afterGrace()).toString()));
    for (int i = 0; i < 4; i++) {
      org.sim.respondOnce("GET", MEMBERS_PATH, serverError(500));
    }

    CliRun sync = org.run("sync", "--snapshot", snapshot.toString());

    assertThat(sync.code()).isEqualTo(6);
    assertThat(sync.jsonLines()).extracting(line -> line.get("id")).containsExactly(ADA, GRACE);
    assertThat(sync.errorLine()).contains("HTTP 500");
    assertThat(Files.readAllBytes(snapshot)).isEqualTo(before);
    onlySnapshot(dir);
  }

  @Test
  void theFirstSyncThatFailsMidwayWritesNoSnapshotAtAll() {
    Path snapshot = dir.resolve("employees.snapshot");
    org.sim.respondOnce("GET", MEMBERS_PATH, firstPageOfTwo("https://evil.example/x"));

    CliRun sync = org.run("sync", "--snapshot", snapshot.toString());

    assertThat(sync.code()).isEqualTo(7);
    assertThat(snapshot).doesNotExist();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aSnapshotThatCannotBeWrittenIsAnUnexpectedFailure() {
    Path snapshot = dir.resolve("no-such-folder").resolve("employees.snapshot");

    CliRun sync = org.run("sync", "--snapshot", snapshot.toString());

    assertThat(sync.code()).as("%s", sync).isEqualTo(1);
    assertThat(sync.errorLine()).contains(snapshot.getParent().toString());
  }

  @Test
  void aGroupThatDoesNotExistIsNotFound() {
    CliRun sync = org.run("sync", "--group-id", "00gNoSuchGroup");

    assertThat(sync.code()).isEqualTo(5);
    assertThat(sync.errorLine()).contains("00gNoSuchGroup");
  }

  @Test
  void anAppWithoutTheGroupsScopeIsPermissionDenied() {
    try (SimulatedOrg narrow =
        SimulatedOrg.start(key, builder -> builder.grantedScopes("okta.users.manage"))) {
      CliRun sync = narrow.run("sync");

      assertThat(sync.code()).isEqualTo(4);
      assertThat(sync.errorLine()).contains("okta.groups.read");
    }
  }

  /** Only the snapshot file is in the folder: no temporary file was left behind. */
  private void onlySnapshot(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly("employees.snapshot");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String afterGrace() {
    return MEMBERS_PATH + "?after=" + GRACE + "&limit=1000";
  }

  /** A page holding Ada and Grace, as Okta sends it, with a next link. */
  private static MockResponse firstPageOfTwo(String next) {
    String body =
        "["
            + String.join(
                ",",
                Arrays.asList(
                    user(ADA, "ada@example.com", "Ada", "Lovelace", "ACTIVE"),
                    user(GRACE, "grace@example.com", "Grace", "Hopper", "LOCKED_OUT")))
            + "]";
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .addHeader("link", "<" + next + ">; rel=\"next\"")
        .body(body)
        .build();
  }

  private static String user(String id, String login, String first, String last, String status) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\""
        + status
        + "\",\"lastUpdated\":\"2026-01-15T10:00:00.000Z\",\"profile\":{\"login\":\""
        + login
        + "\",\"firstName\":\""
        + first
        + "\",\"lastName\":\""
        + last
        + "\",\"email\":\""
        + login
        + "\"}}";
  }

  static MockResponse serverError(int status) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(
            "{\"errorCode\":\"E0000009\",\"errorSummary\":\"Internal Server Error\","
                + "\"errorId\":\"oaeFault\",\"errorCauses\":[]}")
        .build();
  }
}
