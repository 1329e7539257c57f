package org.mpbnlab.session;

import java.util.ArrayList;
import java.util.List;
import org.mpbnlab.probe.ProbeFrame;

/**
 * The training history of membrane recordings: at most {@code capacity} frames (without spikes).
 * When full, every other frame is dropped and only every second new frame is kept from then on, so
 * the history always spans the whole run, evenly thinned. With the default capacity of
 * {@value #DEFAULT_CAPACITY} and frames under 0.6 MiB (conv-small, T ≤ 8, see
 * {@link org.mpbnlab.probe.ProbeRecorder}) it holds under 29 MiB.
 */
public final class ProbeHistory {

    public static final int DEFAULT_CAPACITY = 48;

    private final int capacity;
    private final List<ProbeFrame> frames = new ArrayList<>();
    private int stride = 1;
    private long offered;

    public ProbeHistory(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a history needs room for at least 2 frames");
        }
        this.capacity = capacity;
    }

    /** Offers a frame; it is kept (without spikes) if it falls on the current stride. */
    public void offer(ProbeFrame frame) {
        if (offered++ % stride != 0) {
            return;
        }
        if (frames.size() == capacity) {
            List<ProbeFrame> kept = new ArrayList<>();
            for (int i = 0; i < frames.size(); i += 2) {
                kept.add(frames.get(i));
            }
            frames.clear();
            frames.addAll(kept);
            stride *= 2;
        }
        frames.add(frame.withoutSpikes());
    }

    public void clear() {
        frames.clear();
        stride = 1;
        offered = 0;
    }

    /** The kept frames, oldest first (an immutable copy). */
    public List<ProbeFrame> frames() {
        return List.copyOf(frames);
    }

    public int capacity() {
        return capacity;
    }
}
