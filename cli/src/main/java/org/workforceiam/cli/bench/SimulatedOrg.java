package org.workforceiam.cli.bench;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** A simulated Okta org or Entra tenant serving a generated group, wherever it runs. */
public interface SimulatedOrg extends AutoCloseable {

  /**
   * Returns the org URL on loopback.
   *
   * @return the URL, such as {@code http://127.0.0.1:40123}
   */
  String orgUrl();

  /**
   * Returns what the org has served so far.
   *
   * @return the request counts
   */
  Counts counts();

  /**
   * Makes the benchmarked app's key: RSA 2048, as a customer's service app would register.
   *
   * @return a new key pair
   */
  static KeyPair appKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate an RSA key pair", e);
    }
  }

  /** Stops the org. */
  @Override
  void close();

  /**
   * Requests the org received.
   *
   * @param apiRequests API requests: the group's pages, including any that were answered with an
   *     error and asked again
   * @param tokenRequests requests to the token endpoint, including the DPoP nonce handshake
   * @param cpuNanos CPU time the org's own process has used so far, or -1 when it shares this
   *     process
   */
  record Counts(int apiRequests, int tokenRequests, long cpuNanos) {}
}
