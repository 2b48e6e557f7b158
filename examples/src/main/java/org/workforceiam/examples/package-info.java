/**
 * Compiled examples of using workforce-iam. They are not API: copy them into your own code and
 * change them to fit. {@link org.workforceiam.examples.HelpdeskFlow} is a helpdesk's password and
 * MFA reset, and its test shows how to test such code against the in-memory fake provider.
 */
@NullMarked
package org.workforceiam.examples;

import org.jspecify.annotations.NullMarked;
