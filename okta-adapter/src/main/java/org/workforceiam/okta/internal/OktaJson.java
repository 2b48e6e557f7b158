package org.workforceiam.okta.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.UserId;

/**
 * Decodes Okta's JSON straight from the response stream into domain values. Fields that are not
 * needed are skipped without being built; unknown fields are ignored.
 */
final class OktaJson {
  private static final JsonReader.Options USER_FIELDS =
      JsonReader.Options.of("id", "status", "lastUpdated", "profile");
  private static final JsonReader.Options PROFILE_FIELDS =
      JsonReader.Options.of("login", "firstName", "lastName", "email");
  private static final JsonReader.Options FACTOR_FIELDS =
      JsonReader.Options.of("id", "factorType", "provider", "status");
  private static final JsonReader.Options ID_FIELD = JsonReader.Options.of("id");

  private OktaJson() {}

  /** Reads an array of users. */
  static List<Employee> users(JsonReader reader) throws IOException {
    List<Employee> users = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      users.add(user(reader));
    }
    reader.endArray();
    return users;
  }

  /** Reads one user object. */
  static Employee user(JsonReader reader) throws IOException {
    String id = null;
    String status = null;
    Instant lastUpdated = null;
    Profile profile = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(USER_FIELDS)) {
        case 0 -> id = nullableString(reader);
        case 1 -> status = nullableString(reader);
        case 2 -> lastUpdated = instant(reader);
        case 3 -> profile = profile(reader);
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    if (id == null || id.isBlank()) {
      throw new JsonDataException("a user without an id at " + reader.getPath());
    }
    if (profile == null || profile.login == null || profile.login.isBlank()) {
      throw new JsonDataException("user " + id + " has no profile.login");
    }
    Employee.Builder employee =
        Employee.builder(UserId.of(id), profile.login)
            .firstName(profile.firstName)
            .lastName(profile.lastName)
            .email(profile.email)
            .lastUpdated(lastUpdated)
            .attributes(profile.others);
    if (status != null && !status.isBlank()) {
      employee.status(status);
    } else {
      employee.status("UNKNOWN");
    }
    return employee.build();
  }

  private static final class Profile {
    @Nullable String login;
    @Nullable String firstName;
    @Nullable String lastName;
    @Nullable String email;
    final Map<String, String> others = new LinkedHashMap<>();
  }

  private static Profile profile(JsonReader reader) throws IOException {
    Profile profile = new Profile();
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      return profile;
    }
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(PROFILE_FIELDS)) {
        case 0 -> profile.login = scalar(reader);
        case 1 -> profile.firstName = scalar(reader);
        case 2 -> profile.lastName = scalar(reader);
        case 3 -> profile.email = scalar(reader);
        default -> {
          String name = reader.nextName();
          String value = scalar(reader);
          if (value != null) {
            profile.others.put(name, value);
          }
        }
      }
    }
    reader.endObject();
    return profile;
  }

  /** Reads an array of factors. */
  static List<Factor> factors(JsonReader reader) throws IOException {
    List<Factor> factors = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      String id = null;
      String type = null;
      String provider = null;
      String status = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.selectName(FACTOR_FIELDS)) {
          case 0 -> id = nullableString(reader);
          case 1 -> type = nullableString(reader);
          case 2 -> provider = nullableString(reader);
          case 3 -> status = nullableString(reader);
          default -> {
            reader.skipName();
            reader.skipValue();
          }
        }
      }
      reader.endObject();
      if (id == null || id.isBlank()) {
        throw new JsonDataException("a factor without an id at " + reader.getPath());
      }
      factors.add(
          new Factor(FactorId.of(id), orUnknown(type), orUnknown(provider), orUnknown(status)));
    }
    reader.endArray();
    return factors;
  }

  /** Reads an array of objects and returns their {@code id}s, skipping everything else. */
  static List<String> ids(JsonReader reader) throws IOException {
    List<String> ids = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) {
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.selectName(ID_FIELD) == 0) {
          String id = nullableString(reader);
          if (id != null) {
            ids.add(id);
          }
        } else {
          reader.skipName();
          reader.skipValue();
        }
      }
      reader.endObject();
    }
    reader.endArray();
    return ids;
  }

  private static String orUnknown(@Nullable String value) {
    return value == null || value.isBlank() ? "UNKNOWN" : value;
  }

  private static @Nullable String nullableString(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      return null;
    }
    return reader.nextString();
  }

  /**
   * A profile value as a string: text and numbers as they are, booleans spelt out, null as null,
   * arrays and objects as JSON.
   */
  private static @Nullable String scalar(JsonReader reader) throws IOException {
    return switch (reader.peek()) {
      case NULL -> {
        reader.nextNull();
        yield null;
      }
      case STRING, NUMBER -> reader.nextString();
      case BOOLEAN -> Boolean.toString(reader.nextBoolean());
      default -> Json.MOSHI.adapter(Object.class).toJson(reader.readJsonValue());
    };
  }

  private static @Nullable Instant instant(JsonReader reader) throws IOException {
    String text = nullableString(reader);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new JsonDataException("not an ISO-8601 instant: " + text + " at " + reader.getPath());
    }
  }
}
