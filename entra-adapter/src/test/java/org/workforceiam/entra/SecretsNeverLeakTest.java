package org.workforceiam.entra;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.HttpLogging;
import org.workforceiam.core.IamException;
import org.workforceiam.core.Secret;

/**
 * Runs the token and Graph paths with full header logging, failures included, and proves that no
 * client assertion, client secret, access token or private key ends up in a log event, an exception
 * message or a {@code toString()}. The secrets are taken from what went over the wire.
 */
@Isolated(
    "attaches an appender to the root logger and lowers its level: other classes' log events would"
        + " mix with its own")
class SecretsNeverLeakTest {
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private @Nullable Level rootLevel;
  private final ScriptedEntra entra = ScriptedEntra.start();
  private final List<String> visible = new ArrayList<>();

  @BeforeEach
  void captureEverythingLogged() {
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stopCapturing() {
    root.detachAppender(logged);
    logged.stop();
    root.setLevel(rootLevel);
    entra.close();
  }

  @Test
  void noCredentialReachesALogAMessageOrAToString() {
    for (EntraCredential credential :
        List.of(
            TestCerts.MADE.credential(), EntraCredential.clientSecret(Secret.of("s3cr3t~value")))) {
      try (EntraClient client =
          entra.builder(credential).httpLogging(HttpLogging.HEADERS).build()) {
        visible.add(client.toString());
        visible.add(client.connection().toString());
        visible.add(client.connection().tokens().get().toString());
        entra.enqueue(200, "{\"value\":[]}");
        client.directory().membersPage(GroupId.of(ScriptedEntra.GROUP));
        entra.enqueue(
            403, "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"no\"}}");
        try {
          client.directory().membersPage(GroupId.of(ScriptedEntra.GROUP));
        } catch (IamException e) {
          visible.add(e.getMessage());
        }
        EntraConnectionCheck check = client.check(GroupId.of(ScriptedEntra.GROUP));
        visible.add(check.toString());
        visible.addAll(check.problems());
      }
      entra.nextTokenResponse(
          ScriptedEntra.json(
              401,
              "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700027: bad\","
                  + "\"error_codes\":[700027]}"));
      try (EntraClient client =
          entra.builder(credential).httpLogging(HttpLogging.HEADERS).build()) {
        client.connection().tokens().get();
      } catch (IamException e) {
        visible.add(e.getMessage());
      }
    }

    List<String> secrets = new ArrayList<>();
    secrets.add("s3cr3t~value");
    secrets.add(TestCerts.MADE.privateKeyPem().reveal().lines().skip(2).findFirst().orElseThrow());
    for (RecordedRequest request : entra.tokenRequests()) {
      HttpUrl form = HttpUrl.get("http://x/?" + request.getBody().utf8());
      String assertion = form.queryParameter("client_assertion");
      if (assertion != null) {
        secrets.add(assertion.substring(assertion.lastIndexOf('.') + 1)); // the signature
      }
    }
    for (RecordedRequest request : entra.graphRequests()) {
      String authorization = request.getHeaders().get("Authorization");
      if (authorization != null) {
        secrets.add(authorization.substring("Bearer ".length()));
      }
    }
    assertThat(secrets).hasSizeGreaterThan(4);
    for (ILoggingEvent event : logged.list) {
      visible.add(event.getFormattedMessage());
    }
    assertThat(logged.list).isNotEmpty();
    assertThat(String.join("\n", visible)).contains("[redacted]");
    for (String text : visible) {
      for (String secret : secrets) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }
}
