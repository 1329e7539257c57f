package org.mpbnlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestValueRelayTest {

    @Test
    void aSlowUiReceivesOnlyTheNewestValueAndHasAtMostOneDeliveryQueued() {
        List<Runnable> uiQueue = new ArrayList<>();
        List<Integer> received = new ArrayList<>();
        LatestValueRelay<Integer> relay = new LatestValueRelay<>(uiQueue::add, received::add);
        for (int i = 1; i <= 100; i++) {
            relay.offer(i);
        }
        assertEquals(1, uiQueue.size());
        uiQueue.remove(0).run();
        assertEquals(List.of(100), received);
        relay.offer(101);
        assertEquals(1, uiQueue.size());
        uiQueue.remove(0).run();
        assertEquals(List.of(100, 101), received);
    }
}
