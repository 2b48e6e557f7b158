package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamException;
import org.workforceiam.core.UserId;
import org.workforceiam.http.Transport;

/**
 * Whatever the id and email rules are, a value is either used as exactly one path segment or query
 * value, or refused with an {@link IllegalArgumentException} before anything is sent; a dot segment
 * or a slash never reaches a request as an id.
 */
class OktaIdPropertiesTest {
  private static final HttpUrl ORG = HttpUrl.get("https://example.okta.com/");

  @Property(seed = "20261270", tries = 300)
  void aGroupIdIsAnOktaGroupIdOrRefusedWithIllegalArgument(@ForAll("hostileIds") String value) {
    boolean accepted;
    try {
      accepted = OktaIds.isGroupId(value);
      if (accepted) {
        OktaIds.requireGroup(GroupId.of(value));
      }
    } catch (IllegalArgumentException e) {
      return;
    }
    if (accepted) {
      assertThat(value).doesNotContain(".", "/", "%", "\\");
    }
  }

  @Property(seed = "20261271", tries = 300)
  void aUserIdWithADotSegmentOrSlashIsRefusedBeforeAnythingIsSent(
      @ForAll("dotSegmentIds") String value) {
    Recording transport = new Recording();
    OktaDirectory directory = new OktaDirectory(ORG, transport, 200);

    assertThatThrownBy(() -> directory.factors(UserId.of(value)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> directory.findById(UserId.of(value)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(transport.sent).isEmpty();
  }

  @Property(seed = "20261272", tries = 200)
  void anEmailWithQuotesBackslashesOrWhiteSpaceIsRefusedBeforeAnythingIsSent(
      @ForAll("hostileEmails") String email) {
    Recording transport = new Recording();
    OktaDirectory directory = new OktaDirectory(ORG, transport, 200);

    assertThatThrownBy(() -> directory.findByEmail(email))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(transport.sent).isEmpty();
  }

  @Provide
  Arbitrary<String> hostileIds() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of(
                "00g", "00u", ".", "..", "%2e", "%2E%2e", "/", "\\", "?", "#", "ü", "\u0661", "x"),
            Arbitraries.strings().alpha().numeric().ofMaxLength(10));
    return pieces.list().ofMinSize(1).ofMaxSize(5).map(list -> String.join("", list));
  }

  @Provide
  Arbitrary<String> dotSegmentIds() {
    return Arbitraries.oneOf(
        Arbitraries.of(".", "..", "%2e", "%2e%2e", "%2E%2E", "%2E%2e", ".%2e", "a/b", "00u1/.."),
        Arbitraries.strings().alpha().ofMaxLength(5).map(s -> "00u" + s + "/.."));
  }

  @Provide
  Arbitrary<String> hostileEmails() {
    Arbitrary<String> bad = Arbitraries.of("\"", "\\", " ", "\t", "\u0000", "\u001b", "\u2028");
    return net.jqwik.api.Combinators.combine(
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), bad)
        .as((local, c) -> local + c + "x\" or profile.login sw \"@example.com");
  }

  /** Records what would be sent, and answers nothing. */
  private static final class Recording implements Transport {
    final List<Request> sent = new ArrayList<>();

    @Override
    public Response execute(Supplier<Request> request, Safety safety) {
      Request r = request.get();
      sent.add(r);
      return Responses.of(r.url(), r.method(), 404, "{}");
    }

    @Override
    public <T> T page(Supplier<Request> request, PageSizer sizer, BodyReader<T> reader) {
      sent.add(request.get());
      throw new IamException.NotFound("nothing", org.workforceiam.core.ErrorDetails.none());
    }

    @Override
    public Response send(Request request) {
      sent.add(request);
      return Responses.of(request.url(), request.method(), 404, "{}");
    }

    @Override
    public <T> T retrying(Supplier<T> step) {
      return step.get();
    }
  }
}
