package org.workforceiam.entra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Secret;
import org.workforceiam.http.Der;
import org.workforceiam.http.NewFiles;
import org.workforceiam.http.Pem;

/**
 * A new RSA key pair and a self-signed X.509 certificate for an app registration: the certificate
 * is uploaded to the app registration (Certificates &amp; secrets &gt; Certificates), the private
 * key stays with this client and signs its client assertions.
 *
 * <pre>{@code
 * EntraCertificate made = EntraCertificate.builder().subject("CN=workforce-iam").days(365).generate();
 * made.writePrivateKeyPem(Path.of("entra-app.key.pem"));   // created with mode 0600
 * made.writeCertificatePem(Path.of("entra-app.cert.pem")); // upload this one
 * String shown = made.thumbprintSha1();                    // what the admin center shows
 * EntraClient client = EntraClient.builder().credential(made.credential())...
 * }</pre>
 *
 * <p>Made with the JDK alone: the certificate is a small DER structure (RFC 5280: version 3, a
 * random positive serial, sha256WithRSAEncryption, issuer = subject = one common name, the
 * validity, the public key, and two critical extensions: basic constraints (not a CA) and key usage
 * (digital signature)), signed with SHA256withRSA, then read back with {@link CertificateFactory}
 * and verified with its own public key before it is handed out.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the private key.
 */
public final class EntraCertificate {
  private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";

  private final KeyPair keyPair;
  private final X509Certificate certificate;

  private EntraCertificate(KeyPair keyPair, X509Certificate certificate) {
    this.keyPair = keyPair;
    this.certificate = certificate;
  }

  /**
   * Starts a builder: subject {@code CN=workforce-iam}, 365 days, RSA 2048.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the certificate} */
  public X509Certificate certificate() {
    return certificate;
  }

  /** {@return the public key} */
  public PublicKey publicKey() {
    return keyPair.getPublic();
  }

  /** {@return the private key} */
  public PrivateKey privateKey() {
    return keyPair.getPrivate();
  }

  /** {@return the credential of this key and certificate, for {@link EntraClient.Builder}} */
  public EntraCredential credential() {
    return EntraCredential.certificate(keyPair.getPrivate(), certificate);
  }

  /**
   * {@return the SHA-1 thumbprint, 40 upper-case hex digits, as the Entra admin center shows it}
   */
  public String thumbprintSha1() {
    return Certificates.sha1(certificate);
  }

  /** {@return the SHA-256 thumbprint, 64 upper-case hex digits} */
  public String thumbprintSha256() {
    return Certificates.sha256(certificate);
  }

  /** {@return when the certificate starts to be valid} */
  public Instant notBefore() {
    return certificate.getNotBefore().toInstant();
  }

  /** {@return when the certificate expires; make and upload a new one before then} */
  public Instant notAfter() {
    return certificate.getNotAfter().toInstant();
  }

  /** {@return the certificate as PEM ({@code -----BEGIN CERTIFICATE-----}), to upload} */
  public String certificatePem() {
    return Pem.write("CERTIFICATE", Certificates.encoded(certificate));
  }

