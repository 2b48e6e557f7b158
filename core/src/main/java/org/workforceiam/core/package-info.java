/**
 * The provider-neutral API: read a group of employees from an identity provider ({@link
 * org.workforceiam.core.IamDirectory}), reset their passwords and MFA ({@link
 * org.workforceiam.core.ResetService}), and the values and errors both use.
 *
 * <p>Everything in this package is non-null unless annotated {@code @Nullable}; absent values are
 * {@link java.util.Optional} or empty collections.
 */
@NullMarked
package org.workforceiam.core;

import org.jspecify.annotations.NullMarked;
