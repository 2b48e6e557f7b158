package org.workforceiam.entra.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An authentication method registered for a user of the simulated tenant, as Graph lists it under
 * {@code /users/{id}/authentication/methods}: its type, its id and the properties Graph shows for
 * that type (a phone number, a display name, …).
 *
 * <pre>{@code
 * tenant.method(ada, AuthMethod.mobilePhone("+1 2065550100"))
 *     .method(ada, AuthMethod.authenticatorApp("6c7f9e2c-13b6-4a3b-9c1d-0d3a4f5b6c7d", "Pixel 8"))
 *     .defaultMethod(ada, AuthMethod.MOBILE_PHONE_ID);
 * }</pre>
 *
 * <p>Phone methods have fixed ids, one per phone type, as Graph gives them ({@link
 * #MOBILE_PHONE_ID}, {@link #ALTERNATE_MOBILE_PHONE_ID}, {@link #OFFICE_PHONE_ID}); every user has
 * the password method, {@link #PASSWORD_ID}, which the simulator adds itself.
 *
 * @param type the method's type
 * @param id the method's id: a GUID for most types; FIDO2 and Windows Hello for Business ids are
 *     base64url strings in Graph, so any non-blank id without {@code /} is accepted
 * @param properties the type's properties as Graph shows them, without {@code id} and {@code
 *     @odata.type}
 */
public record AuthMethod(Type type, String id, Map<String, Object> properties) {
  /** The id of every user's password method in Graph. */
  public static final String PASSWORD_ID = "28c10230-6103-485e-b985-444c60001490";

  /** The id Graph gives a user's mobile phone method. */
  public static final String MOBILE_PHONE_ID = "3179e48a-750b-4051-897c-87b9720928f7";

  /** The id Graph gives a user's alternate mobile phone method. */
  public static final String ALTERNATE_MOBILE_PHONE_ID = "b6332ec1-7057-4abe-9331-3d72feddfe41";

  /** The id Graph gives a user's office phone method. */
  public static final String OFFICE_PHONE_ID = "e37fc753-ff3b-4958-9484-eaa9425c82bc";

  /**
   * The types of authentication method in Graph v1.0, each with its {@code @odata.type} and the
   * collection under {@code /users/{id}/authentication/} through which it is read and deleted.
   */
  public enum Type {
    /** The password: listed, never deleted. */
    PASSWORD("passwordAuthenticationMethod", "passwordMethods"),
    /** A phone for SMS or voice: mobile, alternate mobile or office. */
    PHONE("phoneAuthenticationMethod", "phoneMethods"),
    /** The Microsoft Authenticator app. */
    MICROSOFT_AUTHENTICATOR(
        "microsoftAuthenticatorAuthenticationMethod", "microsoftAuthenticatorMethods"),
    /** A FIDO2 security key or passkey. */
    FIDO2("fido2AuthenticationMethod", "fido2Methods"),
    /** A software OATH token (a TOTP app). */
    SOFTWARE_OATH("softwareOathAuthenticationMethod", "softwareOathMethods"),
    /** An email address for self-service password reset. */
    EMAIL("emailAuthenticationMethod", "emailMethods"),
    /** A Temporary Access Pass. */
    TEMPORARY_ACCESS_PASS("temporaryAccessPassAuthenticationMethod", "temporaryAccessPassMethods"),
    /** Windows Hello for Business. */
    WINDOWS_HELLO_FOR_BUSINESS(
        "windowsHelloForBusinessAuthenticationMethod", "windowsHelloForBusinessMethods"),
    /** A platform credential (macOS Platform SSO). */
    PLATFORM_CREDENTIAL("platformCredentialAuthenticationMethod", "platformCredentialMethods");

    private final String name;
    private final String collection;

    Type(String name, String collection) {
      this.name = name;
      this.collection = collection;
    }

    /**
     * Returns the type as Graph writes it in {@code @odata.type}.
     *
     * @return such as {@code #microsoft.graph.phoneAuthenticationMethod}
     */
    public String odataType() {
      return "#microsoft.graph." + name;
    }

    /**
     * Returns the collection under {@code /users/{id}/authentication/} that holds this type.
     *
     * @return such as {@code phoneMethods}
     */
    public String collection() {
      return collection;
    }

    static Type ofCollection(String collection) {
      for (Type type : values()) {
        if (type.collection.equals(collection)) {
          return type;
        }
      }
      throw new IllegalArgumentException("no authentication method collection " + collection);
    }

    static boolean isCollection(String collection) {
      for (Type type : values()) {
        if (type.collection.equals(collection)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Creates a method.
   *
   * @param type the method's type
   * @param id the method's id
   * @param properties the type's properties
   * @throws IllegalArgumentException when the id is blank or holds {@code /}, or when a phone's id
   *     is not the one Graph gives its phone type
   */
  public AuthMethod {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(properties, "properties == null");
    if (id.isBlank() || id.contains("/")) {
      throw new IllegalArgumentException("a method id must be non-blank, without '/': " + id);
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    properties.forEach(
        (name, value) ->
            copy.put(
                Objects.requireNonNull(name, "property name == null"),
                Objects.requireNonNull(value, () -> "property " + name + " == null")));
    properties = java.util.Collections.unmodifiableMap(copy);
    if (type == Type.PHONE) {
      Object phoneType = properties.get("phoneType");
      String expected =
          "mobile".equals(phoneType)
              ? MOBILE_PHONE_ID
              : "alternateMobile".equals(phoneType)
                  ? ALTERNATE_MOBILE_PHONE_ID
                  : "office".equals(phoneType) ? OFFICE_PHONE_ID : null;
      if (expected == null || !expected.equals(id)) {
        throw new IllegalArgumentException(
            "a phone method needs phoneType mobile, alternateMobile or office and that type's"
                + " fixed id; use AuthMethod.mobilePhone and its siblings");
      }
    }
  }

  /**
   * Creates a method of any type with the given properties.
   *
   * @param type the type
   * @param id the id
   * @param properties the properties Graph shows for the type
   * @return the method
   */
  public static AuthMethod of(Type type, String id, Map<String, Object> properties) {
    return new AuthMethod(type, id, properties);
  }

  /**
   * A mobile phone, id {@link #MOBILE_PHONE_ID}.
   *
   * @param number the number, such as {@code +1 2065550100}
   * @return the method
   */
  public static AuthMethod mobilePhone(String number) {
    return phone(MOBILE_PHONE_ID, number, "mobile");
  }

  /**
   * An alternate mobile phone, id {@link #ALTERNATE_MOBILE_PHONE_ID}.
   *
   * @param number the number
   * @return the method
   */
  public static AuthMethod alternateMobilePhone(String number) {
    return phone(ALTERNATE_MOBILE_PHONE_ID, number, "alternateMobile");
  }

  /**
   * An office phone, id {@link #OFFICE_PHONE_ID}.
   *
   * @param number the number
   * @return the method
   */
  public static AuthMethod officePhone(String number) {
    return phone(OFFICE_PHONE_ID, number, "office");
  }

  private static AuthMethod phone(String id, String number, String phoneType) {
    Objects.requireNonNull(number, "number == null");
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("phoneNumber", number);
    properties.put("phoneType", phoneType);
    properties.put("smsSignInState", "notAllowedByPolicy");
    return new AuthMethod(Type.PHONE, id, properties);
  }

  /**
   * The Microsoft Authenticator app on a device.
   *
   * @param id the method id, a GUID
   * @param deviceName the device's name, such as {@code Pixel 8}
   * @return the method
   */
  public static AuthMethod authenticatorApp(String id, String deviceName) {
    Objects.requireNonNull(deviceName, "deviceName == null");
    return new AuthMethod(
        Type.MICROSOFT_AUTHENTICATOR,
        id,
        ordered(
            "displayName",
            deviceName,
            "deviceTag",
            "SoftwareTokenActivated",
            "phoneAppVersion",
            "6.2401.0119",
            "createdDateTime",
            "2025-06-01T09:00:00Z"));
  }

  /**
   * A FIDO2 security key.
   *
   * @param id the method id
   * @param displayName the key's name, such as {@code YubiKey 5}
   * @return the method
   */
  public static AuthMethod fido2(String id, String displayName) {
    Objects.requireNonNull(displayName, "displayName == null");
    return new AuthMethod(
        Type.FIDO2,
        id,
        ordered(
            "displayName",
            displayName,
            "aaGuid",
            "cb69481e-8ff7-4039-93ec-0a2729a154a8",
            "model",
            displayName,
            "attestationLevel",
            "attested",
            "createdDateTime",
            "2025-06-01T09:00:00Z"));
  }

  /**
   * A software OATH token.
   *
   * @param id the method id, a GUID
   * @return the method
   */
  public static AuthMethod softwareOath(String id) {
    return new AuthMethod(Type.SOFTWARE_OATH, id, ordered());
  }

  /**
   * An email address for self-service password reset.
   *
   * @param id the method id, a GUID
   * @param address the address
   * @return the method
   */
  public static AuthMethod email(String id, String address) {
    Objects.requireNonNull(address, "address == null");
    return new AuthMethod(Type.EMAIL, id, ordered("emailAddress", address));
  }

  /**
   * Windows Hello for Business on a device.
   *
   * @param id the method id
   * @param deviceName the device's name
   * @return the method
   */
  public static AuthMethod windowsHello(String id, String deviceName) {
    Objects.requireNonNull(deviceName, "deviceName == null");
    return new AuthMethod(
        Type.WINDOWS_HELLO_FOR_BUSINESS,
        id,
        ordered(
            "displayName",
            deviceName,
            "keyStrength",
            "normal",
            "createdDateTime",
            "2025-06-01T09:00:00Z"));
  }

  /**
   * A platform credential on a Mac.
   *
   * @param id the method id
   * @param deviceName the device's name
   * @return the method
   */
  public static AuthMethod platformCredential(String id, String deviceName) {
    Objects.requireNonNull(deviceName, "deviceName == null");
    return new AuthMethod(
        Type.PLATFORM_CREDENTIAL,
        id,
        ordered(
            "displayName",
            deviceName,
            "platform",
            "macOS",
            "keyStrength",
            "normal",
            "createdDateTime",
            "2025-06-01T09:00:00Z"));
  }

  static AuthMethod password() {
    return new AuthMethod(
        Type.PASSWORD, PASSWORD_ID, ordered("createdDateTime", "2025-01-01T00:00:00Z"));
  }

  /** A map of name-value pairs in the order given. */
  private static Map<String, Object> ordered(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@odata.type", type.odataType());
    json.put("id", id);
    if (type == Type.PASSWORD) {
      json.put("password", null);
    }
    if (type == Type.TEMPORARY_ACCESS_PASS) {
      // Graph shows the pass only in the answer that created it.
      json.put("temporaryAccessPass", null);
    }
    json.putAll(properties);
    return json;
  }
}
