/**
 * The Okta implementation of workforce-iam: {@link org.workforceiam.okta.OktaClient}, configured
 * for an Okta API Services app that authenticates with a private key ({@code private_key_jwt}) and
 * DPoP, and {@link org.workforceiam.okta.OktaKeyPair}, which makes the key pair whose public half
 * is registered with the app.
 *
 * <p>Everything else in this package (the token endpoint, DPoP, the directory and reset calls,
 * Okta's error bodies and wire formats) is package-private, so no user can reach it; the plumbing
 * every HTTP adapter shares is in {@code workforce-iam-provider-http}.
 */
@NullMarked
package org.workforceiam.okta;

import org.jspecify.annotations.NullMarked;
