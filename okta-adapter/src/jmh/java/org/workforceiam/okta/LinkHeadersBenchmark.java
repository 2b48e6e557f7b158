package org.workforceiam.okta;

import java.util.List;
import java.util.Optional;
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
import org.workforceiam.http.LinkHeaders;

/**
 * Finds the {@code next} link of a page: Okta's two {@code link} headers ({@code self}, then {@code
 * next}), and one header holding both links with extra parameters, as RFC 8288 allows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LinkHeadersBenchmark {
  private final HttpUrl current =
      HttpUrl.get("https://acme.okta.com/api/v1/groups/00g1emp2abc3DEF4g5h6/users?limit=200");
  private final List<String> okta =
      List.of(
          "<https://acme.okta.com/api/v1/groups/00g1emp2abc3DEF4g5h6/users?limit=200>;"
              + " rel=\"self\"",
          "<https://acme.okta.com/api/v1/groups/00g1emp2abc3DEF4g5h6/users"
              + "?after=00u1abc2DEF3ghi4JKL5&limit=200>; rel=\"next\"");
  private final List<String> combined =
      List.of(
          "<https://acme.okta.com/api/v1/groups/00g1emp2abc3DEF4g5h6/users?limit=200>;"
              + " rel=\"self\"; title=\"this page, of members\", "
              + "</api/v1/groups/00g1emp2abc3DEF4g5h6/users?after=00u1abc2DEF3ghi4JKL5&limit=200>;"
              + " type=\"application/json\"; REL=\"prefetch next\"");

  @Benchmark
  public Optional<HttpUrl> oktaHeaders() {
    return LinkHeaders.next(okta, current);
  }

  @Benchmark
  public Optional<HttpUrl> oneHeaderManyParameters() {
    return LinkHeaders.next(combined, current);
  }
}
