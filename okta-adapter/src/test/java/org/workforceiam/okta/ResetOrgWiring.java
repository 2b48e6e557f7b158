package org.workforceiam.okta;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import org.workforceiam.core.AuditEvent;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.RetryPolicy;
import org.workforceiam.okta.simulator.MutableClock;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * A simulated org and the reset service wired exactly as {@link OktaClient} wires it (Okta's
 * resets, the group guard, the audit), but with a {@link RecordingSleeper}: the client's builder
 * has no sleeper, and tests of rate limits and retries must not wait. The clock is shared with the
 * simulated Okta, so a recorded wait moves both forward.
 */
final class ResetOrgWiring implements AutoCloseable {
  static final GroupId EMPLOYEES = GroupId.of("00gEmployees");

  final MutableClock clock = SimFixture.clock();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
  final SimulatedOkta sim;
  final OktaConnection connection;
  final ResetService resets;

  ResetOrgWiring(SimDirectory directory) throws IOException {
    this(directory, RetryPolicy.defaults());
  }

  /**
   * Wires a client with the given retry policy. Waits on the virtual clock add up where real waits
   * would overlap (workers that wait at once each move it forward), so a bulk test gives the policy
   * an elapsed budget that this cannot exhaust.
   */
  ResetOrgWiring(SimDirectory directory, RetryPolicy policy) throws IOException {
    sim = SimFixture.sim(clock).directory(directory).start();
    connection =
        new OktaConnection(
            OrgUrl.parse(sim.orgUrl()),
            SimFixture.CLIENT_ID,
            SimFixture.key(),
            OktaClient.DEFAULT_SCOPES,
            null,
            clock,
            DpopMode.REQUIRED,
            HttpLogging.NONE,
            200,
            policy,
            sleeper,
            () -> 0.5);
    OktaResets okta = new OktaResets(connection.orgUrl(), connection.api(), connection.directory());
    resets =
        ResetService.audited(
            ResetService.groupScoped(okta, connection.directory(), EMPLOYEES), audit::add, clock);
  }

  /** Lifecycle and DELETE requests, as {@code METHOD /path?query}, in arrival order. */
  List<String> changeRequests() {
    return sim.apiCalls().stream()
        .filter(c -> !c.method().equals("GET"))
        .map(SimulatedOkta.Call::requestLine)
        .toList();
  }

  List<SimulatedOkta.Call> calls(String method, String pathSuffix) {
    return sim.apiCalls().stream()
        .filter(c -> c.method().equals(method) && c.path().endsWith(pathSuffix))
        .toList();
  }

  /**
   * Okta's 429: the window of {@code limit} requests is used up and resets {@code untilReset} from
   * now by Okta's clock (its {@code Date} header).
   */
  MockResponse rateLimited(Duration untilReset) {
    Instant now = clock.instant();
    return new MockResponse.Builder()
        .code(429)
        .setHeader("Content-Type", "application/json")
        .setHeader(
            "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)))
        .setHeader("X-Rate-Limit-Limit", 600)
        .setHeader("X-Rate-Limit-Remaining", 0)
        .setHeader("X-Rate-Limit-Reset", now.plus(untilReset).getEpochSecond())
        .body(
            "{\"errorCode\":\"E0000047\",\"errorSummary\":\"API call exceeded rate limit due to too"
                + " many requests.\",\"errorLink\":\"E0000047\",\"errorId\":\"oaeRate\","
                + "\"errorCauses\":[]}")
        .build();
  }

  static MockResponse oktaError(int status, String code, String summary) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(
            "{\"errorCode\":\""
                + code
                + "\",\"errorSummary\":\""
                + summary
                + "\",\"errorLink\":\""
                + code
                + "\",\"errorId\":\"oae"
                + code
                + "\",\"errorCauses\":[]}")
        .build();
  }

  @Override
  public void close() {
    connection.close();
    sim.close();
  }
}
