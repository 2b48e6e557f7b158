package org.workforceiam.okta.simulator;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * A small JOSE verifier written against the RFCs with nothing but the JDK, so the simulated Okta
 * checks the adapter's JWTs independently of the library (jjwt) that made them.
 */
public final class Jose {
  private static final JsonAdapter<Map<String, Object>> OBJECT =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private Jose() {}

  /**
   * A compact JWS taken apart.
   *
   * @param header the protected header
   * @param claims the payload as claims
   * @param signingInput the bytes that were signed
   * @param signature the signature
   */
  public record Jws(
      Map<String, Object> header,
      Map<String, Object> claims,
      ByteString signingInput,
      ByteString signature) {

    /**
     * Returns a header member as a string.
     *
     * @param name the member
     * @return its value, or null
     */
    public @Nullable String headerString(String name) {
      return header.get(name) instanceof String s ? s : null;
    }

    /**
     * Returns a claim as a string.
     *
     * @param name the claim
     * @return its value, or null
     */
    public @Nullable String claimString(String name) {
      return claims.get(name) instanceof String s ? s : null;
    }

    /**
     * Returns a numeric claim.
     *
     * @param name the claim
     * @return its value, or null
     */
    public @Nullable Long claimLong(String name) {
      return claims.get(name) instanceof Number n ? n.longValue() : null;
    }
  }

  /** Thrown for a JWS that cannot be parsed. */
  public static final class MalformedJwsException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedJwsException(String message) {
      super(message);
    }
  }

  /**
   * Parses a compact JWS without verifying it.
   *
   * @param compact the JWS
   * @return its parts
   * @throws MalformedJwsException when it is not a three-part base64url JWS with JSON objects
   */
  public static Jws parse(String compact) throws MalformedJwsException {
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw new MalformedJwsException("a JWS has three parts, this has " + parts.length);
    }
    try {
      Map<String, Object> header = json(decode(parts[0]));
      Map<String, Object> claims = json(decode(parts[1]));
      byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
      return new Jws(header, claims, ByteString.of(input), ByteString.of(decode(parts[2])));
    } catch (RuntimeException | java.io.IOException e) {
      throw new MalformedJwsException("not a JWS: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Verifies a JWS signature.
   *
   * @param jws the JWS
   * @param key the public key
   * @return whether the signature is valid for the header's algorithm and this key
   */
  public static boolean verify(Jws jws, PublicKey key) {
    String alg = jws.headerString("alg");
    String jdkAlgorithm =
        switch (alg == null ? "" : alg) {
          case "RS256" -> "SHA256withRSA";
          case "RS384" -> "SHA384withRSA";
          case "RS512" -> "SHA512withRSA";
          case "ES256" -> "SHA256withECDSAinP1363Format";
          case "ES384" -> "SHA384withECDSAinP1363Format";
          case "ES512" -> "SHA512withECDSAinP1363Format";
          default -> null;
        };
    if (jdkAlgorithm == null) {
      return false;
    }
    boolean rsaAlg = Objects.requireNonNull(alg).startsWith("RS");
    if (rsaAlg != (key instanceof RSAPublicKey)) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(jdkAlgorithm);
      verifier.initVerify(key);
      verifier.update(jws.signingInput().toByteArray());
      return verifier.verify(jws.signature().toByteArray());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Builds a public key from a JWK.
   *
   * @param jwk the JWK's members
   * @return the key
   * @throws MalformedJwsException when the JWK is not an RSA or EC (P-256/384/521) public key
   */
  public static PublicKey publicKey(Map<String, Object> jwk) throws MalformedJwsException {
    try {
      String kty = (String) jwk.get("kty");
      if ("RSA".equals(kty)) {
        return KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(integer(jwk.get("n")), integer(jwk.get("e"))));
      }
      if ("EC".equals(kty)) {
        String curve =
            switch (String.valueOf(jwk.get("crv"))) {
              case "P-256" -> "secp256r1";
              case "P-384" -> "secp384r1";
              case "P-521" -> "secp521r1";
              default -> throw new MalformedJwsException("unsupported curve " + jwk.get("crv"));
            };
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(integer(jwk.get("x")), integer(jwk.get("y")));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
      }
      throw new MalformedJwsException("unsupported kty " + kty);
    } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
      throw new MalformedJwsException("not a usable public JWK: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Computes the RFC 7638 SHA-256 thumbprint of a public key.
   *
   * @param key an RSA or EC public key
   * @return the base64url thumbprint
   */
  public static String thumbprint(PublicKey key) {
    Map<String, String> members = new TreeMap<>();
    if (key instanceof RSAPublicKey rsa) {
      members.put("e", base64url(unsigned(rsa.getPublicExponent())));
      members.put("kty", "RSA");
      members.put("n", base64url(unsigned(rsa.getModulus())));
    } else if (key instanceof ECPublicKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      int size = (bits + 7) / 8;
      members.put(
          "crv", bits == 256 ? "P-256" : bits == 384 ? "P-384" : bits == 521 ? "P-521" : "?");
      members.put("kty", "EC");
      members.put("x", base64url(fixed(ec.getW().getAffineX(), size)));
      members.put("y", base64url(fixed(ec.getW().getAffineY(), size)));
    } else {
      throw new IllegalArgumentException("not an RSA or EC key");
    }
    StringBuilder canonical = new StringBuilder("{");
    members.forEach(
        (name, value) -> {
          if (canonical.length() > 1) {
            canonical.append(',');
          }
          canonical.append('"').append(name).append("\":\"").append(value).append('"');
        });
    canonical.append('}');
    return base64url(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Returns base64url(SHA-256(ASCII(text))), as DPoP's {@code ath}.
   *
   * @param text the text
   * @return the hash
   */
  public static String sha256Base64url(String text) {
    return base64url(sha256(text.getBytes(StandardCharsets.US_ASCII)));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> json(byte[] bytes) throws java.io.IOException {
    Map<String, Object> map = OBJECT.fromJson(new String(bytes, StandardCharsets.UTF_8));
    if (map == null) {
      throw new java.io.IOException("null");
    }
    return map;
  }

  private static byte[] decode(String part) {
    return Base64.getUrlDecoder().decode(part);
  }

  private static BigInteger integer(@Nullable Object value) {
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("a JWK member is missing or not a string");
    }
    return new BigInteger(1, decode(text));
  }

  private static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      byte[] trimmed = new byte[bytes.length - 1];
      System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return bytes;
  }

  private static byte[] fixed(BigInteger value, int size) {
    byte[] bytes = unsigned(value);
    byte[] out = new byte[size];
    System.arraycopy(bytes, 0, out, size - bytes.length, bytes.length);
    return out;
  }
}
