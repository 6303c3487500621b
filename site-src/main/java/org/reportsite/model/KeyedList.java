package org.reportsite.model;

import java.util.AbstractList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An immutable list that also finds its elements by key in constant time: rows by id, columns by id, the
 * column group of a column. A table of 100,000 rows is looked up row by row while it is checked and
 * rendered; a scan of the list for each lookup would make that quadratic. Equal to any list with the same
 * elements in the same order.
 */
public final class KeyedList<T> extends AbstractList<T> implements RandomAccess {
    private final Object[] items;
    /** Key → position of the first element that has the key. */
    private final Map<String, Integer> first;

    private KeyedList(List<? extends T> items, Function<? super T, ? extends Collection<String>> keys) {
        this.items = items.toArray();
        this.first = new HashMap<>(Math.max(16, this.items.length * 2));
        for (int i = 0; i < this.items.length; i++) {
            @SuppressWarnings("unchecked") T t = (T) this.items[i];
            if (t == null) throw new NullPointerException("element " + i);
            Collection<String> ks = keys.apply(t);
            if (ks == null) continue;
            for (String k : ks) if (k != null) first.putIfAbsent(k, i);
        }
    }

    /** Elements found by one key each (an element whose key is null is in the list but cannot be found). */
    public static <T> KeyedList<T> byKey(List<? extends T> items, Function<? super T, String> key) {
        return new KeyedList<>(items, t -> {
            String k = key.apply(t);
            return k == null ? null : List.of(k);
        });
    }

    /** Elements found by each of several keys (a column group by each of its columns). */
    public static <T> KeyedList<T> byKeys(List<? extends T> items, Function<? super T, ? extends Collection<String>> keys) {
        return new KeyedList<>(items, keys);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) { return (T) items[index]; }

    @Override
    public int size() { return items.length; }

    /** The position of the first element with this key, or -1. */
    public int position(String key) {
        Integer i = key == null ? null : first.get(key);
        return i == null ? -1 : i;
    }

    /** The first element with this key. */
    public Optional<T> find(String key) {
        int i = position(key);
        return i < 0 ? Optional.empty() : Optional.of(get(i));
    }
}
