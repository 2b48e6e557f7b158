package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import okhttp3.HttpUrl;
import okhttp3.Response;
import org.workforceiam.core.Employee;
import org.workforceiam.core.IamException;
import org.workforceiam.http.Json;
import org.workforceiam.http.JsonBodies;

/**
 * A page of users is decoded exactly as the directory decodes it ({@link JsonBodies#decodeWhole}
 * with {@link OktaJson#users}, the whole document): a valid page is read back whole; any
 * truncation, trailing data or structural damage is {@link IamException.ProtocolViolation}; and no
 * input raises any other exception or yields a shorter page.
 */
class OktaJsonPropertiesTest {
  private static final HttpUrl URL =
      HttpUrl.get("https://example.okta.com/api/v1/groups/00g1/users?limit=200");

  @Property(seed = "20261240", tries = 100)
  void aValidPageIsReadBackWhole(@ForAll("pages") List<Map<String, Object>> page) {
    List<Employee> read = decode(json(page));

    assertThat(read).extracting(e -> e.id().value()).containsExactlyElementsOf(ids(page));
    assertThat(read).extracting(Employee::login).containsExactlyElementsOf(logins(page));
  }

  @Property(seed = "20261246", tries = 200)
  void eachUserIsTheEmployeeItsParsedJsonDescribes(
      @ForAll("mixedPages") List<Map<String, Object>> page) {
    byte[] body = Json.MOSHI.adapter(Object.class).serializeNulls().toJson(page).getBytes(UTF8);

    assertThat(decode(body))
        .containsExactlyElementsOf(page.stream().map(OktaJsonPropertiesTest::expected).toList());
  }

  @Property(seed = "20261241", tries = 200)
  void aPageCutShortAnywhereIsAProtocolViolation(
      @ForAll("pages") List<Map<String, Object>> page, @ForAll("fractions") double where) {
    byte[] whole = json(page);
    int length = (int) Math.floor(where * whole.length); // 0 .. whole.length - 1
    byte[] cut = new byte[length];
    System.arraycopy(whole, 0, cut, 0, length);

    assertThatThrownBy(() -> decode(cut)).isInstanceOf(IamException.ProtocolViolation.class);
  }

  @Property(seed = "20261242", tries = 200)
  void anythingAfterThePageIsAProtocolViolation(
      @ForAll("pages") List<Map<String, Object>> page, @ForAll("trailers") String trailer) {
    byte[] body = (new String(json(page), StandardCharsets.UTF_8) + trailer).getBytes(UTF8);

    assertThatThrownBy(() -> decode(body)).isInstanceOf(IamException.ProtocolViolation.class);
  }

  @Property(seed = "20261243", tries = 300)
  void aDamagedPageIsAProtocolViolationOrAPageOfTheSameSize(
      @ForAll("pages") List<Map<String, Object>> page,
      @ForAll("fractions") double where,
      @ForAll("damage") int kind,
      @ForAll("structuralBytes") byte b) {
    byte[] whole = json(page);
    byte[] damaged = damage(whole, (int) Math.floor(where * whole.length), kind, b);

    List<Employee> read;
    try {
      read = decode(damaged);
    } catch (IamException.ProtocolViolation e) {
      return;
    }
    assertThat(read).hasSameSizeAs(page);
  }

  @Property(seed = "20261244", tries = 400)
  void anyBodyIsAPageOrAProtocolViolation(@ForAll("jsonLikeText") String body) {
    try {
      decode(body.getBytes(UTF8));
    } catch (IamException.ProtocolViolation e) {
      assertThat(e.getMessage()).doesNotContain(body.length() > 20 ? body : "\u0000never");
    }
  }

  @Property(seed = "20261245", tries = 200)
  void anyErrorAnswerIsMappedToAnIamException(
      @ForAll("errorStatuses") int status, @ForAll("jsonLikeText") String body) {
    try (Response response = Responses.of(URL, "GET", status, body)) {
      assertThat(OktaErrors.fromResponse(response, "listing the members of group 00g1"))
          .isInstanceOf(IamException.class);
    }
  }

