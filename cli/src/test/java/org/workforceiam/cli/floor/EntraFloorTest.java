package org.workforceiam.cli.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.entra.EntraCertificate;
import org.workforceiam.entra.EntraClient;
import org.workforceiam.entra.EntraCredential;
import org.workforceiam.entra.simulator.DemoTenant;
import org.workforceiam.entra.simulator.SimulatedEntra;

/**
 * The Entra floor is a fair floor: against the simulated tenant it makes the same list requests as
 * the adapter (same URLs, {@code $select} and {@code $top}, same headers) with a token of the same
 * app, and reads every page; its scan for the next link finds it wherever the bytes split.
 */
class EntraFloorTest {
  private static final int MEMBERS = 2345;
  private static final String LINK =
      "http://127.0.0.1:1/v1.0/groups/g/transitiveMembers/microsoft.graph.user?$top=999&$skiptoken=x";

  @TempDir Path dir;

  @ParameterizedTest(name = "tokenizing: {0}")
  @ValueSource(booleans = {false, true})
  void downloadsEveryPageTheAdapterAsksForWithATokenOfTheSameApp(boolean tokenize)
      throws Exception {
    EntraCertificate certificate = EntraCertificate.builder().generate();
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    certificate.writePrivateKeyPem(key);
    certificate.writeCertificatePem(cert);
    try (SimulatedEntra tenant =
        SimulatedEntra.builder()
            .tenantId(DemoTenant.TENANT_ID)
            .clientId(DemoTenant.CLIENT_ID)
            .certificate(certificate.certificate())
            .tenant(DemoTenant.bench(MEMBERS))
            .start()) {
      Target target =
          new Target(
              tenant.graphUrl(),
              DemoTenant.CLIENT_ID,
              key,
              DemoTenant.BENCH_GROUP,
              999,
              MEMBERS,
              new Target.EntraApp(DemoTenant.TENANT_ID, tenant.authorityUrl(), cert),
              tokenize);
      AtomicInteger firstBytes = new AtomicInteger();
      Floor.Result floor =
          target.app().floor(target).sync(target.group(), 999, firstBytes::incrementAndGet);
      List<SimulatedEntra.Call> floorCalls = tenant.calls();

      long members;
      try (EntraClient entra =
              EntraClient.builder()
                  .tenantId(DemoTenant.TENANT_ID)
                  .clientId(DemoTenant.CLIENT_ID)
                  .credential(EntraCredential.certificateFiles(key, cert))
                  .authorityUrl(tenant.authorityUrl())
                  .graphUrl(tenant.graphUrl())
                  .pageSize(999)
                  .build();
          Stream<Employee> employees =
              entra.directory().members(GroupId.of(DemoTenant.BENCH_GROUP))) {
        members = employees.count();
      }
      List<SimulatedEntra.Call> adapterCalls =
          tenant.calls().stream().skip(floorCalls.size()).toList();

      assertThat(members).isEqualTo(MEMBERS);
      assertThat(floor.pages()).isEqualTo(3);
      assertThat(floor.tokenRequests()).isEqualTo(1);
      assertThat(floor.bytes()).isGreaterThan(MEMBERS * 100L);
      assertThat(floor.members()).as("members walked").isEqualTo(tokenize ? MEMBERS : 0);
      assertThat(firstBytes).hasValue(1);
      assertThat(tenant.rejections()).isEmpty();
      assertThat(lines(floorCalls)).isEqualTo(lines(adapterCalls)).hasSize(4);
      assertThat(lines(floorCalls).get(1))
          .startsWith(
              "GET /v1.0/groups/"
                  + DemoTenant.BENCH_GROUP
                  + "/transitiveMembers/microsoft.graph.user?$select="
                  + EntraFloor.SELECT
                  + "&$top=999");
      for (int i = 1; i < 4; i++) {
        for (String header : List.of("Accept", "ConsistencyLevel")) {
          assertThat(floorCalls.get(i).headers().get(header))
              .as("%s of request %d", header, i)
              .isEqualTo(adapterCalls.get(i).headers().get(header));
        }
        assertThat(floorCalls.get(i).headers().get("Authorization")).startsWith("Bearer ");
      }
      SimulatedEntra.Call floorToken = floorCalls.get(0);
      SimulatedEntra.Call adapterToken = adapterCalls.get(0);
      for (String field : List.of("client_id", "scope", "grant_type", "client_assertion_type")) {
        assertThat(floorToken.formField(field))
            .as(field)
            .isPresent()
            .isEqualTo(adapterToken.formField(field));
      }
      String[] floorJws = floorToken.formField("client_assertion").orElseThrow().split("\\.", -1);
      String[] adapterJws =
          adapterToken.formField("client_assertion").orElseThrow().split("\\.", -1);
      assertThat(json(floorJws[0])).isEqualTo(json(adapterJws[0])).containsEntry("alg", "PS256");
      Map<String, Object> floorClaims = json(floorJws[1]);
      Map<String, Object> adapterClaims = json(adapterJws[1]);
      assertThat(floorClaims.keySet()).isEqualTo(adapterClaims.keySet());
      for (String claim : List.of("aud", "iss", "sub")) {
        assertThat(floorClaims.get(claim)).as(claim).isEqualTo(adapterClaims.get(claim));
      }
    }
  }

