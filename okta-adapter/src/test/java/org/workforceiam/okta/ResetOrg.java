package org.workforceiam.okta;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.workforceiam.core.AuditEvent;
import org.workforceiam.core.FactorId;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.MfaReset;
import org.workforceiam.core.PasswordReset;
import org.workforceiam.core.ResetService;
import org.workforceiam.core.SessionRevocation;
import org.workforceiam.core.UserId;
import org.workforceiam.okta.simulator.SimDirectory;
import org.workforceiam.okta.simulator.SimFactor;
import org.workforceiam.okta.simulator.SimUser;
import org.workforceiam.okta.simulator.SimulatedOkta;

/**
 * A simulated Okta org for the reset tests, with one user in each situation a helpdesk meets, and
 * an {@link OktaClient} for it that records its audit events. DPoP is required, as for a new API
 * Services app.
 */
final class ResetOrg implements AutoCloseable {
  static final String CLIENT_ID = "0oaResetTestApp";
  static final GroupId EMPLOYEES = GroupId.of("00gEmployees");
  static final OktaKeyPair KEYS = OktaKeyPair.generate(OktaKeyPair.Algorithm.ES256);

  /** An active member with an SMS and a push factor. */
  static final UserId ADA = UserId.of("00u1Ada");

  /** A locked-out member. */
  static final UserId GRACE = UserId.of("00u2Grace");

  /** An active member holding an admin role above Help Desk Administrator. */
  static final UserId ROOT = UserId.of("00u3Root");

  /** A suspended member. */
  static final UserId SAM = UserId.of("00u4Sam");

  /** A locked-out user with a factor who is not a member: Okta would allow everything on him. */
  static final UserId LINUS = UserId.of("00u5Linus");

  static final FactorId ADA_SMS = FactorId.of("sms1Ada");
  static final FactorId ADA_PUSH = FactorId.of("opf1Ada");

  /** The one factor ROOT and LINUS each have. */
  static final FactorId PHONE = FactorId.of("sms9Phone");

  final SimulatedOkta sim;
  final List<AuditEvent> audit = new CopyOnWriteArrayList<>();

  private ResetOrg(SimulatedOkta sim) {
    this.sim = sim;
  }

  static ResetOrg start() throws IOException {
    return start((method, url, headers) -> java.util.Optional.empty());
  }

  /** Starts the org with a check that sees each request as it arrives (and may hold it). */
  static ResetOrg start(SimulatedOkta.RequestCheck check) throws IOException {
    SimDirectory directory =
        new SimDirectory()
            .user(person(ADA, "ACTIVE"))
            .user(person(GRACE, "LOCKED_OUT"))
            .user(person(ROOT, "ACTIVE").privileged())
            .user(person(SAM, "SUSPENDED"))
            .user(person(LINUS, "LOCKED_OUT"))
            .member(EMPLOYEES.value(), ADA.value())
            .member(EMPLOYEES.value(), GRACE.value())
            .member(EMPLOYEES.value(), ROOT.value())
            .member(EMPLOYEES.value(), SAM.value())
            .group("00gContractors", "Contractors")
            .member("00gContractors", LINUS.value())
            .factor(ADA.value(), new SimFactor(ADA_SMS.value(), "sms", "OKTA", "ACTIVE"))
            .factor(ADA.value(), new SimFactor(ADA_PUSH.value(), "push", "OKTA", "ACTIVE"))
            .factor(ROOT.value(), new SimFactor(PHONE.value(), "sms", "OKTA", "ACTIVE"))
            .factor(LINUS.value(), new SimFactor(PHONE.value(), "sms", "OKTA", "ACTIVE"));
    return new ResetOrg(
        SimulatedOkta.builder()
            .clientId(CLIENT_ID)
            .publicKey(KEYS.publicKey(), KEYS.keyId())
            .requireDpop(true)
            .directory(directory)
            .requestCheck(check)
            .start());
  }

  private static SimUser person(UserId id, String status) {
    String name = id.value().substring(4);
    String login = name.toLowerCase(java.util.Locale.ROOT) + "@example.com";
    return SimUser.of(id.value(), login, status)
        .profile("firstName", name)
        .profile("lastName", "Example")
        .profile("email", login);
  }

  /**
   * A builder for a client of this org, recording audit events; its changes go through {@code
   * resets(EMPLOYEES)}.
   */
  OktaClient.Builder builder() {
    return OktaClient.builder()
        .orgUrl(sim.orgUrl())
        .clientId(CLIENT_ID)
        .privateKey(KEYS.privateKey())
        .keyId(KEYS.keyId())
        .dpopMode(DpopMode.REQUIRED)
        .auditListener(audit::add);
  }

  OktaClient client() {
    return builder().build();
  }

  OktaClient client(OkHttpClient http) {
    return builder().httpClient(http).build();
  }

  /** Every request that is not a read, as {@code METHOD /path?query}, in order. */
  List<String> changeRequests() {
    return sim.apiCalls().stream()
        .filter(c -> !c.method().equals("GET"))
        .map(SimulatedOkta.Call::requestLine)
        .toList();
  }

  /** Every API request, as {@code METHOD /path?query}, in order. */
  List<String> apiRequests() {
    return sim.apiCalls().stream().map(SimulatedOkta.Call::requestLine).toList();
  }

  /** The request id Okta gave the last request that was not a read. */
  String lastChangeRequestId() {
    List<SimulatedOkta.Call> changes =
        sim.apiCalls().stream().filter(c -> !c.method().equals("GET")).toList();
    return changes.get(changes.size() - 1).requestId();
  }

  String status(UserId user) {
    return sim.directory().status(user.value());
  }

  List<String> factorIds(UserId user) {
    return sim.directory().factorIds(user.value());
  }

  @Override
  public void close() {
    sim.close();
  }

  /** One change a helpdesk can make, named for parameterized tests. */
  interface Change {
    void apply(ResetService resets, UserId user);
  }

  /** Every kind of change, each with a factor every user that has one has: {@link #PHONE}. */
  static List<org.junit.jupiter.params.provider.Arguments> everyChange() {
    return List.of(
        change("reset link", (s, u) -> s.resetPassword(u, PasswordReset.link())),
        change("emailed reset link", (s, u) -> s.resetPassword(u, PasswordReset.emailedLink())),
        change(
            "temporary password", (s, u) -> s.resetPassword(u, PasswordReset.temporaryPassword())),
        change("expire", (s, u) -> s.resetPassword(u, PasswordReset.expire())),
        change(
            "expire and end sessions",
            (s, u) -> s.resetPassword(u, PasswordReset.expire().withRevokeSessions(true))),
        change("reset all factors", (s, u) -> s.resetMfa(u, MfaReset.allFactors())),
        change(
            "remove one factor",
            (s, u) ->
                s.resetMfa(u, MfaReset.factor(PHONE).with(OktaOptions.REMOVE_RECOVERY_ENROLLMENT))),
        change("unlock", ResetService::unlock),
        change(
            "end sessions",
            (s, u) ->
                s.revokeSessions(
                    u,
                    SessionRevocation.sessionsOnly()
                        .withOauthTokens(true)
                        .with(OktaOptions.FORGET_DEVICES))));
  }

  private static org.junit.jupiter.params.provider.Arguments change(String name, Change change) {
    return org.junit.jupiter.params.provider.Arguments.of(name, change);
  }
}