  @Provide
  Arbitrary<Integer> errorStatuses() {
    return Arbitraries.integers().between(300, 599);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  static List<Employee> decode(byte[] body) {
    try (Response response = Responses.of(URL, "GET", 200, body)) {
      return JsonBodies.decodeWhole(OktaRules.INSTANCE, URL, response, OktaJson::users, true);
    } catch (java.io.IOException e) {
      throw new AssertionError("an in-memory body cannot fail to be read", e);
    }
  }

  static byte[] json(Object value) {
    return Json.MOSHI.adapter(Object.class).toJson(value).getBytes(UTF8);
  }

  static byte[] damage(byte[] whole, int at, int kind, byte b) {
    return switch (kind) {
      case 0 -> { // a byte changed
        byte[] copy = whole.clone();
        copy[at] = copy[at] == b ? (byte) (b ^ 1) : b;
        yield copy;
      }
      case 1 -> { // a byte added
        byte[] copy = new byte[whole.length + 1];
        System.arraycopy(whole, 0, copy, 0, at);
        copy[at] = b;
        System.arraycopy(whole, at, copy, at + 1, whole.length - at);
        yield copy;
      }
      default -> { // a byte removed
        byte[] copy = new byte[whole.length - 1];
        System.arraycopy(whole, 0, copy, 0, at);
        System.arraycopy(whole, at + 1, copy, at, whole.length - at - 1);
        yield copy;
      }
    };
  }

  private static List<String> ids(List<Map<String, Object>> page) {
    return page.stream().map(u -> (String) u.get("id")).toList();
  }

  private static List<String> logins(List<Map<String, Object>> page) {
    return page.stream().map(u -> (String) ((Map<?, ?>) u.get("profile")).get("login")).toList();
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1).filter(d -> d < 1);
  }

  @Provide
  Arbitrary<Integer> damage() {
    return Arbitraries.integers().between(0, 2);
  }

  @Provide
  Arbitrary<Byte> structuralBytes() {
    return Arbitraries.oneOf(
        Arbitraries.of("[]{},:\"\\ 0aen-".chars().mapToObj(c -> (byte) c).toList()),
        Arbitraries.bytes());
  }

  @Provide
  Arbitrary<String> trailers() {
    return Arbitraries.oneOf(
        Arbitraries.of("]", "}", ",", "x", "[]", "{}", "null", "0", "\"\"", ",{\"id\":\"00u9\"}]"),
        Arbitraries.strings()
            .ofMinLength(1)
            .ofMaxLength(10)
            .filter(s -> !s.isBlank())
            .map(s -> " " + s));
  }

  @Provide
  Arbitrary<List<Map<String, Object>>> pages() {
    return user()
        .list()
        .ofMaxSize(5)
        .map(
            users -> {
              List<Map<String, Object>> page = new ArrayList<>();
              for (int i = 0; i < users.size(); i++) {
                Map<String, Object> user = new LinkedHashMap<>(users.get(i));
                user.put("id", user.get("id") + Integer.toString(i)); // distinct ids
                page.add(user);
              }
              return page;
            });
  }

