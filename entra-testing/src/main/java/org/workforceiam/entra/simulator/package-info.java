/**
 * A simulated Microsoft Entra ID tenant and Microsoft Graph v1.0 on loopback, for integration tests
 * of code that calls Graph through the workforce-iam Entra adapter (or any other client), as {@code
 * MockWebServer} is for HTTP clients.
 *
 * <p>{@link org.workforceiam.entra.simulator.SimulatedEntra} is the tenant: build it with the app's
 * certificate or client secret, its granted application permissions and its directory role; seed
 * its {@link org.workforceiam.entra.simulator.EntraTenant} with {@link
 * org.workforceiam.entra.simulator.EntraUser users}, nested groups, other member types, {@link
 * org.workforceiam.entra.simulator.DirectoryRole directory roles} (active, through a group, or
 * eligible) and {@link org.workforceiam.entra.simulator.AuthMethod authentication methods}; inject
 * faults; point the client at its {@code authorityUrl()} and {@code graphUrl()}; and assert on the
 * requests it received and the state it keeps. {@link org.workforceiam.entra.simulator.DemoTenant}
 * seeds a small realistic tenant and generates large groups for benchmarks; {@link
 * org.workforceiam.entra.simulator.MutableClock} moves time by hand; {@link
 * org.workforceiam.entra.simulator.Jose} decodes the client assertions a client sent and computes
 * certificate thumbprints.
 *
 * <p>What it models and what it does not, with the sources of each fact, is in the module's README
 * ({@code entra-testing/README.md}). Facts the simulator could not check against Microsoft's
 * documentation are marked in the Javadoc where they are used.
 *
 * <p>Use it from test scope: {@code org.workforceiam:workforce-iam-entra-testing}. It depends on no
 * test framework. Every type is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package org.workforceiam.entra.simulator;

import org.jspecify.annotations.NullMarked;
