package org.workforceiam.okta;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.time.Instant;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.Employee;
import org.workforceiam.core.EmployeeStatus;
import org.workforceiam.core.Factor;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.UserId;
import org.workforceiam.http.Json;

/**
 * Decodes Okta's JSON straight from the response stream into domain values. Fields that are not
 * needed are skipped without being built; unknown fields are ignored.
 */
final class OktaJson {
  /**
   * The fields of a user that are read, then those of Okta's {@code User} object that are skipped:
   * a name Moshi finds among the options is consumed without building a string, where an unknown
   * one is read into a string first, which would be most of a member's allocation.
   */
  private static final JsonReader.Options USER_FIELDS =
      JsonReader.Options.of(
          "id",
          "status",
          "lastUpdated",
          "profile",
          "created",
          "activated",
          "statusChanged",
          "lastLogin",
          "passwordChanged",
          "type",
          "credentials",
          "_links",
          "_embedded",
          "transitioningToStatus",
          "realmId");

  /** Okta's status words as it spells them, read without building a string. */
  private static final EmployeeStatus[] STATUSES = {
    EmployeeStatus.ACTIVE,
    EmployeeStatus.STAGED,
    EmployeeStatus.PROVISIONED,
    EmployeeStatus.RECOVERY,
    EmployeeStatus.PASSWORD_EXPIRED,
    EmployeeStatus.LOCKED_OUT,
    EmployeeStatus.SUSPENDED,
    EmployeeStatus.DEPROVISIONED
  };

  private static final JsonReader.Options STATUS_WORDS =
      JsonReader.Options.of(Arrays.stream(STATUSES).map(Enum::name).toArray(String[]::new));

  /**
   * The profile's fields an employee has, then the other attributes of Okta's base {@code
   * UserProfile}: a name found among these options is the same string for every member, where
   * another one is read into a new string for each. Custom attributes are read so.
   */
  private static final String[] PROFILE_NAMES = {
    "login",
    "firstName",
    "lastName",
    "email",
    "city",
    "costCenter",
    "countryCode",
    "department",
    "displayName",
    "division",
    "employeeNumber",
    "honorificPrefix",
    "honorificSuffix",
    "locale",
    "manager",
    "managerId",
    "middleName",
    "mobilePhone",
    "nickName",
    "organization",
    "postalAddress",
    "preferredLanguage",
    "primaryPhone",
    "profileUrl",
    "secondEmail",
    "state",
    "streetAddress",
    "timezone",
    "title",
    "userType"
  };

  private static final JsonReader.Options PROFILE_FIELDS = JsonReader.Options.of(PROFILE_NAMES);
  private static final JsonReader.Options FACTOR_FIELDS =
      JsonReader.Options.of("id", "factorType", "provider", "status");
  private static final JsonReader.Options ID_FIELD = JsonReader.Options.of("id");

  private OktaJson() {}

  /** Reads an array of users. */
  static List<Employee> users(JsonReader reader) throws IOException {
    return users(reader, Integer.MAX_VALUE);
  }

  /**
   * Reads a page of users, refusing more than were asked for as soon as one more arrives: Okta
   * never sends more than the {@code limit} of the request.
   */
  static List<Employee> users(JsonReader reader, int limit) throws IOException {
    List<Employee> users = new ArrayList<>();
    Profile profile = new Profile(); // read into afresh for each user
    reader.beginArray();
    while (reader.hasNext()) {
      if (users.size() >= limit) {
        throw new JsonDataException(
            "more than the " + limit + " users asked for at " + reader.getPath());
      }
      users.add(user(reader, profile));
    }
    reader.endArray();
    return users;
  }

  /** Reads one user object. */
  static Employee user(JsonReader reader) throws IOException {
    return user(reader, new Profile());
  }

