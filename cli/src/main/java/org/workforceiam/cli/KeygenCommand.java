package org.workforceiam.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.workforceiam.okta.OktaKeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the app's key pair: write the private key (PKCS#8 PEM, mode 0600) and print the"
          + " public key as a JWK to paste into the app's Public keys in Okta.",
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
      names = "--alg",
      paramLabel = "ALG",
      defaultValue = "RS256",
      description = "RS256 (RSA 2048, default) or ES256 (EC P-256).")
  OktaKeyPair.Algorithm algorithm = OktaKeyPair.Algorithm.RS256;

  @Override
  public Integer call() {
    Path file = Objects.requireNonNull(out);
    checkFolder(file);
    OktaKeyPair keys = OktaKeyPair.generate(algorithm);
    try {
      keys.writePrivateKeyPem(file);
    } catch (UncheckedIOException e) {
      throw cannotWrite(file, e);
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

  /** A missing folder is the usual mistake: say so before a key is made. */
  private static void checkFolder(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    if (folder == null || Files.isDirectory(folder)) {
      return;
    }
    throw new UsageException(
        Files.exists(folder)
            ? "cannot write the private key to " + file + ": " + folder + " is not a folder"
            : "cannot write the private key to "
                + file
                + ": the folder "
                + folder
                + " does not exist; create it first (mkdir -p "
                + folder
                + ") or give another --out");
  }

  /**
   * Where the file cannot be written (no permission, a read-only file system) is a usage error: the
   * user chooses another {@code --out}. Any other failure stays unexpected, with its cause.
   */
  private static RuntimeException cannotWrite(Path file, UncheckedIOException failure) {
    @Nullable IOException cause = failure.getCause();
    if (cause instanceof AccessDeniedException) {
      return new UsageException(
          "cannot write the private key to " + file + ": permission denied; give another --out");
    }
    if (cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return new UsageException(
          "cannot write the private key to "
              + file
              + ": "
              + fileSystem.getReason()
              + "; give another --out");
    }
    String reason =
        cause == null
            ? ""
            : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    return new UncheckedIOException("cannot write the private key to " + file + reason, cause);
  }
}
