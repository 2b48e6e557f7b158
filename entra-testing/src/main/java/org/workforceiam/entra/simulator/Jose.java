package org.workforceiam.entra.simulator;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The JOSE the simulated Entra needs, written against the RFCs with nothing but the JDK, so it
 * checks a client's assertions independently of the library that made them: decoding a compact JWS,
 * verifying RS256 and PS256 signatures, and the certificate thumbprints Entra matches assertions
 * with ({@code x5t#S256}, {@code x5t}).
 *
 * <pre>{@code
 * String assertion = entra.calls().get(0).formField("client_assertion").orElseThrow();
 * assertThat(Jose.header(assertion)).containsEntry("x5t#S256", Jose.x5tS256(certificate));
 * assertThat(Jose.claims(assertion)).containsEntry("aud", entra.tokenUrl());
 * }</pre>
 */
public final class Jose {
  private static final JsonAdapter<Map<String, Object>> OBJECT =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private Jose() {}

  /**
   * Decodes the protected header of a compact JWS, without verifying it.
   *
   * @param jws the compact JWS, such as a client assertion or an access token
   * @return the header's members
   * @throws IllegalArgumentException when it is not a three-part base64url JWS of JSON objects
   */
  public static Map<String, Object> header(String jws) {
    return parse(jws).header();
  }

  /**
   * Decodes the claims of a compact JWS, without verifying it.
   *
   * @param jws the compact JWS
   * @return its claims; numbers are {@link Double}s, as Moshi reads them
   * @throws IllegalArgumentException when it is not a three-part base64url JWS of JSON objects
   */
  public static Map<String, Object> claims(String jws) {
    return parse(jws).claims();
  }

  /**
   * Returns a certificate's {@code x5t#S256}: the base64url SHA-256 of its DER encoding.
   *
   * @param certificate the certificate
   * @return the thumbprint, as a client assertion's header carries it
   */
  public static String x5tS256(X509Certificate certificate) {
    return base64url(digest("SHA-256", der(certificate)));
  }

  /**
   * Returns a certificate's {@code x5t}: the base64url SHA-1 of its DER encoding.
   *
   * @param certificate the certificate
   * @return the thumbprint, as a client assertion's header carries it
   */
  public static String x5t(X509Certificate certificate) {
    return base64url(digest("SHA-1", der(certificate)));
  }

  /**
   * Returns a certificate's SHA-1 thumbprint as the Entra portal shows it: 40 upper-case hex
   * digits.
   *
   * @param certificate the certificate
   * @return the thumbprint
   */
  public static String sha1Hex(X509Certificate certificate) {
    return HexFormat.of().withUpperCase().formatHex(digest("SHA-1", der(certificate)));
  }

  // ------------------------------------------------------------------ for the simulator

  /** A compact JWS taken apart. */
  record Jws(
      Map<String, Object> header,
      Map<String, Object> claims,
      okio.ByteString signingInput,
      okio.ByteString signature) {
    @Nullable String headerString(String name) {
      return header.get(name) instanceof String s ? s : null;
    }

    @Nullable String claimString(String name) {
      return claims.get(name) instanceof String s ? s : null;
    }

    @Nullable Long claimLong(String name) {
      return claims.get(name) instanceof Number n ? n.longValue() : null;
    }
  }

  static Jws parse(String compact) {
    Objects.requireNonNull(compact, "jws == null");
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("a compact JWS has three parts, this has " + parts.length);
    }
    try {
      Map<String, Object> header = json(decode(parts[0]));
      Map<String, Object> claims = json(decode(parts[1]));
      byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
      return new Jws(
          header, claims, okio.ByteString.of(input), okio.ByteString.of(decode(parts[2])));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a JWS: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Verifies an RS256 or PS256 signature with an RSA key; false for any other algorithm. */
  static boolean verify(Jws jws, PublicKey key) {
    if (!(key instanceof RSAPublicKey)) {
      return false;
    }
    try {
      Signature verifier = signature(jws.headerString("alg"));
      if (verifier == null) {
        return false;
      }
      verifier.initVerify(key);
      verifier.update(jws.signingInput().toByteArray());
      return verifier.verify(jws.signature().toByteArray());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Signs an RS256 JWS. */
  static String signRs256(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
    String input =
        base64url(OBJECT.toJson(header).getBytes(StandardCharsets.UTF_8))
            + "."
            + base64url(OBJECT.toJson(claims).getBytes(StandardCharsets.UTF_8));
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + base64url(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with RS256", e);
    }
  }

  private static @Nullable Signature signature(@Nullable String alg)
      throws GeneralSecurityException {
    if ("RS256".equals(alg)) {
      return Signature.getInstance("SHA256withRSA");
    }
    if ("PS256".equals(alg)) {
      Signature pss = Signature.getInstance("RSASSA-PSS");
      pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      return pss;
    }
    return null;
  }

  static byte[] der(X509Certificate certificate) {
    try {
      return Objects.requireNonNull(certificate, "certificate == null").getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate cannot be DER-encoded", e);
    }
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is missing from the JDK", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes).toUpperCase(Locale.ROOT);
  }

  static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] decode(String part) {
    return Base64.getUrlDecoder().decode(part);
  }

  private static Map<String, Object> json(byte[] bytes) throws IOException {
    Map<String, Object> map = OBJECT.fromJson(new String(bytes, StandardCharsets.UTF_8));
    if (map == null) {
      throw new IOException("null");
    }
    return map;
  }
}
