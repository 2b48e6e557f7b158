package org.workforceiam.okta;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.workforceiam.http.Json;

/**
 * Signs the JWTs a sync sends, the client assertion and the DPoP proofs, in the JWS compact
 * serialization (RFC 7515), with the JDK alone: header and claims written by Moshi, base64url
 * without padding, then the signature. RS256 is RSASSA-PKCS1-v1_5 with SHA-256; ES256, ES384 and
 * ES512 are ECDSA whose signature is R and S as fixed-length unsigned integers (RFC 7518, 3.4),
 * which is what the JDK's {@code SHA256withECDSAinP1363Format} and its siblings produce.
 *
 * <p>A JWT library is not needed to sign two kinds of token, and jjwt cost a sync about 300 classes
 * loaded before its first request and 65 KB allocated per proof (benchmarks/PERFORMANCE.md); the
 * Entra adapter signs its assertion the same way. The keys were checked when they were loaded
 * ({@code PrivateKeys}: RSA of 2048 bits or more, EC on P-256, P-384 or P-521, each with its
 * algorithm). Thread-safe: nothing is kept between calls.
 */
final class Jws {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Jws() {}

  /**
   * Signs a JWS.
   *
   * @param header the protected header; {@code alg} is set from {@code algorithm} first
   * @param claims the claims
   * @param key the signing key, of the kind the algorithm needs
   * @param algorithm RS256, ES256, ES384 or ES512
   * @return {@code header.claims.signature}, each base64url
   */
  static String sign(
      Map<String, Object> header, Map<String, Object> claims, PrivateKey key, String algorithm) {
    Map<String, Object> protectedHeader = new LinkedHashMap<>();
    protectedHeader.put("alg", algorithm);
    protectedHeader.putAll(header);
    String input =
        part(Json.OBJECT.toJson(protectedHeader)) + "." + part(Json.OBJECT.toJson(claims));
    try {
      Signature signature = Signature.getInstance(jdkAlgorithm(algorithm));
      signature.initSign(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot sign with " + algorithm + ": " + e, e);
    }
  }

  private static String jdkAlgorithm(String algorithm) {
    return switch (algorithm) {
      case "RS256" -> "SHA256withRSA";
      case "ES256" -> "SHA256withECDSAinP1363Format";
      case "ES384" -> "SHA384withECDSAinP1363Format";
      case "ES512" -> "SHA512withECDSAinP1363Format";
      default -> throw new IllegalArgumentException("unsupported algorithm " + algorithm);
    };
  }

  /**
   * Returns the public JWK of a P-256 key (RFC 7518, 6.2.1): {@code kty}, {@code crv}, and the
   * coordinates {@code x} and {@code y} as 32 unsigned big-endian bytes each.
   *
   * @param key a P-256 public key
   * @return the JWK's members, in that order
   */
  static Map<String, Object> p256Jwk(ECPublicKey key) {
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kty", "EC");
    jwk.put("crv", "P-256");
    jwk.put("x", BASE64URL.encodeToString(coordinate(key.getW().getAffineX())));
    jwk.put("y", BASE64URL.encodeToString(coordinate(key.getW().getAffineY())));
    return jwk;
  }

  /**
   * Returns the RFC 7638 SHA-256 thumbprint of a P-256 public JWK: the hash of its required members
   * in lexicographic order, without white space.
   *
   * @param jwk the JWK from {@link #p256Jwk}
   * @return the thumbprint, base64url
   */
  static String thumbprint(Map<String, Object> jwk) {
    String required =
        "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\""
            + jwk.get("x")
            + "\",\"y\":\""
            + jwk.get("y")
            + "\"}";
    try {
      return BASE64URL.encodeToString(
          MessageDigest.getInstance("SHA-256")
              .digest(required.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static String part(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** A P-256 coordinate as exactly 32 unsigned big-endian bytes. */
  private static byte[] coordinate(BigInteger value) {
    byte[] bytes = value.toByteArray(); // may have a leading sign byte, or be shorter
    byte[] fixed = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
    return fixed;
  }
}
