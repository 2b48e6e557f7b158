package org.workforceiam.cli.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures one sync in this JVM: wall time, time to the first member, members per second, the peak
 * heap used, garbage collections, and the bytes the syncing thread allocated.
 *
 * <p>Peak heap: {@link #start()} runs a full GC and resets the peak usage of every heap memory pool
 * ({@link MemoryPoolMXBean#resetPeakUsage()}); {@link #stop()} adds up the pools' peaks. The pools
 * may peak at different moments, so the sum is an upper bound of the heap used at any one time; it
 * also counts garbage not yet collected, and so depends on the heap size and the collector, which
 * is why the comparisons run both clients with the same JVM options. The bytes allocated by the
 * syncing thread ({@code com.sun.management.ThreadMXBean}) do not depend on either, and neither
 * does much the heap in use right after a collection: the meter listens to the collectors'
 * notifications and keeps the largest heap left after any collection during the sync, which is
 * close to the most the client held live at once (sampled at each collection, so a sync with few
 * collections shows little).
 *
 * <p>CPU: the whole process's CPU time (the syncing thread, the collectors, the JIT compiler) and
 * the syncing thread's alone. On loopback the server shares the machine and every client waits for
 * the same server work, so the CPU time is the part of the cost that belongs to the client.
 *
 * <p>Not thread-safe: one meter for one sync on one thread.
 */
public final class SyncMeter {
  private final List<MemoryPoolMXBean> heapPools;
  private final List<GarbageCollectorMXBean> collectors;
  private final long heapAtStart;
  private final long gcCountAtStart;
  private final long gcMillisAtStart;
  private final long allocatedAtStart;
  private final long processCpuAtStart;
  private final long threadCpuAtStart;
  private final Set<String> heapPoolNames;
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final NotificationListener afterGc = this::afterGc;
  private final long startNanos;
  private long firstNanos = -1;
  private long members;

  private SyncMeter() {
    this.heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
            .toList();
    this.collectors = ManagementFactory.getGarbageCollectorMXBeans();
    System.gc();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    this.heapAtStart = heapPools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    this.gcCountAtStart =
        collectors.stream().mapToLong(gc -> Math.max(0, gc.getCollectionCount())).sum();
    this.gcMillisAtStart =
        collectors.stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    this.allocatedAtStart = allocatedByThisThread();
    this.heapPoolNames =
        heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
    collectors.forEach(
        gc -> {
          if (gc instanceof NotificationEmitter emitter) {
            emitter.addNotificationListener(afterGc, null, null);
          }
        });
    this.processCpuAtStart = processCpu();
    this.threadCpuAtStart = threadCpu();
    this.startNanos = System.nanoTime();
  }

  private void afterGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    Map<String, MemoryUsage> after =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
            .getGcInfo()
            .getMemoryUsageAfterGc();
    long used =
        after.entrySet().stream()
            .filter(pool -> heapPoolNames.contains(pool.getKey()))
            .mapToLong(pool -> pool.getValue().getUsed())
            .sum();
    peakAfterGc.accumulateAndGet(used, Math::max);
  }

  /**
   * Collects garbage, resets the heap pools' peaks and starts the clock. Call it on the thread that
   * syncs, before the client is built, since some clients fetch their token while being built.
   *
   * @return the running meter
   */
  public static SyncMeter start() {
    return new SyncMeter();
  }

  /** Counts one member; the first one also stops the time-to-first-member clock. */
  public void member() {
    if (members++ == 0) {
      firstArrived();
    }
  }

  /**
   * Stops the time-to-first-member clock, unless it has stopped: for a client that decodes no
   * member, when the first bytes of the first page arrive.
   */
  public void firstArrived() {
    if (firstNanos < 0) {
      firstNanos = System.nanoTime();
    }
  }

  /**
   * Counts members a client did not count one by one, such as the pages of bytes of a client that
   * decodes nothing.
   *
   * @param count how many members arrived
   */
  public void members(long count) {
    members += count;
  }

  /**
   * Stops the clock and reads the peaks.
   *
   * @return what was measured
   */
  public Result stop() {
    long end = System.nanoTime();
    long processCpu = processCpu() - processCpuAtStart;
    long threadCpu = threadCpu() - threadCpuAtStart;
    long allocated = allocatedByThisThread() - allocatedAtStart;
    long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    long gcCount =
        collectors.stream().mapToLong(gc -> Math.max(0, gc.getCollectionCount())).sum()
            - gcCountAtStart;
    long gcMillis =
        collectors.stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum()
            - gcMillisAtStart;
    collectors.forEach(
        gc -> {
          if (gc instanceof NotificationEmitter emitter) {
            try {
              emitter.removeNotificationListener(afterGc);
            } catch (javax.management.ListenerNotFoundException e) {
              // Never added: nothing to remove.
            }
          }
        });
    return new Result(
        members,
        end - startNanos,
        firstNanos < 0 ? -1 : firstNanos - startNanos,
        peak,
        peakAfterGc.get(),
        heapAtStart,
        Runtime.getRuntime().maxMemory(),
        allocatedAtStart < 0 ? -1 : allocated,
        gcCount,
        gcMillis,
        processCpu,
        threadCpu);
  }

  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  private static long threadCpu() {
    return ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported()
        ? ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
        : -1;
  }

  private static long allocatedByThisThread() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
        && threads.isThreadAllocatedMemorySupported()
        && threads.isThreadAllocatedMemoryEnabled()) {
      return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
    return -1;
  }

  /**
   * What one sync measured.
   *
   * @param members how many members arrived
   * @param wallNanos from {@link #start()} to {@link #stop()}
   * @param firstMemberNanos from {@link #start()} to the first member, or -1 if none came
   * @param peakHeapBytes the sum of the heap pools' peak usage during the sync
   * @param peakAfterGcBytes the most heap in use right after a collection during the sync, 0 if
   *     none ran
   * @param heapAtStartBytes the heap in use right after the GC at the start
   * @param maxHeapBytes the JVM's maximum heap
   * @param allocatedBytes bytes allocated by the syncing thread, or -1 if the JVM cannot tell
   * @param gcCount garbage collections during the sync
   * @param gcMillis time the collectors report for them
   * @param processCpuNanos CPU time of the whole process during the sync, or negative if unknown
   * @param threadCpuNanos CPU time of the syncing thread, or negative if unknown
   */
  public record Result(
      long members,
      long wallNanos,
      long firstMemberNanos,
      long peakHeapBytes,
      long peakAfterGcBytes,
      long heapAtStartBytes,
      long maxHeapBytes,
      long allocatedBytes,
      long gcCount,
      long gcMillis,
      long processCpuNanos,
      long threadCpuNanos) {

    /**
     * Returns the members per second over the whole sync.
     *
     * @return the rate
     */
    public double membersPerSecond() {
      return wallNanos == 0 ? 0 : members * 1e9 / wallNanos;
    }

    /**
     * Returns the report lines, {@code name: value}, in a fixed order that scripts may rely on.
     *
     * @return the lines
     */
    public List<String> lines() {
      return List.of(
          String.format("members/s: %.0f", membersPerSecond()),
          String.format("wall time: %.3f s", wallNanos / 1e9),
          String.format(
              "time to first employee: %s",
              firstMemberNanos < 0 ? "none" : String.format("%.0f ms", firstMemberNanos / 1e6)),
          String.format(
              "peak heap used: %s (sum of the heap pools' peaks; heap in use after GC at start"
                  + " %s; max heap %s)",
              mib(peakHeapBytes), mib(heapAtStartBytes), mib(maxHeapBytes)),
          allocatedBytes < 0
              ? "allocated: unknown"
              : String.format(
                  "allocated: %s by the syncing thread, %d B/member",
                  mib(allocatedBytes), members == 0 ? 0 : allocatedBytes / members),
          String.format(
              "heap after gc: %s (the most left in use after any collection during the sync)",
              mib(peakAfterGcBytes)),
          String.format("gc: %d collections, %d ms", gcCount, gcMillis),
          processCpuNanos < 0
              ? "cpu: unknown"
              : String.format(
                  "cpu: %.3f s in this JVM, %.3f s on the syncing thread, %.1f us/member",
                  processCpuNanos / 1e9,
                  threadCpuNanos / 1e9,
                  members == 0 ? 0.0 : processCpuNanos / 1e3 / members));
    }

    private static String mib(long bytes) {
      return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }
  }
}
