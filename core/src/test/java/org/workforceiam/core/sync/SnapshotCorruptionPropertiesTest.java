package org.workforceiam.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.workforceiam.core.Employee;
import org.workforceiam.core.Factor;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamDirectory;
import org.workforceiam.core.Page;
import org.workforceiam.core.UserId;

/**
 * Any damage to a snapshot file, whatever byte it hits, ends the sync in a {@link
 * SnapshotException} and leaves the file exactly as it was: never a silently different member list,
 * never another exception, never a rewritten file. Files live in a temporary folder, never in the
 * source tree.
 */
class SnapshotCorruptionPropertiesTest {
  private static final GroupId GROUP = GroupId.of("00g1emaKYZTWRYYRRTSK");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);

  private static Path folder;
  private static byte[] valid;
  private static int tries;

  @BeforeContainer
  static void writeAValidSnapshot() throws IOException {
    folder = Files.createTempDirectory("snapshot-properties");
    Path file = folder.resolve("valid.snapshot");
    List<Employee> members =
        List.of(
            employee("00u1ada", "ada@example.com", "Ada"),
            employee("00u2grace", "grace\\tab\there@example.com", "Grace"),
            employee("00u3édith", "edith\nsplit@example.com", null));
    sync(new OnePage(members), file).run();
    valid = Files.readAllBytes(file);
  }

  @AfterContainer
  static void deleteTheFolder() throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Property(seed = "20261210", tries = 300)
  void anyDamageIsASnapshotExceptionAndTheFileIsLeftUntouched(@ForAll("damaged") byte[] damaged)
      throws IOException {
    Path file = folder.resolve("try-" + ++tries + ".snapshot");
    Files.write(file, damaged);
    DirectorySync sync =
        sync(new OnePage(List.of(employee("00u9new", "new@example.com", "New"))), file);

    assertThatThrownBy(sync::run)
        .isInstanceOf(SnapshotException.class)
        .satisfies(
            e ->
                assertThat(((SnapshotException) e).reason())
                    .isIn(
                        SnapshotException.Reason.UNREADABLE,
                        SnapshotException.Reason.UNSUPPORTED_VERSION));
    assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    try (Stream<Path> left = Files.list(folder)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    Files.delete(file);
  }

  @Property(seed = "20261211", tries = 60)
  void theReaderReadsBackWhatTheWriterWrote(@ForAll("members") List<Employee> members)
      throws IOException {
    Path file = folder.resolve("round-trip-" + ++tries + ".snapshot");
    sync(new OnePage(members), file).run();

    List<String> logins = new ArrayList<>();
    Optional<SnapshotStore.Header> read =
        SnapshotReader.read(file, GROUP, (id, login, hashes) -> logins.add(login));

    assertThat(read).isPresent();
    assertThat(read.get().takenAt()).isEqualTo(CLOCK.instant());
    assertThat(logins).containsExactlyElementsOf(members.stream().map(Employee::login).toList());
    Files.delete(file);
  }

  /** A valid file with one kind of damage: cut short, a byte changed, added or removed, or more. */
  @Provide
  Arbitrary<byte[]> damaged() {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, valid.length - 1);
    Arbitrary<Byte> anyByte = Arbitraries.bytes();
    Arbitrary<byte[]> truncated = position.map(n -> copy(valid, 0, n));
    Arbitrary<byte[]> changed =
        Combinators.combine(position, anyByte)
            .filter((at, b) -> valid[at] != b)
            .as(
                (at, b) -> {
                  byte[] copy = valid.clone();
                  copy[at] = b;
                  return copy;
                });
    Arbitrary<byte[]> inserted =
        Combinators.combine(position, anyByte)
            .as(
                (at, b) -> {
                  byte[] copy = new byte[valid.length + 1];
                  System.arraycopy(valid, 0, copy, 0, at);
                  copy[at] = b;
                  System.arraycopy(valid, at, copy, at + 1, valid.length - at);
                  return copy;
                });
    Arbitrary<byte[]> removed =
        position.map(
            at -> {
              byte[] copy = new byte[valid.length - 1];
              System.arraycopy(valid, 0, copy, 0, at);
              System.arraycopy(valid, at + 1, copy, at, valid.length - at - 1);
              return copy;
            });
    Arbitrary<byte[]> appended =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMinSize(1)
            .ofMaxSize(40)
            .map(
                tail -> {
                  byte[] copy = new byte[valid.length + tail.length];
                  System.arraycopy(valid, 0, copy, 0, valid.length);
                  System.arraycopy(tail, 0, copy, valid.length, tail.length);
                  return copy;
                });
    Arbitrary<byte[]> lineEndings =
        Arbitraries.of("\r\n", "\r").map(ending -> withLineEndings(ending));
    Arbitrary<byte[]> upperCased =
        Arbitraries.just(new String(valid, StandardCharsets.UTF_8))
            .map(text -> upperCaseChecksum(text));
    return Arbitraries.frequencyOf(
        Tuple.of(3, truncated),
        Tuple.of(4, changed),
        Tuple.of(3, inserted),
        Tuple.of(3, removed),
        Tuple.of(1, appended),
        Tuple.of(1, lineEndings),
        Tuple.of(1, upperCased));
  }

  @Provide
  Arbitrary<List<Employee>> members() {
    Arbitrary<String> login =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank()),
            Arbitraries.of("a\\b", "tab\there", "line\nfeed", "cr\rlf", "ünï@example.com"));
    return login
        .list()
        .ofMaxSize(8)
        .map(
            logins -> {
              List<Employee> list = new ArrayList<>();
              for (int i = 0; i < logins.size(); i++) {
                list.add(employee("00u" + i + "x", logins.get(i), i % 2 == 0 ? "N" + i : null));
              }
              return list;
            });
  }

  private static byte[] withLineEndings(String ending) {
    String text = new String(valid, StandardCharsets.UTF_8);
    return text.replace("\n", ending).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] upperCaseChecksum(String text) {
    int end = text.lastIndexOf("\nend\t");
    return (text.substring(0, end) + text.substring(end).toUpperCase(Locale.ROOT))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] copy(byte[] bytes, int from, int to) {
    byte[] copy = new byte[to - from];
    System.arraycopy(bytes, from, copy, 0, copy.length);
    return copy;
  }

  private static Employee employee(String id, String login, String firstName) {
    return Employee.builder(UserId.of(id), login).firstName(firstName).status("ACTIVE").build();
  }

  private static DirectorySync sync(IamDirectory directory, Path file) {
    return DirectorySync.builder()
        .directory(directory)
        .group(GROUP)
        .snapshotFile(file)
        .clock(CLOCK)
        .build();
  }

  /** A directory whose group is one page of the given members; nothing else is asked of it. */
  private record OnePage(List<Employee> members) implements IamDirectory {
    @Override
    public Page<Employee> membersPage(GroupId group) {
      return Page.of(members, Optional.empty());
    }

    @Override
    public Page<Employee> membersPage(GroupId group, Page.Cursor cursor) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Employee> findById(UserId id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Employee> findByLogin(String login) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Employee> findByEmail(String email) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Factor> factors(UserId user) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isMember(UserId user, GroupId group) {
      throw new UnsupportedOperationException();
    }
  }
}
