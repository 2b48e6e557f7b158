package org.workforceiam.http;

import java.security.PrivateKey;
import java.util.Objects;
import java.util.Optional;

/**
 * The service app's private key, parsed once, with its key id and signing algorithm.
 *
 * @param privateKey the key
 * @param keyId the key's id ({@code kid}), when known
 * @param algorithm the JWS algorithm: RS256, ES256, ES384 or ES512
 */
public record ServiceAppKey(PrivateKey privateKey, Optional<String> keyId, String algorithm) {

  /**
   * Validates the values.
   *
   * @param privateKey the key
   * @param keyId the key's id ({@code kid}), when known
   * @param algorithm the JWS algorithm: RS256, ES256, ES384 or ES512
   */
  public ServiceAppKey {
    Objects.requireNonNull(privateKey, "privateKey == null");
    Objects.requireNonNull(keyId, "keyId == null");
    Objects.requireNonNull(algorithm, "algorithm == null");
  }

  /**
   * Returns a copy with the key id replaced.
   *
   * @param id the key id
   * @return the copy
   */
  public ServiceAppKey withKeyId(String id) {
    return new ServiceAppKey(privateKey, Optional.of(id), algorithm);
  }

  /** {@return the algorithm and key id, never the key} */
  @Override
  public String toString() {
    return "ServiceAppKey{algorithm=" + algorithm + ", keyId=" + keyId.orElse("(none)") + "}";
  }
}
