/**
 * An in-memory identity provider for tests of code that uses this library: {@link
 * org.workforceiam.core.testing.InMemoryIdentityProvider} keeps real state, pages like a real
 * provider, records what was done, and injects failures deterministically, throwing the same
 * exceptions a real adapter throws.
 */
@NullMarked
package org.workforceiam.core.testing;

import org.jspecify.annotations.NullMarked;