  /**
   * Returns the private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), for a secret
   * store.
   *
   * @return the PEM text, as a {@link Secret} so that it is never logged by accident
   */
  public Secret privateKeyPem() {
    return Secret.of(Pem.write("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
  }

  /**
   * Writes the private key as PKCS#8 PEM to a new file, created owner-only (mode 0600, where the
   * file system has POSIX permissions).
   *
   * @param file where to write; must not exist
   * @throws IamException.InvalidConfiguration when the file exists; it is never overwritten
   * @throws java.io.UncheckedIOException when writing fails
   */
  public void writePrivateKeyPem(Path file) {
    NewFiles.create(file, privateKeyPem().reveal(), true, "a private key");
  }

  /**
   * Writes the certificate as PEM to a new file.
   *
   * @param file where to write; must not exist
   * @throws IamException.InvalidConfiguration when the file exists; it is never overwritten
   * @throws java.io.UncheckedIOException when writing fails
   */
  public void writeCertificatePem(Path file) {
    NewFiles.create(file, certificatePem(), false, "a certificate");
  }

  /** {@return the subject, thumbprint and expiry; never the private key} */
  @Override
  public String toString() {
    return "EntraCertificate{subject="
        + certificate.getSubjectX500Principal().getName()
        + ", sha1="
        + thumbprintSha1()
        + ", notAfter="
        + notAfter()
        + "}";
  }

  /** Configures a new key pair and certificate. Not thread-safe. */
  public static final class Builder {
    /** The longest common name X.520 allows. */
    static final int MAX_COMMON_NAME = 64;

    /** The longest validity accepted: ten years. */
    static final int MAX_DAYS = 3650;

    private String commonName = "workforce-iam";
    private int days = 365;
    private int keySize = 2048;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the subject (and issuer): one common name, given as {@code CN=name} or {@code name}.
     *
     * @param subject such as {@code CN=workforce-iam}; 1 to 64 characters after {@code CN=}, no
     *     control characters
     * @return this builder
     * @throws IllegalArgumentException for an empty, too long or other distinguished name
     */
    public Builder subject(String subject) {
      Objects.requireNonNull(subject, "subject == null");
      String name = subject.strip();
      if (name.regionMatches(true, 0, "CN=", 0, 3)) {
        name = name.substring(3).strip();
      }
      if (name.isEmpty()
          || name.length() > MAX_COMMON_NAME
          || name.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "subject '"
                + subject.replaceAll("\\p{Cc}", "?")
                + "' must be one common name, CN= followed by 1 to "
                + MAX_COMMON_NAME
                + " characters without control characters, such as CN=workforce-iam");
      }
      if (name.regionMatches(true, 0, "CN=", 0, 3) || name.matches("(?i).*,\\s*[a-z]+=.*")) {
        throw new IllegalArgumentException(
            "subject '"
                + subject
                + "' has several attributes; this tool writes one common name, such as"
                + " CN=workforce-iam");
      }
      this.commonName = name;
      return this;
    }

    /**
     * Sets how many days the certificate is valid, from now; by default 365.
     *
     * @param days 1 to 3650
     * @return this builder
     */
    public Builder days(int days) {
      if (days < 1 || days > MAX_DAYS) {
        throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS + ": " + days);
      }
      this.days = days;
      return this;
    }

    /**
     * Sets the RSA key size; by default 2048.
     *
     * @param bits 2048, 3072 or 4096
     * @return this builder
     */
    public Builder keySize(int bits) {
      if (bits != 2048 && bits != 3072 && bits != 4096) {
        throw new IllegalArgumentException("keySize must be 2048, 3072 or 4096: " + bits);
      }
      this.keySize = bits;
      return this;
    }

    /**
     * Sets the clock that decides the validity's start; by default the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Generates the key pair and the certificate.
     *
     * @return them
     */
    public EntraCertificate generate() {
      SecureRandom rng = new SecureRandom();
      KeyPair pair;
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(keySize, rng);
        pair = generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK cannot generate an RSA key pair", e);
      }
      Instant notBefore = Instant.ofEpochSecond(clock.instant().getEpochSecond());
      Instant notAfter = notBefore.plus(Duration.ofDays(days));
      byte[] der =
          selfSigned(
              pair, commonName, new BigInteger(159, rng).add(BigInteger.ONE), notBefore, notAfter);
      X509Certificate certificate;
      try (InputStream in = new ByteArrayInputStream(der)) {
        certificate =
            (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        certificate.verify(pair.getPublic());
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException("the certificate made does not read back", e);
      }
      return new EntraCertificate(pair, certificate);
    }

    @Override
    public String toString() {
      return "EntraCertificate.Builder{CN="
          + commonName
          + ", days="
          + days
          + ", keySize="
          + keySize
          + "}";
    }
  }

  /** The DER of a self-signed X.509 v3 certificate (RFC 5280, 4.1). */
  static byte[] selfSigned(
      KeyPair pair, String commonName, BigInteger serial, Instant notBefore, Instant notAfter) {
    byte[] algorithm = Der.sequence(Der.objectIdentifier(SHA256_WITH_RSA), Der.nullValue());
    byte[] name =
        Der.sequence(
            Der.set(Der.sequence(Der.objectIdentifier(COMMON_NAME), Der.utf8String(commonName))));
    byte[] publicKeyInfo = pair.getPublic().getEncoded(); // SubjectPublicKeyInfo, X.509 encoded
    byte[] extensions =
        Der.explicit(
            3,
            Der.sequence(
                criticalExtension(BASIC_CONSTRAINTS, Der.sequence()),
                // digitalSignature only: bit 0, the 7 bits after it unused.
                criticalExtension(KEY_USAGE, Der.element(0x03, new byte[] {7, (byte) 0x80}))));
    byte[] tbs =
        Der.sequence(
            Der.explicit(0, Der.integer(BigInteger.TWO)), // v3
            Der.integer(serial),
            algorithm,
            name,
            Der.sequence(Der.time(notBefore), Der.time(notAfter)),
            name,
            publicKeyInfo,
            extensions);
    byte[] signature;
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(pair.getPrivate());
      signer.update(tbs);
      signature = signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot sign with SHA256withRSA", e);
    }
    return Der.sequence(tbs, algorithm, Der.bitString(signature));
  }

  /** A critical extension (RFC 5280, 4.1: extnID, critical TRUE, extnValue). */
  private static byte[] criticalExtension(String oid, byte[] value) {
    return Der.sequence(Der.objectIdentifier(oid), Der.bool(true), Der.octetString(value));
  }
}
