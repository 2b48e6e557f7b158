package org.workforceiam.entra;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Secret;

/**
 * How an {@link EntraClient} proves it is the app registration: a certificate (its RSA private key
 * signs a client assertion, RFC 7523) or a client secret. Certificates are the better choice: the
 * key never leaves this machine, while a secret is sent with every token request.
 *
 * <pre>{@code
 * EntraCredential credential = EntraCredential.certificateFiles(
 *     Path.of("entra-app.key.pem"), Path.of("entra-app.cert.pem"));
 * EntraCredential secret = EntraCredential.clientSecret(Secret.of(System.getenv("ENTRA_SECRET")));
 * }</pre>
 *
 * <p>A certificate credential is checked when it is made: the key must be RSA of 2048 bits or more
 * (Entra accepts only RSA certificates for client assertions), PEM PKCS#8 or PKCS#1, and it must
 * belong to the certificate; the certificate is X.509, as PEM. Its thumbprints go into each
 * assertion's header ({@code x5t#S256} and {@code x5t}), so the certificate must be the one
 * uploaded to the app registration. A refusal is {@link IamException.InvalidConfiguration}, whose
 * message never quotes the key.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the kind, thumbprint and expiry, never
 * the key or the secret.
 */
public final class EntraCredential {
  /** The JWS algorithm of the client assertion. */
  public enum SigningAlgorithm {
    /** RSASSA-PSS with SHA-256: what MSAL sends with a SHA-256 thumbprint; the default. */
    PS256,
    /** RSASSA-PKCS1-v1_5 with SHA-256: also accepted by Entra. */
    RS256
  }

  private final @Nullable RSAPrivateKey key;
  private final @Nullable X509Certificate certificate;
  private final @Nullable Secret secret;
  private final SigningAlgorithm algorithm;

  private EntraCredential(
      @Nullable RSAPrivateKey key,
      @Nullable X509Certificate certificate,
      @Nullable Secret secret,
      SigningAlgorithm algorithm) {
    this.key = key;
    this.certificate = certificate;
    this.secret = secret;
    this.algorithm = algorithm;
  }

  /**
   * A certificate credential from key and certificate objects.
   *
   * @param privateKey the RSA private key (2048 bits or more)
   * @param certificate the certificate uploaded to the app registration
   * @return the credential, signing with {@link SigningAlgorithm#PS256}
   * @throws IamException.InvalidConfiguration when the key is not RSA of 2048 bits or more, or does
   *     not belong to the certificate
   */
  public static EntraCredential certificate(PrivateKey privateKey, X509Certificate certificate) {
    Objects.requireNonNull(privateKey, "privateKey == null");
    Objects.requireNonNull(certificate, "certificate == null");
    RSAPrivateKey rsa = Certificates.requireRsa(privateKey, "the private key");
    X509Certificate cert = Certificates.requireRsa(certificate, "the certificate");
    Certificates.requireMatch(rsa, cert);
    return new EntraCredential(rsa, cert, null, SigningAlgorithm.PS256);
  }

  /**
   * A certificate credential from PEM text, for example from environment variables.
   *
   * @param privateKeyPem the RSA private key, PEM PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1
   *     ({@code BEGIN RSA PRIVATE KEY}), unencrypted
   * @param certificatePem the certificate, PEM ({@code BEGIN CERTIFICATE})
   * @return the credential, signing with {@link SigningAlgorithm#PS256}
   * @throws IamException.InvalidConfiguration when either cannot be read, or they do not belong
   *     together
   */
  public static EntraCredential certificate(String privateKeyPem, String certificatePem) {
    Objects.requireNonNull(privateKeyPem, "privateKeyPem == null");
    Objects.requireNonNull(certificatePem, "certificatePem == null");
    return of(
        Certificates.parseKey(privateKeyPem, "the private key text"),
        Certificates.parse(certificatePem, "the certificate text"));
  }

