package org.workforceiam.okta;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.workforceiam.http.Json;

/** Key pairs and the key encodings people bring, made in memory for tests. */
final class TestKeys {
  private TestKeys() {}

  static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  static String pkcs8Pem(KeyPair pair) {
    return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
  }

  /** PKCS#1 RSAPrivateKey, as {@code openssl genrsa} writes it. */
  static String pkcs1Pem(KeyPair pair) {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
    byte[] der =
        element(
            0x30,
            integer(BigInteger.ZERO),
            integer(key.getModulus()),
            integer(key.getPublicExponent()),
            integer(key.getPrivateExponent()),
            integer(key.getPrimeP()),
            integer(key.getPrimeQ()),
            integer(key.getPrimeExponentP()),
            integer(key.getPrimeExponentQ()),
            integer(key.getCrtCoefficient()));
    return pem("RSA PRIVATE KEY", der);
  }

  /** SEC1 ECPrivateKey with its named curve, as {@code openssl ecparam -genkey} writes it. */
  static String sec1Pem(KeyPair pair, String curveOid) {
    ECPrivateKey key = (ECPrivateKey) pair.getPrivate();
    int size = (key.getParams().getCurve().getField().getFieldSize() + 7) / 8;
    byte[] der =
        element(
            0x30,
            integer(BigInteger.ONE),
            element(0x04, fixed(key.getS(), size)),
            element(0xa0, oid(curveOid)));
    return pem("EC PRIVATE KEY", der);
  }

  static Map<String, Object> rsaJwk(KeyPair pair, String kid) {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kty", "RSA");
    jwk.put("kid", kid);
    jwk.put("n", b64(key.getModulus()));
    jwk.put("e", b64(key.getPublicExponent()));
    jwk.put("d", b64(key.getPrivateExponent()));
    jwk.put("p", b64(key.getPrimeP()));
    jwk.put("q", b64(key.getPrimeQ()));
    jwk.put("dp", b64(key.getPrimeExponentP()));
    jwk.put("dq", b64(key.getPrimeExponentQ()));
    jwk.put("qi", b64(key.getCrtCoefficient()));
    return jwk;
  }

  static Map<String, Object> ecJwk(KeyPair pair, String crv, String kid) {
    ECPrivateKey key = (ECPrivateKey) pair.getPrivate();
    java.security.interfaces.ECPublicKey pub =
        (java.security.interfaces.ECPublicKey) pair.getPublic();
    int size = (key.getParams().getCurve().getField().getFieldSize() + 7) / 8;
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kty", "EC");
    jwk.put("kid", kid);
    jwk.put("crv", crv);
    jwk.put("x", b64(fixed(pub.getW().getAffineX(), size)));
    jwk.put("y", b64(fixed(pub.getW().getAffineY(), size)));
    jwk.put("d", b64(fixed(key.getS(), size)));
    return jwk;
  }

  static String json(Map<String, Object> map) {
    return Json.OBJECT.toJson(map);
  }

  private static String b64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return b64(bytes);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] fixed(BigInteger value, int size) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[size];
    int copy = Math.min(bytes.length, size);
    System.arraycopy(bytes, bytes.length - copy, out, size - copy, copy);
    return out;
  }

  private static byte[] integer(BigInteger value) {
    return element(0x02, value.toByteArray());
  }

  static byte[] element(int tag, byte[]... contents) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] part : contents) {
      body.writeBytes(part);
    }
    byte[] value = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (value.length < 0x80) {
      out.write(value.length);
    } else if (value.length < 0x100) {
      out.write(0x81);
      out.write(value.length);
    } else {
      out.write(0x82);
      out.write(value.length >> 8);
      out.write(value.length & 0xff);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  private static byte[] oid(String dotted) {
    String[] parts = dotted.split("\\.", -1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
    for (int i = 2; i < parts.length; i++) {
      long value = Long.parseLong(parts[i]);
      int groups = 1;
      for (long rest = value >> 7; rest > 0; rest >>= 7) {
        groups++;
      }
      for (int g = groups - 1; g >= 0; g--) {
        int septet = (int) ((value >> (7 * g)) & 0x7f);
        out.write(g == 0 ? septet : septet | 0x80);
      }
    }
    return element(0x06, out.toByteArray());
  }
}
