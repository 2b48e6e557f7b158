/**
 * Implementation details of the Okta adapter: token and DPoP handling, key parsing, HTTP plumbing
 * and Okta's wire formats. Not API: anything here may change in any release.
 */
@NullMarked
package org.workforceiam.okta.internal;

import org.jspecify.annotations.NullMarked;
