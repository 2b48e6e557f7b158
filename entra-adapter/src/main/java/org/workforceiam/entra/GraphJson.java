package org.workforceiam.entra;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.UserId;

/**
 * Decodes Microsoft Graph's JSON straight from the response stream into domain values. Fields not
 * needed are skipped without being built; unknown fields are ignored; a value of the wrong kind is
 * a {@link JsonDataException}, which the caller reports as a protocol violation.
 *
 * <p>A user becomes an {@link Employee}: {@code id}, login = {@code userPrincipalName}, first name
 * = {@code givenName}, last name = {@code surname}, email = {@code mail} (a user without a mailbox
 * has none, and is kept, with an incomplete profile), status from {@code accountEnabled} ({@link
 * #status}); {@code department} and {@code jobTitle}, when set, are the attributes {@code
 * department} and {@code jobTitle}.
 */
final class GraphJson {
  /** The provider's word for a user whose {@code accountEnabled} is false. */
  static final String DISABLED = "DISABLED";

  /** The provider's word for a user whose {@code accountEnabled} Graph did not send. */
  static final String UNKNOWN = "UNKNOWN";

  static final String USER_TYPE = "#microsoft.graph.user";
  static final String PASSWORD_METHOD = "passwordAuthenticationMethod";
  private static final String TYPE_PREFIX = "#microsoft.graph.";

  private static final JsonReader.Options PAGE_FIELDS =
      JsonReader.Options.of("value", "@odata.nextLink");
  private static final JsonReader.Options USER_FIELDS =
      JsonReader.Options.of(
          "@odata.type",
          "id",
          "userPrincipalName",
          "givenName",
          "surname",
          "mail",
          "accountEnabled",
          "department",
          "jobTitle");

  /** A member's type read without a string when it is a user, as most members are. */
  private static final JsonReader.Options USER_TYPE_WORD = JsonReader.Options.of(USER_TYPE);

  private static final JsonReader.Options METHOD_FIELDS =
      JsonReader.Options.of("@odata.type", "id");
  private static final JsonReader.Options GROUP_FIELDS = JsonReader.Options.of("displayName");

  private GraphJson() {}

  /**
   * A page of a collection.
   *
   * @param items what was kept
   * @param nextLink {@code @odata.nextLink}, when there is one
   * @param skipped how many items were not kept (not users)
   * @param <T> the items' type
   */
  record Page<T>(List<T> items, @Nullable String nextLink, int skipped) {}

  /** Decodes one item of a collection, or null to skip it. */
  @FunctionalInterface
  interface Item<T> {
    @Nullable T read(JsonReader reader) throws IOException;
  }

  /**
   * Reads a collection page, {@code {"value":[…],"@odata.nextLink":"…"}} in either order, refusing
   * more than {@code limit} items as soon as one more arrives.
   */
  static <T> Page<T> page(JsonReader reader, int limit, Item<T> item) throws IOException {
    List<T> items = new ArrayList<>();
    String nextLink = null;
    boolean sawValue = false;
    int skipped = 0;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(PAGE_FIELDS)) {
        case 0 -> {
          sawValue = true;
          reader.beginArray();
          int count = 0;
          while (reader.hasNext()) {
            if (++count > limit) {
              throw new JsonDataException(
                  "more than the " + limit + " items asked for at " + reader.getPath());
            }
            T value = item.read(reader);
            if (value == null) {
              skipped++;
            } else {
              items.add(value);
            }
          }
          reader.endArray();
        }
        case 1 -> nextLink = nullableString(reader);
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    if (!sawValue) {
      throw new JsonDataException("a collection without \"value\" at " + reader.getPath());
    }
    return new Page<>(List.copyOf(items), nextLink, skipped);
  }

  /** Reads a user of a collection; another kind of directory object is skipped (null). */
  static @Nullable Employee memberUser(JsonReader reader) throws IOException {
    return readUser(reader, true);
  }

  /** Reads one user object, as {@code GET /users/{id}} answers. */
  static Employee user(JsonReader reader) throws IOException {
    Employee user = readUser(reader, false);
    if (user == null) {
      throw new JsonDataException("not a user at " + reader.getPath());
    }
    return user;
  }

