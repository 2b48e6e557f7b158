package org.workforceiam.entra;

import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.workforceiam.http.Json;

/**
 * Reads the {@code roles} claim of a Microsoft Graph access token: the application permissions
 * granted to the app with admin consent (GRAPH-NOTES, "Token").
 *
 * <p>The payload is decoded <b>without verifying the signature</b>: the token came straight from
 * the token endpoint over TLS, and the roles are only reported ({@link EntraClient#check}), never
 * used to decide anything. Graph checks every call itself. Microsoft documents access tokens as
 * opaque to clients, so a token that is not a readable JWT gives an empty result, never an
 * exception.
 */
final class TokenClaims {
  /** The longest token read; Graph's are a few KB. */
  static final int MAX_TOKEN_CHARS = 64 * 1024;

  private TokenClaims() {}

  /**
   * Returns the roles of an access token.
   *
   * @param token the access token
   * @return the roles, in the token's order (empty when it has none), or empty when the token is
   *     not a JWT whose payload is a JSON object with a {@code roles} array of strings (or none)
   */
  static Optional<List<String>> roles(String token) {
    if (token.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    Map<String, Object> payload;
    try {
      String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      payload = Json.OBJECT.fromJson(json);
    } catch (IllegalArgumentException | JsonDataException | IOException e) {
      return Optional.empty();
    }
    if (payload == null) {
      return Optional.empty();
    }
    Object roles = payload.get("roles");
    if (roles == null) {
      return Optional.of(List.of());
    }
    if (!(roles instanceof List<?> list)) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>(list.size());
    for (Object role : list) {
      if (!(role instanceof String name)) {
        return Optional.empty();
      }
      names.add(name);
    }
    return Optional.of(List.copyOf(names));
  }
}
