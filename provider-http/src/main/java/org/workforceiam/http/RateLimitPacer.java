package org.workforceiam.http;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the rate-limit windows a provider reports per bucket and, when a window is nearly used
 * up, spreads the requests left over the time until it resets instead of running into a 429.
 *
 * <p>Which requests share a window, and how a response reports it, are the provider's {@link
 * ProviderRules}. Times are kept on the local clock. Thread-safe.
 *
 * <p><b>Per org.</b> A provider's rate limits belong to the org (the tenant), so every client of
 * one org in this JVM should see the same windows: {@link #forOrg} returns a pacer over the org's
 * windows, kept in a JVM-wide registry keyed by the org's origin (with the provider's rules and the
 * clock) and held weakly, so an org whose clients are all gone is forgotten. Orgs never share a
 * window: one tenant's pacing or 429s never slow another's calls (each call waits on its own
 * thread).
 *
 * <p><b>A share.</b> An admin may cap an app at a part of each bucket (Okta: "Application rate
 * limits", 50% by default). {@link #withShare} paces within that part of the window the provider
 * reports: of a window of {@code limit} requests, it treats {@code limit × share} as the app's and
 * the rest as others', so it starts pacing when the app's part runs low, assuming the others may
 * use all of theirs.
 */
public final class RateLimitPacer {
  /** The windows of each org in this JVM, held weakly: see {@link #forOrg}. */
  private static final ConcurrentMap<OrgKey, OrgWindows> ORGS = new ConcurrentHashMap<>();

  /** Where the registry's references go once their org's pacers are all unreachable. */
  private static final ReferenceQueue<Map<String, Window>> FORGOTTEN = new ReferenceQueue<>();

  private final Clock clock;
  private final ProviderRules rules;
  private final Map<String, Window> windows;
  private final double share;

  /**
   * Creates a pacer of its own with no window known, shared with no other client.
   *
   * @param clock the local clock
   * @param rules the provider's buckets and rate-limit headers
   */
  public RateLimitPacer(Clock clock, ProviderRules rules) {
    this(clock, rules, new ConcurrentHashMap<>(), 1.0);
  }

  private RateLimitPacer(
      Clock clock, ProviderRules rules, Map<String, Window> windows, double share) {
    this.clock = clock;
    this.rules = rules;
    this.windows = windows;
    this.share = share;
  }

  /**
   * Returns a pacer over an org's windows, shared by every pacer of the same org (origin, rules and
   * clock) in this JVM while any of them is reachable. Does no I/O.
   *
   * @param org the org's URL; only its scheme, host and port count
   * @param clock the local clock
   * @param rules the provider's buckets and rate-limit headers
   * @return the pacer, with a share of 1
   */
  public static RateLimitPacer forOrg(HttpUrl org, Clock clock, ProviderRules rules) {
    Objects.requireNonNull(org, "org == null");
    Objects.requireNonNull(clock, "clock == null");
    Objects.requireNonNull(rules, "rules == null");
    forgetUnreachableOrgs();
    OrgKey key = new OrgKey(org.scheme() + "://" + org.host() + ":" + org.port(), rules, clock);
    while (true) {
      OrgWindows known = ORGS.get(key);
      @Nullable Map<String, Window> windows = known == null ? null : known.get();
      if (windows != null) {
        return new RateLimitPacer(clock, rules, windows, 1.0);
      }
      Map<String, Window> fresh = new ConcurrentHashMap<>();
      OrgWindows created = new OrgWindows(key, fresh);
      boolean stored =
          known == null
              ? ORGS.putIfAbsent(key, created) == null
              : ORGS.replace(key, known, created);
      if (stored) {
        return new RateLimitPacer(clock, rules, fresh, 1.0);
      }
    }
  }

  /**
   * Returns a pacer over the same windows that keeps within a share of each: for an app an admin
   * capped at a part of the org's rate limit.
   *
   * @param share the app's part of each window, more than 0 and at most 1
   * @return the pacer
   * @throws IllegalArgumentException when the share is not in (0, 1]
   */
  public RateLimitPacer withShare(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "the rate-limit share must be more than 0 and at most 1: " + share);
    }
    return share == this.share ? this : new RateLimitPacer(clock, rules, windows, share);
  }

  /** {@return the part of each window this pacer keeps within, more than 0 and at most 1} */
  public double share() {
    return share;
  }

  /** {@return how many orgs the JVM-wide registry holds; for tests} */
  static int orgsKnown() {
    forgetUnreachableOrgs();
    return ORGS.size();
  }

  private static void forgetUnreachableOrgs() {
    for (var ref = FORGOTTEN.poll(); ref != null; ref = FORGOTTEN.poll()) {
      OrgWindows forgotten = (OrgWindows) ref;
      ORGS.remove(forgotten.key, forgotten);
    }
  }

  /** An org in the registry: its origin, the provider's rules and the clock its windows use. */
  private record OrgKey(String origin, ProviderRules rules, Clock clock) {}

  /** An org's windows, weakly: every pacer of the org holds them strongly. */
  private static final class OrgWindows extends WeakReference<Map<String, Window>> {
    final OrgKey key;

    OrgWindows(OrgKey key, Map<String, Window> windows) {
      super(windows, FORGOTTEN);
      this.key = key;
    }
  }

  /**
   * What a provider said about one bucket's window, in local time.
   *
   * @param limit how many requests the window allows
   * @param remaining how many are left
   * @param resetAt when the window starts afresh
   */
  public record Window(int limit, int remaining, Instant resetAt) {}

  /**
   * Returns how long to wait before sending a request, so the window's remainder lasts until it
   * resets, and counts the request against the window.
   *
   * @param request the request about to be sent
   * @return the wait, zero while the window has room
   */
  public Duration delayBefore(Request request) {
    String bucket = rules.rateLimitBucket(request);
    Window window = windows.get(bucket);
    if (window == null) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    if (!now.isBefore(window.resetAt())) {
      windows.remove(bucket, window);
      return Duration.ZERO;
    }
    int limit = window.limit();
    int remaining = window.remaining();
    if (share < 1 && limit > 0) {
      // The app's part of the window; the rest may be used by others, so it is not counted on.
      int own = Math.max(1, (int) Math.floor(limit * share));
      remaining -= limit - own;
      limit = own;
    }
    if (limit <= 0 || remaining > lowWater(limit)) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, window.resetAt());
    Duration wait = remaining <= 0 ? left : left.dividedBy((long) remaining + 1);
    // Count this request against the window now, so concurrent callers spread out too.
    windows.computeIfPresent(
        bucket,
        (key, current) ->
            new Window(current.limit(), Math.max(current.remaining() - 1, 0), current.resetAt()));
    return wait;
  }

  /**
   * Remembers the window a response reports.
   *
   * @param request the request
   * @param response its response
   */
  public void record(Request request, Response response) {
    Window window = rules.rateLimitWindow(response, clock);
    if (window != null && window.limit() > 0) {
      windows.put(rules.rateLimitBucket(request), window);
    }
  }

  /**
   * Returns the window last reported for a request's bucket; for tests.
   *
   * @param request the request
   * @return the window, or null when none is known
   */
  public @Nullable Window window(Request request) {
    return windows.get(rules.rateLimitBucket(request));
  }

  /**
   * Returns below how many requests left pacing starts: a tenth of the window, at least two.
   *
   * @param limit the window's size
   * @return the low-water mark
   */
  static int lowWater(int limit) {
    return Math.max(2, limit / 10);
  }
}
