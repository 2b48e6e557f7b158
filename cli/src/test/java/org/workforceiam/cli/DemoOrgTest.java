package org.workforceiam.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.workforceiam.cli.SimulatedOrg.AppKey;

/**
 * Tests of the CLI against the demo's simulated org: the app's key is made once per class by the
 * CLI's own {@code keygen}, and each test gets a fresh org with that key's JWK registered.
 */
// CliRun swaps the process-wide System.err to capture what the libraries log: no other class may
// write there meanwhile. (Its subclasses also share the static app key.)
@ResourceLock(Resources.SYSTEM_ERR)
abstract class DemoOrgTest {
  @TempDir static Path keys;
  static AppKey key;

  @TempDir Path dir;
  SimulatedOrg org;

  @BeforeAll
  static void generateTheAppKeyWithKeygen() {
    key = AppKey.generate(keys, "okta-app.pem");
  }

  @BeforeEach
  void startTheDemoOrg() {
    org = SimulatedOrg.start(key);
  }

  @AfterEach
  void stopTheDemoOrg() {
    org.close();
  }
}
