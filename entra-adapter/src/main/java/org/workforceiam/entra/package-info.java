/**
 * The Microsoft Entra ID implementation of workforce-iam, over Microsoft Graph v1.0: {@link
 * org.workforceiam.entra.EntraClient}, configured with an {@link
 * org.workforceiam.entra.EntraCredential} (a certificate or a client secret), {@link
 * org.workforceiam.entra.EntraCertificate}, which makes a key and a self-signed certificate to
 * upload to the app registration, and {@link org.workforceiam.entra.EntraConnectionCheck}, what
 * {@code check} finds. Everything else in this package is package-private; the plumbing every HTTP
 * adapter shares is in {@code workforce-iam-provider-http}. What this adapter assumes of Graph, and
 * where each fact comes from, is in the module's {@code README.md}.
 */
@NullMarked
package org.workforceiam.entra;

import org.jspecify.annotations.NullMarked;
