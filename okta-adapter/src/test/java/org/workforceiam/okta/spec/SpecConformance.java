package org.workforceiam.okta.spec;

import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * Holds every request the adapter sends to a test server to Okta's OpenAPI spec when it arrives: a
 * request the spec does not have (path, method or query parameter) is refused with an answer that
 * names the problem, so the test that sent it fails. Listed as a {@link SimulatedOkta.RequestCheck}
 * service, so it applies to every simulated org of the test run; test servers of other kinds call
 * {@link #problem} themselves.
 *
 * <p>Only requests carrying the adapter's {@code User-Agent} are checked: tests that hand-craft bad
 * requests on purpose are left alone. Without the spec (see {@link OktaSpec}) nothing is checked;
 * the small-heap test run turns the check off ({@code -Dworkforceiam.specCheck=false}), as the spec
 * does not fit in the heap a memory bound is proved under.
 */
public final class SpecConformance implements SimulatedOkta.RequestCheck {
  /** Called by {@link java.util.ServiceLoader}. */
  public SpecConformance() {}

  @Override
  public Optional<String> check(String method, HttpUrl url, Headers headers) {
    return problem(method, url, headers);
  }

  /**
   * Returns what is wrong with a request the adapter sent, or empty when the spec has it, when it
   * was not sent by the adapter, or when the spec is not available.
   *
   * @param method the HTTP method
   * @param url the URL
   * @param headers the request headers
   * @return the problem, prefixed with {@code not in Okta's OpenAPI spec: }
   */
  public static Optional<String> problem(String method, HttpUrl url, Headers headers) {
    String agent = headers.get("User-Agent");
    if (agent == null
        || !agent.startsWith("workforce-iam/")
        || !Boolean.parseBoolean(System.getProperty("workforceiam.specCheck", "true"))) {
      return Optional.empty();
    }
    return OktaSpec.find()
        .flatMap(spec -> spec.check(OktaSpec.Request.of(method, url)))
        .map(problem -> "not in Okta's OpenAPI spec: " + problem);
  }
}
