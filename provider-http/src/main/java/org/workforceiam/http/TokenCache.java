package org.workforceiam.http;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.workforceiam.core.IamException;

/**
 * Caches an access token and refreshes it shortly before it expires, with one refresh in flight:
 * any number of threads asking at once cause one token request, the first fetching while the others
 * wait for its result (and share its failure). Modelled on google-auth's {@code OAuth2Credentials}.
 * Thread-safe.
 *
 * <p>How a token is fetched is the provider's {@link TokenEndpoint}. The fetch is a step of the
 * call that needs the token: it sends with {@link Transport#send(okhttp3.Request)} and does not
 * retry on its own, so the call's one retry loop and deadline cover it.
 */
public final class TokenCache {
  /** Refresh this long before the token expires, so a request never carries a dying token. */
  public static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);

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

  private final Transport transport;
  private final TokenEndpoint endpoint;
  private final Clock clock;

  private final Object lock = new Object();
  private volatile @Nullable AccessToken current;

  /** Counts finished fetches, so a caller can tell that one finished while it waited. */
  private final AtomicLong fetches = new AtomicLong();

  /** Why the last fetch failed, or null if it succeeded. Guarded by {@link #lock}. */
  private @Nullable RuntimeException lastFailure;

  /**
   * Creates a cache holding no token yet.
   *
   * @param transport runs a fetch outside any call, for {@link #get()}
   * @param endpoint fetches tokens
   * @param clock the clock of token expiry
   */
  public TokenCache(Transport transport, TokenEndpoint endpoint, Clock clock) {
    this.transport = transport;
    this.endpoint = endpoint;
    this.clock = clock;
  }

  /**
   * Returns a token valid for at least {@link #REFRESH_MARGIN}, fetching one in a retry loop of its
   * own if needed: for callers outside any call, such as a connection check.
   *
   * @return the token
   * @throws IamException when the provider refuses or cannot be reached
   */
  public AccessToken get() {
    return transport.retrying(this::current);
  }

  /**
   * Returns a token valid for at least {@link #REFRESH_MARGIN}, fetching one if needed as a step of
   * the calling attempt (an authorizing interceptor calls this): a failure that a retry may fix
   * ends the attempt, and the call's retry loop decides. Callers that wait while a fetch fails get
   * that fetch's exception; later callers try again.
   *
   * @return the token
   * @throws IamException when the provider refuses or cannot be reached
   */
  public AccessToken current() {
    long fetchesSeen = fetches.get();
    AccessToken token = current;
    if (token != null && isFresh(token)) {
      return token;
    }
    synchronized (lock) {
      token = current;
      if (token != null && isFresh(token)) {
        return token;
      }
      RuntimeException failure = lastFailure;
      if (failure != null && fetches.get() != fetchesSeen) {
        // A fetch failed while this caller waited for it: share its failure rather than ask again,
        // so N waiting threads cost one token request, not N in a row (each after a timeout).
        throw failure;
      }
      try {
        AccessToken fetched = endpoint.fetch();
        current = fetched;
        lastFailure = null;
        return fetched;
      } catch (RuntimeException e) {
        lastFailure = e;
        throw e;
      } finally {
        fetches.incrementAndGet();
      }
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
    synchronized (lock) {
      if (stale.equals(current)) {
        current = null;
      }
    }
  }

  private boolean isFresh(AccessToken token) {
    return clock.instant().plus(REFRESH_MARGIN).isBefore(token.expiresAt());
  }

  /** {@return the endpoint's description, never a token} */
  @Override
  public String toString() {
    return "TokenCache{" + endpoint + "}";
  }
}
