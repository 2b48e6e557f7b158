package org.workforceiam.micrometer;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;
import org.workforceiam.core.IamEventListener;

/**
 * Turns the events of workforce-iam clients into Micrometer meters: give {@link #listener()} (or
 * {@link #listenerForTenant(String)}) to each client's builder.
 *
 * <pre>{@code
 * IamMetrics metrics = IamMetrics.of(meterRegistry);
 * OktaClient okta = OktaClient.builder()
 *     // ... org URL, client id, key, the shared OkHttpClient
 *     .eventListener(metrics.listener())
 *     .build();
 * }</pre>
 *
 * <p>The meters, each tagged {@code provider} (such as {@code Okta}):
 *
 * <ul>
 *   <li>{@value #CALLS} (timer): each attempt sent to the provider, to its response headers; tags
 *       {@code operation} ({@code token}, {@code read}, {@code page} or {@code change}), {@code
 *       endpoint} (the method and path template, such as {@code GET
 *       /api/v1/groups/{groupId}/users}), {@code outcome} ({@code success}, {@code client_error},
 *       {@code rate_limited}, {@code server_error}, {@code no_response}) and {@code status} (the
 *       HTTP status, or {@code none}).
 *   <li>{@value #RETRIES} (counter): retries scheduled; tags {@code operation}, {@code endpoint},
 *       {@code reason} ({@code rate_limited}, {@code unavailable}, {@code connection_failed},
 *       {@code answer_failed}, {@code smaller_page}).
 *   <li>{@value #RETRY_DELAYS} (timer): the waits before those retries; same tags.
 *   <li>{@value #RATE_LIMIT_WAITS} (timer): waits to stay within a rate-limit window (pacing); tags
 *       {@code operation}, {@code endpoint}.
 *   <li>{@value #TOKENS} (timer): access tokens fetched, all requests of a fetch included; tag
 *       {@code refresh} ({@code true} when it replaced an earlier token).
 *   <li>{@value #PAGES} (timer), {@value #PAGE_ITEMS} and {@value #PAGE_BYTES} (distribution
 *       summaries): pages of listings read, from sending to decoded; tag {@code endpoint}.
 * </ul>
 *
 * <p><b>Cardinality.</b> Every tag takes a handful of values: endpoints are templates, never
 * concrete URLs, and no tag holds an id. A {@code tenant} tag is added only by {@link
 * #listenerForTenant(String)}, for the caller who wants it and knows how many tenants the metrics
 * backend can take: thousands of tenants multiply every series by thousands.
 *
 * <p>Thread-safe; one instance may serve every client of the JVM. Built and tested against
 * Micrometer 1.17.2.
 */
public final class IamMetrics {
  /** The timer of attempts sent. */
  public static final String CALLS = "workforceiam.calls";

  /** The counter of retries scheduled. */
  public static final String RETRIES = "workforceiam.retries";

  /** The timer of the waits before retries. */
  public static final String RETRY_DELAYS = "workforceiam.retry.delays";

  /** The timer of waits within rate-limit windows. */
  public static final String RATE_LIMIT_WAITS = "workforceiam.rate.limit.waits";

  /** The timer of access tokens fetched. */
  public static final String TOKENS = "workforceiam.tokens";

  /** The timer of pages read. */
  public static final String PAGES = "workforceiam.pages";

  /** The distribution of items per page. */
  public static final String PAGE_ITEMS = "workforceiam.page.items";

  /** The distribution of bytes per page. */
  public static final String PAGE_BYTES = "workforceiam.page.bytes";

  private final Meter.MeterProvider<Timer> calls;
  private final Meter.MeterProvider<io.micrometer.core.instrument.Counter> retries;
  private final Meter.MeterProvider<Timer> retryDelays;
  private final Meter.MeterProvider<Timer> rateLimitWaits;
  private final Meter.MeterProvider<Timer> tokens;
  private final Meter.MeterProvider<Timer> pages;
  private final Meter.MeterProvider<DistributionSummary> pageItems;
  private final Meter.MeterProvider<DistributionSummary> pageBytes;

