package org.zwfw.sdk.source;

/**
 * Where a value comes from: an origin (a document fetched and verified) or a decorator around
 * another source (caching, refresh-ahead, outage tolerance, rate limiting). Every answer is an
 * {@link Outcome}: a value, the failure of the last attempt, or both (a last good value served
 * despite a failure). Never throws for a failed attempt. Implementations are thread-safe.
 *
 * @param <T> the value
 */
public interface Source<T> {

    /**
     * @return the value as the source sees fit to give it: possibly cached, possibly paced
     */
    Outcome<T> get();

    /**
     * Asks the origin now, past every cache and rate limit (an operator's explicit refresh); the
     * decorators still record what it answers, and outage tolerance still applies.
     *
     * @return the outcome of asking the origin
     */
    default Outcome<T> refresh() {
        return get();
    }

    /**
     * Asks past any cache but under every rate limit (a refresh a caller may trigger, such as an
     * unknown key ID): a cache asks its source now and keeps the answer; a paced source below it
     * may answer with its last outcome instead of asking the origin. Without a cache this is
     * {@link #get()}.
     *
     * @return the answer
     */
    default Outcome<T> reload() {
        return get();
    }
}