  private Arbitrary<Map<String, Object>> user() {
    Arbitrary<String> id =
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(17).map(s -> "00u" + s);
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(20),
            Arbitraries.of("O'Brien", "\"quoted\"", "back\\slash", "line\nfeed", "é ü 😀", "=1+1"));
    Arbitrary<String> login =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(10)
                .map(s -> s + "@example.com"),
            Arbitraries.of("a#EXT#@example.com", "x/y?z@example.com", "ünï@example.com"));
    Arbitrary<Map<String, Object>> extra =
        Arbitraries.maps(
                Arbitraries.of("department", "costCenter", "manager", "nested"),
                Arbitraries.oneOf(
                    text.map(t -> (Object) t),
                    Arbitraries.of((Object) true, 42.0, List.of("a", 1.0))))
            .ofMaxSize(3)
            .map(m -> (Map<String, Object>) new LinkedHashMap<>(m));
    return Combinators.combine(
            id, login, text, text, extra, Arbitraries.of("ACTIVE", "LOCKED_OUT", "NEWSTATUS"))
        .as(
            (userId, userLogin, first, last, others, status) -> {
              Map<String, Object> profile = new LinkedHashMap<>(others);
              profile.put("login", userLogin);
              profile.put("firstName", first);
              profile.put("lastName", last);
              profile.put("email", userLogin);
              Map<String, Object> user = new LinkedHashMap<>();
              user.put("id", userId);
              user.put("status", status);
              user.put("lastUpdated", "2026-01-15T10:00:00.000Z");
              user.put("_links", Map.of("self", Map.of("href", "https://example.okta.com/x")));
              user.put("profile", profile);
              return user;
            });
  }

  /**
   * Users whose fields come in any order, with none, one or several other profile attributes, of
   * Okta's base profile or custom, text, booleans or null: a page's users are read through one
   * profile, and a base attribute's name is a shared string.
   */
  @Provide
  Arbitrary<List<Map<String, Object>>> mixedPages() {
    Arbitrary<Object> value =
        Arbitraries.<Object>oneOf(
                Arbitraries.strings().ofMaxLength(8).map(t -> (Object) t),
                Arbitraries.of(true, false))
            .injectNull(0.2);
    Arbitrary<Map<String, Object>> profile =
        Arbitraries.maps(
                Arbitraries.of(
                    "firstName",
                    "lastName",
                    "email",
                    "department",
                    "title",
                    "userType",
                    "city",
                    "custom",
                    "Department",
                    "depärtment"),
                value)
            .ofMaxSize(5)
            .map(LinkedHashMap::new);
    Arbitrary<Map<String, Object>> user =
        Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                profile,
                Arbitraries.of("ACTIVE", "SUSPENDED", "NEWSTATUS", "active").injectNull(0.2),
                Arbitraries.of("2026-01-15T10:00:00.000Z", "2026-02-28T23:59:59Z").injectNull(0.2),
                Arbitraries.integers().between(0, 3))
            .as(
                (login, others, status, updated, order) -> {
                  Map<String, Object> fields = new LinkedHashMap<>(others);
                  fields.put("login", login + "@example.com");
                  Map<String, Object> u = new LinkedHashMap<>();
                  List<String> keys = new ArrayList<>(List.of("id", "status", "lastUpdated"));
                  keys.add(order, "profile");
                  for (String key : keys) {
                    switch (key) {
                      case "id" -> u.put("id", "00u" + login);
                      case "status" -> putUnlessNull(u, "status", status);
                      case "lastUpdated" -> putUnlessNull(u, "lastUpdated", updated);
                      default -> u.put("profile", fields);
                    }
                  }
                  return u;
                });
    return user.list().ofMaxSize(6);
  }

  private static void putUnlessNull(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** The employee a user describes, built from the generic parse of its JSON. */
  private static Employee expected(Map<String, Object> user) {
    Map<?, ?> profile = (Map<?, ?>) user.get("profile");
    Employee.Builder employee =
        Employee.builder(
                org.workforceiam.core.UserId.of((String) user.get("id")),
                (String) profile.get("login"))
            .firstName(text(profile.get("firstName")))
            .lastName(text(profile.get("lastName")))
            .email(text(profile.get("email")));
    profile.forEach(
        (name, v) -> {
          if (v != null && !List.of("login", "firstName", "lastName", "email").contains(name)) {
            employee.attribute((String) name, text(v));
          }
        });
    Object updated = user.get("lastUpdated");
    if (updated != null) {
      employee.lastUpdated(java.time.Instant.parse((String) updated));
    }
    Object status = user.get("status");
    if (status == null) {
      employee.status(org.workforceiam.core.EmployeeStatus.UNKNOWN, "UNKNOWN");
    } else {
      employee.status(
          OktaJson.status((String) status),
          OktaJson.status((String) status) == org.workforceiam.core.EmployeeStatus.UNKNOWN
              ? (String) status
              : OktaJson.status((String) status).name());
    }
    return employee.build();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  @Provide
  Arbitrary<String> jsonLikeText() {
    Arbitrary<String> fragments =
        Arbitraries.of(
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            "\"id\"",
            "\"00u1\"",
            "\"profile\"",
            "\"login\"",
            "\"a@b\"",
            "null",
            "true",
            "1e999",
            "-0",
            "\"\\u0000\"",
            "\"\\ud800\"",
            " ",
            "\"lastUpdated\"",
            "\"2026-02-30T00:00:00Z\"",
            "\"+1000000000-01-01T00:00:00Z\"");
    return Arbitraries.oneOf(
        fragments.list().ofMaxSize(25).map(list -> String.join("", list)),
        Arbitraries.strings().ofMaxLength(40));
  }
}