  /**
   * Reads one user object, its profile into {@code profile}, which is cleared first: a page's users
   * are read through one, as nothing of it outlives the employee built.
   */
  private static Employee user(JsonReader reader, Profile profile) throws IOException {
    String id = null;
    EmployeeStatus known = null;
    String status = null;
    Instant lastUpdated = null;
    profile.clear();
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(USER_FIELDS)) {
        case 0 -> id = nullableString(reader);
        case 1 -> {
          int word = reader.selectString(STATUS_WORDS);
          known = word >= 0 ? STATUSES[word] : null;
          status = word >= 0 ? null : nullableString(reader);
        }
        case 2 -> lastUpdated = instant(reader);
        case 3 -> {
          profile.clear(); // a repeated profile replaces the earlier one, as it did
          profile(reader, profile);
        }
        case -1 -> {
          reader.skipName();
          reader.skipValue();
        }
        default -> reader.skipValue(); // a field of Okta's that is not needed, name consumed
      }
    }
    reader.endObject();
    if (id == null || id.isBlank()) {
      throw new JsonDataException("a user without an id at " + reader.getPath());
    }
    if (profile.login == null || profile.login.isBlank()) {
      throw new JsonDataException("user " + id + " has no profile.login");
    }
    Employee.Builder employee =
        Employee.builder(UserId.of(id), profile.login)
            .firstName(profile.firstName)
            .lastName(profile.lastName)
            .email(profile.email)
            .lastUpdated(lastUpdated);
    for (int i = 0; i < profile.others.size(); i += 2) {
      employee.attribute(profile.others.get(i), profile.others.get(i + 1));
    }
    if (known != null) {
      employee.status(known);
    } else if (status != null && !status.isBlank()) {
      EmployeeStatus normalised = status(status);
      // A known word is kept as Okta spells it in its spec; an unknown one exactly as sent.
      employee.status(
          normalised, normalised == EmployeeStatus.UNKNOWN ? status : normalised.name());
    } else {
      employee.status(EmployeeStatus.UNKNOWN, "UNKNOWN");
    }
    return employee.build();
  }

  /**
   * Maps Okta's status words (its {@code UserStatus}: {@code ACTIVE}, {@code STAGED}, {@code
   * PROVISIONED}, {@code RECOVERY}, {@code PASSWORD_EXPIRED}, {@code LOCKED_OUT}, {@code
   * SUSPENDED}, {@code DEPROVISIONED}), case-insensitively; any other word is {@link
   * EmployeeStatus#UNKNOWN}. Okta has no {@link EmployeeStatus#DISABLED}.
   */
  static EmployeeStatus status(String word) {
    return switch (word.strip().toUpperCase(Locale.ROOT)) {
      case "ACTIVE" -> EmployeeStatus.ACTIVE;
      case "STAGED" -> EmployeeStatus.STAGED;
      case "PROVISIONED" -> EmployeeStatus.PROVISIONED;
      case "RECOVERY" -> EmployeeStatus.RECOVERY;
      case "PASSWORD_EXPIRED" -> EmployeeStatus.PASSWORD_EXPIRED;
      case "LOCKED_OUT" -> EmployeeStatus.LOCKED_OUT;
      case "SUSPENDED" -> EmployeeStatus.SUSPENDED;
      case "DEPROVISIONED" -> EmployeeStatus.DEPROVISIONED;
      default -> EmployeeStatus.UNKNOWN;
    };
  }

  private static final class Profile {
    @Nullable String login;
    @Nullable String firstName;
    @Nullable String lastName;
    @Nullable String email;

    /** The other attributes, name then value, in Okta's order: a later one replaces an earlier. */
    final List<String> others = new ArrayList<>(8);

    void clear() {
      login = null;
      firstName = null;
      lastName = null;
      email = null;
      others.clear();
    }
  }

  /** Reads a profile, which may be null, into {@code profile}. */
  private static void profile(JsonReader reader, Profile profile) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      reader.nextNull();
      return;
    }
    reader.beginObject();
    while (reader.hasNext()) {
      int field = reader.selectName(PROFILE_FIELDS);
      switch (field) {
        case 0 -> profile.login = scalar(reader);
        case 1 -> profile.firstName = scalar(reader);
        case 2 -> profile.lastName = scalar(reader);
        case 3 -> profile.email = scalar(reader);
        default -> {
          String name = field == -1 ? reader.nextName() : PROFILE_NAMES[field];
          String value = scalar(reader);
          if (value != null) {
            profile.others.add(name);
            profile.others.add(value);
          }
        }
      }
    }
    reader.endObject();
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
          Factor.of(FactorId.of(id), orUnknown(type), orUnknown(provider), orUnknown(status)));
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
    Instant instant = oktaInstant(text);
    if (instant != null) {
      return instant;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new JsonDataException("not an ISO-8601 instant: " + text + " at " + reader.getPath());
    }
  }

  /**
   * Reads Okta's own timestamp form, {@code 2026-01-15T10:00:00.000Z} (or without the
   * milliseconds), without the formatter machinery: {@link Instant#parse} allocates about 1.6 KB a
   * call, as much as the rest of a user's decoding. Returns null for any other form, or a value out
   * of range, which {@link Instant#parse} then judges.
   */
  static @Nullable Instant oktaInstant(String text) {
    int length = text.length();
    if ((length != 20 && length != 24)
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z'
        || (length == 24 && text.charAt(19) != '.')) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int millis = length == 24 ? digits(text, 20, 3) : 0;
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > Month.of(month).length(Year.isLeap(year))
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || millis < 0) {
      return null;
    }
    long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
    return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
  }

  /** From 0000-01-01 to 1970-01-01, as {@code LocalDate} counts. */
  private static final long DAYS_0000_TO_1970 = (146_097L * 5) - (30L * 365 + 7);

  /**
   * The days from 1970-01-01 to a valid date of a year from 0 to 9999: {@code
   * LocalDate.toEpochDay}'s arithmetic, without a {@code LocalDate} for each member of every page.
   */
  private static long epochDay(int year, int month, int day) {
    long days = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
    days += (367 * month - 362) / 12 + day - 1;
    if (month > 2) {
      days -= Year.isLeap(year) ? 1 : 2;
    }
    return days - DAYS_0000_TO_1970;
  }

  /** The decimal number in {@code text} from {@code start}, or -1 if a character is no digit. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