  private IamMetrics(MeterRegistry registry) {
    this.calls =
        Timer.builder(CALLS)
            .description("Requests sent to the identity provider, each attempt apart")
            .withRegistry(registry);
    this.retries =
        io.micrometer.core.instrument.Counter.builder(RETRIES)
            .description("Calls to the identity provider tried again")
            .withRegistry(registry);
    this.retryDelays =
        Timer.builder(RETRY_DELAYS)
            .description("Waits before calls to the identity provider were tried again")
            .withRegistry(registry);
    this.rateLimitWaits =
        Timer.builder(RATE_LIMIT_WAITS)
            .description("Waits to stay within the identity provider's rate-limit windows")
            .withRegistry(registry);
    this.tokens =
        Timer.builder(TOKENS)
            .description("Access tokens fetched from the identity provider")
            .withRegistry(registry);
    this.pages =
        Timer.builder(PAGES)
            .description("Pages of listings read from the identity provider")
            .withRegistry(registry);
    this.pageItems =
        DistributionSummary.builder(PAGE_ITEMS)
            .description("Items per page read from the identity provider")
            .baseUnit("items")
            .withRegistry(registry);
    this.pageBytes =
        DistributionSummary.builder(PAGE_BYTES)
            .description("Bytes per page read from the identity provider")
            .baseUnit("bytes")
            .withRegistry(registry);
  }

  /**
   * Returns the meters of workforce-iam clients in a registry.
   *
   * @param registry where the meters go
   * @return the metrics
   */
  public static IamMetrics of(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry == null");
    return new IamMetrics(registry);
  }

  /**
   * Returns a listener whose meters carry no tenant tag: one per JVM is enough, shared by every
   * client.
   *
   * @return the listener; thread-safe
   */
  public IamEventListener listener() {
    return new Listener(Tags.empty());
  }

  /**
   * Returns a listener whose meters also carry {@code tenant=<tenant>}: one per client. Every
   * series is then kept once per tenant, so use it only where the metrics backend can hold that
   * many series.
   *
   * @param tenant the caller's name for the tenant, such as a customer id; not blank
   * @return the listener; thread-safe
   * @throws IllegalArgumentException when the tenant is blank
   */
  public IamEventListener listenerForTenant(String tenant) {
    Objects.requireNonNull(tenant, "tenant == null");
    if (tenant.isBlank()) {
      throw new IllegalArgumentException("tenant must not be blank");
    }
    return new Listener(Tags.of("tenant", tenant));
  }

  @Override
  public String toString() {
    return "IamMetrics";
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The listener: meters of the shared providers, with its own extra tags. */
  private final class Listener implements IamEventListener {
    private final Tags extra;

    Listener(Tags extra) {
      this.extra = extra;
    }

    private Tags tags(String provider, Tag... tags) {
      return extra.and(Tag.of("provider", provider)).and(tags);
    }

    @Override
    public void callEnded(CallEnded event) {
      calls
          .withTags(
              tags(
                  event.provider(),
                  Tag.of("operation", lower(event.kind())),
                  Tag.of("endpoint", event.endpoint()),
                  Tag.of("outcome", lower(event.outcome())),
                  Tag.of(
                      "status",
                      event.status().isPresent()
                          ? Integer.toString(event.status().getAsInt())
                          : "none")))
          .record(event.duration());
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
      Tags tags =
          tags(
              event.provider(),
              Tag.of("operation", lower(event.kind())),
              Tag.of("endpoint", event.endpoint()),
              Tag.of("reason", lower(event.reason())));
      retries.withTags(tags).increment();
      retryDelays.withTags(tags).record(event.delay());
    }

    @Override
    public void rateLimitWait(RateLimitWait event) {
      rateLimitWaits
          .withTags(
              tags(
                  event.provider(),
                  Tag.of("operation", lower(event.kind())),
                  Tag.of("endpoint", event.endpoint())))
          .record(event.duration());
    }

    @Override
    public void tokenFetched(TokenFetched event) {
      tokens
          .withTags(tags(event.provider(), Tag.of("refresh", Boolean.toString(event.refresh()))))
          .record(event.duration());
    }

    @Override
    public void pageFetched(PageFetched event) {
      Tags tags = tags(event.provider(), Tag.of("endpoint", event.endpoint()));
      pages.withTags(tags).record(event.duration());
      pageItems.withTags(tags).record(event.items());
      pageBytes.withTags(tags).record((double) event.bytes());
    }

    @Override
    public String toString() {
      return "IamMetrics.Listener" + extra;
    }
  }
}
