package org.workforceiam.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint's path with named placeholders, such as {@code
 * api/v1/users/{userId}/factors/{factorId}}: builds request URLs in which each caller's value is
 * exactly one path segment, and checks that the URL built is the endpoint's and no other before
 * anything is sent.
 *
 * <p>Why both: OkHttp resolves dot segments ({@code .}, {@code ..}, {@code %2e}, {@code %2E%2e})
 * while it builds a URL, even those given to {@code addPathSegment}, so a factor id {@code ..}
 * turned {@code DELETE /api/v1/users/{id}/factors/{factorId}} into {@code DELETE
 * /api/v1/users/{id}/}. {@link #url} therefore refuses such a value ({@link #requireSegment}),
 * percent-encodes every character but RFC 3986's unreserved ones, builds the URL and then compares
 * its decoded {@link HttpUrl#pathSegments()} with the template filled in; any difference is refused
 * with {@link IllegalArgumentException}. Characters such as {@code /}, {@code ?} and {@code #} are
 * encoded ({@code %2F}, {@code %3F}, {@code %23}), so they stay inside their segment.
 *
 * <pre>{@code
 * PathTemplate factor = PathTemplate.of("api/v1/users/{userId}/factors/{factorId}");
 * HttpUrl url = factor.url(orgUrl, "00u1ada", "sms1ada"); // .../api/v1/users/00u1ada/factors/sms1ada
 * factor.url(orgUrl, "00u1ada", "..");                    // IllegalArgumentException, nothing built
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PathTemplate {
  /** The most characters of a caller's value an error message shows. */
  private static final int SHOWN = 64;

  /**
   * Every template made in this JVM, by its text: how {@link #endpointOf} names a request's path
   * without its values. Templates are constants of the adapters, so this stays small.
   */
  private static final Map<String, PathTemplate> KNOWN = new ConcurrentHashMap<>();

  /** A path segment {@link #endpointOf} shows when no template matches: a short plain word. */
  private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,23}");

  private final String template;
  private final List<String> parts;
  private final int placeholders;

  private PathTemplate(String template, List<String> parts, int placeholders) {
    this.template = template;
    this.parts = parts;
    this.placeholders = placeholders;
  }

  /**
   * Parses a template: segments separated by {@code /}, each a literal of RFC 3986's unreserved
   * characters or a placeholder {@code {name}}.
   *
   * @param template the path without leading slash, such as {@code api/v1/groups/{groupId}/users}
   * @return the template
   * @throws IllegalArgumentException when a segment is empty, a dot segment or needs encoding
   */
  public static PathTemplate of(String template) {
    Objects.requireNonNull(template, "template == null");
    List<String> parts = List.of(template.split("/", -1));
    int placeholders = 0;
    for (String part : parts) {
      if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
        placeholders++;
      } else if (part.isEmpty()
          || part.equals(".")
          || part.equals("..")
          || !percentEncoded(part).equals(part)) {
        throw new IllegalArgumentException(
            "path template "
                + template
                + " has a segment that is not a plain literal: '"
                + part
                + "'");
      }
    }
    PathTemplate parsed = new PathTemplate(template, parts, placeholders);
    KNOWN.putIfAbsent(template, parsed);
    return parsed;
  }

  /**
   * Names a request's path without the values in it, for telemetry: the template of the endpoint it
   * was built from, such as {@code /api/v1/groups/{groupId}/users}, never the concrete path.
   *
   * <p>The path is matched against every template made with {@link #of} in this JVM (the one with
   * most literal segments wins, so an adapter needs nothing more than to build its URLs from
   * templates, which it does anyway). A path that matches none, such as a fixed one built by hand,
   * keeps only its segments that are short plain words (a letter, then at most 23 letters, digits,
   * {@code .}, {@code -} or {@code _}, and at most three digits) and shows every other segment as
   * {@code {}}, so an id is not shown.
   *
   * @param url the request's URL; its query is never looked at
   * @return the path template, starting with {@code /}
   */
  public static String endpointOf(HttpUrl url) {
    Objects.requireNonNull(url, "url == null");
    List<String> segments = url.pathSegments();
    @Nullable PathTemplate best = null;
    int bestLiterals = -1;
    for (PathTemplate candidate : KNOWN.values()) {
      int literals = candidate.literalsMatching(segments);
      if (literals > bestLiterals
          || (literals == bestLiterals
              && literals >= 0
              && best != null
              && candidate.template.compareTo(best.template) < 0)) {
        best = candidate;
        bestLiterals = literals;
      }
    }
    if (best != null && bestLiterals >= 0) {
      return "/" + best.template;
    }
    StringBuilder masked = new StringBuilder();
    for (String segment : segments) {
      masked.append('/');
      if (segment.isEmpty() || isPlainWord(segment)) {
        masked.append(segment);
      } else {
        masked.append("{}");
      }
    }
    return masked.length() == 0 ? "/" : masked.toString();
  }

  /** How many literal segments match, or -1 when the path is not this template's. */
  private int literalsMatching(List<String> segments) {
    if (segments.size() != parts.size()) {
      return -1;
    }
    int literals = 0;
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.startsWith("{")) {
        if (segments.get(i).isEmpty()) {
          return -1;
        }
      } else if (part.equals(segments.get(i))) {
        literals++;
      } else {
        return -1;
      }
    }
    return literals;
  }

  private static boolean isPlainWord(String segment) {
    if (!PLAIN_SEGMENT.matcher(segment).matches()) {
      return false;
    }
    long digits = segment.chars().filter(c -> c >= '0' && c <= '9').count();
    return digits <= 3;
  }

  /**
   * Builds the URL of this endpoint on a base URL whose path is {@code /}, each value becoming
   * exactly one path segment, and checks the result.
   *
   * @param base the origin, such as {@code https://acme.okta.com/}; its path must be {@code /}
   * @param values one value for each placeholder, in order
   * @return the URL, without query
   * @throws IllegalArgumentException when a value is refused by {@link #requireSegment}, or the URL
   *     built does not have exactly this template's path segments with these values
   */
  public HttpUrl url(HttpUrl base, String... values) {
    Objects.requireNonNull(base, "base == null");
    List<String> expected = expected(values);
    if (!base.encodedPath().equals("/")) {
      throw new IllegalArgumentException(
          "the base URL " + base + " has a path; " + template + " needs a bare origin");
    }
    HttpUrl.Builder builder = base.newBuilder().query(null).fragment(null);
    for (String segment : expected) {
      builder.addEncodedPathSegment(percentEncoded(segment));
    }
    HttpUrl url = builder.build();
    if (!matches(url, values)) {
      throw new IllegalArgumentException(
          "the request URL "
              + url.encodedPath()
              + " is not "
              + template
              + " with the values given; refusing to send it");
    }
    return url;
  }

  /**
   * Returns whether a URL's decoded path segments are exactly this template with these values: how
   * a page link or a caller's cursor is checked before it is followed.
   *
   * @param url the URL
   * @param values one value for each placeholder, in order
   * @return whether the path is this endpoint's for these values
   * @throws IllegalArgumentException when a value is refused by {@link #requireSegment}
   */
  public boolean matches(HttpUrl url, String... values) {
    Objects.requireNonNull(url, "url == null");
    return url.pathSegments().equals(expected(values));
  }

  private List<String> expected(String... values) {
    Objects.requireNonNull(values, "values == null");
    if (values.length != placeholders) {
      throw new IllegalArgumentException(
          template + " takes " + placeholders + " values, not " + values.length);
    }
    List<String> expected = new ArrayList<>(parts.size());
    int next = 0;
    for (String part : parts) {
      if (part.startsWith("{")) {
        String value = values[next++];
        expected.add(requireSegment(value, part.substring(1, part.length() - 1)));
      } else {
        expected.add(part);
      }
    }
    return List.copyOf(expected);
  }

  /**
   * Refuses a value that cannot safely be one path segment: an empty one, and a dot segment ({@code
   * .} or {@code ..}) in any encoding a server or proxy on the way might undo: percent-encoded once
   * or several times in either case ({@code %2e}, {@code %252E}), in Unicode compatibility form
   * (fullwidth {@code ．}), or as a part of the value between {@code /} or {@code \} (which a server
   * that decodes {@code %2F} would split on), also when a {@code ;} parameter follows it ({@code
   * ..;x}, which some servers read as {@code ..}). Everything else, {@code /}, {@code ?} and {@code
   * #} included, is allowed: {@link #url} encodes it.
   *
   * @param value the value
   * @param name what it is, for the message, for example {@code "factorId"}
   * @return the value
   * @throws IllegalArgumentException naming the value and the rule
   */
  public static String requireSegment(String value, String name) {
    Objects.requireNonNull(value, () -> name + " == null");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    String decoded = fullyDecoded(value);
    for (String form : List.of(decoded, Normalizer.normalize(decoded, Normalizer.Form.NFKC))) {
      for (String part : form.split("[/\\\\]", -1)) {
        int semicolon = part.indexOf(';');
        String bare = semicolon < 0 ? part : part.substring(0, semicolon);
        if (bare.equals(".") || bare.equals("..")) {
          throw new IllegalArgumentException(
              name
                  + " "
                  + quoted(value)
                  + " is or contains a dot segment ('.' or '..', in some encoding), which would"
                  + " leave its place in the request path; refusing it before anything is sent");
        }
      }
    }
    return value;
  }

  /**
   * Quotes a caller's value for an error message: at most 64 characters, with the length when it is
   * longer, and control characters shown as {@code \}{@code uXXXX} so a value cannot forge lines.
   *
   * @param value the value
   * @return the value in single quotes, shortened and escaped
   */
  public static String quoted(String value) {
    StringBuilder shown = new StringBuilder("'");
    int end = Math.min(value.length(), SHOWN);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        shown.append(String.format("\\u%04x", (int) c));
      } else {
        shown.append(c);
      }
    }
    shown.append('\'');
    if (value.length() > SHOWN) {
      shown.append("… (").append(value.length()).append(" characters)");
    }
    return shown.toString();
  }

  /** Percent-decodes until nothing changes; each round that changes something shortens it. */
  private static String fullyDecoded(String value) {
    String current = value;
    while (true) {
      String decoded = percentDecodedOnce(current);
      if (decoded.equals(current)) {
        return current;
      }
      current = decoded;
    }
  }

  private static String percentDecodedOnce(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    byte[] raw = value.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
        bytes.write(hex(raw[i + 1]) << 4 | hex(raw[i + 2]));
        i += 2;
      } else {
        bytes.write(raw[i]);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit((char) (b & 0xff), 16);
  }

  /**
   * Percent-encodes everything but RFC 3986's unreserved characters ({@code A-Z a-z 0-9 - . _ ~}),
   * so a login such as {@code a+b@example.com} reaches the server as {@code a%2Bb%40example.com}
   * and no server can read its {@code +} as a space, nor a {@code /}, {@code ?} or {@code #} as the
   * end of the segment.
   *
   * @param segment the decoded segment
   * @return the encoded segment
   */
  public static String percentEncoded(String segment) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      if (unreserved) {
        encoded.append((char) c);
      } else {
        encoded
            .append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return encoded.toString();
  }

  @Override
  public String toString() {
    return "PathTemplate{" + template + "}";
  }
}
