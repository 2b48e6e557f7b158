package org.workforceiam.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The default methods of {@link IamDirectory} that every provider inherits: lazy paging over {@link
 * IamDirectory#membersPage}, and {@link IamDirectory#find(String)}. Uses a hand-written directory
 * whose pages are scripted, as a provider with a paging bug would send them.
 */
class IamDirectoryDefaultsTest {
  private static final GroupId GROUP = GroupId.of("00gScripted");

  private static Employee person(String id) {
    return Employee.builder(UserId.of(id), id + "@example.com").email(id + "@example.com").build();
  }

  private static Page<Employee> page(Optional<String> next, String... ids) {
    return Page.of(
        Stream.of(ids).map(IamDirectoryDefaultsTest::person).toList(), next.map(Page.Cursor::new));
  }

  @Test
  void followsCursorsToTheLastPage() {
    ScriptedDirectory directory =
        new ScriptedDirectory()
            .first(page(Optional.of("c2"), "u1", "u2"))
            .after("c2", page(Optional.of("c3"), "u3", "u4"))
            .after("c3", page(Optional.empty(), "u5"));

    assertThat(directory.members(GROUP).map(e -> e.id().value()))
        .containsExactly("u1", "u2", "u3", "u4", "u5");
    assertThat(directory.requested).containsExactly("first", "c2", "c3");
  }

  @Test
  void memberPagesEndWithThePageThatHasNoCursor() {
    ScriptedDirectory directory =
        new ScriptedDirectory()
            .first(page(Optional.of("c2"), "u1"))
            .after("c2", page(Optional.empty(), "u2"));
    List<Page<Employee>> pages = directory.memberPages(GROUP).toList();
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).hasNext()).isTrue();
    assertThat(pages.get(1).hasNext()).isFalse();
  }

  @Test
  void emptyPageWithANextCursorKeepsGoing() {
    ScriptedDirectory directory =
        new ScriptedDirectory()
            .first(page(Optional.of("c2")))
            .after("c2", page(Optional.of("c3")))
            .after("c3", page(Optional.empty(), "u1"));

    assertThat(directory.members(GROUP).map(e -> e.id().value())).containsExactly("u1");
    assertThat(directory.requested).containsExactly("first", "c2", "c3");
  }

  @Test
  void anEmptyGroupIsOneEmptyPage() {
    ScriptedDirectory directory = new ScriptedDirectory().first(page(Optional.empty()));
    assertThat(directory.members(GROUP)).isEmpty();
    assertThat(directory.requested).containsExactly("first");
  }

  @Test
  void aCursorThatComesRoundAgainIsAProtocolViolation() {
    ScriptedDirectory directory =
        new ScriptedDirectory()
            .first(page(Optional.of("c2"), "u1"))
            .after("c2", page(Optional.of("c3"), "u2"))
            .after("c3", page(Optional.of("c2"), "u3"));

    List<String> seen = new ArrayList<>();
    try (Stream<Employee> members = directory.members(GROUP)) {
      assertThatThrownBy(() -> members.forEach(e -> seen.add(e.id().value())))
          .isInstanceOfSatisfying(
              IamException.ProtocolViolation.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessageContaining("page cursor it had already returned");
    }
    assertThat(seen).as("the looping page is not presented").containsExactly("u1", "u2");
    assertThat(directory.requested).containsExactly("first", "c2", "c3");
  }

  @Test
  void aPageThatPointsAtItselfIsAProtocolViolation() {
    ScriptedDirectory directory =
        new ScriptedDirectory()
            .first(page(Optional.of("c2"), "u1"))
            .after("c2", page(Optional.of("c2"), "u2"));
    assertThatThrownBy(() -> directory.members(GROUP).count())
        .isInstanceOf(IamException.ProtocolViolation.class);
    assertThat(directory.requested).containsExactly("first", "c2");
  }

  @Test
  void pagesAreFetchedOnlyWhenTheStreamReachesThem() {
    ScriptedDirectory directory =
        new ScriptedDirectory()
            .first(page(Optional.of("c2"), "u1", "u2"))
            .after("c2", page(Optional.of("c3"), "u3", "u4"))
            .after("c3", page(Optional.empty(), "u5"));

    Stream<Employee> members = directory.members(GROUP);
    assertThat(directory.requested).as("before a terminal operation").isEmpty();
    assertThat(members.findFirst()).map(e -> e.id().value()).contains("u1");
    assertThat(directory.requested).containsExactly("first");

    directory.requested.clear();
    assertThat(directory.members(GROUP).limit(3).map(e -> e.id().value()))
        .containsExactly("u1", "u2", "u3");
    assertThat(directory.requested).containsExactly("first", "c2");
  }

  @Test
  void everyStreamStartsAfreshFromTheFirstPage() {
    ScriptedDirectory directory =
        new ScriptedDirectory()
            .first(page(Optional.of("c2"), "u1"))
            .after("c2", page(Optional.empty(), "u2"));
    assertThat(directory.members(GROUP).count()).isEqualTo(2);
    assertThat(directory.members(GROUP).count()).isEqualTo(2);
    assertThat(directory.requested).containsExactly("first", "c2", "first", "c2");
  }

  @Test
  void aFailingPageFailsTheTerminalOperation() {
    ScriptedDirectory directory = new ScriptedDirectory().first(page(Optional.of("gone"), "u1"));
    assertThatThrownBy(() -> directory.members(GROUP).toList())
        .isInstanceOf(IamException.NotFound.class)
        .hasMessageContaining("gone");
  }

  @Test
  void findTriesIdThenLoginThenEmail() {
    ScriptedDirectory directory = new ScriptedDirectory();
    directory.byId.put("u1", person("u1"));
    directory.byLogin.put("ada", person("u2"));
    directory.byEmail.put("grace@example.com", person("u3"));

    assertThat(directory.find("u1")).map(e -> e.id().value()).contains("u1");
    assertThat(directory.find("ada")).map(e -> e.id().value()).contains("u2");
    assertThat(directory.find(" grace@example.com\n")).map(e -> e.id().value()).contains("u3");
    assertThat(directory.lookups)
        .containsExactly(
            "id:u1",
            "id:ada",
            "login:ada",
            "id:grace@example.com",
            "login:grace@example.com",
            "email:grace@example.com");
  }

  @Test
  void findAsksForAnEmailOnlyWhenItLooksLikeOne() {
    ScriptedDirectory directory = new ScriptedDirectory();
    assertThat(directory.find("nobody")).isEmpty();
    assertThat(directory.find("@nobody")).isEmpty();
    assertThat(directory.lookups)
        .containsExactly("id:nobody", "login:nobody", "id:@nobody", "login:@nobody");
  }

  @Test
  void findRefusesBlankInput() {
    ScriptedDirectory directory = new ScriptedDirectory();
    assertThatThrownBy(() -> directory.find(" \t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the user to find must not be blank");
    assertThat(directory.lookups).isEmpty();
  }

  @Test
  @SuppressWarnings("NullAway") // passing null is the point
  void refusesNullArguments() {
    ScriptedDirectory directory = new ScriptedDirectory();
    assertThatThrownBy(() -> directory.find(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("idLoginOrEmail == null");
    assertThatThrownBy(() -> directory.members(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("group == null");
  }

  /** A directory that serves scripted pages and lookups and records what it was asked. */
  private static final class ScriptedDirectory implements IamDirectory {
    private final Map<String, Page<Employee>> pages = new HashMap<>();
    final Map<String, Employee> byId = new HashMap<>();
    final Map<String, Employee> byLogin = new HashMap<>();
    final Map<String, Employee> byEmail = new HashMap<>();
    final List<String> requested = new ArrayList<>();
    final List<String> lookups = new ArrayList<>();

    ScriptedDirectory first(Page<Employee> page) {
      pages.put("first", page);
      return this;
    }

    ScriptedDirectory after(String cursor, Page<Employee> page) {
      pages.put(cursor, page);
      return this;
    }

    @Override
    public Page<Employee> membersPage(GroupId group) {
      return serve("first");
    }

    @Override
    public Page<Employee> membersPage(GroupId group, Page.Cursor cursor) {
      return serve(cursor.value());
    }

    private Page<Employee> serve(String key) {
      requested.add(key);
      Page<Employee> page = pages.get(key);
      if (page == null) {
        throw new IamException.NotFound("no page " + key, ErrorDetails.ofStatus(404));
      }
      return page;
    }

    @Override
    public Optional<Employee> findById(UserId id) {
      lookups.add("id:" + id);
      return Optional.ofNullable(byId.get(id.value()));
    }

    @Override
    public Optional<Employee> findByLogin(String login) {
      lookups.add("login:" + login);
      return Optional.ofNullable(byLogin.get(login));
    }

    @Override
    public Optional<Employee> findByEmail(String email) {
      lookups.add("email:" + email);
      return Optional.ofNullable(byEmail.get(email));
    }

    @Override
    public List<Factor> factors(UserId user) {
      return List.of();
    }

    @Override
    public boolean isMember(UserId user, GroupId group) {
      return false;
    }
  }
}
