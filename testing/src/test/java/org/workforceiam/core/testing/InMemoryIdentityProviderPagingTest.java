package org.workforceiam.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workforceiam.core.testing.People.CONTRACTORS;
import static org.workforceiam.core.testing.People.EMPLOYEES;
import static org.workforceiam.core.testing.People.person;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Page;
import org.workforceiam.core.UserId;

/** The fake pages like a provider: page size, opaque cursors, laziness, generated groups. */
class InMemoryIdentityProviderPagingTest {
  private static final GroupId HUGE = GroupId.of("00gHuge");

  /** A fake whose EMPLOYEES group holds u01..u{count}, paging by {@code pageSize}. */
  private static InMemoryIdentityProvider group(int count, int pageSize) {
    InMemoryIdentityProvider.Builder builder =
        InMemoryIdentityProvider.builder().pageSize(pageSize).group(CONTRACTORS);
    for (int i = 1; i <= count; i++) {
      builder.employee(person(String.format("u%02d", i)), EMPLOYEES);
    }
    return builder.build();
  }

  private static List<String> ids(Page<Employee> page) {
    return page.items().stream().map(e -> e.id().value()).toList();
  }

  private static List<List<String>> allPages(InMemoryIdentityProvider fake) {
    return fake.memberPages(EMPLOYEES).map(InMemoryIdentityProviderPagingTest::ids).toList();
  }

  @Test
  void pageSizeIsHonouredAndTheLastPageHasNoCursor() {
    InMemoryIdentityProvider fake = group(7, 3);
    Page<Employee> first = fake.membersPage(EMPLOYEES);
    assertThat(ids(first)).containsExactly("u01", "u02", "u03");
    Page<Employee> second = fake.membersPage(EMPLOYEES, first.next().orElseThrow());
    assertThat(ids(second)).containsExactly("u04", "u05", "u06");
    Page<Employee> third = fake.membersPage(EMPLOYEES, second.next().orElseThrow());
    assertThat(ids(third)).containsExactly("u07");
    assertThat(third.next()).isEmpty();
    assertThat(fake.pageRequests()).isEqualTo(3);
  }

  @Test
  void aGroupThatFillsItsLastPageExactlyHasNoEmptyPageAfterIt() {
    assertThat(allPages(group(6, 3)))
        .containsExactly(List.of("u01", "u02", "u03"), List.of("u04", "u05", "u06"));
  }

  @Test
  void anEmptyGroupIsOneEmptyLastPage() {
    InMemoryIdentityProvider fake = group(2, 3);
    Page<Employee> page = fake.membersPage(CONTRACTORS);
    assertThat(page.items()).isEmpty();
    assertThat(page.next()).isEmpty();
  }

  @Test
  void anUnknownGroupIsNotFound() {
    assertThatThrownBy(() -> group(1, 3).membersPage(GroupId.of("00gNope")))
        .isInstanceOf(IamException.NotFound.class)
        .hasMessageContaining("group 00gNope does not exist");
  }

  @Test
  void cursorsAreOpaque() {
    Page.Cursor cursor = group(4, 2).membersPage(EMPLOYEES).next().orElseThrow();
    assertThat(cursor.value())
        .doesNotContain("u02")
        .doesNotContain(EMPLOYEES.value())
        .matches("[A-Za-z0-9_-]+");
  }

  @Test
  void aCursorForAnotherGroupIsRefused() {
    InMemoryIdentityProvider fake = group(4, 2);
    fake.put(person("c01"), CONTRACTORS)
        .put(person("c02"), CONTRACTORS)
        .put(person("c03"), CONTRACTORS);
    Page.Cursor contractorsCursor = fake.membersPage(CONTRACTORS).next().orElseThrow();
    int calls = fake.calls();

    assertThatThrownBy(() -> fake.membersPage(EMPLOYEES, contractorsCursor))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was not issued for group 00gEmployees");
    assertThat(fake.calls()).as("refused before it counts as a call").isEqualTo(calls);
  }

