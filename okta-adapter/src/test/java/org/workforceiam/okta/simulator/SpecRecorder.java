package org.workforceiam.okta.simulator;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Records every request the adapter sends to a test server during the test run, so a contract test
 * can prove each one exists in Okta's OpenAPI spec. Only requests carrying the adapter's {@code
 * User-Agent} count: tests that hand-craft bad requests on purpose are left out.
 */
public final class SpecRecorder implements SimulatedOkta.RequestListener {
  private static final Set<Request> REQUESTS = ConcurrentHashMap.newKeySet();

  /** Called by {@link java.util.ServiceLoader}. */
  public SpecRecorder() {}

  @Override
  public void onRequest(String method, HttpUrl url, Headers headers) {
    record(method, url, headers);
  }

  /**
   * One request as the spec sees it: method, path and the names of its query parameters.
   *
   * @param method the HTTP method
   * @param path the percent-encoded path
   * @param queryParameters the query parameter names
   */
  public record Request(String method, String path, Set<String> queryParameters) {}

  /**
   * Records a request if the adapter sent it.
   *
   * @param method the HTTP method
   * @param url the URL
   * @param headers the request headers
   */
  public static void record(String method, HttpUrl url, Headers headers) {
    String agent = headers.get("User-Agent");
    if (agent != null && agent.startsWith("workforce-iam/")) {
      REQUESTS.add(
          new Request(method, url.encodedPath(), new TreeSet<>(url.queryParameterNames())));
    }
  }

  /**
   * Returns every distinct request recorded so far.
   *
   * @return the requests
   */
  public static Set<Request> recorded() {
    return Set.copyOf(REQUESTS);
  }
}
