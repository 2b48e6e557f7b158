package org.workforceiam.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.UserId;
import org.workforceiam.core.testing.InMemoryIdentityProvider;

/**
 * A snapshot written before the provider's status word was kept apart from the normalised status
 * ({@code v1-okta.snapshot}, written by that version's {@link DirectorySync} from the members
 * below, then checked in) reads with this version without reporting unchanged members as changed.
 */
class PreviousVersionSnapshotTest {
  private static final GroupId EMPLOYEES = GroupId.of("00gEmployees");
  private static final Instant LATER = Instant.parse("2026-11-29T02:00:00Z");

  /** The members the snapshot was written from: id, login, first, last, email, status word. */
  private static final List<@Nullable String[]> ROWS =
      List.of(
          row("00u01Ada", "ada@example.com", "Ada", "Lovelace", "ada@example.com", "ACTIVE"),
          row(
              "00u02Grace",
              "grace@example.com",
              "Grace",
              "Hopper",
              "grace@example.com",
              "LOCKED_OUT"),
          row("00u03Alan", "alan@example.com", "Alan", "Turing", null, "ACTIVE"),
          row(
              "00u04Katherine",
              "katherine@example.com",
              null,
              " ",
              "katherine@example.com",
              "SUSPENDED"),
          row("00u05Sam", "sam@example.com", "Sam", "Staged", "sam@example.com", "STAGED"),
          row(
              "00u06Pat",
              "pat@example.com",
              "Pat",
              "Provisioned",
              "pat@example.com",
              "PROVISIONED"),
          row("00u07Rae", "rae@example.com", "Rae", "Recovery", "rae@example.com", "RECOVERY"),
          row(
              "00u08Margaret",
              "margaret@example.com",
              "Margaret",
              "Hamilton",
              "margaret@example.com",
              "PASSWORD_EXPIRED"),
          row(
              "00u09Dee",
              "dee@example.com",
              "Dee",
              "Deprovisioned",
              "dee@example.com",
              "DEPROVISIONED"),
          // Unknown words then: UNKNOWN, the word kept (DISABLED is a status now).
          row("00u10Uma", "uma@example.com", "Uma", "Unknown", "uma@example.com", "PENDING_REVIEW"),
          row("00u11Dis", "dis@example.com", "Dis", "Abled", "dis@example.com", "DISABLED"),
          row("00u12Lou", "lou@example.com", "Lou", "Lower", "lou@example.com", "Archived"));

  private Path snapshot;

  @BeforeEach
  void copyTheSnapshotOfThePreviousVersion(@TempDir Path folder) throws IOException {
    snapshot = folder.resolve("employees.snapshot");
    try (InputStream in =
        Objects.requireNonNull(getClass().getResourceAsStream("v1-okta.snapshot"))) {
      Files.copy(in, snapshot);
    }
  }

  @Test
  void unchangedMembersAreNotReportedAsChanged() {
    SyncReport report = sync(members(UnaryOperator.identity()));

    assertThat(report.firstSync()).isFalse();
    assertThat(report.previousSnapshotAt()).contains(Instant.parse("2026-11-28T02:00:00Z"));
    assertThat(report.memberCount()).isEqualTo(12);
    assertThat(report.added()).isEmpty();
    assertThat(report.removed()).isEmpty();
    assertThat(report.changed()).isEmpty();
    assertThat(report.statusCount(EmployeeStatus.DISABLED)).isEqualTo(1);
  }

  @Test
  void unchangedMembersBuiltWithTheProvidersWordAreNotReportedAsChanged() {
    // As an adapter maps its words now: the normalised status and the word, set together.
    InMemoryIdentityProvider idp =
        members(
            e ->
                e.toBuilder()
                    .status(
                        EmployeeStatus.fromProviderValue(e.providerStatus()), e.providerStatus())
                    .build());

    assertThat(sync(idp).changed()).isEmpty();
  }

  @Test
  void aChangedStatusWordIsReportedForThatMemberOnly() {
    InMemoryIdentityProvider idp =
        members(
            e ->
                e.id().value().equals("00u02Grace")
                    ? e.toBuilder().status(EmployeeStatus.ACTIVE).build()
                    : e);

    SyncReport report = sync(idp);

    assertThat(report.changed())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.id()).isEqualTo(UserId.of("00u02Grace"));
              assertThat(change.changedFields()).containsExactly(EmployeeChange.Field.STATUS);
            });
  }

  private SyncReport sync(InMemoryIdentityProvider idp) {
    return DirectorySync.builder()
        .directory(idp)
        .group(EMPLOYEES)
        .snapshotFile(snapshot)
        .clock(Clock.fixed(LATER, ZoneOffset.UTC))
        .build()
        .run();
  }

  private static InMemoryIdentityProvider members(UnaryOperator<Employee> change) {
    InMemoryIdentityProvider idp = InMemoryIdentityProvider.builder().pageSize(3).build();
    for (@Nullable String[] r : ROWS) {
      Employee employee =
          Employee.builder(UserId.of(Objects.requireNonNull(r[0])), Objects.requireNonNull(r[1]))
              .firstName(r[2])
              .lastName(r[3])
              .email(r[4])
              .status(Objects.requireNonNull(r[5]))
              .build();
      idp.put(change.apply(employee), EMPLOYEES);
    }
    return idp;
  }

  private static @Nullable String[] row(@Nullable String... values) {
    return values;
  }
}