  @Test
  void aCursorTheFakeDidNotIssueIsRefused() {
    InMemoryIdentityProvider fake = group(4, 2);
    assertThatThrownBy(() -> fake.membersPage(EMPLOYEES, new Page.Cursor("not base64!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a page cursor this provider issued");
    String noSeparator =
        Base64.getUrlEncoder().encodeToString("garbage".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> fake.membersPage(EMPLOYEES, new Page.Cursor(noSeparator)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void membersAddedBetweenPagesAfterTheCursorAreListed() {
    InMemoryIdentityProvider fake = group(4, 2);
    Page<Employee> first = fake.membersPage(EMPLOYEES);
    fake.put(person("u00"), EMPLOYEES); // sorts before the cursor: a provider would not go back
    fake.put(person("u03a"), EMPLOYEES);
    fake.put(person("u99"), EMPLOYEES);

    List<String> rest = new ArrayList<>();
    Optional<Page.Cursor> next = first.next();
    while (next.isPresent()) {
      Page<Employee> page = fake.membersPage(EMPLOYEES, next.get());
      rest.addAll(ids(page));
      next = page.next();
    }
    assertThat(ids(first)).containsExactly("u01", "u02");
    assertThat(rest).containsExactly("u03", "u03a", "u04", "u99");
  }

  @Test
  void membersRemovedBetweenPagesAreNotListedAndTheCursorStillWorks() {
    InMemoryIdentityProvider fake = group(6, 2);
    Page<Employee> first = fake.membersPage(EMPLOYEES);
    fake.removeMember(EMPLOYEES, UserId.of("u02")); // the member the cursor points after
    fake.delete(UserId.of("u04"));

    Page<Employee> second = fake.membersPage(EMPLOYEES, first.next().orElseThrow());
    assertThat(ids(second)).containsExactly("u03", "u05");
    Page<Employee> third = fake.membersPage(EMPLOYEES, second.next().orElseThrow());
    assertThat(ids(third)).containsExactly("u06");
    assertThat(third.next()).isEmpty();
  }

  @Test
  void theStreamListsEveryMemberInIdOrder() {
    InMemoryIdentityProvider fake = group(10, 3);
    assertThat(fake.members(EMPLOYEES).map(e -> e.id().value()))
        .containsExactly("u01", "u02", "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10");
    assertThat(fake.pageRequests()).isEqualTo(4);
  }

  @Test
  void findFirstFetchesExactlyOnePage() {
    InMemoryIdentityProvider fake = group(10, 3);
    assertThat(fake.members(EMPLOYEES).findFirst()).map(e -> e.id().value()).contains("u01");
    assertThat(fake.pageRequests()).isEqualTo(1);
  }

  @Test
  void aStreamFetchesNothingUntilItIsConsumed() {
    InMemoryIdentityProvider fake = group(10, 3);
    try (Stream<Employee> members = fake.members(EMPLOYEES)) {
      assertThat(fake.pageRequests()).isZero();
      assertThat(members.limit(4).count()).isEqualTo(4);
    }
    assertThat(fake.pageRequests()).isEqualTo(2);
  }

  // ------------------------------------------------------------------ generated groups

  private static Employee generated(int index) {
    return Employee.builder(UserId.of(String.format("00u%06d", index)), "user" + index).build();
  }

  @Test
  void aGeneratedGroupOfOneHundredThousandIsListedLazilyWithoutStoringMembers() {
    AtomicInteger produced = new AtomicInteger();
    InMemoryIdentityProvider fake =
        InMemoryIdentityProvider.builder()
            .generatedGroup(
                HUGE,
                100_000,
                i -> {
                  produced.incrementAndGet();
                  return generated(i);
                })
            .build();
    assertThat(produced).as("nothing produced up front").hasValue(0);

    AtomicLong count = new AtomicLong();
    AtomicReference<String> first = new AtomicReference<>("");
    AtomicReference<String> last = new AtomicReference<>("");
    try (Stream<Employee> members = fake.members(HUGE)) {
      members
          .map(e -> e.id().value())
          .forEach(
              id -> {
                if (count.getAndIncrement() == 0) {
                  first.set(id);
                }
                last.set(id);
              });
    }

    assertThat(count).hasValue(100_000);
    assertThat(first).hasValue("00u000000");
    assertThat(last).hasValue("00u099999");
    assertThat(produced).as("each member produced once, on demand").hasValue(100_000);
    assertThat(fake.pageRequests()).isEqualTo(500);
    assertThat(fake.employee(UserId.of("00u000000"))).as("members are not stored").isEmpty();
    assertThat(fake.findById(UserId.of("00u000000"))).isEmpty();
  }

  @Test
  void aGeneratedGroupProducesOnlyThePagesThatAreRead() {
    AtomicInteger produced = new AtomicInteger();
    InMemoryIdentityProvider fake =
        InMemoryIdentityProvider.builder()
            .pageSize(50)
            .generatedGroup(
                HUGE,
                1_000_000,
                i -> {
                  produced.incrementAndGet();
                  return generated(i);
                })
            .build();
    assertThat(fake.members(HUGE).findFirst()).map(e -> e.id().value()).contains("00u000000");
    assertThat(fake.pageRequests()).isEqualTo(1);
    assertThat(produced).hasValue(50);
  }

  @Test
  void aGeneratedGroupPagesWithOpaqueCursorsForItsOwnGroupOnly() {
    InMemoryIdentityProvider fake =
        InMemoryIdentityProvider.builder()
            .pageSize(3)
            .group(EMPLOYEES)
            .generatedGroup(HUGE, 7, InMemoryIdentityProviderPagingTest::generated)
            .build();
    Page<Employee> first = fake.membersPage(HUGE);
    Page.Cursor cursor = first.next().orElseThrow();
    assertThat(cursor.value()).doesNotContain(HUGE.value());
    assertThat(ids(fake.membersPage(HUGE, cursor)))
        .containsExactly("00u000003", "00u000004", "00u000005");
    assertThatThrownBy(() -> fake.membersPage(EMPLOYEES, cursor))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(fake.memberPages(HUGE).map(p -> p.items().size())).containsExactly(3, 3, 1);
  }

  @Test
  void anEmptyGeneratedGroupIsOneEmptyLastPage() {
    InMemoryIdentityProvider fake =
        InMemoryIdentityProvider.builder()
            .generatedGroup(HUGE, 0, InMemoryIdentityProviderPagingTest::generated)
            .build();
    Page<Employee> page = fake.membersPage(HUGE);
    assertThat(page.items()).isEmpty();
    assertThat(page.next()).isEmpty();
  }

  @Test
  void aGeneratedGroupsMembersCannotBeChanged() {
    InMemoryIdentityProvider fake =
        InMemoryIdentityProvider.builder()
            .generatedGroup(HUGE, 5, InMemoryIdentityProviderPagingTest::generated)
            .build();
    assertThatThrownBy(() -> fake.put(person("u01"), HUGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("group 00gHuge is generated; its members cannot be changed");
    assertThatThrownBy(() -> fake.removeMember(HUGE, UserId.of("00u000001")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
