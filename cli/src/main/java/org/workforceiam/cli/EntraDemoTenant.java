package org.workforceiam.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.workforceiam.entra.simulator.DemoTenant;
import org.workforceiam.entra.simulator.SimulatedEntra;

/**
 * The demo's Entra tenant: {@link DemoTenant} from {@code entra-testing}, on loopback, with the
 * app's certificate uploaded as an admin uploads the file {@code keygen --provider entra} wrote.
 */
final class EntraDemoTenant {
  private EntraDemoTenant() {}

  /**
   * Starts the demo tenant with this certificate registered on its app.
   *
   * @param certificate the certificate keygen wrote
   * @return the running tenant
   */
  static SimulatedEntra start(X509Certificate certificate) throws IOException {
    return DemoTenant.builder().certificate(certificate).start();
  }

  /** Reads a PEM certificate file, as the portal reads the file uploaded to it. */
  static X509Certificate readCertificate(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the certificate " + file, e);
    } catch (CertificateException e) {
      throw new IllegalStateException("the certificate " + file + " does not parse", e);
    }
  }
}