  private static @Nullable Employee readUser(JsonReader reader, boolean skipOthers)
      throws IOException {
    String type = null;
    String id = null;
    String upn = null;
    String givenName = null;
    String surname = null;
    String mail = null;
    Boolean enabled = null;
    String department = null;
    String jobTitle = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(USER_FIELDS)) {
        case 0 ->
            type = reader.selectString(USER_TYPE_WORD) == 0 ? USER_TYPE : nullableString(reader);
        case 1 -> id = nullableString(reader);
        case 2 -> upn = nullableString(reader);
        case 3 -> givenName = nullableString(reader);
        case 4 -> surname = nullableString(reader);
        case 5 -> mail = nullableString(reader);
        case 6 -> enabled = nullableBoolean(reader);
        case 7 -> department = nullableString(reader);
        case 8 -> jobTitle = nullableString(reader);
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    if (type != null && !type.equals(USER_TYPE)) {
      if (skipOthers) {
        return null; // a device, contact, service principal or group: not an employee
      }
      throw new JsonDataException("a " + type + " where a user was expected");
    }
    if (id == null || id.isBlank()) {
      throw new JsonDataException("a user without an id at " + reader.getPath());
    }
    if (upn == null || upn.isBlank()) {
      throw new JsonDataException("user " + id + " has no userPrincipalName");
    }
    Employee.Builder employee =
        Employee.builder(UserId.of(id), upn).firstName(givenName).lastName(surname).email(mail);
    if (department != null) {
      employee.attribute("department", department);
    }
    if (jobTitle != null) {
      employee.attribute("jobTitle", jobTitle);
    }
    return status(employee, enabled).build();
  }

  /**
   * Sets the status from {@code accountEnabled}: true is {@link EmployeeStatus#ACTIVE}; false is
   * {@link EmployeeStatus#DISABLED} (the provider's word {@value #DISABLED}); absent (Graph left it
   * out, for example without {@code $select}) is {@link EmployeeStatus#UNKNOWN} with the word
   * {@value #UNKNOWN}.
   */
  static Employee.Builder status(Employee.Builder employee, @Nullable Boolean enabled) {
    if (enabled == null) {
      return employee.status(UNKNOWN);
    }
    return enabled
        ? employee.status(EmployeeStatus.ACTIVE)
        : employee.status(EmployeeStatus.DISABLED, DISABLED);
  }

  /**
   * Reads an authentication method as a factor: id, type = {@code @odata.type} without {@code
   * #microsoft.graph.}, provider {@code MICROSOFT}, status {@code ACTIVE} (Graph lists only
   * registered methods and gives them no status). The password method is skipped (null).
   */
  static @Nullable Factor method(JsonReader reader) throws IOException {
    String type = null;
    String id = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(METHOD_FIELDS)) {
        case 0 -> type = nullableString(reader);
        case 1 -> id = nullableString(reader);
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    if (id == null || id.isBlank()) {
      throw new JsonDataException("an authentication method without an id at " + reader.getPath());
    }
    String name = methodType(type);
    if (name.equals(PASSWORD_METHOD)) {
      return null;
    }
    return Factor.of(FactorId.of(id), name, "MICROSOFT", "ACTIVE");
  }

  /** The method's type: {@code @odata.type} without {@code #microsoft.graph.}; else UNKNOWN. */
  static String methodType(@Nullable String odataType) {
    if (odataType == null || odataType.isBlank()) {
      return UNKNOWN;
    }
    String name =
        odataType.startsWith(TYPE_PREFIX)
            ? odataType.substring(TYPE_PREFIX.length())
            : odataType.startsWith("#") ? odataType.substring(1) : odataType;
    return name.isBlank() ? UNKNOWN : name;
  }

  /**
   * Reads one object's scalar fields among {@code names}: strings as they are, booleans and numbers
   * as their JSON text, null as absent; objects, arrays and other fields are skipped unread. For
   * the small objects of role and group listings, where only a few fields are used.
   */
  static Map<String, String> scalars(JsonReader reader, JsonReader.Options names)
      throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(names);
      if (index < 0) {
        reader.skipName();
        reader.skipValue();
        continue;
      }
      String name = names.strings().get(index);
      switch (reader.peek()) {
        case STRING -> fields.put(name, reader.nextString());
        case BOOLEAN -> fields.put(name, Boolean.toString(reader.nextBoolean()));
        case NUMBER -> fields.put(name, reader.nextString());
        case NULL -> reader.nextNull();
        default -> reader.skipValue();
      }
    }
    reader.endObject();
    return fields;
  }

  /** Reads {@code {"value":["…",…]}}, as {@code checkMemberGroups} answers. */
  static List<String> strings(JsonReader reader) throws IOException {
    return page(reader, Integer.MAX_VALUE, GraphJson::nullableString).items();
  }

  /** Reads a group's {@code displayName}, if it has one. */
  static Optional<String> groupName(JsonReader reader) throws IOException {
    String name = null;
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.selectName(GROUP_FIELDS) == 0) {
        name = nullableString(reader);
      } else {
        reader.skipName();
        reader.skipValue();
      }
    }
    reader.endObject();
    return Optional.ofNullable(name).filter(n -> !n.isBlank());
  }

  private static @Nullable String nullableString(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      return null;
    }
    if (reader.peek() != JsonReader.Token.STRING) {
      throw new JsonDataException("expected a string at " + reader.getPath());
    }
    return reader.nextString();
  }

  private static @Nullable Boolean nullableBoolean(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      return null;
    }
    return reader.nextBoolean();
  }
}
