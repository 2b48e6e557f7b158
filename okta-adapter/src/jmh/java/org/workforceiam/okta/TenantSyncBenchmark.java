package org.workforceiam.okta;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import okhttp3.OkHttpClient;
import org.workforceiam.core.Employee;
import org.workforceiam.core.GroupId;
import org.workforceiam.core.IamEventListener;

/**
 * Concurrent syncs of many tenants over one shared {@link OkHttpClient}: T simulated orgs (in a JVM
 * of their own, DPoP required, each group of M generated members), one {@link OktaClient} per
 * tenant, and at most C syncs at a time on a fixed pool of C threads. Reports members/s over the
 * whole run and the heap: the sum of the heap pools' peaks (after a GC and a reset at the start)
 * and the most heap left in use after any collection during the run, which is close to what the
 * clients held live at once. The live figure should grow with C (the pages in flight), not with T.
 *
 * <pre>
 * java -cp okta-adapter/target/benchmarks.jar org.workforceiam.okta.TenantSyncBenchmark \
 *     --tenants 50 --members 2000 --page-size 200 --concurrency 8
 * </pre>
 *
 * <p>Requests and token requests are counted twice, by the orgs and by a counting {@link
 * IamEventListener} shared by every client, so the two can be compared. Not a JMH benchmark: one
 * run is one measurement, as {@code helpdesk bench} is.
 */
public final class TenantSyncBenchmark {
  private TenantSyncBenchmark() {}

