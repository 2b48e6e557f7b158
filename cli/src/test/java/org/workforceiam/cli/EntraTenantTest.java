package org.workforceiam.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.workforceiam.cli.SimulatedTenant.AppCertificate;

/**
 * Tests of the CLI with {@code --provider entra} against the Entra demo's simulated tenant: the
 * app's key and certificate are made once per class by the CLI's own {@code keygen --provider
 * entra}, and each test gets a fresh tenant with that certificate uploaded.
 */
// CliRun swaps the process-wide System.err to capture what the libraries log: no other class may
// write there meanwhile. (Its subclasses also share the static certificate.)
@ResourceLock(Resources.SYSTEM_ERR)
abstract class EntraTenantTest {
  @TempDir static Path keys;
  static AppCertificate app;

  @TempDir Path dir;
  SimulatedTenant entra;

  @BeforeAll
  static void generateTheAppCertificateWithKeygen() {
    app = AppCertificate.generate(keys, "entra-app");
  }

  @BeforeEach
  void startTheDemoTenant() {
    entra = SimulatedTenant.start(app);
  }

  @AfterEach
  void stopTheDemoTenant() {
    entra.close();
  }
}
