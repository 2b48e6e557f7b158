package org.workforceiam.okta;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signs a DPoP proof (RFC 9449) with the client's own EC P-256 key, as for every API request of a
 * sync: {@code htm}, {@code htu} built from the page URL, {@code ath} of the access token, and the
 * server's nonce. The DPoP key is always EC (the adapter generates it); RSA applies only to the
 * client assertion ({@link ClientAssertionBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DpopProofBenchmark {
  private final Dpop dpop = new Dpop(Clock.systemUTC());
  private final HttpUrl page =
      HttpUrl.get(
          "https://acme.okta.com/api/v1/groups/00g1emp2abc3DEF4g5h6/users"
              + "?after=00u1abc2DEF3ghi4JKL5&limit=200");
  private final String accessToken = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0." + "x".repeat(600);

  @Benchmark
  public String apiRequestProof() {
    return dpop.proof("GET", page, accessToken, "nonce-Rp3q8bZ0Yt2LkQ");
  }
}
