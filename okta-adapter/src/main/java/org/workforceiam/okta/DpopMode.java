package org.workforceiam.okta;

/**
 * Whether the client uses DPoP (RFC 9449) proof-of-possession for its access tokens.
 *
 * <p>Okta turns DPoP on by default for new API Services apps ("Require Demonstrating Proof of
 * Possession (DPoP) header in token requests"); older apps may have it off.
 */
public enum DpopMode {
  /**
   * Sends a DPoP proof from the first token request, so an app that requires DPoP costs at most two
   * token requests (the nonce handshake). If the token endpoint rejects the proof as {@code
   * invalid_dpop_proof} (which is what this library assumes an app without DPoP answers), the
   * client retries once without it and remembers; it switches back the same way if the app later
   * demands a proof. The token type Okta returns ({@code DPoP} or {@code Bearer}) is honoured
   * either way.
   */
  AUTO,
  /** Always uses DPoP; a token endpoint that does not issue DPoP-bound tokens is an error. */
  REQUIRED,
  /** Never sends DPoP proofs: for apps with DPoP switched off. */
  OFF
}