  /**
   * Runs one measurement.
   *
   * @param args {@code --tenants T --members M --page-size P --concurrency C}
   * @throws Exception when it cannot run
   */
  public static void main(String[] args) throws Exception {
    int tenants = 50;
    int members = 2000;
    int pageSize = 200;
    int concurrency = 8;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--tenants" -> tenants = Integer.parseInt(args[++i]);
        case "--members" -> members = Integer.parseInt(args[++i]);
        case "--page-size" -> pageSize = Integer.parseInt(args[++i]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    Counting counting = new Counting();
    OkHttpClient shared = new OkHttpClient();

    try (TenantOrgs orgs =
        TenantOrgs.start(
            tenants, members, keys.getPublic(), List.of("-Xmx1g", "-XX:+UseSerialGC"))) {
      List<OktaClient> clients = new ArrayList<>();
      for (String orgUrl : orgs.orgUrls()) {
        clients.add(
            OktaClient.builder()
                .orgUrl(orgUrl)
                .clientId(TenantOrgs.CLIENT_ID)
                .privateKey(keys.getPrivate())
                .keyId(TenantOrgs.KEY_ID)
                .pageSize(pageSize)
                .httpClient(shared)
                .eventListener(counting)
                .build());
      }
      long[] before = orgs.counts();
      HeapMeter heap = HeapMeter.start();
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      AtomicLong synced = new AtomicLong();
      List<Future<?>> syncs = new ArrayList<>();
      for (OktaClient client : clients) {
        syncs.add(
            pool.submit(
                () -> {
                  try (Stream<Employee> employees =
                      client.directory().members(GroupId.of(TenantOrgs.GROUP))) {
                    synced.addAndGet(employees.count());
                  }
                }));
      }
      for (Future<?> sync : syncs) {
        sync.get();
      }
      long wall = System.nanoTime() - start;
      pool.shutdown();
      HeapMeter.Result measured = heap.stop();
      long[] after = orgs.counts();

      System.out.printf(
          Locale.ROOT,
          "tenants: %d of %d members, page size %d, at most %d syncs at a time, one OkHttpClient%n",
          tenants,
          members,
          pageSize,
          concurrency);
      System.out.printf(Locale.ROOT, "members: %d%n", synced.get());
      System.out.printf(Locale.ROOT, "members/s: %.0f%n", synced.get() * 1e9 / wall);
      System.out.printf(Locale.ROOT, "wall time: %.3f s%n", wall / 1e9);
      System.out.printf(
          Locale.ROOT,
          "requests: %d list, %d token (counted by the orgs); %d list, %d token, %d pages,"
              + " %d token fetches, %d retries, %d rate-limit waits (counted from events)%n",
          after[0] - before[0],
          after[1] - before[1],
          counting.pageCalls.get(),
          counting.tokenCalls.get(),
          counting.pages.get(),
          counting.tokens.get(),
          counting.retries.get(),
          counting.waits.get());
      System.out.printf(
          Locale.ROOT,
          "peak heap used: %.1f MiB (sum of the heap pools' peaks; %.1f MiB after GC at start;"
              + " max heap %d MiB)%n",
          measured.peakBytes() / 1048576.0,
          measured.startBytes() / 1048576.0,
          Runtime.getRuntime().maxMemory() / (1024 * 1024));
      System.out.printf(
          Locale.ROOT,
          "heap after gc: %.1f MiB (the most left in use after any collection during the run)%n",
          measured.peakAfterGcBytes() / 1048576.0);
      System.out.printf(
          Locale.ROOT,
          "gc: %d collections; threads: %d%n",
          measured.collections(),
          ManagementFactory.getThreadMXBean().getThreadCount());
      System.out.printf(
          Locale.ROOT,
          "org cpu: %.3f s in the simulated orgs' JVM during the run%n",
          (after[2] - before[2]) / 1e9);
      System.out.println(
          "java: "
              + Runtime.version()
              + ", "
              + Runtime.getRuntime().availableProcessors()
              + " cores, "
              + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
      if (synced.get() != (long) tenants * members) {
        throw new IllegalStateException(
            "synced " + synced.get() + " members, expected " + (long) tenants * members);
      }
    }
  }

  /** Counts what every client did, from its events. */
  static final class Counting implements IamEventListener {
    final AtomicLong pageCalls = new AtomicLong();
    final AtomicLong tokenCalls = new AtomicLong();
    final AtomicLong pages = new AtomicLong();
    final AtomicLong tokens = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong waits = new AtomicLong();

    @Override
    public void callStarted(CallStarted event) {
      (event.kind() == CallKind.TOKEN ? tokenCalls : pageCalls).incrementAndGet();
    }

    @Override
    public void pageFetched(PageFetched event) {
      pages.incrementAndGet();
    }

    @Override
    public void tokenFetched(TokenFetched event) {
      tokens.incrementAndGet();
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
      retries.incrementAndGet();
    }

    @Override
    public void rateLimitWait(RateLimitWait event) {
      waits.incrementAndGet();
    }
  }

  /** The heap pools' peaks from a reset, and the most heap left after any collection. */
  static final class HeapMeter {
    private final List<MemoryPoolMXBean> pools;
    private final Set<String> poolNames;
    private final List<GarbageCollectorMXBean> collectors;
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final NotificationListener afterGc = this::afterGc;
    private final long startBytes;
    private final long collectionsAtStart;

    private HeapMeter() {
      pools =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
              .toList();
      poolNames = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
      collectors = ManagementFactory.getGarbageCollectorMXBeans();
      System.gc();
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      startBytes = pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
      collectionsAtStart = collections();
      for (GarbageCollectorMXBean collector : collectors) {
        if (collector instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(afterGc, null, null);
        }
      }
    }

    static HeapMeter start() {
      return new HeapMeter();
    }

    private long collections() {
      return collectors.stream().mapToLong(gc -> Math.max(0, gc.getCollectionCount())).sum();
    }

    private void afterGc(Notification notification, Object handback) {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
          notification.getType())) {
        return;
      }
      long used =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
              .getGcInfo()
              .getMemoryUsageAfterGc()
              .entrySet()
              .stream()
              .filter(pool -> poolNames.contains(pool.getKey()))
              .mapToLong(pool -> pool.getValue().getUsed())
              .sum();
      peakAfterGc.accumulateAndGet(used, Math::max);
    }

    Result stop() throws Exception {
      long peak = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
      for (GarbageCollectorMXBean collector : collectors) {
        if (collector instanceof NotificationEmitter emitter) {
          emitter.removeNotificationListener(afterGc);
        }
      }
      return new Result(startBytes, peak, peakAfterGc.get(), collections() - collectionsAtStart);
    }

    record Result(long startBytes, long peakBytes, long peakAfterGcBytes, long collections) {}
  }
}
