package org.workforceiam.okta.internal;

import java.util.function.Supplier;
import okhttp3.Request;
import okhttp3.Response;
import org.workforceiam.core.IamException;

/**
 * Sends requests to Okta. The one place where transport failures, rate limits and retries are
 * handled, for every call including the token request.
 */
public interface Transport {

  /** Whether a request may be sent again when Okta may already have acted on it. */
  enum Safety {
    /** Reads and token requests: repeating them changes nothing at Okta. */
    REPEATABLE,
    /**
     * Changes (lifecycle POSTs, DELETEs): repeated only when Okta certainly did not act; an
     * ambiguous failure becomes {@link org.workforceiam.core.IamException.OutcomeUnknown}.
     */
    NOT_REPEATABLE,
    /**
     * A page of a listing: repeatable, but a 500, a 504 or a read timeout is handed back to the
     * caller, which asks again for a smaller page rather than the same one.
     */
    PAGE
  }

  /**
   * Sends a request and returns Okta's response, whatever its status; the caller closes it.
   *
   * @param request makes the request; called again for each attempt, so single-use parts such as a
   *     client assertion are fresh every time
   * @param safety whether it may be repeated
   * @return the response
   * @throws IamException when no response could be had
   */
  Response execute(Supplier<Request> request, Safety safety);
}
