package org.workforceiam.cli.floor;

import java.io.IOException;
import java.util.List;
import org.workforceiam.cli.bench.SyncMeter;

/**
 * One sync embedded in a fresh JVM with no output, measured by {@link SyncMeter}: {@code sdk} (the
 * Okta or Entra adapter's {@code members} stream, as {@code helpdesk bench} syncs) or {@code floor}
 * ({@link OktaFloor}, {@link EntraFloor}; the tokenizing floor with {@code --tokenize}). Both read
 * the key file and build their client inside the measured time. Prints the meter's lines, then
 * {@code figures: WALL_NANOS ALLOCATED_BYTES FIRST_NANOS MEMBERS CPU_NANOS} for {@link FloorBench}.
 */
final class MeteredSync {
  private MeteredSync() {}

  /**
   * Syncs once and prints the figures.
   *
   * @param args {@code sdk} or {@code floor}, then {@link Target}'s arguments
   * @throws IOException when the floor's sync fails
   */
  public static void main(String[] args) throws IOException {
    String client = args.length > 0 ? args[0] : "";
    Target target = Target.parse(List.of(args).subList(Math.min(1, args.length), args.length));
    SyncMeter meter = SyncMeter.start();
    switch (client) {
      case "sdk" -> sdk(target, meter);
      case "floor" -> floor(target, meter);
      default -> throw new IllegalArgumentException("sdk or floor, not " + client);
    }
    SyncMeter.Result result = meter.stop();
    result.lines().forEach(System.out::println);
    System.out.printf(
        "figures: %d %d %d %d %d%n",
        result.wallNanos(),
        result.allocatedBytes(),
        result.firstMemberNanos(),
        result.members(),
        result.processCpuNanos());
  }

  private static void sdk(Target target, SyncMeter meter) {
    target.app().sdk(target, meter::member);
  }

  /** The floor decodes no member: the group's size is counted once its pages have all arrived. */
  private static void floor(Target target, SyncMeter meter) throws IOException {
    target.app().floor(target).sync(target.group(), target.pageSize(), meter::firstArrived);
    meter.members(target.members());
  }
}
