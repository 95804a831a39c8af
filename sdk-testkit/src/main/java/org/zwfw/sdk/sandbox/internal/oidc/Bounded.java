package org.zwfw.sdk.sandbox.internal.oidc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A map of at most {@code capacity} entries in insertion order. {@link #put} drops the oldest
 * entry when full (which revokes it: sessions, codes and tokens live only here), or, with
 * {@link #putIfRoom}, refuses. Thread-safe (synchronized); every operation is short.
 */
final class Bounded<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> map = new LinkedHashMap<>();

    Bounded(int capacity) {
        this.capacity = capacity;
    }

    synchronized void put(K key, V value) {
        map.remove(key);
        while (map.size() >= capacity) {
            Iterator<K> it = map.keySet().iterator();
            it.next();
            it.remove();
        }
        map.put(key, value);
    }

    /**
     * @param expired which entries may be removed to make room
     * @return whether the entry was added: false when full of entries that are not expired
     */
    synchronized boolean putIfRoom(K key, V value, Predicate<V> expired) {
        if (map.size() >= capacity) {
            map.values().removeIf(expired);
        }
        if (map.size() >= capacity) {
            return false;
        }
        map.put(key, value);
        return true;
    }

    synchronized V get(K key) {
        return map.get(key);
    }

    synchronized V remove(K key) {
        return map.remove(key);
    }

    synchronized int size() {
        return map.size();
    }

    synchronized List<V> values() {
        return new ArrayList<>(map.values());
    }

    synchronized void removeIf(Predicate<Map.Entry<K, V>> which) {
        map.entrySet().removeIf(which);
    }
}
