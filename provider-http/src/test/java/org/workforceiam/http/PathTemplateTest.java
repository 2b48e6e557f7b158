package org.workforceiam.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathTemplateTest {
  private static final HttpUrl ORG = HttpUrl.get("https://acme.okta.com/");
  private static final PathTemplate FACTOR =
      PathTemplate.of("api/v1/users/{userId}/factors/{factorId}");
  private static final PathTemplate USER = PathTemplate.of("api/v1/users/{idOrLogin}");

  @Test
  void buildsTheEndpointWithEachValueInItsSegment() {
    HttpUrl url = FACTOR.url(ORG, "00u1ada", "sms1ada");

    assertThat(url.toString())
        .isEqualTo("https://acme.okta.com/api/v1/users/00u1ada/factors/sms1ada");
    assertThat(FACTOR.matches(url, "00u1ada", "sms1ada")).isTrue();
    assertThat(FACTOR.matches(url, "00u1ada", "sms2")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".",
        "..",
        "%2e",
        "%2e%2e",
        "%2E%2E",
        "%2E%2e",
        "%252e%252E",
        "．．",
        "a/..",
        "../a",
        "a\\..\\b",
        "..;x",
        "a%2F%2E%2E"
      })
  void refusesADotSegmentInAnyEncoding(String value) {
    assertThatThrownBy(() -> FACTOR.url(ORG, "00u1ada", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("factorId")
        .hasMessageContaining("dot segment");
  }

  @Test
  void refusesAnEmptyValue() {
    assertThatThrownBy(() -> USER.url(ORG, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idOrLogin must not be empty");
  }

  @Test
  void keepsSlashQuestionMarkAndHashInsideTheirSegment() {
    String login = "a/b?c=d#EXT#@example.com";

    HttpUrl url = USER.url(ORG, login);

    assertThat(url.encodedPath()).isEqualTo("/api/v1/users/a%2Fb%3Fc%3Dd%23EXT%23%40example.com");
    assertThat(url.pathSegments()).containsExactly("api", "v1", "users", login);
    assertThat(url.query()).isNull();
    assertThat(url.fragment()).isNull();
  }

  @Test
  void encodesAPercentSignSoItIsNeverDecodedIntoAnotherCharacter() {
    HttpUrl url = USER.url(ORG, "100%25off");

    assertThat(url.encodedPath()).isEqualTo("/api/v1/users/100%2525off");
    assertThat(url.pathSegments()).last().isEqualTo("100%25off");
  }

  @Test
  void refusesAValueThatCannotSurviveEncoding() {
    // A lone surrogate cannot be encoded as UTF-8, so the segment would not be the value given.
    assertThatThrownBy(() -> USER.url(ORG, "a\uD800b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing to send it");
  }

  @Test
  void refusesABaseWithAPath() {
    assertThatThrownBy(() -> USER.url(HttpUrl.get("https://acme.okta.com/x/"), "00u1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has a path");
  }

  @Test
  void refusesTheWrongNumberOfValues() {
    assertThatThrownBy(() -> FACTOR.url(ORG, "00u1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes 2 values, not 1");
  }

  @Test
  void matchesOnlyTheExactPath() {
    PathTemplate members = PathTemplate.of("api/v1/groups/{groupId}/users");

    assertThat(
            members.matches(
                HttpUrl.get("https://acme.okta.com/api/v1/groups/00g1/users?after=x"), "00g1"))
        .isTrue();
    assertThat(
            members.matches(HttpUrl.get("https://acme.okta.com/api/v1/groups/00g1/users/"), "00g1"))
        .isFalse();
    assertThat(
            members.matches(
                HttpUrl.get("https://acme.okta.com/api/v1/groups/00g1/users/.."), "00g1"))
        .isFalse();
    assertThat(
            members.matches(
                HttpUrl.get("https://acme.okta.com/api/v1/groups/00g1/x/../users"), "00g1"))
        .isTrue();
  }

  @Test
  void quotesLongValuesShortenedAndControlCharactersEscaped() {
    assertThat(PathTemplate.quoted("a\nb")).isEqualTo("'a\\u000ab'");
    assertThat(PathTemplate.quoted("x".repeat(10_240)))
        .isEqualTo("'" + "x".repeat(64) + "'… (10240 characters)");
  }

  @Test
  void refusesATemplateWithAnUnsafeLiteral() {
    assertThatThrownBy(() -> PathTemplate.of("api/../users"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PathTemplate.of("api//users"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
