package org.workforceiam.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.workforceiam.okta.OktaKeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the app's key pair: write the private key (PKCS#8 PEM, mode 0600) and print the"
          + " public key as a JWK to paste into the app's Public keys in Okta."
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
    Path file = java.util.Objects.requireNonNull(out);
    OktaKeyPair keys = OktaKeyPair.generate(algorithm);
    keys.writePrivateKeyPem(file);
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
}
