/**
 * The Okta implementation of workforce-iam: {@link org.workforceiam.okta.OktaClient}, configured
 * for an Okta API Services app that authenticates with a private key ({@code private_key_jwt}) and
 * DPoP, and {@link org.workforceiam.okta.OktaKeyPair}, which makes the key pair whose public half
 * is registered with the app.
 */
@NullMarked
package org.workforceiam.okta;

import org.jspecify.annotations.NullMarked;
