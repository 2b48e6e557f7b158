package org.workforceiam.entra;

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
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.workforceiam.core.Employee;
import org.workforceiam.core.IamException;
import org.workforceiam.core.UserId;
import org.workforceiam.http.Json;
import org.workforceiam.http.JsonBodies;

/**
 * A page of members is decoded exactly as the directory decodes it ({@link JsonBodies#decodeWhole}
 * with {@link GraphJson#page}, the whole document): a valid page is read back whole; truncation,
 * trailing data or structural damage is {@link IamException.ProtocolViolation}; no input raises
 * another exception. Error bodies of any shape map to an exception, never throw one.
 */
class GraphJsonPropertiesTest {
  private static final HttpUrl URL =
      HttpUrl.get(
          "https://graph.microsoft.com/v1.0/groups/"
              + ScriptedEntra.GROUP
              + "/transitiveMembers/microsoft.graph.user?$top=50");

  static Response response(int code, byte[] body) {
    return new Response.Builder()
        .request(new Request.Builder().url(URL).build())
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message("status " + code)
        .header("request-id", "req-1")
        .body(ResponseBody.create(body, MediaType.get("application/json")))
        .build();
  }

  static GraphJson.Page<Employee> decode(byte[] body) {
    try (Response response = response(200, body)) {
      return JsonBodies.decodeWhole(
          EntraRules.GRAPH,
          URL,
          response,
          reader -> GraphJson.page(reader, 50, GraphJson::memberUser),
          true);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] json(List<Map<String, Object>> users, boolean next) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users");
    if (next) {
      page.put("@odata.nextLink", URL + "&$skiptoken=abc");
    }
    page.put("value", users);
    return Json.OBJECT.toJson(page).getBytes(StandardCharsets.UTF_8);
  }

  @Property(seed = "20261130", tries = 100)
  void aValidPageIsReadBackWhole(
      @ForAll("pages") List<Map<String, Object>> users, @ForAll boolean next) {
    GraphJson.Page<Employee> page = decode(json(users, next));

    assertThat(page.items())
        .extracting(e -> e.id().value())
        .containsExactlyElementsOf(users.stream().map(u -> (String) u.get("id")).toList());
    assertThat(page.items())
        .extracting(Employee::login)
        .containsExactlyElementsOf(
            users.stream().map(u -> (String) u.get("userPrincipalName")).toList());
    assertThat(page.nextLink() != null).isEqualTo(next);
  }

  @Property(seed = "20261137", tries = 200)
  void eachMemberIsTheEmployeeItsParsedJsonDescribesOrSkippedWhenNotAUser(
      @ForAll("typedMembers") List<Map<String, Object>> members) {
    GraphJson.Page<Employee> page = decode(json(members, false));

    List<Employee> expected = new ArrayList<>();
    for (Map<String, Object> member : members) {
      Object type = member.get("@odata.type");
      if (type == null || type.equals(GraphJson.USER_TYPE)) {
        Employee.Builder employee =
            Employee.builder(
                    UserId.of((String) member.get("id")), (String) member.get("userPrincipalName"))
                .firstName((String) member.get("givenName"));
        for (String attribute : List.of("department", "jobTitle")) {
          if (member.get(attribute) != null) {
            employee.attribute(attribute, (String) member.get(attribute));
          }
        }
        expected.add(GraphJson.status(employee, true).build());
      }
    }
    assertThat(page.items()).containsExactlyElementsOf(expected);
    assertThat(page.skipped()).isEqualTo(members.size() - expected.size());
  }

  @Property(seed = "20261131", tries = 200)
  void aPageCutShortAnywhereIsAProtocolViolation(
      @ForAll("pages") List<Map<String, Object>> users, @ForAll("fractions") double where) {
    byte[] whole = json(users, true);
    byte[] cut = java.util.Arrays.copyOf(whole, (int) Math.floor(where * whole.length));

    assertThatThrownBy(() -> decode(cut)).isInstanceOf(IamException.ProtocolViolation.class);
  }

