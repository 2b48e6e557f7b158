package org.workforceiam.cli;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Private keys in the formats people bring besides keygen's PKCS#8: PKCS#1, SEC1 and JWK. */
final class KeyFiles {
  /** The DER of OID 1.2.840.10045.3.1.7, the P-256 curve. */
  private static final byte[] P256 = {
    0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07
  };

  private KeyFiles() {}

  static KeyPair rsa() {
    return generate("RSA", null);
  }

  static KeyPair p256() {
    return generate("EC", new ECGenParameterSpec("secp256r1"));
  }

  private static KeyPair generate(String algorithm, ECGenParameterSpec curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (curve == null) {
        generator.initialize(2048);
      } else {
        generator.initialize(curve);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PKCS#1 {@code BEGIN RSA PRIVATE KEY}, as {@code openssl genrsa -traditional} writes it. */
  static String pkcs1Pem(KeyPair pair) {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
    return pem(
        "RSA PRIVATE KEY",
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
            integer(key.getCrtCoefficient())));
  }

  /** SEC1 {@code BEGIN EC PRIVATE KEY} with its curve, as {@code openssl ecparam -genkey}. */
  static String sec1Pem(KeyPair pair) {
    ECPrivateKey key = (ECPrivateKey) pair.getPrivate();
    return pem(
        "EC PRIVATE KEY",
        element(
            0x30,
            integer(BigInteger.ONE),
            element(0x04, unsigned(key.getS(), 32)),
            element(0xa0, P256)));
  }

  /** An RSA private key as JWK JSON, with its own kid. */
  static String rsaJwk(KeyPair pair, String kid) {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
    return "{\"kty\":\"RSA\",\"kid\":\""
        + kid
        + "\",\"n\":\""
        + b64(key.getModulus())
        + "\",\"e\":\""
        + b64(key.getPublicExponent())
        + "\",\"d\":\""
        + b64(key.getPrivateExponent())
        + "\",\"p\":\""
        + b64(key.getPrimeP())
        + "\",\"q\":\""
        + b64(key.getPrimeQ())
        + "\",\"dp\":\""
        + b64(key.getPrimeExponentP())
        + "\",\"dq\":\""
        + b64(key.getPrimeExponentQ())
        + "\",\"qi\":\""
        + b64(key.getCrtCoefficient())
        + "\"}";
  }

  /** An EC P-256 private key as JWK JSON, with its own kid. */
  static String ecJwk(KeyPair pair, String kid) {
    ECPrivateKey key = (ECPrivateKey) pair.getPrivate();
    ECPublicKey pub = (ECPublicKey) pair.getPublic();
    return "{\"kty\":\"EC\",\"kid\":\""
        + kid
        + "\",\"crv\":\"P-256\",\"x\":\""
        + b64(unsigned(pub.getW().getAffineX(), 32))
        + "\",\"y\":\""
        + b64(unsigned(pub.getW().getAffineY(), 32))
        + "\",\"d\":\""
        + b64(unsigned(key.getS(), 32))
        + "\"}";
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  private static byte[] integer(BigInteger value) {
    return element(0x02, value.toByteArray());
  }

  private static byte[] element(int tag, byte[]... contents) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] content : contents) {
      body.writeBytes(content);
    }
    ByteArrayOutputStream der = new ByteArrayOutputStream();
    der.write(tag);
    int length = body.size();
    if (length < 0x80) {
      der.write(length);
    } else if (length < 0x100) {
      der.write(0x81);
      der.write(length);
    } else {
      der.write(0x82);
      der.write(length >> 8);
      der.write(length & 0xff);
    }
    der.writeBytes(body.toByteArray());
    return der.toByteArray();
  }

  /** The value as exactly {@code size} unsigned big-endian bytes. */
  private static byte[] unsigned(BigInteger value, int size) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[size];
    int copy = Math.min(bytes.length, size);
    System.arraycopy(bytes, bytes.length - copy, fixed, size - copy, copy);
    return fixed;
  }

  private static String b64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      byte[] trimmed = new byte[bytes.length - 1];
      System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
      bytes = trimmed;
    }
    return b64(bytes);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
