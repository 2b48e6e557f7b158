package org.workforceiam.okta;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.workforceiam.http.ServiceAppKey;

/**
 * Signs the {@code private_key_jwt} client assertion of a token request with the service app's key:
 * RSA 2048 (RS256) or EC P-256 (ES256). A sync signs one or two of these (the DPoP nonce handshake
 * asks twice), so this is start-up cost, not per-member cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClientAssertionBenchmark {
  @Param({"RS256", "ES256"})
  public String algorithm = "RS256";

  private ClientAssertions assertions;

  @Setup
  public void generateKey() throws GeneralSecurityException {
    KeyPairGenerator generator;
    if (algorithm.equals("ES256")) {
      generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    } else {
      generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
    }
    ServiceAppKey key =
        new ServiceAppKey(generator.generateKeyPair().getPrivate(), Optional.of("k1"), algorithm);
    assertions =
        new ClientAssertions(
            key,
            "0oa1ab2c3D4E5F6G7h8i",
            HttpUrl.get("https://acme.okta.com/oauth2/v1/token"),
            Clock.systemUTC());
  }

  @Benchmark
  public String signAssertion() {
    return assertions.create();
  }
}
