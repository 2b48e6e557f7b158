/**
 * The {@code helpdesk} command-line tool: sync the employees group, find users, reset passwords and
 * MFA, unlock, end sessions, and a demo against an embedded simulated Okta; with {@code --provider
 * entra} the same reads of a Microsoft Entra ID tenant and a demo against a simulated one. Its
 * flags, output fields and exit codes are a contract scripts depend on; see the README.
 */
@NullMarked
package org.workforceiam.cli;

import org.jspecify.annotations.NullMarked;
