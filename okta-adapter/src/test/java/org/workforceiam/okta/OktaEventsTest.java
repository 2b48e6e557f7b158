package org.workforceiam.okta;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.security.KeyPair;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamEventListener;
import org.workforceiam.core.IamEventListener.CallKind;
import org.workforceiam.core.IamEventListener.CallStarted;
import org.workforceiam.core.IamEventListener.PageFetched;
import org.workforceiam.core.IamEventListener.TokenFetched;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * The events an {@link OktaClient} reports against a simulated org that requires DPoP: what a sync
 * and a reset send, under endpoint templates, with no id, URL or secret in any event.
 */
class OktaEventsTest {
  private static final String GROUP = "00gTelemetry1234";
  private static final KeyPair KEYS = TestKeys.rsa(2048);

  private static SimUser member(int i) {
    return SimUser.of(String.format("00u%07dTelemetry", i), "user" + i + "@example.com", "ACTIVE");
  }

  private static SimulatedOkta org(int members) throws Exception {
    return SimulatedOkta.builder()
        .publicKey(KEYS.getPublic(), "k1")
        .requireDpop(true)
        .directory(new SimDirectory().generatedGroup(GROUP, members, OktaEventsTest::member))
        .start();
  }

  private static OktaClient client(SimulatedOkta sim, IamEventListener listener) {
    return OktaClient.builder()
        .orgUrl(sim.orgUrl())
        .clientId(sim.clientId())
        .privateKey(KEYS.getPrivate())
        .keyId("k1")
        .pageSize(200)
        .eventListener(listener)
        .build();
  }

  @Test
  void aSyncReportsEachPageAndTheTokenUnderEndpointTemplates() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (SimulatedOkta sim = org(450);
        OktaClient okta = client(sim, listener);
        Stream<?> members = okta.directory().members(GroupId.of(GROUP))) {
      assertThat(members.count()).isEqualTo(450);

      assertThat(listener.events(PageFetched.class))
          .extracting(PageFetched::endpoint, PageFetched::items)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("GET /api/v1/groups/{groupId}/users", 200),
              org.assertj.core.groups.Tuple.tuple("GET /api/v1/groups/{groupId}/users", 200),
              org.assertj.core.groups.Tuple.tuple("GET /api/v1/groups/{groupId}/users", 50));
      assertThat(listener.events(PageFetched.class))
          .allSatisfy(p -> assertThat(p.bytes()).isPositive());
      assertThat(listener.events(TokenFetched.class))
          .singleElement()
          .satisfies(
              token -> {
                assertThat(token.provider()).isEqualTo("Okta");
                assertThat(token.refresh()).isFalse();
                assertThat(token.lifetime()).isPositive();
              });
      // The DPoP nonce handshake: two token requests for one token, as the org counted them.
      assertThat(
              listener.events(CallStarted.class).stream()
                  .filter(call -> call.kind() == CallKind.TOKEN))
          .hasSize(sim.tokenRequests())
          .allSatisfy(call -> assertThat(call.endpoint()).isEqualTo("POST /oauth2/v1/token"));
      assertThat(
              listener.events(CallStarted.class).stream()
                  .filter(call -> call.kind() == CallKind.PAGE))
          .hasSize(sim.apiCalls().size());
      assertNothingIdentifying(listener.events(), sim);
    }
  }

  @Test
  void aResetReportsTheGuardsReadAndTheChangeUnderTheirTemplates() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (SimulatedOkta sim =
            SimulatedOkta.builder()
                .publicKey(KEYS.getPublic(), "k1")
                .requireDpop(true)
                .group(GROUP, "Employees")
                .member(GROUP, SimUser.of("00u1Locked", "locked@example.com", "LOCKED_OUT"))
                .start();
        OktaClient okta = client(sim, listener)) {
      okta.resets(GroupId.of(GROUP)).unlock(UserId.of("00u1Locked"));

      assertThat(listener.events(CallStarted.class))
          .filteredOn(call -> call.kind() != CallKind.TOKEN)
          .extracting(CallStarted::kind, CallStarted::endpoint)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  CallKind.READ, "GET /api/v1/users/{userId}/groups"),
              org.assertj.core.groups.Tuple.tuple(
                  CallKind.CHANGE, "POST /api/v1/users/{userId}/lifecycle/{operation}"));
      assertNothingIdentifying(listener.events(), sim);
    }
  }

  @Test
  @ResourceLock("org.workforceiam.http.Events logger")
  void aListenerThatThrowsIsLoggedOnceAndTheSyncGoesOn() throws Exception {
    Logger events = (Logger) LoggerFactory.getLogger("org.workforceiam.http.Events");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    events.addAppender(logged);
    Level level = events.getLevel();
    events.setLevel(Level.INFO);
    IamEventListener broken =
        new IamEventListener() {
          @Override
          public void pageFetched(PageFetched event) {
            throw new IllegalStateException("the metrics backend is down");
          }
        };
    try (SimulatedOkta sim = org(450);
        OktaClient okta = client(sim, broken);
        Stream<?> members = okta.directory().members(GroupId.of(GROUP))) {
      assertThat(members.count()).isEqualTo(450);
    } finally {
      events.detachAppender(logged);
      events.setLevel(level);
    }

    assertThat(logged.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.WARN);
              assertThat(event.getFormattedMessage()).contains("threw; the call goes on");
              assertThat(event.getThrowableProxy().getMessage())
                  .isEqualTo("the metrics backend is down");
            });
  }

  /** No event names a user, the group, the org or a secret. */
  private static void assertNothingIdentifying(List<Record> events, SimulatedOkta sim) {
    assertThat(events).isNotEmpty();
    String port = ":" + okhttp3.HttpUrl.get(sim.orgUrl()).port();
    for (Record event : events) {
      assertThat(event.toString())
          .doesNotContain(GROUP)
          .doesNotContain("00u")
          .doesNotContain("@example.com")
          .doesNotContain(port)
          .doesNotContain("127.0.0.1")
          .doesNotContain("eyJ");
    }
  }
}
