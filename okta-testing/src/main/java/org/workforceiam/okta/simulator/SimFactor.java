package org.workforceiam.okta.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * An enrolled factor of a simulated user, as Okta lists it under {@code
 * /api/v1/users/{id}/factors}.
 *
 * <pre>{@code
 * new SimFactor("sms1", "sms", "OKTA", "ACTIVE")
 * new SimFactor("opf1", "push", "OKTA", "ACTIVE")
 * new SimFactor("ost1", "token:software:totp", "GOOGLE", "ACTIVE")
 * }</pre>
 *
 * @param id the factor id
 * @param factorType Okta's factor type, such as {@code sms} or {@code push}
 * @param provider the provider, such as {@code OKTA}
 * @param status the status, such as {@code ACTIVE}
 */
public record SimFactor(String id, String factorType, String provider, String status) {
  /**
   * Creates a factor; every field is required.
   *
   * @param id the factor id
   * @param factorType Okta's factor type
   * @param provider the provider
   * @param status the status
   */
  public SimFactor {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(factorType, "factorType == null");
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(status, "status == null");
  }

  Map<String, Object> json(HttpUrl requestUrl, String userId) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("factorType", factorType);
    json.put("provider", provider);
    json.put("vendorName", provider);
    json.put("status", status);
    json.put("created", "2025-06-01T00:00:00.000Z");
    json.put("lastUpdated", "2025-06-01T00:00:00.000Z");
    json.put(
        "profile", factorType.equals("sms") ? Map.of("phoneNumber", "+1-555-415-1337") : Map.of());
    json.put(
        "_links",
        Map.of(
            "self",
            Map.of(
                "href",
                SimDirectory.base(requestUrl) + "/api/v1/users/" + userId + "/factors/" + id)));
    return json;
  }
}
