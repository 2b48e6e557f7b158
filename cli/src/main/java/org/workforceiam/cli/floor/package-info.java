/**
 * The floor of a sync: a client that gets a token and downloads the group's pages over the same
 * transport and throws the bytes away ({@link org.workforceiam.cli.floor.OktaFloor}, {@link
 * org.workforceiam.cli.floor.EntraFloor}), and the benchmark that runs it beside the SDK's sync on
 * the same simulated org or tenant, alternately, and reports every figure as a ratio to it ({@link
 * org.workforceiam.cli.floor.FloorBench}). Part of the helpdesk jar so that both run from the same
 * class path; never part of the libraries' API.
 */
@NullMarked
package org.workforceiam.cli.floor;

import org.jspecify.annotations.NullMarked;
