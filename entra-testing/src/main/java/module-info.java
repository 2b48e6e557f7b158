/**
 * workforce-iam simulated Entra ID: a Microsoft Entra ID tenant and Microsoft Graph on loopback,
 * for integration tests and demos. Depends on no test framework and on none of the project's
 * modules.
 */
module org.workforceiam.entra.testing {
  requires transitive okhttp3;
  requires transitive mockwebserver3;
  requires com.squareup.moshi;
  requires okio;
  requires static transitive org.jspecify;

  exports org.workforceiam.entra.simulator;

  // Request checks listed as services apply to every simulator (SimulatedEntra.RequestCheck).
  uses org.workforceiam.entra.simulator.SimulatedEntra.RequestCheck;
}
