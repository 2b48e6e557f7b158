package org.workforceiam.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.workforceiam.entra.EntraCertificate;
import org.workforceiam.okta.OktaKeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the app's key pair: write the private key (PKCS#8 PEM, mode 0600) and print the"
          + " public key as a JWK to paste into the app's Public keys in Okta.",
      "With --provider entra: write an RSA key (PKCS#8 PEM, mode 0600) and a self-signed X.509"
          + " certificate (PEM) to upload to the app registration, and print one JSON object:"
          + " certificate (its file), thumbprintSha1 (as the Entra admin center shows it),"
          + " thumbprintSha256 and notAfter. Neither file may exist.",
      "Needs no connection settings."
    })
final class KeygenCommand extends BaseCommand {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the private key; must not exist.")
  @Nullable Path out;

  @Option(
      names = "--cert-out",
      paramLabel = "FILE",
      description = "With --provider entra: where to write the certificate; must not exist.")
  @Nullable Path certOut;

  @Option(
      names = "--subject",
      paramLabel = "CN=NAME",
      description = "With --provider entra: the certificate's subject (default CN=workforce-iam).")
  @Nullable String subject;

  @Option(
      names = "--days",
      paramLabel = "N",
      description =
          "With --provider entra: how many days the certificate is valid, 1 to 3650 (default"
              + " 365).")
  @Nullable Integer days;

  @Option(
      names = "--alg",
      paramLabel = "ALG",
      defaultValue = "RS256",
      description =
          "RS256 (RSA 2048, default) or ES256 (EC P-256); Entra accepts only RSA certificates.")
  OktaKeyPair.Algorithm algorithm = OktaKeyPair.Algorithm.RS256;

  @Override
  public Integer call() {
    Path file = Objects.requireNonNull(out);
    if (provider() == Provider.entra) {
      return entra(file);
    }
    String entraOnly =
        certOut != null
            ? "--cert-out"
            : subject != null ? "--subject" : days != null ? "--days" : null;
    if (entraOnly != null) {
      throw new UsageException(
          entraOnly
              + " goes only with --provider entra, which makes a certificate; Okta takes the"
              + " public key as a JWK");
    }
    checkFolder(file, "the private key", "--out");
    OktaKeyPair keys = OktaKeyPair.generate(algorithm);
    try {
      keys.writePrivateKeyPem(file);
    } catch (UncheckedIOException e) {
      throw cannotWrite(file, "the private key", "--out", e);
    }
    out().println(keys.publicJwkJson());
    err()
        .println(
            "private key written to "
                + file
                + " (readable by you only); key id "
                + keys.keyId()
                + ". Paste the JWK above into the app's Public keys in Okta, then configure"
                + " --private-key "
                + file
                + " --key-id "
                + keys.keyId());
    return ExitCodes.OK;
  }

  /**
   * Entra: an RSA key and a self-signed certificate, both files new. Everything that can be checked
   * is checked before the key is made, and a certificate that cannot be written takes the key
   * written before it away again: nothing half done.
   */
  private int entra(Path keyFile) {
    if (algorithm != OktaKeyPair.Algorithm.RS256) {
      throw new UsageException(
          "--alg "
              + algorithm
              + " does not go with --provider entra: Entra accepts only RSA certificates for"
              + " client assertions; leave --alg out");
    }
    if (certOut == null) {
      throw new UsageException(
          "keygen --provider entra needs --cert-out FILE, where the certificate to upload to the"
              + " app registration is written");
    }
    Path certFile = certOut;
    if (keyFile.toAbsolutePath().normalize().equals(certFile.toAbsolutePath().normalize())) {
      throw new UsageException(
          "--out and --cert-out name the same file " + keyFile + "; give two different files");
    }
    checkFolder(keyFile, "the private key", "--out");
    checkFolder(certFile, "the certificate", "--cert-out");
    for (Path file : new Path[] {keyFile, certFile}) {
      if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new UsageException(
            "the file "
                + file
                + " already exists; keygen never overwrites a key or certificate: choose another"
                + " path (both files are left as they are)");
      }
    }
    EntraCertificate.Builder builder = EntraCertificate.builder();
    if (subject != null) {
      builder.subject(subject);
    }
    if (days != null) {
      builder.days(days);
    }
    EntraCertificate certificate = builder.generate();
    try {
      certificate.writePrivateKeyPem(keyFile);
    } catch (UncheckedIOException e) {
      throw cannotWrite(keyFile, "the private key", "--out", e);
    }
    try {
      certificate.writeCertificatePem(certFile);
    } catch (RuntimeException e) {
      try {
        Files.deleteIfExists(keyFile);
      } catch (IOException deleting) {
        e.addSuppressed(deleting);
      }
      throw e instanceof UncheckedIOException io
          ? cannotWrite(certFile, "the certificate", "--cert-out", io)
          : e;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("certificate", certFile.toString());
    json.put("thumbprintSha1", certificate.thumbprintSha1());
    json.put("thumbprintSha256", certificate.thumbprintSha256());
    json.put("notAfter", certificate.notAfter().toString());
    out().println(Output.prettyJson(json));
    err()
        .println(
            "private key written to "
                + keyFile
                + " (readable by you only), certificate to "
                + certFile
                + ". Upload "
                + certFile
                + " to the app registration (Certificates & secrets > Certificates > Upload"
                + " certificate), check that the portal shows thumbprint "
                + certificate.thumbprintSha1()
                + ", then configure --private-key "
                + keyFile
                + " --certificate "
                + certFile
                + ". Make a new one before "
                + certificate.notAfter()
                + ".");
    return ExitCodes.OK;
  }

  /** A missing folder is the usual mistake: say so before a key is made. */
  private static void checkFolder(Path file, String what, String option) {
    Path folder = file.toAbsolutePath().getParent();
    if (folder == null || Files.isDirectory(folder)) {
      return;
    }
    throw new UsageException(
        Files.exists(folder)
            ? "cannot write " + what + " to " + file + ": " + folder + " is not a folder"
            : "cannot write "
                + what
                + " to "
                + file
                + ": the folder "
                + folder
                + " does not exist; create it first (mkdir -p "
                + folder
                + ") or give another "
                + option);
  }

  /**
   * Where the file cannot be written (no permission, a read-only file system) is a usage error: the
   * user chooses another {@code --out}. Any other failure stays unexpected, with its cause.
   */
  private static RuntimeException cannotWrite(
      Path file, String what, String option, UncheckedIOException failure) {
    @Nullable IOException cause = failure.getCause();
    if (cause instanceof AccessDeniedException) {
      return new UsageException(
          "cannot write " + what + " to " + file + ": permission denied; give another " + option);
    }
    if (cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return new UsageException(
          "cannot write "
              + what
              + " to "
              + file
              + ": "
              + fileSystem.getReason()
              + "; give another "
              + option);
    }
    String reason =
        cause == null
            ? ""
            : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    return new UncheckedIOException("cannot write " + what + " to " + file + reason, cause);
  }
}
