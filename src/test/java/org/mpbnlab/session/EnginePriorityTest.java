package org.mpbnlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class EnginePriorityTest {

    /** Runs {@code work} on a thread of its own (a niceness once raised cannot be lowered again without root). */
    private static <T> T onANewThread(java.util.concurrent.Callable<T> work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(work).get();
        } finally {
            thread.shutdown();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theCallingThreadAloneGetsTheEnginesNiceness() throws Exception {
        int before = onANewThread(EnginePriority::niceness);
        int[] after = onANewThread(() -> {
            boolean set = EnginePriority.yieldToTheWindow();
            int mine = EnginePriority.niceness();
            // a thread it starts inherits the niceness; another thread of the process keeps its own
            int child = CompletableFuture.supplyAsync(EnginePriority::niceness, r -> new Thread(r).start()).get();
            return new int[] {set ? 1 : 0, mine, child, Thread.currentThread().getPriority()};
        });
        assertEquals(1, after[0], "renice set the niceness");
        assertEquals(EnginePriority.NICENESS, after[1]);
        assertEquals(EnginePriority.NICENESS, after[2], "threads it starts inherit it");
        assertEquals(Thread.MIN_PRIORITY, after[3]);
        assertEquals(before, (int) onANewThread(EnginePriority::niceness), "other threads keep theirs");
        assertTrue(before < EnginePriority.NICENESS);
    }
}
