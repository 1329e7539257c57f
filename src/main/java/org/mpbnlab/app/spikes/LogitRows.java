package org.mpbnlab.app.spikes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which classes the logits panel lists when not all fit: the {@code capacity} classes with the largest values,
 * always including the label (the answer is the largest, so it is always there), in class order so that a row
 * does not jump while playing unless a class enters or leaves the list.
 */
final class LogitRows {

    /** The panel keeps room for every class up to this many; beyond, it lists the largest that fit. */
    static final int MIN_ROWS = 12;

    private LogitRows() {
    }

    /** The classes to list, in class order; all of them when they fit. */
    static List<Integer> shown(float[] values, int label, int capacity) {
        int classes = values.length;
        if (classes <= capacity) {
            return IntStream.range(0, classes).boxed().toList();
        }
        int room = Math.max(1, capacity);
        List<Integer> byValue = new ArrayList<>(IntStream.range(0, classes).boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> -values[k]).thenComparingInt(k -> k)).toList());
        List<Integer> chosen = new ArrayList<>(byValue.subList(0, room));
        if (label >= 0 && label < classes && !chosen.contains(label)) {
            chosen.set(room - 1, label);
        }
        chosen.sort(Comparator.naturalOrder());
        return chosen;
    }
}
