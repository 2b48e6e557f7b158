/**
 * Micrometer metrics of workforce-iam clients: {@link org.workforceiam.micrometer.IamMetrics} turns
 * each client's {@link org.workforceiam.core.IamEventListener} events into timers and counters with
 * low-cardinality tags.
 */
@NullMarked
package org.workforceiam.micrometer;

import org.jspecify.annotations.NullMarked;
