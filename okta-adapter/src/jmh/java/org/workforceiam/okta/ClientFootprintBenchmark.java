package org.workforceiam.okta;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.workforceiam.core.GroupId;

/**
 * Many tenants in one JVM: builds N Okta clients over one shared {@link OkHttpClient}, each for its
 * own org with its own RSA 2048 key (parsed from PEM text, as from a secret store), and reports the
 * time to build one and the heap each idle client retains after a full GC. Not a JMH benchmark:
 * retained memory is a difference of two settled heaps, not a rate.
 *
 * <pre>
 * java -XX:+UseSerialGC -cp okta-adapter/target/benchmarks.jar \
 *     org.workforceiam.okta.ClientFootprintBenchmark --clients 1000 [--after-call]
 * </pre>
 *
 * <p>{@code --after-call} then makes one call with each client (a page of a group of one, against
 * simulated orgs in a JVM of their own, DPoP required) and reports what a client retains once it
 * holds its access token, DPoP key and nonces. Finally the clients are dropped and what is still
 * retained is reported, which shows the per-org rate-limit registry lets go of them.
 *
 * <p>The forked test {@code IdleClientFootprintTest} runs it with {@code --clients 1000} on every
 * build and holds it to 100 KB per idle client. Output lines are {@code name: value}.
 */
public final class ClientFootprintBenchmark {
  private static final int WARM_UP = 200;

  private ClientFootprintBenchmark() {}

  /**
   * Runs the measurement.
   *
   * @param args {@code --clients N} (default 1000), {@code --after-call}
   * @throws Exception when it cannot run
   */
  @SuppressWarnings("ModifiedButNotUsed") // the lists keep the clients alive while the heap is read
  public static void main(String[] args) throws Exception {
    int clients = 1000;
    boolean afterCall = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--after-call" -> afterCall = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    OkHttpClient shared = new OkHttpClient();

    // Class loading and JIT compilation of the builder's path, then settle.
    List<OktaClient> warmUp = new ArrayList<>();
    for (int i = 0; i < WARM_UP; i++) {
      warmUp.add(build(shared, pem, "https://warmup" + i + ".okta.com"));
    }
    warmUp.clear();

    long heapBefore = settledHeap();
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    List<OktaClient> built = new ArrayList<>(clients);
    long start = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      built.add(build(shared, pem, String.format(Locale.ROOT, "https://tenant%05d.okta.com", i)));
    }
    long buildNanos = System.nanoTime() - start;
    long heapIdle = settledHeap();
    int threadsIdle = ManagementFactory.getThreadMXBean().getThreadCount();

    System.out.println("clients: " + clients + " over one OkHttpClient, RSA 2048 keys from PEM");
    System.out.println(
        "gc: "
            + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName()
            + ", max heap "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MiB");
    System.out.printf(
        Locale.ROOT,
        "build time per client: %.1f us (after %d warm-up builds; no network I/O)%n",
        buildNanos / 1e3 / clients,
        WARM_UP);
    System.out.printf(
        Locale.ROOT,
        "retained heap per idle client: %d B (heap after GC %.1f MiB before, %.1f MiB after)%n",
        (heapIdle - heapBefore) / clients,
        heapBefore / 1048576.0,
        heapIdle / 1048576.0);
    System.out.println("threads: " + threadsBefore + " before, " + threadsIdle + " after building");

    built.clear();
    settledHeap();
    // One more client, whose build lets the per-org registry forget the orgs whose clients are
    // gone; then measure with it alive.
    OktaClient last = build(shared, pem, "https://after.okta.com");
    long heapAfterDrop;
    try {
      heapAfterDrop = settledHeap();
    } finally {
      Reference.reachabilityFence(last);
    }
    System.out.printf(
        Locale.ROOT,
        "retained after dropping the clients: %d B per client (%d KB in all)%n",
        (heapAfterDrop - heapBefore) / clients,
        (heapAfterDrop - heapBefore) / 1024);

    if (afterCall) {
      afterOneCall(clients, shared, keys, pem);
    }
  }

  @SuppressWarnings("ModifiedButNotUsed") // the list keeps the clients alive while the heap is read
  private static void afterOneCall(int clients, OkHttpClient shared, KeyPair keys, String pem)
      throws Exception {
    try (TenantOrgs orgs = TenantOrgs.start(1, 1, keys.getPublic(), List.of("-Xmx256m"))) {
      String orgUrl = orgs.orgUrls().get(0);
      // Load and compile the call path (signing, DPoP, decoding) first, so that what follows
      // measures the clients, not the classes their first calls load.
      List<OktaClient> warmUp = new ArrayList<>();
      for (int i = 0; i < WARM_UP / 4; i++) {
        warmUp.add(calledClient(shared, pem, orgUrl));
      }
      warmUp.clear();
      long heapBefore = settledHeap();
      List<OktaClient> called = new ArrayList<>(clients);
      long start = System.nanoTime();
      for (int i = 0; i < clients; i++) {
        called.add(calledClient(shared, pem, orgUrl));
      }
      long callNanos = System.nanoTime() - start;
      long heapCalled = settledHeap();
      System.out.printf(
          Locale.ROOT,
          "first call per client: %.1f ms (build, token with DPoP nonce handshake, one page)%n",
          callNanos / 1e6 / clients);
      System.out.printf(
          Locale.ROOT,
          "retained heap per client after one call: %d B (with its token, DPoP key and nonces)%n",
          (heapCalled - heapBefore) / clients);
      System.out.println(
          "threads after the calls: "
              + ManagementFactory.getThreadMXBean().getThreadCount()
              + " (OkHttp's shared connection pool and task runner)");
      called.clear();
    }
  }

  private static OktaClient calledClient(OkHttpClient shared, String pem, String orgUrl) {
    OktaClient client =
        OktaClient.builder()
            .orgUrl(orgUrl)
            .clientId(TenantOrgs.CLIENT_ID)
            .privateKey(pem)
            .keyId(TenantOrgs.KEY_ID)
            .httpClient(shared)
            .build();
    client.directory().membersPage(GroupId.of(TenantOrgs.GROUP));
    return client;
  }

  private static OktaClient build(OkHttpClient shared, String pem, String orgUrl) {
    return OktaClient.builder()
        .orgUrl(orgUrl)
        .clientId("0oaTenantApp0001")
        .privateKey(pem)
        .httpClient(shared)
        .build();
  }

  /** The heap in use after collections, once it stops shrinking. */
  static long settledHeap() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (now >= used) {
        return now;
      }
      used = now;
    }
    return used;
  }
}
