package org.workforceiam.entra;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import org.workforceiam.http.Der;
import org.workforceiam.http.Pem;

/** Keys and certificates for tests, made once per class loader: RSA key generation is slow. */
final class TestCerts {
  /** A key and its self-signed certificate, valid for a year from {@link ScriptedEntra#NOW}. */
  static final EntraCertificate MADE =
      EntraCertificate.builder()
          .subject("CN=tests")
          .clock(new ScriptedEntra.MutableClock(ScriptedEntra.NOW))
          .generate();

  /** Another key and certificate. */
  static final EntraCertificate OTHER =
      EntraCertificate.builder()
          .subject("CN=other")
          .clock(new ScriptedEntra.MutableClock(ScriptedEntra.NOW))
          .generate();

  private TestCerts() {}

  static String keyPkcs8Pem(EntraCertificate made) {
    return Pem.write("PRIVATE KEY", made.privateKey().getEncoded());
  }

  /** PKCS#1 RSAPrivateKey, as {@code openssl genrsa} writes it. */
  static String keyPkcs1Pem(EntraCertificate made) {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) made.privateKey();
    byte[] der =
        Der.sequence(
            Der.integer(BigInteger.ZERO),
            Der.integer(key.getModulus()),
            Der.integer(key.getPublicExponent()),
            Der.integer(key.getPrivateExponent()),
            Der.integer(key.getPrimeP()),
            Der.integer(key.getPrimeQ()),
            Der.integer(key.getPrimeExponentP()),
            Der.integer(key.getPrimeExponentQ()),
            Der.integer(key.getCrtCoefficient()));
    return Pem.write("RSA PRIVATE KEY", der);
  }

  static KeyPair rsa(int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair ec() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
