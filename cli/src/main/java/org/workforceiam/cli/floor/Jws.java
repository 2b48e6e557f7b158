package org.workforceiam.cli.floor;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;

/**
 * The least a client does to sign the JWTs the wire asks for, with the JDK alone: a JSON object of
 * a few members, base64url, and one signature (RS256 for Okta's client assertion, PS256 for
 * Entra's, ES256 for a DPoP proof, as raw {@code r || s}).
 *
 * <p>Not provider-http's {@code Jws} on purpose: the floor is the least a client does, no Moshi.
 */
final class Jws {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** The signature algorithms the floors sign with. */
  enum Algorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256. */
    RS256,
    /** RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt (RFC 7518, 3.5). */
    PS256,
    /** ECDSA P-256 with SHA-256, the signature as raw {@code r || s}. */
    ES256
  }

  /** A JSON value written as it is, such as a nested object. */
  record Raw(String json) {}

  private Jws() {}

  /**
   * Signs a JWS in compact form.
   *
   * @param header the protected header, a JSON object
   * @param claims the payload, a JSON object
   * @param key the signing key
   * @param algorithm the algorithm, which the header names
   * @return {@code header.payload.signature}
   */
  static String sign(String header, String claims, PrivateKey key, Algorithm algorithm) {
    String signingInput = base64Url(utf8(header)) + "." + base64Url(utf8(claims));
    try {
      Signature signature =
          switch (algorithm) {
            case RS256 -> Signature.getInstance("SHA256withRSA");
            case PS256 -> {
              Signature pss = Signature.getInstance("RSASSA-PSS");
              pss.setParameter(
                  new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
              yield pss;
            }
            case ES256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
          };
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + base64Url(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with " + key.getAlgorithm() + ": " + e, e);
    }
  }

  /**
   * Returns a JSON object of the members given as name, value, name, value...; a value is a string,
   * a number, or {@link Raw} JSON.
   */
  static String object(Object... members) {
    StringBuilder json = new StringBuilder(128).append('{');
    for (int i = 0; i < members.length; i += 2) {
      if (i > 0) {
        json.append(',');
      }
      quote(json, (String) members[i]).append(':');
      Object value = members[i + 1];
      if (value instanceof String text) {
        quote(json, text);
      } else if (value instanceof Raw raw) {
        json.append(raw.json());
      } else {
        json.append(value);
      }
    }
    return json.append('}').toString();
  }

  /** The public JWK of an EC P-256 key: {@code kty}, {@code crv}, {@code x}, {@code y}. */
  static Raw jwk(ECPublicKey key) {
    return new Raw(
        object(
            "kty",
            "EC",
            "crv",
            "P-256",
            "x",
            base64Url(coordinate(key.getW().getAffineX())),
            "y",
            base64Url(coordinate(key.getW().getAffineY()))));
  }

  static String base64Url(byte[] bytes) {
    return BASE64URL.encodeToString(bytes);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A P-256 coordinate as exactly 32 unsigned big-endian bytes. */
  private static byte[] coordinate(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[32];
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
    return fixed;
  }

  private static StringBuilder quote(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"');
  }
}