  /**
   * A certificate credential from PEM files, read now.
   *
   * @param privateKeyFile the RSA private key, as for {@link #certificate(String, String)}
   * @param certificateFile the certificate
   * @return the credential, signing with {@link SigningAlgorithm#PS256}
   * @throws IamException.InvalidConfiguration when a file cannot be read, holds no usable key or
   *     certificate, or they do not belong together; the message names the file
   */
  public static EntraCredential certificateFiles(Path privateKeyFile, Path certificateFile) {
    Objects.requireNonNull(privateKeyFile, "privateKeyFile == null");
    Objects.requireNonNull(certificateFile, "certificateFile == null");
    String keySource = "private key file " + privateKeyFile;
    String certSource = "certificate file " + certificateFile;
    return of(
        Certificates.parseKey(Certificates.readFile(privateKeyFile, "private key file"), keySource),
        Certificates.parse(Certificates.readFile(certificateFile, "certificate file"), certSource));
  }

  private static EntraCredential of(RSAPrivateKey key, X509Certificate certificate) {
    Certificates.requireMatch(key, certificate);
    return new EntraCredential(key, certificate, null, SigningAlgorithm.PS256);
  }

  /**
   * A client secret credential: the secret's Value from the app registration's Certificates &amp;
   * secrets.
   *
   * @param secret the secret
   * @return the credential
   */
  public static EntraCredential clientSecret(Secret secret) {
    Objects.requireNonNull(secret, "secret == null");
    return new EntraCredential(null, null, secret, SigningAlgorithm.PS256);
  }

  /**
   * Returns a copy that signs client assertions with another algorithm.
   *
   * @param algorithm {@link SigningAlgorithm#PS256} (the default) or {@link SigningAlgorithm#RS256}
   * @return the copy
   * @throws IllegalStateException for a client secret, which signs nothing
   */
  public EntraCredential withSigningAlgorithm(SigningAlgorithm algorithm) {
    Objects.requireNonNull(algorithm, "algorithm == null");
    if (certificate == null) {
      throw new IllegalStateException(
          "a client secret signs nothing; only a certificate has a signing algorithm");
    }
    return new EntraCredential(key, certificate, null, algorithm);
  }

  /** {@return whether this is a certificate credential (else a client secret)} */
  public boolean isCertificate() {
    return certificate != null;
  }

  /** {@return the certificate, for a certificate credential} */
  public Optional<X509Certificate> certificate() {
    return Optional.ofNullable(certificate);
  }

  /** {@return when the certificate expires (its notAfter), for a certificate credential} */
  public Optional<Instant> certificateExpiresAt() {
    return certificate().map(c -> c.getNotAfter().toInstant());
  }

  /**
   * {@return the certificate's SHA-1 thumbprint, 40 upper-case hex digits as the Entra admin center
   * shows it, for a certificate credential}
   */
  public Optional<String> thumbprintSha1() {
    return certificate().map(Certificates::sha1);
  }

  /** {@return the certificate's SHA-256 thumbprint, 64 upper-case hex digits, if any} */
  public Optional<String> thumbprintSha256() {
    return certificate().map(Certificates::sha256);
  }

  /** {@return the client assertion's signing algorithm; PS256 unless changed} */
  public SigningAlgorithm signingAlgorithm() {
    return algorithm;
  }

  /** The private key, for a certificate credential; never leaves this package. */
  @Nullable RSAPrivateKey privateKey() {
    return key;
  }

  /** The client secret, for a secret credential; never leaves this package. */
  @Nullable Secret secret() {
    return secret;
  }

  /** {@return the kind, and for a certificate its thumbprint, expiry and algorithm; no secret} */
  @Override
  public String toString() {
    return certificate == null
        ? "EntraCredential{clientSecret}"
        : "EntraCredential{certificate, sha1="
            + Certificates.sha1(certificate)
            + ", notAfter="
            + certificate.getNotAfter().toInstant()
            + ", "
            + algorithm
            + "}";
  }
}
