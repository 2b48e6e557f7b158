package org.workforceiam.entra.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The OData query options the simulated Graph understands ({@code $select}, {@code $filter} with
 * {@code eq}, {@code $top}, {@code $skiptoken}, {@code $count}), and its paging.
 */
final class Odata {
  /** Graph's page size when {@code $top} is absent. */
  static final int DEFAULT_TOP = 100;

  /** The largest {@code $top} Graph accepts for directory objects. */
  static final int MAX_TOP = 999;

  private static final String PAGE = "p";
  private static final String ENDLESS = "e";

  private Odata() {}

  /** A parsed {@code $filter}: {@code property eq 'value'}. */
  record Filter(String property, String value) {}

  /** Refuses any {@code $} option not in {@code allowed}. */
  static void allowOnly(HttpUrl url, Set<String> allowed) {
    for (String name : url.queryParameterNames()) {
      if (name.startsWith("$") && !allowed.contains(name)) {
        throw new GraphError(
            400,
            "BadRequest",
            "Query option '"
                + name
                + "' is not supported by the simulated Graph on this endpoint (supported: "
                + String.join(", ", allowed)
                + ").");
      }
    }
  }

  /**
   * The properties named by {@code $select}, or null when absent.
   *
   * @param known the properties of the type
   * @param type the type's name for the error, such as {@code microsoft.graph.user}
   */
  static @Nullable List<String> select(HttpUrl url, Set<String> known, String type) {
    String select = url.queryParameter("$select");
    if (select == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (String part : select.split(",", -1)) {
      String name = part.trim();
      if (name.isEmpty()) {
        throw GraphError.badRequest("Invalid $select: an empty property name in '" + select + "'.");
      }
      if (!known.contains(name)) {
        throw GraphError.badRequest(
            "Could not find a property named '" + name + "' on type '" + type + "'.");
      }
      names.add(name);
    }
    return names;
  }

  /** Keeps the selected properties of an object (and its {@code @odata.type}). */
  static Map<String, Object> project(Map<String, Object> full, @Nullable List<String> select) {
    if (select == null) {
      return full;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    Object type = full.get("@odata.type");
    if (type != null) {
      json.put("@odata.type", type);
    }
    for (String name : select) {
      if (full.containsKey(name)) {
        json.put(name, full.get(name));
      }
    }
    return json;
  }

  /**
   * The {@code $filter} of a request, or null when absent.
   *
   * @param properties the properties that may be filtered on
   * @param resource the resource's name for the error, such as {@code User}
   */
  static @Nullable Filter filter(HttpUrl url, Set<String> properties, String resource) {
    String text = url.queryParameter("$filter");
    if (text == null) {
      return null;
    }
    Filter filter = parseFilter(text);
    if (!properties.contains(filter.property())) {
      throw new GraphError(
          400,
          "Request_UnsupportedQuery",
          "Unsupported or invalid query filter clause specified for property '"
              + filter.property()
              + "' of resource '"
              + resource
              + "'.");
    }
    return filter;
  }

  /**
   * Parses {@code property eq 'value'}, where a single quote inside the value is doubled (OData
   * 4.01 ABNF, {@code SQUOTE-in-string}).
   *
   * @throws GraphError 400 {@code BadRequest} for anything else
   */
  static Filter parseFilter(String text) {
    int i = skipSpaces(text, 0);
    int start = i;
    while (i < text.length()
        && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
      i++;
    }
    if (i == start || !Character.isLetter(text.charAt(start))) {
      throw invalidFilter(text, "a property name");
    }
    String property = text.substring(start, i);
    int afterProperty = i;
    i = skipSpaces(text, i);
    if (i == afterProperty || !text.startsWith("eq", i)) {
      throw invalidFilter(text, "'eq' after " + property);
    }
    i += 2;
    int afterEq = i;
    i = skipSpaces(text, i);
    if (i == afterEq || i >= text.length() || text.charAt(i) != '\'') {
      throw invalidFilter(text, "a quoted string after 'eq'");
    }
    i++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (i >= text.length()) {
        throw invalidFilter(text, "a closing quote");
      }
      char c = text.charAt(i);
      if (c == '\'') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          value.append('\'');
          i += 2;
          continue;
        }
        i++;
        break;
      }
      value.append(c);
      i++;
    }
    if (skipSpaces(text, i) != text.length()) {
      throw invalidFilter(text, "the end of the clause after the closing quote");
    }
    return new Filter(property, value.toString());
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static GraphError invalidFilter(String text, String expected) {
    return new GraphError(
        400, "BadRequest", "Invalid filter clause: expected " + expected + " in '" + text + "'.");
  }

