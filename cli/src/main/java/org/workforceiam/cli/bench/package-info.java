/**
 * What the end-to-end sync benchmark measures and how, using the JDK alone: the simulated org's
 * process and the meter (wall time, time to the first employee, peak heap from the memory-pool
 * MXBeans, allocation). {@code helpdesk bench} uses it, and so does the okta-sdk-java comparison in
 * {@code benchmarks}, which compiles these very sources, so both clients are measured the same way.
 */
@NullMarked
package org.workforceiam.cli.bench;

import org.jspecify.annotations.NullMarked;
