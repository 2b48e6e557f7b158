package org.workforceiam.http;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.workforceiam.core.IamException;

/**
 * Sends requests to an identity provider. The one place where transport failures, rate limits and
 * retries are handled: each public call of an adapter runs in one retry loop with one deadline, the
 * access-token request it may need included.
 */
public interface Transport {

  /** Whether a request may be sent again when the provider may already have acted on it. */
  enum Safety {
    /** Reads and token requests: repeating them changes nothing at the provider. */
    REPEATABLE,
    /**
     * Changes (lifecycle POSTs, DELETEs): repeated only when the provider certainly did not act; an
     * ambiguous failure becomes {@link org.workforceiam.core.IamException.OutcomeUnknown}.
     */
    NOT_REPEATABLE
  }

  /** Makes the page a request asks for smaller, for a provider that cannot produce a large one. */
  @FunctionalInterface
  interface PageSizer {
    /**
     * Returns the same request for a smaller page: the cursor kept, only the size reduced.
     *
     * @param url the URL of the page that failed
     * @return the URL asking for a smaller page, or empty when it is already the smallest
     */
    Optional<HttpUrl> smaller(HttpUrl url);
  }

  /**
   * Reads a response inside the retry loop, so that a body that fails midway is asked for again.
   */
  @FunctionalInterface
  interface BodyReader<T> {
    /**
     * Reads a response, whatever its status.
     *
     * @param response the response; closed by the transport afterwards
     * @return what was read
     * @throws IOException when the connection fails while the body is read
     */
    T read(Response response) throws IOException;
  }

  /**
   * Sends a request and returns the provider's response, whatever its status; the caller closes it.
   * Rate limits, 503s, 504s (of repeatable requests) and connection failures are retried within the
   * policy.
   *
   * @param request makes the request; called again for each attempt, so single-use parts such as a
   *     client assertion are fresh every time
   * @param safety whether it may be repeated
   * @return the response
   * @throws IamException when no response could be had
   */
  Response execute(Supplier<Request> request, Safety safety);

  /**
   * Fetches one page of a listing and reads it, in one retry loop: a body that fails midway is
   * fetched again, and a 500, a 504 or a read timeout (a page the provider cannot produce in time)
   * is asked for again as a smaller page, which counts as an attempt like any other.
   *
   * @param request makes the request for the page
   * @param sizer makes a page smaller
   * @param reader reads the response, whatever its status
   * @param <T> what the reader returns
   * @return what the reader returned
   * @throws IamException when no page could be had
   */
  <T> T page(Supplier<Request> request, PageSizer sizer, BodyReader<T> reader);

  /**
   * Sends one request of a step that an attempt needs first, such as the token request, without
   * retrying it: a rate limit, a 503, a 504 or a connection failure ends the attempt, and the retry
   * loop of the call that needed the step decides whether to try again. Outside any call, run the
   * step with {@link #retrying(Supplier)}.
   *
   * @param request the request
   * @return the response, whatever its status unless the attempt ended; the caller closes it
   */
  Response send(Request request);

  /**
   * Runs a step built of {@link #send(Request)}s as a call of its own, in the retry loop.
   *
   * @param step the step
   * @param <T> what the step returns
   * @return what the step returned
   * @throws IamException when the step fails for good
   */
  <T> T retrying(Supplier<T> step);
}
