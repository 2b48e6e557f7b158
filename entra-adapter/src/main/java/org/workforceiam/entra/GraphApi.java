package org.workforceiam.entra;

import java.util.Locale;
import java.util.Set;
import okhttp3.Request;
import okhttp3.Response;
import org.workforceiam.http.Transport;

/**
 * Sends Graph requests through the one retry loop, deciding from the request itself whether it may
 * be sent again: only {@code GET} and {@code HEAD}, and the {@code POST} actions that only read
 * ({@link #READ_ACTIONS}, such as {@code checkMemberGroups}), are {@link
 * Transport.Safety#REPEATABLE}. Every other request, {@code PATCH}, {@code DELETE} and every other
 * {@code POST} (a Temporary Access Pass, {@code revokeSignInSessions}), is {@link
 * Transport.Safety#NOT_REPEATABLE}: it is sent again only where Graph certainly did not act (a 429,
 * a 503 with Graph's error body, a connection never made), and a change whose answer was lost is
 * {@link org.workforceiam.core.IamException.OutcomeUnknown}. A caller cannot declare a write
 * repeatable by mistake, since it declares nothing.
 */
final class GraphApi {
  /**
   * The Graph actions that are {@code POST}s but only read (directoryObject's checkMemberGroups,
   * checkMemberObjects, getMemberGroups, getMemberObjects, and getByIds).
   */
  static final Set<String> READ_ACTIONS =
      Set.of(
          "checkMemberGroups",
          "checkMemberObjects",
          "getMemberGroups",
          "getMemberObjects",
          "getByIds");

  private final Transport transport;

  GraphApi(Transport transport) {
    this.transport = transport;
  }

  /**
   * Sends a request in the retry loop, with the safety {@link #safety(Request)} gives it.
   *
   * @param request the request; its body must be repeatable (a byte or string body)
   * @return the response, whatever its status; the caller closes it
   */
  Response send(Request request) {
    return transport.execute(() -> request, safety(request));
  }

  /** {@return the transport, for a listing's {@link Transport#page}, which only reads} */
  Transport transport() {
    return transport;
  }

  /** Whether a request may be sent again when Graph may already have acted on it. */
  static Transport.Safety safety(Request request) {
    String method = request.method().toUpperCase(Locale.ROOT);
    if (method.equals("GET") || method.equals("HEAD")) {
      return Transport.Safety.REPEATABLE;
    }
    var segments = request.url().pathSegments();
    String last = segments.get(segments.size() - 1);
    return method.equals("POST") && READ_ACTIONS.contains(last)
        ? Transport.Safety.REPEATABLE
        : Transport.Safety.NOT_REPEATABLE;
  }

  @Override
  public String toString() {
    return "GraphApi";
  }
}
