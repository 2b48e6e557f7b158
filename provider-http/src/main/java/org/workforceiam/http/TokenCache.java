package org.workforceiam.http;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workforceiam.core.IamException;

/**
 * Caches an access token and refreshes it ahead of its expiry, with one refresh in flight. Modelled
 * on google-auth's {@code OAuth2Credentials} and its stale and expired margins. Thread-safe.
 *
 * <ul>
 *   <li><b>Fresh</b> (more than {@link #STALE_MARGIN} left): returned at once.
 *   <li><b>Stale</b> (less than {@link #STALE_MARGIN}, more than {@link #EXPIRY_MARGIN} left): one
 *       caller refreshes it inline while every other caller keeps using the valid token without
 *       waiting; if that refresh fails, the refreshing caller too goes on with the valid token, and
 *       a later caller tries again.
 *   <li><b>Expired</b> (less than {@link #EXPIRY_MARGIN} left, or none yet): callers wait for one
 *       fetch and share its result or its failure.
 * </ul>
 *
 * <p>How a token is fetched is the provider's {@link TokenEndpoint}. The fetch is a step of the
 * call that needs the token: it sends with {@link Transport#send(okhttp3.Request)} and does not
 * retry on its own, so the call's one retry loop and deadline cover it, and each of its requests is
 * bounded by the client's call timeout ({@link HttpClients#derive}).
 */
public final class TokenCache {
  /** A token with less left than this is not sent: a request never carries a dying token. */
  public static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

  /** A token with less left than this is refreshed ahead of time, without making callers wait. */
  public static final Duration STALE_MARGIN = Duration.ofMinutes(3);

  /** Refresh this long before the token expires; the stale margin. */
  public static final Duration REFRESH_MARGIN = STALE_MARGIN;

  /** Fetches a new token from the provider. */
  @FunctionalInterface
  public interface TokenEndpoint {
    /**
     * Fetches a token: one step, sent with {@link Transport#send(okhttp3.Request)}.
     *
     * @return the token
     * @throws IamException when the provider refuses or cannot be reached
     */
    AccessToken fetch();
  }

  private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);

  private final Transport transport;
  private final TokenEndpoint endpoint;
  private final Clock clock;
  private final Events events;

  private final ReentrantLock lock = new ReentrantLock();
  private volatile @Nullable AccessToken current;

  /** Counts finished fetches, so a caller can tell that one finished while it waited. */
  private final AtomicLong fetches = new AtomicLong();

  /** Why the last fetch failed, or null if it succeeded. Guarded by {@link #lock}. */
  private @Nullable RuntimeException lastFailure;

  /**
   * Whether a fetch has succeeded before, so the next one is a refresh. Guarded by {@link #lock}.
   */
  private boolean fetchedBefore;

  /**
   * Creates a cache holding no token yet, reporting no events.
   *
   * @param transport runs a fetch outside any call, for {@link #get()}
   * @param endpoint fetches tokens
   * @param clock the clock of token expiry
   */
  public TokenCache(Transport transport, TokenEndpoint endpoint, Clock clock) {
    this(transport, endpoint, clock, Events.NONE);
  }

  /**
   * Creates a cache holding no token yet.
   *
   * @param transport runs a fetch outside any call, for {@link #get()}
   * @param endpoint fetches tokens
   * @param clock the clock of token expiry
   * @param events where each fetched token is reported ({@link Events#tokenFetched}), never the
   *     token itself
   */
  public TokenCache(Transport transport, TokenEndpoint endpoint, Clock clock, Events events) {
    this.transport = transport;
    this.endpoint = endpoint;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Returns a token valid for at least {@link #EXPIRY_MARGIN}, fetching one in a retry loop of its
   * own if needed: for callers outside any call, such as a connection check.
   *
   * @return the token
   * @throws IamException when the provider refuses or cannot be reached
   */
  public AccessToken get() {
    return transport.retrying(this::current);
  }

  /**
   * Returns a token valid for at least {@link #EXPIRY_MARGIN}, fetching one if needed as a step of
   * the calling attempt (an authorizing interceptor calls this): a failure that a retry may fix
   * ends the attempt, and the call's retry loop decides. Callers that wait while a fetch fails get
   * that fetch's exception; later callers try again. A stale token is refreshed by one caller while
   * the others use it without waiting.
   *
   * @return the token
   * @throws IamException when the provider refuses or cannot be reached
   */
  public AccessToken current() {
    long fetchesSeen = fetches.get();
    AccessToken token = current;
    if (token != null && !isExpired(token)) {
      if (!isStale(token) || !lock.tryLock()) {
        // Fresh, or stale while another caller refreshes it: the token is still valid.
        return token;
      }
      try {
        return refreshStale();
      } finally {
        lock.unlock();
      }
    }
    lock.lock();
    try {
      token = current;
      if (token != null && !isExpired(token)) {
        return token;
      }
      RuntimeException failure = lastFailure;
      if (failure != null && fetches.get() != fetchesSeen) {
        // A fetch failed while this caller waited for it: share its failure rather than ask again,
        // so N waiting threads cost one token request, not N in a row (each after a timeout).
        throw failure;
      }
      return fetch();
    } finally {
      lock.unlock();
    }
  }

  /** Refreshes a stale token, holding the lock; on failure goes on with the still-valid token. */
  private AccessToken refreshStale() {
    AccessToken token = current;
    if (token == null || isExpired(token)) {
      return fetch();
    }
    if (!isStale(token)) {
      return token; // refreshed by another caller in the meantime
    }
    try {
      return fetch();
    } catch (RuntimeException e) {
      LOG.warn(
          "refreshing the access token ahead of its expiry failed ({}); still using the valid one",
          e.getClass().getSimpleName());
      return token;
    }
  }

  /** Fetches a token; the caller holds the lock. */
  private AccessToken fetch() {
    long started = events.start();
    try {
      AccessToken fetched = endpoint.fetch();
      current = fetched;
      lastFailure = null;
      boolean refresh = fetchedBefore;
      fetchedBefore = true;
      if (events.enabled()) {
        events.tokenFetched(
            refresh, started, Duration.between(clock.instant(), fetched.expiresAt()));
      }
      return fetched;
    } catch (RuntimeException e) {
      lastFailure = e;
      throw e;
    } finally {
      fetches.incrementAndGet();
    }
  }

  /**
   * Forgets a token the provider no longer accepts, so the next request fetches a new one. A token
   * that was already replaced is left alone, so several threads reporting the same stale token
   * cause one refresh.
   *
   * @param stale the token that was refused
   */
  public void invalidate(AccessToken stale) {
    lock.lock();
    try {
      if (stale.equals(current)) {
        current = null;
      }
    } finally {
      lock.unlock();
    }
  }

  private boolean isExpired(AccessToken token) {
    return !clock.instant().plus(EXPIRY_MARGIN).isBefore(token.expiresAt());
  }

  private boolean isStale(AccessToken token) {
    return !clock.instant().plus(STALE_MARGIN).isBefore(token.expiresAt());
  }

  /** {@return the endpoint's description, never a token} */
  @Override
  public String toString() {
    return "TokenCache{" + endpoint + "}";
  }
}
