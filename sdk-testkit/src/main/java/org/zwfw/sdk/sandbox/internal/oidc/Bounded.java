package org.zwfw.sdk.sandbox.internal.oidc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A map of at most {@code capacity} entries in insertion order. {@link #put} drops the oldest
 * entry when full and hands it to the drop action (which revokes it: codes and tokens live only
 * here, a dropped session is ended), or, with {@link #putIfRoom}, refuses. Thread-safe
 * (synchronized); every operation is short.
 */
final class Bounded<K, V> {

    private final int capacity;
    private final Consumer<V> onDrop;
    private final LinkedHashMap<K, V> map = new LinkedHashMap<>();

    Bounded(int capacity) {
        this(capacity, v -> { });
    }

    Bounded(int capacity, Consumer<V> onDrop) {
        this.capacity = capacity;
        this.onDrop = onDrop;
    }

    synchronized void put(K key, V value) {
        map.remove(key);
        while (map.size() >= capacity) {
            Iterator<V> it = map.values().iterator();
            V oldest = it.next();
            it.remove();
            onDrop.accept(oldest);
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
