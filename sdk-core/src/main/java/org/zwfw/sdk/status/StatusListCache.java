package org.zwfw.sdk.status;

import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verified lists of a {@link StatusChecker}, per URI, each until a deadline (ttl or exp), bounded
 * in entries and in bytes. Reads are lock-free (one hash lookup, no allocation); writes, which
 * happen only after a fetch and verification, are serialized. Thread-safe.
 */
final class StatusListCache {

    /** A list verified for one issuer, usable while the clock is before {@code untilMillis}. */
    static final class Entry {
        final String issuer;
        final StatusList list;
        final long untilMillis;

        Entry(String issuer, StatusList list, long untilMillis) {
            this.issuer = issuer;
            this.list = list;
            this.untilMillis = untilMillis;
        }
    }

    private final ConcurrentHashMap<URI, Entry> map = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxBytes;
    private long bytes;

    StatusListCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * @return the entry for {@code uri} if it was verified for {@code issuer} and is still fresh
     *         at {@code nowMillis}, else {@code null}
     */
    Entry get(URI uri, String issuer, long nowMillis) {
        Entry e = map.get(uri);
        // A list verified with one issuer's keys says nothing about another issuer's credentials.
        return e != null && nowMillis < e.untilMillis && e.issuer.equals(issuer) ? e : null;
    }

    /** Stores an entry, evicting expired entries first and then those closest to their deadline. */
    synchronized void put(URI uri, Entry entry, long nowMillis) {
        if (maxEntries == 0 || entry.list.byteLength() > maxBytes) {
            return;
        }
        Entry old = map.put(uri, entry);
        bytes += entry.list.byteLength() - (old == null ? 0 : old.list.byteLength());
        if (map.size() <= maxEntries && bytes <= maxBytes) {
            return;
        }
        for (Iterator<Map.Entry<URI, Entry>> it = map.entrySet().iterator(); it.hasNext();) {
            Entry e = it.next().getValue();
            if (nowMillis >= e.untilMillis) {
                it.remove();
                bytes -= e.list.byteLength();
            }
        }
        while (map.size() > maxEntries || bytes > maxBytes) {
            URI victim = null;
            long soonest = Long.MAX_VALUE;
            for (Map.Entry<URI, Entry> me : map.entrySet()) {
                if (me.getValue() != entry && me.getValue().untilMillis < soonest) {
                    soonest = me.getValue().untilMillis;
                    victim = me.getKey();
                }
            }
            if (victim == null) {
                break;
            }
            bytes -= map.remove(victim).list.byteLength();
        }
    }

    synchronized void invalidate(URI uri) {
        Entry old = map.remove(uri);
        if (old != null) {
            bytes -= old.list.byteLength();
        }
    }

    synchronized void clear() {
        map.clear();
        bytes = 0;
    }

    int size() {
        return map.size();
    }
}
