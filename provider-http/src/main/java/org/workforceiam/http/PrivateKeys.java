package org.workforceiam.http;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;

/**
 * Reads a service app's private key from the formats people have: PEM PKCS#8, PEM PKCS#1 (RSA), PEM
 * SEC1 (EC), and JWK JSON as Okta's console generates it (and RSA PEM, as Microsoft Entra ID
 * takes). Everything is parsed by the JDK; an unreadable key fails with a message that says what
 * was found and how to fix it, and never contains any of the key.
 */
public final class PrivateKeys {
  static final int MIN_RSA_BITS = 2048;
  private static final String FIX_HINT =
      "; expected a PEM private key (-----BEGIN PRIVATE KEY-----, -----BEGIN RSA PRIVATE KEY-----"
          + " or -----BEGIN EC PRIVATE KEY-----) or a JWK JSON private key";

  private PrivateKeys() {}

  /**
   * Reads a private key file.
   *
   * @param file the file
   * @return the key
   * @throws IamException.InvalidConfiguration when the file cannot be read or holds no usable key
   */
  public static ServiceAppKey fromFile(Path file) {
    Objects.requireNonNull(file, "file == null");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw invalid("private key file " + file + " does not exist", null);
    } catch (IOException | RuntimeException e) {
      throw invalid(
          "private key file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")",
          null);
    }
    return fromText(text, "private key file " + file);
  }

  /**
   * Reads a private key from text, for example an environment variable's content.
   *
   * @param text PEM or JWK JSON
   * @param source how to name the text in error messages, for example "private key file x.pem"
   * @return the key
   * @throws IamException.InvalidConfiguration when the text holds no usable key
   */
  public static ServiceAppKey fromText(String text, String source) {
    Objects.requireNonNull(text, "text == null");
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw invalid(source + " is empty" + FIX_HINT, null);
    }
    if (trimmed.startsWith("{")) {
      return fromJwk(trimmed, source);
    }
    if (trimmed.contains("-----BEGIN ")) {
      return fromPem(trimmed, source);
    }
    throw invalid(source + " is neither PEM nor JSON" + FIX_HINT, null);
  }

  /**
   * Takes a key the caller already holds.
   *
   * @param key an RSA (2048 bits or more) or EC (P-256, P-384, P-521) private key
   * @param keyId the key's id, when known
   * @return the key
   * @throws IamException.InvalidConfiguration when the key is of an unsupported kind or size
   */
  public static ServiceAppKey fromKey(PrivateKey key, @Nullable String keyId) {
    Objects.requireNonNull(key, "key == null");
    return new ServiceAppKey(key, Optional.ofNullable(keyId), algorithmFor(key, "the private key"));
  }

  // ------------------------------------------------------------------ PEM

  private static ServiceAppKey fromPem(String pem, String source) {
    Pem.Block block = Pem.read(pem, source, "", FIX_HINT);
    String label = block.label();
    byte[] der = block.der();
    return switch (label) {
      case "PRIVATE KEY" -> fromPkcs8(der, source);
      case "RSA PRIVATE KEY" -> fromPkcs1(der, source);
      case "EC PRIVATE KEY" -> fromSec1(der, source);
      case "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE" ->
          throw invalid(
              source
                  + " holds a "
                  + label.toLowerCase(Locale.ROOT)
                  + ", not a private key: the public key is registered with the identity provider, this client needs the"
                  + " private key",
              null);
      case "OPENSSH PRIVATE KEY" ->
          throw invalid(
              source
                  + " is in OpenSSH format, which is not supported; convert it to PKCS#8, for"
                  + " example with: ssh-keygen -p -m PKCS8 -f key",
              null);
      default ->
          throw invalid(source + " holds a PEM block of type '" + label + "'" + FIX_HINT, null);
    };
  }

  private static ServiceAppKey fromPkcs8(byte[] der, String source) {
    String algorithm;
    try {
      Der.Reader info = new Der.Reader(der).read(Der.SEQUENCE);
      info.integer();
      algorithm = info.read(Der.SEQUENCE).objectIdentifier();
    } catch (Der.MalformedException e) {
      throw damaged(source, e);
    }
    String keyAlgorithm;
    if (algorithm.equals("1.2.840.113549.1.1.1")) {
      keyAlgorithm = "RSA";
    } else if (algorithm.equals("1.2.840.10045.2.1")) {
      keyAlgorithm = "EC";
    } else {
      throw invalid(
          source
              + " holds a key of algorithm "
              + algorithm
              + ", which is not supported; use an RSA (2048 bits or more) or EC (P-256, P-384,"
              + " P-521) key",
          null);
    }
    return build(keyAlgorithm, new PKCS8EncodedKeySpec(der), Optional.empty(), source);
  }

  private static ServiceAppKey fromPkcs1(byte[] der, String source) {
    try {
      Der.Reader key = new Der.Reader(der).read(Der.SEQUENCE);
      key.integer(); // version
      BigInteger modulus = key.integer();
      BigInteger publicExponent = key.integer();
      BigInteger privateExponent = key.integer();
      BigInteger primeP = key.integer();
      BigInteger primeQ = key.integer();
      BigInteger exponentP = key.integer();
      BigInteger exponentQ = key.integer();
      BigInteger coefficient = key.integer();
      return build(
          "RSA",
          new RSAPrivateCrtKeySpec(
              modulus,
              publicExponent,
              privateExponent,
              primeP,
              primeQ,
              exponentP,
              exponentQ,
              coefficient),
          Optional.empty(),
          source);
    } catch (Der.MalformedException e) {
      throw damaged(source, e);
    }
  }

  private static ServiceAppKey fromSec1(byte[] der, String source) {
    BigInteger secret;
    String curveOid = null;
    try {
      Der.Reader key = new Der.Reader(der).read(Der.SEQUENCE);
      key.integer(); // version
      secret = new BigInteger(1, key.read(Der.OCTET_STRING).bytes());
      while (key.hasMore()) {
        int tag = key.peekTag();
        Der.Reader tagged = key.read(tag);
        if (tag == 0xa0) {
          curveOid = tagged.objectIdentifier();
        }
      }
    } catch (Der.MalformedException e) {
      throw damaged(source, e);
    }
    if (curveOid == null) {
      throw invalid(
          source
              + " does not name its curve; convert it to PKCS#8, for example with: openssl pkcs8"
              + " -topk8 -nocrypt -in ec.pem -out key.pem",
          null);
    }
    Curve curve = Curve.byOid(curveOid, source);
    return build("EC", new ECPrivateKeySpec(secret, curve.parameters()), Optional.empty(), source);
  }

  // ------------------------------------------------------------------ JWK

  private static ServiceAppKey fromJwk(String json, String source) {
    Map<String, Object> jwk;
    try {
      jwk = Objects.requireNonNull(Json.OBJECT.fromJson(json));
    } catch (IOException | RuntimeException e) {
      throw invalid(source + " is not valid JSON (or is truncated)" + FIX_HINT, null);
    }
    if (jwk.get("keys") instanceof List<?> keys) {
      if (keys.size() != 1 || !(keys.get(0) instanceof Map<?, ?>)) {
        throw invalid(
            source + " is a JWK set with " + keys.size() + " keys; give the one private key", null);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> only = (Map<String, Object>) keys.get(0);
      jwk = only;
    }
    Optional<String> keyId = Optional.ofNullable(stringOrNull(jwk, "kid"));
    String kty = stringOrNull(jwk, "kty");
    if (kty == null) {
      throw invalid(source + " is JSON but not a JWK: it has no \"kty\"" + FIX_HINT, null);
    }
    if (stringOrNull(jwk, "d") == null) {
      throw invalid(
          source
              + " is a public JWK: it has no private part (\"d\"); the public key is registered with the identity provider,"
              + " this client needs the private key",
          null);
    }
    return switch (kty) {
      case "RSA" -> {
        BigInteger modulus = jwkInteger(jwk, "n", source);
        BigInteger publicExponent = jwkInteger(jwk, "e", source);
        BigInteger privateExponent = jwkInteger(jwk, "d", source);
        KeySpec spec =
            jwk.containsKey("p")
                ? new RSAPrivateCrtKeySpec(
                    modulus,
                    publicExponent,
                    privateExponent,
                    jwkInteger(jwk, "p", source),
                    jwkInteger(jwk, "q", source),
                    jwkInteger(jwk, "dp", source),
                    jwkInteger(jwk, "dq", source),
                    jwkInteger(jwk, "qi", source))
                : new RSAPrivateKeySpec(modulus, privateExponent);
        yield build("RSA", spec, keyId, source);
      }
      case "EC" -> {
        String crv = stringOrNull(jwk, "crv");
        Curve curve = Curve.byJwkName(crv == null ? "(none)" : crv, source);
        yield build(
            "EC",
            new ECPrivateKeySpec(jwkInteger(jwk, "d", source), curve.parameters()),
            keyId,
            source);
      }
      default ->
          throw invalid(
              source
                  + " is a JWK of type \""
                  + kty
                  + "\", which is not supported; use an RSA or EC key",
              null);
    };
  }

  private static @Nullable String stringOrNull(Map<String, Object> jwk, String name) {
    Object value = jwk.get(name);
    return value instanceof String text && !text.isBlank() ? text : null;
  }

  private static BigInteger jwkInteger(Map<String, Object> jwk, String name, String source) {
    String value = stringOrNull(jwk, name);
    if (value == null) {
      throw invalid(source + " is an incomplete JWK: \"" + name + "\" is missing", null);
    }
    try {
      return new BigInteger(1, Base64.getUrlDecoder().decode(value));
    } catch (IllegalArgumentException e) {
      throw invalid(source + " is a damaged JWK: \"" + name + "\" is not base64url-encoded", null);
    }
  }

  // ------------------------------------------------------------------ common

  private static ServiceAppKey build(
      String algorithm, KeySpec spec, Optional<String> keyId, String source) {
    PrivateKey key;
    try {
      key = KeyFactory.getInstance(algorithm).generatePrivate(spec);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw invalid(
          source + " is damaged or truncated: the JDK cannot read it as an " + algorithm + " key",
          null);
    }
    return new ServiceAppKey(key, keyId, algorithmFor(key, source));
  }

  /** The JWS algorithm for a key: RS256 for RSA, ES256/ES384/ES512 by EC curve. */
  static String algorithmFor(PrivateKey key, String source) {
    if (key instanceof RSAPrivateKey rsa) {
      int bits = rsa.getModulus().bitLength();
      if (bits < MIN_RSA_BITS) {
        throw invalid(
            source
                + " is an RSA key of "
                + bits
                + " bits; identity providers and this library need at least "
                + MIN_RSA_BITS
                + " bits: generate a new key",
            null);
      }
      return "RS256";
    }
    if (key instanceof ECPrivateKey ec) {
      return Curve.of(ec.getParams(), source).jwsAlgorithm();
    }
    throw invalid(
        source
            + " is a "
            + key.getAlgorithm()
            + " key, which is not supported; use an RSA (2048 bits or more) or EC (P-256, P-384,"
            + " P-521) key",
        null);
  }

  private static IamException.InvalidConfiguration damaged(
      String source, Der.MalformedException e) {
    return invalid(source + " is damaged or truncated (" + e.getMessage() + ")", null);
  }

  static IamException.InvalidConfiguration invalid(String message, @Nullable Throwable cause) {
    return new IamException.InvalidConfiguration(message, ErrorDetails.none(), cause);
  }

  /** The EC curves accepted for signing. */
  enum Curve {
    P256("P-256", "secp256r1", "1.2.840.10045.3.1.7", "ES256"),
    P384("P-384", "secp384r1", "1.3.132.0.34", "ES384"),
    P521("P-521", "secp521r1", "1.3.132.0.35", "ES512");

    private final String jwkName;
    private final String jdkName;
    private final String oid;
    private final String jwsAlgorithm;

    Curve(String jwkName, String jdkName, String oid, String jwsAlgorithm) {
      this.jwkName = jwkName;
      this.jdkName = jdkName;
      this.oid = oid;
      this.jwsAlgorithm = jwsAlgorithm;
    }

    String jwkName() {
      return jwkName;
    }

    String jdkName() {
      return jdkName;
    }

    String jwsAlgorithm() {
      return jwsAlgorithm;
    }

    ECParameterSpec parameters() {
      try {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(jdkName));
        return parameters.getParameterSpec(ECParameterSpec.class);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK lacks the standard curve " + jdkName, e);
      }
    }

    static Curve of(ECParameterSpec spec, String source) {
      for (Curve curve : values()) {
        ECParameterSpec standard = curve.parameters();
        if (standard.getOrder().equals(spec.getOrder())
            && standard.getCurve().equals(spec.getCurve())
            && standard.getGenerator().equals(spec.getGenerator())) {
          return curve;
        }
      }
      throw unsupportedCurve(source, "its curve");
    }

    static Curve byOid(String oid, String source) {
      for (Curve curve : values()) {
        if (curve.oid.equals(oid)) {
          return curve;
        }
      }
      throw unsupportedCurve(source, "curve " + oid);
    }

    static Curve byJwkName(String name, String source) {
      for (Curve curve : values()) {
        if (curve.jwkName.equals(name)) {
          return curve;
        }
      }
      throw unsupportedCurve(source, "curve \"" + name + "\"");
    }

    private static IamException.InvalidConfiguration unsupportedCurve(String source, String what) {
      return invalid(
          source
              + " is an EC key on "
              + what
              + ", which is not supported; use P-256, P-384 or"
              + " P-521",
          null);
    }
  }
}
