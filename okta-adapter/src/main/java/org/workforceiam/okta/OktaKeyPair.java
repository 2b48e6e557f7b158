package org.workforceiam.okta;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.workforceiam.core.IamException;
import org.workforceiam.http.Json;
import org.workforceiam.http.NewFiles;
import org.workforceiam.http.Pem;

/**
 * A key pair for an Okta API Services app: the private key stays with this client, the public key
 * is pasted into the app's Public keys in Okta as a JWK.
 *
 * <pre>{@code
 * OktaKeyPair keys = OktaKeyPair.generate(OktaKeyPair.Algorithm.RS256);
 * keys.writePrivateKeyPem(Path.of("okta-app.pem"));   // created with mode 0600
 * String jwk = keys.publicJwkJson();                   // paste it into Okta
 * // then: OktaClient.builder().privateKeyFile(Path.of("okta-app.pem")).keyId(keys.keyId())...
 * }</pre>
 *
 * <p>The key id is the public key's RFC 7638 thumbprint, so it is stable and unique. {@link
 * #toString()} never shows the private key.
 */
public final class OktaKeyPair {
  /** The signing algorithm, which decides the kind of key. */
  public enum Algorithm {
    /** RSA 2048-bit key, signing with RS256: the kind Okta's own guide uses. */
    RS256,
    /** EC P-256 key, signing with ES256: smaller and faster. */
    ES256
  }

  private final KeyPair keyPair;
  private final Algorithm algorithm;
  private final Map<String, String> publicJwk;

  private OktaKeyPair(KeyPair keyPair, Algorithm algorithm) {
    this.keyPair = keyPair;
    this.algorithm = algorithm;
    this.publicJwk = publicJwk(keyPair.getPublic(), algorithm);
  }

  /**
   * Generates a new key pair.
   *
   * @param algorithm RS256 (RSA 2048) or ES256 (EC P-256)
   * @return the key pair
   */
  public static OktaKeyPair generate(Algorithm algorithm) {
    Objects.requireNonNull(algorithm, "algorithm == null");
    try {
      KeyPairGenerator generator;
      if (algorithm == Algorithm.RS256) {
        generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
      } else {
        generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      }
      return new OktaKeyPair(generator.generateKeyPair(), algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate a " + algorithm + " key pair", e);
    }
  }

  /**
   * Returns the key id: the RFC 7638 SHA-256 thumbprint of the public key, also the JWK's {@code
   * kid}.
   *
   * @return the key id
   */
  public String keyId() {
    return Objects.requireNonNull(publicJwk.get("kid"), "JWK without kid");
  }

  /**
   * Returns the signing algorithm.
   *
   * @return the algorithm
   */
  public Algorithm algorithm() {
    return algorithm;
  }

  /**
   * Returns the public key.
   *
   * @return the public key
   */
  public PublicKey publicKey() {
    return keyPair.getPublic();
  }

  /**
   * Returns the private key, for {@link OktaClient.Builder#privateKey(PrivateKey)}.
   *
   * @return the private key
   */
  public PrivateKey privateKey() {
    return keyPair.getPrivate();
  }

  /**
   * Returns the public key as a JWK: {@code kty}, {@code n} and {@code e} (RSA) or {@code crv},
   * {@code x} and {@code y} (EC), {@code kid}, {@code alg} and {@code use: sig}.
   *
   * @return the JWK's members
   */
  public Map<String, String> publicJwk() {
    return publicJwk;
  }

  /**
   * Returns the public JWK as JSON, ready to paste into the app's Public keys in Okta.
   *
   * @return the JSON object
   */
  public String publicJwkJson() {
    return Json.MOSHI.adapter(Map.class).indent("  ").toJson(publicJwk);
  }

  /**
   * Writes the private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) to a new file. Where
   * the file system supports POSIX permissions the file is created with mode 0600 (owner read and
   * write only) from the start, never loosened after writing.
   *
   * @param file where to write; must not exist
   * @throws IamException.InvalidConfiguration when the file already exists (a key is never
   *     overwritten)
   * @throws java.io.UncheckedIOException when writing fails
   */
  public void writePrivateKeyPem(Path file) {
    NewFiles.create(
        file, Pem.write("PRIVATE KEY", keyPair.getPrivate().getEncoded()), true, "a private key");
  }

  /**
   * Returns the public JWK of an existing public key, with its thumbprint as {@code kid}.
   *
   * @param publicKey an RSA or EC public key
   * @param algorithm the algorithm the key signs with
   * @return the JWK's members
   */
  public static Map<String, String> publicJwk(PublicKey publicKey, Algorithm algorithm) {
    Objects.requireNonNull(publicKey, "publicKey == null");
    PublicJwk<?> jwk = Jwks.builder().key(publicKey).idFromThumbprint().build();
    Map<String, String> members = new LinkedHashMap<>();
    jwk.forEach((name, value) -> members.put(name, String.valueOf(value)));
    members.put("alg", algorithm.name());
    members.put("use", "sig");
    return Collections.unmodifiableMap(members);
  }

  /** {@return the algorithm and key id, never the private key} */
  @Override
  public String toString() {
    return "OktaKeyPair{algorithm=" + algorithm + ", keyId=" + keyId() + "}";
  }
}