  @Property(seed = "20261132", tries = 300)
  void aDamagedPageIsAProtocolViolationOrAPageOfTheSameSize(
      @ForAll("pages") List<Map<String, Object>> users,
      @ForAll("fractions") double where,
      @ForAll("structural") char c,
      @ForAll boolean insert) {
    String whole = new String(json(users, false), StandardCharsets.UTF_8);
    int at = (int) Math.floor(where * whole.length());
    String damaged =
        insert
            ? whole.substring(0, at) + c + whole.substring(at)
            : whole.substring(0, at) + c + whole.substring(Math.min(whole.length(), at + 1));
    GraphJson.Page<Employee> page;
    try {
      page = decode(damaged.getBytes(StandardCharsets.UTF_8));
    } catch (IamException.ProtocolViolation e) {
      return;
    }
    assertThat(page.items()).hasSameSizeAs(users);
  }

  @Property(seed = "20261133", tries = 400)
  void anyBodyIsAPageOrAProtocolViolation(@ForAll("jsonLike") String body) {
    try {
      decode(body.getBytes(StandardCharsets.UTF_8));
    } catch (IamException.ProtocolViolation e) {
      assertThat(e.getMessage()).doesNotContain(body.length() > 20 ? body : "\u0000never");
    }
  }

  @Property(seed = "20261134", tries = 300)
  void anyErrorBodyMapsToAnExceptionOfItsStatus(
      @ForAll("jsonLike") String body, @ForAll("statuses") int status) {
    try (Response response = response(status, body.getBytes(StandardCharsets.UTF_8))) {
      IamException e = GraphErrors.fromResponse(response, "listing");
      assertThat(e.httpStatus()).hasValue(status);
      assertThat(e.getMessage()).doesNotContain("\u0000").doesNotContain("\n");
    }
  }

  @Provide
  Arbitrary<List<Map<String, Object>>> pages() {
    Arbitrary<String> names =
        Arbitraries.strings().alpha().numeric().withChars("'\" é#").ofMaxLength(12);
    Arbitrary<Map<String, Object>> user =
        Combinators.combine(
                Arbitraries.integers().between(0, 99_999_999),
                names,
                names.injectNull(0.3),
                Arbitraries.of(true, false))
            .as(
                (n, name, mail, enabled) -> {
                  Map<String, Object> u = new LinkedHashMap<>();
                  u.put("id", String.format("%08d-0000-4000-8000-000000000000", n));
                  u.put("userPrincipalName", "u" + n + "@contoso.com");
                  u.put("givenName", name);
                  u.put("mail", mail);
                  u.put("accountEnabled", enabled);
                  return u;
                });
    return user.list().ofMaxSize(20);
  }

  /**
   * Members of any type, the user's type spelt out or left out, with none, one or two attributes.
   */
  @Provide
  Arbitrary<List<Map<String, Object>>> typedMembers() {
    Arbitrary<String> text = Arbitraries.strings().alpha().withChars(" é#").ofMaxLength(8);
    Arbitrary<Map<String, Object>> member =
        Combinators.combine(
                Arbitraries.integers().between(0, 99_999_999),
                Arbitraries.of(
                        GraphJson.USER_TYPE,
                        "#microsoft.graph.device",
                        "#microsoft.graph.userX",
                        "#microsoft.graph.use")
                    .injectNull(0.3),
                text,
                text.injectNull(0.5),
                text.injectNull(0.5))
            .as(
                (n, type, name, department, jobTitle) -> {
                  Map<String, Object> u = new LinkedHashMap<>();
                  if (type != null) {
                    u.put("@odata.type", type);
                  }
                  u.put("id", String.format("%08d-0000-4000-8000-000000000000", n));
                  u.put("userPrincipalName", "u" + n + "@contoso.com");
                  u.put("givenName", name);
                  u.put("department", department);
                  u.put("jobTitle", jobTitle);
                  u.put("accountEnabled", true);
                  return u;
                });
    return member.list().ofMaxSize(10);
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 0.99);
  }

  @Provide
  Arbitrary<Character> structural() {
    return Arbitraries.of('{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1', ' ', '\u0000');
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.of(400, 401, 403, 404, 409, 418, 429, 500, 503);
  }

  @Provide
  Arbitrary<String> jsonLike() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("{}[]\":,0123456789abcdefnulltrue \\u").ofMaxLength(60),
        Arbitraries.of(
            "{\"value\":null}",
            "{\"value\":[null]}",
            "{\"value\":[{\"id\":1}]}",
            "{\"value\":[{\"id\":\"x\",\"userPrincipalName\":\"a\",\"accountEnabled\":\"yes\"}]}",
            "{\"error\":{\"code\":[],\"message\":{}}}",
            "{\"error\":\"x\"}",
            "[]",
            ""));
  }
}
