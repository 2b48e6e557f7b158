package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import okhttp3.HttpUrl;

/**
 * {@link LinkHeaders#next} reads any header text without an exception, and finds a {@code next}
 * link exactly when one is there (RFC 8288: the first link whose first {@code rel} parameter names
 * {@code next}, in any case, quoted or not, among other relation types), whatever the other
 * parameters hold: quoted commas, semicolons, angle brackets and escaped quotes.
 */
class LinkHeaderPropertiesTest {
  private static final HttpUrl BASE =
      HttpUrl.get("https://example.okta.com/api/v1/groups/00g1/users?limit=200");

  @Property(seed = "20261220", tries = 500)
  void anyHeaderTextIsReadWithoutAnException(@ForAll("headerText") List<String> values) {
    Optional<HttpUrl> next = LinkHeaders.next(values, BASE);
    assertThat(next).isNotNull();
  }

  @Property(seed = "20261221", tries = 500)
  void findsTheNextLinkExactlyWhenOneIsThere(@ForAll("headers") List<List<Link>> headers) {
    List<String> values = new ArrayList<>();
    Optional<HttpUrl> expected = Optional.empty();
    for (List<Link> header : headers) {
      List<String> links = new ArrayList<>();
      for (Link link : header) {
        links.add(link.text());
        if (expected.isEmpty() && link.isNext()) {
          expected = Optional.of(BASE.resolve(link.target()));
        }
      }
      values.add(String.join(",", links));
    }

    assertThat(LinkHeaders.next(values, BASE)).isEqualTo(expected);
  }

  /** A link as a server may write it, and whether RFC 8288 makes it a {@code next} link. */
  record Link(String target, List<String> parameters, boolean isNext) {
    String text() {
      return "<" + target + ">" + String.join("", parameters);
    }
  }

  @Provide
  Arbitrary<List<String>> headerText() {
    Arbitrary<String> fragments =
        Arbitraries.of(
            "<",
            ">",
            ",",
            ";",
            "\"",
            "\\",
            "=",
            " ",
            "\t",
            "rel",
            "REL",
            "next",
            "self",
            "https://example.okta.com/x",
            "/api/v1/groups/00g1/users?after=1",
            "http://[::1",
            "\u0000",
            "ü",
            "%");
    Arbitrary<String> text =
        Arbitraries.oneOf(
            fragments.list().ofMaxSize(20).map(list -> String.join("", list)),
            Arbitraries.strings().ofMaxLength(60));
    return text.list().ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<List<Link>>> headers() {
    return link().list().ofMaxSize(4).list().ofMinSize(1).ofMaxSize(3);
  }

  private Arbitrary<Link> link() {
    Arbitrary<String> target =
        Arbitraries.of(
            "https://example.okta.com/api/v1/groups/00g1/users?after=00u2&limit=200",
            "https://example.okta.com/api/v1/groups/00g1/users?after=a,b;c&limit=200",
            "/api/v1/groups/00g1/users?after=00u3",
            "users?after=00u4",
            "https://other.example/api/v1/groups/00g1/users?after=00u5");
    Arbitrary<List<String>> others = otherParameter().list().ofMaxSize(3);
    Arbitrary<List<String>> relTypes =
        Arbitraries.of("next", "NEXT", "Next", "self", "prev", "nextpage", "first", "last")
            .list()
            .ofMinSize(1)
            .ofMaxSize(3);
    Arbitrary<Integer> relPlace = Arbitraries.integers().between(-1, 3); // -1: no rel at all
    Arbitrary<Boolean> quoted = Arbitraries.of(true, false);
    Arbitrary<String> secondRel = Arbitraries.of("", "; rel=next", "; rel=\"self\"");
    return Combinators.combine(target, others, relTypes, relPlace, quoted, secondRel, ows())
        .as(
            (url, params, types, place, quote, second, space) -> {
              List<String> parameters = new ArrayList<>(params);
              boolean next = false;
              if (place >= 0) {
                if (types.size() > 1) {
                  quote = true; // several types need quotes
                }
                String value = String.join(" ", types);
                String name = place % 2 == 0 ? "rel" : "Rel";
                parameters.add(
                    Math.min(place, parameters.size()),
                    ";" + space + name + "=" + (quote ? "\"" + value + "\"" : value));
                next = types.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals("next"));
                // Only the first rel parameter counts: a later one is written after it.
                parameters.add(second);
              }
              return new Link(url, parameters, next);
            });
  }

  /** A parameter other than {@code rel}, whose quoted value may hold every delimiter. */
  private Arbitrary<String> otherParameter() {
    Arbitrary<String> quotedText =
        Arbitraries.of(
                "a, b",
                "x; rel=next",
                "<https://evil.example/>",
                "say \\\"next\\\"",
                "\\\\",
                "rel=\\\"next\\\"; rel=next",
                "odd \\\"; rel=next",
                "plain")
            .map(text -> "\"" + text + "\"");
    Arbitrary<String> name = Arbitraries.of("title", "type", "anchor", "hreflang", "relx");
    return Combinators.combine(name, quotedText, ows()).as((n, v, s) -> ";" + s + n + "=" + v);
  }

  private Arbitrary<String> ows() {
    return Arbitraries.of("", " ", "  ", "\t");
  }
}
