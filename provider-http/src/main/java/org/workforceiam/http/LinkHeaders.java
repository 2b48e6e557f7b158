package org.workforceiam.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Finds the {@code next} link in HTTP {@code Link} headers (RFC 8288): any number of headers, each
 * with any number of comma-separated links, parameters in any order and case, {@code rel} quoted or
 * not and possibly holding several relation types. Okta sends {@code self} and {@code next} as
 * separate headers. The one place a {@code next} link is recognised: never by a substring match.
 */
public final class LinkHeaders {
  private LinkHeaders() {}

  /**
   * Returns the target of the first link whose relation types include {@code next}, resolved
   * against the request's URL.
   *
   * @param headerValues the values of every {@code Link} header of a response
   * @param base the URL of the request, against which relative targets are resolved
   * @return the {@code next} link, or empty when there is none
   */
  public static Optional<HttpUrl> next(List<String> headerValues, HttpUrl base) {
    for (String value : headerValues) {
      for (String link : splitLinks(value)) {
        int open = link.indexOf('<');
        int close = link.indexOf('>', open + 1);
        if (open != 0 || close < 0) {
          continue;
        }
        String target = link.substring(1, close).trim();
        if (hasNextRelation(link.substring(close + 1))) {
          HttpUrl url = base.resolve(target);
          if (url != null) {
            return Optional.of(url);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Splits a header value at the commas between links, not those inside {@code <>} or quotes. */
  private static List<String> splitLinks(String value) {
    List<String> links = new ArrayList<>();
    boolean inTarget = false;
    boolean inQuotes = false;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (inQuotes) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inQuotes = false;
        }
      } else if (inTarget) {
        inTarget = c != '>';
      } else if (c == '<') {
        inTarget = true;
      } else if (c == '"') {
        inQuotes = true;
      } else if (c == ',') {
        links.add(value.substring(start, i).trim());
        start = i + 1;
      }
    }
    links.add(value.substring(start).trim());
    return links;
  }

  private static boolean hasNextRelation(String parameters) {
    for (String parameter : splitParameters(parameters)) {
      int eq = parameter.indexOf('=');
      if (eq < 0 || !parameter.substring(0, eq).trim().equalsIgnoreCase("rel")) {
        continue;
      }
      String rel = parameter.substring(eq + 1).trim();
      if (rel.length() >= 2 && rel.startsWith("\"") && rel.endsWith("\"")) {
        rel = rel.substring(1, rel.length() - 1);
      }
      for (String type : rel.trim().split("\\s+", -1)) {
        if (type.toLowerCase(Locale.ROOT).equals("next")) {
          return true;
        }
      }
      // RFC 8288: only the first rel parameter counts.
      return false;
    }
    return false;
  }

  private static List<String> splitParameters(String parameters) {
    List<String> parts = new ArrayList<>();
    boolean inQuotes = false;
    int start = 0;
    for (int i = 0; i < parameters.length(); i++) {
      char c = parameters.charAt(i);
      if (inQuotes && c == '\\') {
        i++; // a quoted pair: an escaped quote does not end the string
      } else if (c == '"') {
        inQuotes = !inQuotes;
      } else if (c == ';' && !inQuotes) {
        parts.add(parameters.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(parameters.substring(start));
    return parts;
  }
}
