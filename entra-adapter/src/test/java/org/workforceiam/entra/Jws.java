package org.workforceiam.entra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import org.workforceiam.http.Json;

/** A compact JWS taken apart for tests: its header, claims and a signature check. */
record Jws(
    Map<String, Object> header, Map<String, Object> claims, String signingInput, String signature) {

  static Jws parse(String compact) {
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a compact JWS");
    }
    return new Jws(object(parts[0]), object(parts[1]), parts[0] + "." + parts[1], parts[2]);
  }

  private static Map<String, Object> object(String part) {
    try {
      return Objects.requireNonNull(
          Json.OBJECT.fromJson(
              new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  String headerString(String name) {
    return (String) header.get(name);
  }

  String claimString(String name) {
    return (String) claims.get(name);
  }

  long claimLong(String name) {
    return ((Number) claims.get(name)).longValue();
  }

  /** Verifies the signature with the algorithm the header names: PS256 or RS256. */
  boolean verify(PublicKey key) {
    try {
      Signature verifier;
      if ("PS256".equals(headerString("alg"))) {
        verifier = Signature.getInstance("RSASSA-PSS");
        verifier.setParameter(
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      } else if ("RS256".equals(headerString("alg"))) {
        verifier = Signature.getInstance("SHA256withRSA");
      } else {
        return false;
      }
      verifier.initVerify(key);
      verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(Base64.getUrlDecoder().decode(signature));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
