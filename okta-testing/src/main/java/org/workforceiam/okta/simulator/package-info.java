/**
 * A simulated Okta org on loopback, for integration tests of code that calls Okta through the
 * workforce-iam Okta adapter (or any other client of Okta's management API), as {@code
 * MockWebServer} is for HTTP clients.
 *
 * <p>{@link org.workforceiam.okta.simulator.SimulatedOkta} is the org: build it with the app's
 * public key, seed its {@link org.workforceiam.okta.simulator.SimDirectory} with {@link
 * org.workforceiam.okta.simulator.SimUser users} (complete or incomplete profiles, privileged
 * admins), groups and {@link org.workforceiam.okta.simulator.SimFactor factors}, choose whether the
 * app requires DPoP, inject faults, point the client at its {@code orgUrl()}, and assert on the
 * requests it received and the state it keeps. {@link org.workforceiam.okta.simulator.MutableClock}
 * moves time by hand, shared by the client and the org; {@link
 * org.workforceiam.okta.simulator.Jose} decodes and verifies the JWTs a client sent (client
 * assertions, DPoP proofs) so tests can check their claims.
 *
 * <p>Use it from test scope: {@code org.workforceiam:workforce-iam-okta-testing}. It depends on no
 * test framework. Every type is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package org.workforceiam.okta.simulator;

import org.jspecify.annotations.NullMarked;
