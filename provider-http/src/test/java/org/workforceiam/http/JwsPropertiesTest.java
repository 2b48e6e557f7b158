package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link Jws#sign} takes header and claim values a user or a server chose (a login in {@code htu},
 * a server's nonce, a client id): whatever the strings hold, quotes, backslashes, control
 * characters or characters beyond ASCII, the token is three base64url parts without padding and its
 * header and claims read back as they were given, {@code alg} first.
 */
class JwsPropertiesTest {
  private static final String BASE64URL = "[A-Za-z0-9_-]*";

  @Property(seed = "20261280", tries = 300)
  void everyTokenIsThreeBase64UrlPartsWhoseJsonReadsBackAsGiven(
      @ForAll("header") Map<String, Object> header,
      @ForAll("members") Map<String, Object> claims,
      @ForAll Jws.Algorithm algorithm)
      throws IOException {
    String jws = Jws.sign(header, claims, JwsTest.KEYS.get(algorithm).getPrivate(), algorithm);

    String[] parts = jws.split("\\.", -1);
    assertThat(parts).hasSize(3);
    assertThat(parts).allSatisfy(part -> assertThat(part).isNotEmpty().matches(BASE64URL));
    Map<String, Object> expectedHeader = new LinkedHashMap<>();
    expectedHeader.put("alg", algorithm.name());
    expectedHeader.putAll(header);
    assertThat(Json.OBJECT.fromJson(JwsTest.decode(parts[0])))
        .containsExactlyEntriesOf(expectedHeader);
    assertThat(Json.OBJECT.fromJson(JwsTest.decode(parts[1]))).containsExactlyEntriesOf(claims);
  }

  /** Members of a header: any but {@code alg}, which {@link Jws} writes itself. */
  @Provide
  Arbitrary<Map<String, Object>> header() {
    return members()
        .map(
            members -> {
              members.remove("alg");
              return members;
            });
  }

  @Provide
  Arbitrary<Map<String, Object>> members() {
    return Arbitraries.maps(text(), text().map(value -> (Object) value))
        .ofMaxSize(6)
        .map(LinkedHashMap::new);
  }

  /**
   * Strings of whole code points (a lone surrogate is not text Moshi can write), weighted towards
   * what JSON must escape and what UTF-8 writes in more than one byte.
   */
  private static Arbitrary<String> text() {
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.of(List.of((int) '"', (int) '\\', (int) '/', 0x2028, 0x2029))),
            Tuple.of(3, Arbitraries.integers().between(0, 0x1f)),
            Tuple.of(4, Arbitraries.integers().between(0x20, 0x7f)),
            Tuple.of(2, Arbitraries.integers().between(0x80, 0xd7ff)),
            Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
            Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
    return codePoint
        .list()
        .ofMaxSize(12)
        .map(
            points -> {
              StringBuilder text = new StringBuilder();
              points.forEach(text::appendCodePoint);
              return text.toString();
            });
  }
}
