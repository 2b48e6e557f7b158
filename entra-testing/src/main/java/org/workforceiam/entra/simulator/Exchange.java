package org.workforceiam.entra.simulator;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One request on its way through the simulator: what arrived, the ids and time its answer carries,
 * and the helpers that write Graph's answers.
 */
final class Exchange {
  private static final JsonAdapter<Object> JSON =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();
  private static final DateTimeFormatter ERROR_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Graph's content type for JSON answers. */
  static final String GRAPH_JSON =
      "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;"
          + "charset=utf-8";

  final RecordedRequest request;
  final String requestId;
  final String clientRequestId;
  final Instant now;
  final String graphBase;

  Exchange(
      RecordedRequest request,
      String requestId,
      String clientRequestId,
      Instant now,
      String graphBase) {
    this.request = request;
    this.requestId = requestId;
    this.clientRequestId = clientRequestId;
    this.now = now;
    this.graphBase = graphBase;
  }

  HttpUrl url() {
    return request.getUrl();
  }

  String method() {
    return request.getMethod();
  }

  String body() {
    okio.ByteString body = request.getBody();
    return body == null ? "" : body.utf8();
  }

  /** The request's JSON object body, or null when it is not one. */
  @Nullable Map<String, Object> jsonBody() {
    try {
      return JSON.fromJson(body()) instanceof Map<?, ?> map ? cast(map) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  /** The {@code @odata.context} of an answer: {@code {graph}/v1.0/$metadata#{what}}. */
  String context(String what) {
    return graphBase + "/v1.0/$metadata#" + what;
  }

  MockResponse ok(Object body) {
    return json(200, body);
  }

  MockResponse json(int status, Object body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", GRAPH_JSON)
        .body(json(body))
        .build();
  }

  MockResponse noContent() {
    return new MockResponse.Builder().code(204).build();
  }

  /** A collection answer: {@code @odata.context} and {@code value}, unpaged. */
  MockResponse collection(String context, List<?> value) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", context(context));
    body.put("value", value);
    return ok(body);
  }

  /** Graph's error answer. */
  MockResponse error(int status, String code, String message) {
    return json(status, errorBody(code, message, false));
  }

  /**
   * The error answer of Graph's authentication-methods service, whose {@code innerError} repeats
   * the message (microsoft-graph-docs #14470, microsoft-graph-docs-contrib #1888).
   */
  MockResponse methodsError(int status, String code, String message) {
    return json(status, errorBody(code, message, true));
  }

  Map<String, Object> errorBody(String code, String message, boolean innerMessage) {
    Map<String, Object> inner = new LinkedHashMap<>();
    if (innerMessage) {
      inner.put("message", message);
    }
    inner.put("date", ERROR_DATE.format(now.truncatedTo(ChronoUnit.SECONDS)));
    inner.put("request-id", requestId);
    inner.put("client-request-id", clientRequestId);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.put("innerError", inner);
    return Map.of("error", error);
  }

  static String json(Object value) {
    return JSON.toJson(value);
  }

  static @Nullable Object parseJson(String text) {
    try {
      return JSON.fromJson(text);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
