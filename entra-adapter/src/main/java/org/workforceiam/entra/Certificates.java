package org.workforceiam.entra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.Locale;
import org.workforceiam.core.ErrorDetails;
import org.workforceiam.core.IamException;
import org.workforceiam.http.Pem;
import org.workforceiam.http.PrivateKeys;
import org.workforceiam.http.ServiceAppKey;

/**
 * Reads and checks what a certificate credential is made of: the X.509 certificate (PEM, parsed by
 * the JDK's {@link CertificateFactory}), the RSA private key (PEM PKCS#8 or PKCS#1, through {@link
 * PrivateKeys}), that the two belong together, and the certificate's thumbprints. Every refusal is
 * {@link IamException.InvalidConfiguration} naming the source and the fix, never quoting a key.
 *
 * <p>Only RSA: the Microsoft identity platform does not accept ECDSA certificates for client
 * assertions (GRAPH-NOTES, "Token": MSAL Python #534, azure-sdk-for-net #6521).
 */
final class Certificates {
  /** The most bytes read of a key or certificate file; a PEM certificate is about 1.5 KB. */
  static final long MAX_FILE_BYTES = 1024 * 1024;

  static final String RSA_ONLY =
      "Microsoft Entra ID accepts only RSA certificates for client assertions; make an RSA key"
          + " (2048 bits or more) and certificate, for example with EntraCertificate or helpdesk"
          + " keygen --provider entra";

  private static final String CERT_HINT =
      "; expected the PEM certificate (-----BEGIN CERTIFICATE-----) uploaded to the app"
          + " registration";

  private Certificates() {}

  /** Reads a file's text, bounded; the source names it in messages. */
  static String readFile(Path file, String what) {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw invalid(what + " " + file + " does not exist");
    } catch (IOException | RuntimeException e) {
      throw invalid(what + " " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (size > MAX_FILE_BYTES) {
      throw invalid(
          what + " " + file + " is larger than " + MAX_FILE_BYTES + " bytes: it is no PEM file");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw invalid(what + " " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Parses a PEM certificate; the first {@code CERTIFICATE} block of a file holding several.
   *
   * @param text the PEM text
   * @param source how to name it in messages
   * @return the certificate, with an RSA public key
   */
  static X509Certificate parse(String text, String source) {
    if (!Pem.contains(text)) {
      throw invalid(source + " is not PEM" + CERT_HINT);
    }
    Pem.Block block = Pem.read(text, source, "CERTIFICATE", CERT_HINT);
    if (!block.label().equals("CERTIFICATE")) {
      throw invalid(
          source
              + " holds a "
              + block.label().toLowerCase(Locale.ROOT)
              + ", not a certificate"
              + CERT_HINT);
    }
    X509Certificate certificate;
    try (InputStream in = new ByteArrayInputStream(block.der())) {
      certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (CertificateException | IOException | RuntimeException e) {
      throw invalid(
          source + " is damaged or truncated: the JDK cannot read it as an X.509 certificate");
    }
    return requireRsa(certificate, source);
  }

  /** Refuses a certificate whose public key is not RSA. */
  static X509Certificate requireRsa(X509Certificate certificate, String source) {
    if (!(certificate.getPublicKey() instanceof RSAPublicKey)) {
      throw invalid(
          source
              + " holds a "
              + certificate.getPublicKey().getAlgorithm()
              + " certificate; "
              + RSA_ONLY);
    }
    return certificate;
  }

  /**
   * Parses a PEM private key and checks it is RSA of 2048 bits or more.
   *
   * @param text the PEM text (PKCS#8 or PKCS#1)
   * @param source how to name it in messages
   * @return the key
   */
  static RSAPrivateKey parseKey(String text, String source) {
    String trimmed = text.strip();
    if (!Pem.contains(trimmed)) {
      throw invalid(
          source
              + " is not PEM; expected an RSA private key as PEM (-----BEGIN PRIVATE KEY----- or"
              + " -----BEGIN RSA PRIVATE KEY-----)");
    }
    if (Pem.read(trimmed, source, "", "").label().equals("EC PRIVATE KEY")) {
      throw invalid(source + " holds an EC key; " + RSA_ONLY);
    }
    return requireRsa(PrivateKeys.fromText(trimmed, source).privateKey(), source);
  }

  /** Refuses a key that is not RSA of 2048 bits or more. */
  static RSAPrivateKey requireRsa(PrivateKey key, String source) {
    if (!(key instanceof RSAPrivateKey rsa)) {
      throw invalid(source + " is " + article(key.getAlgorithm()) + " key; " + RSA_ONLY);
    }
    ServiceAppKey checked = PrivateKeys.fromKey(rsa, null); // refuses fewer than 2048 bits
    return (RSAPrivateKey) checked.privateKey();
  }

  private static String article(String algorithm) {
    return (algorithm.startsWith("E") || algorithm.startsWith("R") ? "an " : "a ") + algorithm;
  }

  /**
   * Refuses a key that does not belong to the certificate: their RSA moduli (and, where the key
   * knows it, public exponents) differ.
   */
  static void requireMatch(RSAPrivateKey key, X509Certificate certificate) {
    RSAPublicKey publicKey = (RSAPublicKey) certificate.getPublicKey();
    boolean matches =
        key.getModulus().equals(publicKey.getModulus())
            && (!(key instanceof RSAPrivateCrtKey crt)
                || crt.getPublicExponent().equals(publicKey.getPublicExponent()));
    if (!matches) {
      throw invalid(
          "the private key does not belong to the certificate with SHA-1 thumbprint "
              + sha1(certificate)
              + " (their RSA public keys differ); give the key the certificate was made from");
    }
  }

  /** The SHA-1 thumbprint as the Entra admin center shows it: 40 upper-case hex digits. */
  static String sha1(X509Certificate certificate) {
    return HexFormat.of().withUpperCase().formatHex(digest("SHA-1", encoded(certificate)));
  }

  /** The SHA-256 thumbprint: 64 upper-case hex digits. */
  static String sha256(X509Certificate certificate) {
    return HexFormat.of().withUpperCase().formatHex(digest("SHA-256", encoded(certificate)));
  }

  static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate has no DER encoding", e);
    }
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  static IamException.InvalidConfiguration invalid(String message) {
    return new IamException.InvalidConfiguration(message, ErrorDetails.none());
  }
}
