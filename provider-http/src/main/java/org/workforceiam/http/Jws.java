package org.workforceiam.http;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Signs the JWTs the adapters send (client assertions, DPoP proofs) in the JWS compact
 * serialization (RFC 7515), with the JDK alone: header and claims written by {@link Json#OBJECT},
 * base64url without padding, then the signature. The algorithms are those of RFC 7518, 3.3 to 3.5:
 * RS256 is RSASSA-PKCS1-v1_5 with SHA-256; PS256 is RSASSA-PSS with SHA-256, MGF1 with SHA-256 and
 * a 32-byte salt; ES256, ES384 and ES512 are ECDSA whose signature is R and S as fixed-length
 * unsigned integers, which is what the JDK's {@code SHA256withECDSAinP1363Format} and its siblings
 * produce.
 *
 * <p>A JWT library is not needed to sign two kinds of token: jjwt cost a sync about 300 classes
 * loaded before its first request and 65 KB allocated per DPoP proof (benchmarks/PERFORMANCE.md),
 * and jjwt-api, which names no module, would make a module require it by its file name.
 *
 * <pre>{@code
 * Map<String, Object> header = new LinkedHashMap<>();
 * header.put("typ", "JWT");
 * String assertion = Jws.sign(header, claims, key, Jws.Algorithm.PS256);
 * }</pre>
 *
 * <p>Thread-safe: nothing is kept between calls. A signed token is a credential: callers neither
 * log nor keep it.
 */
public final class Jws {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Jws() {}

  /** The JWS algorithms the adapters sign with, each with the JDK algorithm that computes it. */
  public enum Algorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256; an RSA key. */
    RS256("SHA256withRSA", null, 0),
    /** RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt; an RSA key. */
    PS256(
        "RSASSA-PSS", new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1), 0),
    /** ECDSA on P-256 with SHA-256; an EC key on P-256. */
    ES256("SHA256withECDSAinP1363Format", null, 256),
    /** ECDSA on P-384 with SHA-384; an EC key on P-384. */
    ES384("SHA384withECDSAinP1363Format", null, 384),
    /** ECDSA on P-521 with SHA-512; an EC key on P-521. */
    ES512("SHA512withECDSAinP1363Format", null, 521);

    private final String jdkName;

    /** The PSS parameters; {@link PSSParameterSpec} has only final fields of immutable types. */
    @SuppressWarnings("ImmutableEnumChecker")
    private final @Nullable PSSParameterSpec pss;

    /** The size in bits of the curve's order, for ECDSA; 0 for RSA. */
    private final int curveBits;

    Algorithm(String jdkName, @Nullable PSSParameterSpec pss, int curveBits) {
      this.jdkName = jdkName;
      this.pss = pss;
      this.curveBits = curveBits;
    }

    /** A new, initialised signer: {@link Signature} is not thread-safe, so one per token. */
    Signature signer(PrivateKey key) throws GeneralSecurityException {
      Signature signature = Signature.getInstance(jdkName);
      if (pss != null) {
        signature.setParameter(pss);
      }
      signature.initSign(key);
      return signature;
    }

    /** The kind of key this algorithm needs, as an error message names it. */
    String keyKind() {
      return curveBits == 0 ? "an RSA key" : "an EC key on P-" + curveBits;
    }

    boolean fits(PrivateKey key) {
      if (curveBits == 0) {
        return key instanceof RSAKey;
      }
      return key instanceof ECKey ec && ec.getParams().getOrder().bitLength() == curveBits;
    }
  }

  /**
   * Signs a JWS.
   *
   * @param header the protected header without {@code alg}, which is written first, from {@code
   *     algorithm}, followed by these members in their iteration order
   * @param claims the claims, written in their iteration order
   * @param key the signing key, of the kind the algorithm needs
   * @param algorithm the algorithm
   * @return {@code header.claims.signature}, each base64url without padding
   * @throws IllegalArgumentException when the header has an {@code alg} member or the key does not
   *     fit the algorithm
   */
  public static String sign(
      Map<String, Object> header, Map<String, Object> claims, PrivateKey key, Algorithm algorithm) {
    Objects.requireNonNull(header, "header == null");
    Objects.requireNonNull(claims, "claims == null");
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(algorithm, "algorithm == null");
    if (header.containsKey("alg")) {
      throw new IllegalArgumentException(
          "header must not hold alg: it is written from the algorithm, " + algorithm);
    }
    if (!algorithm.fits(key)) {
      throw new IllegalArgumentException(
          algorithm + " needs " + algorithm.keyKind() + ", not this " + describe(key));
    }
    Map<String, Object> protectedHeader = new LinkedHashMap<>();
    protectedHeader.put("alg", algorithm.name());
    protectedHeader.putAll(header);
    String input =
        part(Json.OBJECT.toJson(protectedHeader)) + "." + part(Json.OBJECT.toJson(claims));
    try {
      Signature signature = algorithm.signer(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + BASE64URL.encodeToString(signature.sign());
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException(
          "the JDK cannot sign " + algorithm + " with this " + describe(key), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot sign with " + algorithm, e);
    }
  }

  /**
   * Returns the public JWK of a P-256 key (RFC 7518, 6.2.1): {@code kty}, {@code crv}, and the
   * coordinates {@code x} and {@code y} as 32 unsigned big-endian bytes each, base64url.
   *
   * @param key a P-256 public key
   * @return the JWK's members, in that order, in a new mutable map
   * @throws IllegalArgumentException when the key is on another curve
   */
  public static Map<String, Object> p256Jwk(ECPublicKey key) {
    Objects.requireNonNull(key, "key == null");
    int bits = key.getParams().getOrder().bitLength();
    if (bits != 256) {
      throw new IllegalArgumentException(
          "a P-256 JWK needs a key on P-256, not on a curve of " + bits + " bits");
    }
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kty", "EC");
    jwk.put("crv", "P-256");
    jwk.put("x", BASE64URL.encodeToString(coordinate(key.getW().getAffineX())));
    jwk.put("y", BASE64URL.encodeToString(coordinate(key.getW().getAffineY())));
    return jwk;
  }

  /**
   * Returns the RFC 7638 SHA-256 thumbprint of a P-256 public key: the hash of its JWK's required
   * members ({@code crv}, {@code kty}, {@code x}, {@code y}) in that order, without white space.
   *
   * @param key a P-256 public key
   * @return the thumbprint, base64url without padding
   * @throws IllegalArgumentException when the key is on another curve
   */
  public static String thumbprint(ECPublicKey key) {
    Map<String, Object> jwk = p256Jwk(key);
    // x and y are base64url: nothing in them needs escaping in JSON.
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

  /** The key's kind and size, never any of its value. */
  private static String describe(PrivateKey key) {
    if (key instanceof ECKey ec) {
      return "EC key on a curve of " + ec.getParams().getOrder().bitLength() + " bits";
    }
    if (key instanceof RSAKey) {
      return "RSA key";
    }
    return key.getAlgorithm() + " key";
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
