package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.workforceiam.core.IamException;
import org.workforceiam.http.AccessToken;
import org.workforceiam.http.PrivateKeys;
import org.workforceiam.http.Transport;

/**
 * The token answer, whatever Okta's token endpoint sends: a token, or an {@link IamException};
 * never another exception, never the token in a message, and never an answer followed by more data.
 */
class OktaTokenPropertiesTest {
  private static final HttpUrl ORG = HttpUrl.get("https://example.okta.com/");
  private static final String TOKEN = "eyJraWQiOiJTRUNSRVQtVE9LRU4tVkFMVUUifQ.secret";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);
  private static final org.workforceiam.http.ServiceAppKey KEY =
      PrivateKeys.fromKey(TestKeys.ec("secp256r1").getPrivate(), "kid");

  @Property(seed = "20261250", tries = 300)
  void anyAnswerIsATokenOrAnIamExceptionThatDoesNotShowTheToken(
      @ForAll("statuses") int status, @ForAll("answers") String body) {
    try {
      AccessToken token = tokens(status, body).fetch();
      assertThat(status).isEqualTo(200);
      assertThat(token.toString()).doesNotContain(TOKEN);
    } catch (IamException e) {
      assertThat(e.getMessage()).doesNotContain(TOKEN);
    }
  }

  @Property(seed = "20261251", tries = 100)
  void dataAfterTheAnswerIsAProtocolViolation(@ForAll("trailers") String trailer) {
    String body = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\"}" + trailer;

    assertThatThrownBy(() -> tokens(200, body).fetch())
        .isInstanceOf(IamException.ProtocolViolation.class);
  }

  @Property(seed = "20261252", tries = 50)
  void anyExpiresInIsATokenThatExpiresAtAnInstant(@ForAll("expiresIn") String expiresIn) {
    String body =
        "{\"access_token\":\""
            + TOKEN
            + "\",\"token_type\":\"Bearer\",\"expires_in\":"
            + expiresIn
            + "}";

    assertThat(tokens(200, body).fetch().expiresAt()).isAfterOrEqualTo(CLOCK.instant());
  }

  private static OktaTokens tokens(int status, String body) {
    return new OktaTokens(
        new OneAnswer(status, body),
        ORG,
        "0oaClient",
        KEY,
        List.of("okta.users.read"),
        null,
        DpopMode.OFF,
        CLOCK);
  }

  @Provide
  Arbitrary<Integer> statuses() {
    return Arbitraries.oneOf(
        Arbitraries.just(200).map(x -> x), Arbitraries.of(400, 401, 403, 429, 500, 503));
  }

  @Provide
  Arbitrary<String> answers() {
    Arbitrary<String> fragments =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"access_token\"",
            "\"" + TOKEN + "\"",
            "\"token_type\"",
            "\"Bearer\"",
            "\"DPoP\"",
            "\"bearer\"",
            "\"expires_in\"",
            "3600",
            "-1",
            "\"3600\"",
            "\"scope\"",
            "\"okta.users.read  \"",
            "\"error\"",
            "\"invalid_client\"",
            "\"invalid_scope\"",
            "\"error_description\"",
            "null",
            "true",
            " ");
    Arbitrary<String> wellFormed =
        Arbitraries.of(
            "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
            "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"DPoP\"}",
            "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Other\"}",
            "{\"access_token\":\"" + TOKEN + "\"}",
            "{\"error\":\"invalid_client\",\"error_description\":\"no\"}",
            "{\"access_token\":\""
                + TOKEN
                + "\",\"access_token\":\"x\",\"token_type\":\"Bearer\"}");
    return Arbitraries.oneOf(
        wellFormed,
        fragments.list().ofMaxSize(14).map(list -> String.join("", list)),
        Arbitraries.strings().ofMaxLength(30));
  }

  @Provide
  Arbitrary<String> trailers() {
    return Arbitraries.oneOf(
        Arbitraries.of("}", "]", "x", "{}", "[]", "null", "{\"access_token\":\"other\"}"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> " " + s));
  }

  @Provide
  Arbitrary<String> expiresIn() {
    return Arbitraries.of(
        "1e300", "9223372036854775807", "-9223372036854775808", "31556889864403200", "0", "-1");
  }

  /** A transport whose token endpoint gives one answer, again and again. */
  private record OneAnswer(int status, String body) implements Transport {
    @Override
    public Response send(Request request) {
      return Responses.of(request.url(), request.method(), status, body);
    }

    @Override
    public Response execute(Supplier<Request> request, Safety safety) {
      return send(request.get());
    }

    @Override
    public <T> T page(Supplier<Request> request, PageSizer sizer, BodyReader<T> reader) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> T retrying(Supplier<T> step) {
      return step.get();
    }
  }
}
