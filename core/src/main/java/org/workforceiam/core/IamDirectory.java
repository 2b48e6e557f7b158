package org.workforceiam.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads employees from an identity provider: the members of a group, single users, their MFA
 * factors and their group membership.
 *
 * <p>Listing is lazy. {@link #members(GroupId)} fetches a page only when the caller has used up the
 * previous one, so a group of any size is never held in memory, and a stream abandoned early
 * (through {@code findFirst()} or {@code limit(n)}) fetches no further pages. For control over
 * pages, use {@link #memberPages(GroupId)} or {@link #membersPage(GroupId)} and {@link
 * #membersPage(GroupId, Page.Cursor)}.
 *
 * <pre>{@code
 * try (Stream<Employee> members = directory.members(GroupId.of("00g1emaKYZTWRYYRRTSK"))) {
 *   members.filter(e -> !e.hasCompleteProfile())
 *       .forEach(e -> log.warn("{} lacks {}", e.login(), e.missingProfileFields()));
 * }
 * }</pre>
 *
 * <p><b>Implementing it.</b> Applications may implement this interface to plug in another provider
 * or a test double; {@code InMemoryIdentityProvider} (in {@code workforce-iam-testing}) is one,
 * ready made. Implementations must be thread-safe and throw only {@link IamException}s for failures
 * of the provider. Methods added in later versions will be {@code default} methods, so an
 * implementation keeps compiling.
 */
public interface IamDirectory {

  /**
   * Fetches the first page of a group's members.
   *
   * @param group the group
   * @return the page, with the cursor of the next one
   * @throws IamException.NotFound when the group does not exist or the client may not see it
   * @throws IamException for other failures of the provider
   */
  Page<Employee> membersPage(GroupId group);

  /**
   * Fetches a following page of a group's members.
   *
   * @param group the group
   * @param cursor the cursor from the previous page
   * @return the page, with the cursor of the next one
   * @throws IamException for failures of the provider
   */
  Page<Employee> membersPage(GroupId group, Page.Cursor cursor);

  /**
   * Lists a group's members page by page, lazily: each page is fetched when the stream reaches it.
   * Every call starts afresh from the first page.
   *
   * @param group the group
   * @return the pages in order; the last one has no next cursor
   * @throws IamException when fetching a page fails, thrown from the stream's terminal operation
   */
  default Stream<Page<Employee>> memberPages(GroupId group) {
    Objects.requireNonNull(group, "group == null");
    return StreamSupport.stream(
        new PageSpliterator<Employee>(
            cursor -> cursor.isPresent() ? membersPage(group, cursor.get()) : membersPage(group)),
        false);
  }

  /**
   * Lists every member of a group, lazily, in the provider's order.
   *
   * @param group the group
   * @return the members
   * @throws IamException when fetching a page fails, thrown from the stream's terminal operation
   */
  default Stream<Employee> members(GroupId group) {
    return memberPages(group).flatMap(page -> page.items().stream());
  }

  /**
   * Finds a user by the provider's id.
   *
   * @param id the user's id
   * @return the user, or empty when there is none
   * @throws IamException for failures of the provider
   */
  Optional<Employee> findById(UserId id);

  /**
   * Finds a user by login (sign-in name).
   *
   * @param login the login, for example {@code ada@example.com}
   * @return the user, or empty when there is none
   * @throws IamException for failures of the provider
   */
  Optional<Employee> findByLogin(String login);

  /**
   * Finds a user by primary email address.
   *
   * @param email the address
   * @return the user, or empty when there is none
   * @throws IamException.AmbiguousUser when several users have this address
   * @throws IamException for other failures of the provider
   */
  Optional<Employee> findByEmail(String email);

  /**
   * Finds a user by whatever a person typed: an id, a login or a primary email address, tried in
   * that order.
   *
   * @param idLoginOrEmail the id, login or email
   * @return the user, or empty when none matches
   * @throws IamException.AmbiguousUser when it is an email address that several users share
   * @throws IamException for other failures of the provider
   */
  default Optional<Employee> find(String idLoginOrEmail) {
    Objects.requireNonNull(idLoginOrEmail, "idLoginOrEmail == null");
    String value = idLoginOrEmail.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the user to find must not be blank");
    }
    Optional<Employee> found = findByIdOrLogin(value);
    if (found.isEmpty() && value.indexOf('@') > 0) {
      found = findByEmail(value);
    }
    return found;
  }

  /**
   * Finds a user by a value that may be an id or a login: the first step of {@link #find(String)}.
   * The default tries {@link #findById(UserId)}, then {@link #findByLogin(String)}; a provider
   * whose lookup takes either in one request overrides it (Okta's does), so {@code find} itself is
   * written once.
   *
   * @param idOrLogin the id or login, without surrounding white space
   * @return the user, or empty when none matches
   * @throws IamException for failures of the provider
   */
  default Optional<Employee> findByIdOrLogin(String idOrLogin) {
    Optional<Employee> found = findById(UserId.of(idOrLogin));
    return found.isPresent() ? found : findByLogin(idOrLogin);
  }

  /**
   * Lists a user's enrolled MFA factors, as far as the provider lets the client see them.
   *
   * @param user the user
   * @return the factors; empty when none are visible
   * @throws IamException.NotFound when the user does not exist
   * @throws IamException for other failures of the provider
   */
  List<Factor> factors(UserId user);

  /**
   * Tells whether a user is a member of a group.
   *
   * @param user the user
   * @param group the group
   * @return {@code true} when the user is a member
   * @throws IamException.NotFound when the user does not exist
   * @throws IamException for other failures of the provider
   */
  boolean isMember(UserId user, GroupId group);
}