  @Property(seed = "20261130", tries = 300)
  void findsTheNextLinkWhereverTheBytesSplit(
      @ForAll @IntRange(min = 0, max = 20_000) int padding,
      @ForAll @IntRange(min = -20, max = 60) int splitNearName,
      @ForAll @IntRange(min = 1, max = 9000) int chunk,
      @ForAll @StringLength(max = 3) @Chars({' ', '\n', '\t', '\r'}) String space,
      @ForAll boolean linkLast)
      throws IOException {
    String value = "[{\"id\":\"" + "x".repeat(padding) + "\"}]";
    String link = "\"@odata.nextLink\"" + space + ":" + space + "\"" + LINK + "\"";
    String page =
        linkLast
            ? "{\"@odata.context\":\"c\",\"value\":" + value + "," + link + "}"
            : "{\"@odata.context\":\"c\"," + link + ",\"value\":" + value + "}";
    int first = Math.max(1, page.indexOf("\"@odata.nextLink\"") + splitNearName);

    EntraFloor.Page read = EntraFloor.read(chunked(page, first, chunk), () -> {});

    assertThat(read.nextLink()).isEqualTo(LINK);
    assertThat(read.bytes()).isEqualTo(page.getBytes(StandardCharsets.UTF_8).length);
  }

  @Property(seed = "20261201", tries = 100)
  void findsNoNextLinkInALastPageNorInAStringThatQuotesTheName(
      @ForAll @IntRange(min = 1, max = 9000) int chunk) throws IOException {
    String page =
        "{\"@odata.context\":\"c\",\"value\":[{\"id\":\"\\\"@odata.nextLink\\\":\\\"http://x\\\"\"}]}";

    EntraFloor.Page read = EntraFloor.read(chunked(page, chunk, chunk), () -> {});

    assertThat(read.nextLink()).isNull();
    assertThat(read.bytes()).isEqualTo(page.length());
  }

  @Test
  void refusesANextLinkWrittenWithJsonEscapesRatherThanReadItWrong() {
    String page = "{\"@odata.nextLink\":\"http:\\/\\/127.0.0.1:1\\/v1.0\",\"value\":[]}";

    assertThatThrownBy(() -> EntraFloor.read(chunked(page, 7, 7), () -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("JSON escapes");
  }

  @Test
  void theTokenWalkCountsTheValueArraysObjectsAndDecodesTheTopLevelNextLink() throws IOException {
    String page =
        "{\"@odata.context\":\"c\",\"@odata.nextLink\":\"http:\\/\\/127.0.0.1:1\\/v1.0\","
            + "\"value\":[{\"id\":\"a\",\"n\":[{\"x\":1.5}],\"on\":true,\"z\":null},"
            + "{\"id\":\"b\",\"o\":{\"@odata.nextLink\":\"not this\"}}]}";
    AtomicInteger firstBytes = new AtomicInteger();

    Floor.Tokens tokens = Floor.walk(chunked(page, 7, 7), firstBytes::incrementAndGet);

    assertThat(tokens.members()).isEqualTo(2);
    assertThat(tokens.nextLink()).isEqualTo("http://127.0.0.1:1/v1.0");
    assertThat(tokens.bytes()).isEqualTo(page.length());
    assertThat(firstBytes).hasValue(1);
  }

  @Test
  void readsTheEntraTargetItsBenchmarkWrites() {
    Target target =
        new Target(
            "http://127.0.0.1:1",
            DemoTenant.CLIENT_ID,
            Path.of("k.pem"),
            DemoTenant.BENCH_GROUP,
            999,
            5,
            new Target.EntraApp(DemoTenant.TENANT_ID, "http://127.0.0.1:2", Path.of("c.pem")),
            true);

    assertThat(Target.parse(target.args())).isEqualTo(target);
  }

  /**
   * The page as a source that yields at most {@code first} bytes on its first read, then at most
   * {@code chunk} a read, as a slow socket does.
   */
  private static BufferedSource chunked(String page, int first, int chunk) {
    Buffer whole = new Buffer().writeUtf8(page);
    return Okio.buffer(
        new ForwardingSource(whole) {
          private boolean firstRead = true;

          @Override
          public long read(Buffer sink, long byteCount) throws IOException {
            long most = firstRead ? first : chunk;
            firstRead = false;
            return super.read(sink, Math.min(byteCount, most));
          }
        });
  }

  private static List<String> lines(List<SimulatedEntra.Call> calls) {
    return calls.stream().map(SimulatedEntra.Call::requestLine).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String part) throws IOException {
    byte[] decoded = Base64.getUrlDecoder().decode(part);
    return (Map<String, Object>) JsonReader.of(new Buffer().write(decoded)).readJsonValue();
  }
}
