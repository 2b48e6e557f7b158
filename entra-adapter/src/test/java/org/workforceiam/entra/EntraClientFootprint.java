package org.workforceiam.entra;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * Many tenants in one JVM, for Entra: builds N Entra clients over one shared {@link OkHttpClient},
 * each for its own tenant with the certificate credential parsed from PEM text (an RSA 2048 key and
 * its self-signed certificate, as from a secret store), and reports the time to build one and the
 * heap each idle client retains after a full GC. The same measurement as okta-adapter's {@code
 * ClientFootprintBenchmark}; run from the test classpath:
 *
 * <pre>
 * java -XX:+UseG1GC -XX:SoftRefLRUPolicyMSPerMB=0 -cp TEST_CLASSPATH org.workforceiam.entra.EntraClientFootprint --clients 1000
 * </pre>
 *
 * <p>{@code EntraIdleClientFootprintTest} runs it on every build and holds it to 100 KB per idle
 * client. Output lines are {@code name: value}.
 */
public final class EntraClientFootprint {
  private static final int WARM_UP = 200;

  private EntraClientFootprint() {}

  /**
   * Runs the measurement.
   *
   * @param args {@code --clients N} (default 1000)
   */
  @SuppressWarnings("ModifiedButNotUsed") // the lists keep the clients alive while the heap is read
  public static void main(String[] args) {
    int clients = 1000;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--clients")) {
        clients = Integer.parseInt(args[++i]);
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    EntraCertificate certificate = EntraCertificate.builder().generate();
    String keyPem = certificate.privateKeyPem().reveal();
    String certificatePem = certificate.certificatePem();
    OkHttpClient shared = new OkHttpClient();

    List<EntraClient> warmUp = new ArrayList<>();
    for (int i = 0; i < WARM_UP; i++) {
      warmUp.add(build(shared, keyPem, certificatePem));
    }
    warmUp.clear();

    long heapBefore = settledHeap();
    int threadsBefore = Thread.getAllStackTraces().size();
    List<EntraClient> built = new ArrayList<>(clients);
    long start = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      built.add(build(shared, keyPem, certificatePem));
    }
    long buildNanos = System.nanoTime() - start;
    long heapIdle = settledHeap();
    int threadsIdle = Thread.getAllStackTraces().size();

    System.out.println(
        "clients: " + clients + " Entra clients over one OkHttpClient, RSA 2048 certificate PEM");
    System.out.println("max heap: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
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
    EntraClient last = build(shared, keyPem, certificatePem);
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
  }

  private static EntraClient build(OkHttpClient shared, String keyPem, String certificatePem) {
    return EntraClient.builder()
        .tenantId(UUID.randomUUID().toString())
        .clientId(UUID.randomUUID().toString())
        .credential(EntraCredential.certificate(keyPem, certificatePem))
        .httpClient(shared)
        .build();
  }

  /**
   * The heap in use after collections, once it stops shrinking. Read through {@link Runtime}, not
   * {@code java.lang.management}, which the adapter's module (its tests are patched into it) does
   * not read.
   */
  static long settledHeap() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      long now = runtime.totalMemory() - runtime.freeMemory();
      if (now >= used) {
        return now;
      }
      used = now;
    }
    return used;
  }
}