  /** The {@code $top} of a request: {@value #DEFAULT_TOP} when absent, 1 to {@value #MAX_TOP}. */
  static int top(HttpUrl url) {
    String top = url.queryParameter("$top");
    if (top == null) {
      return DEFAULT_TOP;
    }
    int value;
    try {
      value = Integer.parseInt(top);
    } catch (NumberFormatException e) {
      throw new GraphError(
          400, "BadRequest", "Invalid value '" + top + "' for the query option '$top'.");
    }
    if (value < 1 || value > MAX_TOP) {
      throw GraphError.badRequest(
          "Invalid page size specified: '" + top + "'. Must be between 1 and 999 inclusive.");
    }
    return value;
  }

  /**
   * Answers one page of a collection of {@code size} items, made on demand by {@code item}, with an
   * absolute {@code @odata.nextLink} carrying {@code $skiptoken} while items remain. With {@code
   * emptyPages}, every page of items is preceded by an empty page whose next link leads to it.
   */
  static MockResponse page(
      Exchange exchange,
      String context,
      int size,
      IntFunction<Map<String, Object>> item,
      boolean emptyPages) {
    HttpUrl url = exchange.url();
    int top = top(url);
    boolean count = count(exchange);
    String token = url.queryParameter("$skiptoken");
    int offset = 0;
    boolean emptyServed = false;
    if (token != null) {
      String[] parts = decodeToken(token, url);
      if (parts[0].equals(ENDLESS)) {
        int n = Integer.parseInt(parts[1]);
        return pageBody(exchange, context, List.of(), endlessLink(url, n + 1), count ? size : -1);
      }
      offset = Integer.parseInt(parts[1]);
      emptyServed = parts[2].equals("1");
      if (offset < 0 || offset > size) {
        throw expiredToken();
      }
    }
    if (emptyPages && !emptyServed) {
      return pageBody(
          exchange, context, List.of(), link(url, token(url, offset, true)), count ? size : -1);
    }
    int to = (int) Math.min(size, (long) offset + top);
    List<Object> value = new ArrayList<>(to - offset);
    for (int i = offset; i < to; i++) {
      value.add(item.apply(i));
    }
    String next = to < size ? link(url, token(url, to, false)) : null;
    return pageBody(exchange, context, value, next, count ? size : -1);
  }

  /** An empty page whose next link starts an endless chain of empty pages. */
  static MockResponse endlessEmptyPage(Exchange exchange) {
    return pageBody(exchange, "directoryObjects", List.of(), endlessLink(exchange.url(), 1), -1);
  }

  private static String endlessLink(HttpUrl url, int n) {
    String token =
        Jose.base64url((ENDLESS + "|" + n + "|" + pathKey(url)).getBytes(StandardCharsets.UTF_8));
    return link(url, token);
  }

  private static boolean count(Exchange exchange) {
    String count = exchange.url().queryParameter("$count");
    if (count == null || count.equals("false")) {
      return false;
    }
    if (!count.equals("true")) {
      throw new GraphError(
          400, "BadRequest", "Invalid value '" + count + "' for the query option '$count'.");
    }
    if (!"eventual".equals(exchange.request.getHeaders().get("ConsistencyLevel"))) {
      throw GraphError.badRequest(
          "$count is an advanced query: it needs the header ConsistencyLevel: eventual.");
    }
    return true;
  }

  private static MockResponse pageBody(
      Exchange exchange, String context, List<?> value, @Nullable String next, int count) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", exchange.context(context));
    if (count >= 0) {
      body.put("@odata.count", count);
    }
    if (next != null) {
      body.put("@odata.nextLink", next);
    }
    body.put("value", value);
    return exchange.ok(body);
  }

  private static String link(HttpUrl url, String token) {
    return url.newBuilder().setQueryParameter("$skiptoken", token).build().toString();
  }

  private static String token(HttpUrl url, int offset, boolean emptyServed) {
    String raw = PAGE + "|" + offset + "|" + (emptyServed ? "1" : "0") + "|" + pathKey(url);
    return Jose.base64url(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** A page token is valid only for the listing that made it. */
  private static String pathKey(HttpUrl url) {
    return Integer.toHexString(url.encodedPath().hashCode());
  }

  private static String[] decodeToken(String token, HttpUrl url) {
    String raw;
    try {
      raw = new String(Jose.decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw expiredToken();
    }
    String[] parts = raw.split("\\|", -1);
    boolean page = parts.length == 4 && parts[0].equals(PAGE) && parts[3].equals(pathKey(url));
    boolean endless =
        parts.length == 3 && parts[0].equals(ENDLESS) && parts[2].equals(pathKey(url));
    if (!page && !endless) {
      throw expiredToken();
    }
    try {
      Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw expiredToken();
    }
    return parts;
  }

  /**
   * Graph's answer to a page token it cannot use. The code and message are those Graph gives an
   * expired token; what it answers for a forged one is not documented.
   */
  private static GraphError expiredToken() {
    return new GraphError(
        400,
        "Directory_ExpiredPageToken",
        "The specified page token value has expired and can no longer be included in your request.");
  }
}
