package org.mpbnlab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The start-up's background steps run one after the other, the window's first frames first. */
class BackgroundStartupTest {

    private final List<String> steps = new ArrayList<>();

    @Test
    void waitsForTheDrawnNoteThenBuildsTheContextThenWarmsUpThenHandsItOver() {
        CompletableFuture<AppContext> result = new CompletableFuture<>();
        BackgroundStartup startup = new BackgroundStartup(
                () -> steps.add("note drawn"),
                () -> {
                    steps.add("context built (ND4J loads)");
                    assertTrue(!result.isDone(), "the context is handed over only after the warm-up");
                    return null;
                },
                () -> {
                    steps.add("engine threads and chart warm-up");
                    assertTrue(!result.isDone(), "the context is handed over only after the warm-up");
                });

        startup.run(result);

        assertEquals(List.of("note drawn", "context built (ND4J loads)", "engine threads and chart warm-up"), steps);
        assertTrue(result.isDone());
        assertNull(result.join());
    }

    @Test
    void aContextThatCannotBeBuiltEndsTheStartWithItsReasonAndNothingAfterIt() {
        CompletableFuture<AppContext> result = new CompletableFuture<>();
        IllegalStateException cause = new IllegalStateException("the sample model is damaged");
        BackgroundStartup startup = new BackgroundStartup(
                () -> steps.add("note drawn"),
                () -> {
                    throw cause;
                },
                () -> steps.add("engine threads and chart warm-up"));

        startup.run(result);

        assertEquals(List.of("note drawn"), steps);
        CompletionException thrown = assertThrows(CompletionException.class, result::join);
        assertSame(cause, thrown.getCause());
    }

    @Test
    void anInterruptedWaitBuildsNothing() {
        CompletableFuture<AppContext> result = new CompletableFuture<>();
        BackgroundStartup startup = new BackgroundStartup(
                () -> {
                    throw new InterruptedException();
                },
                () -> {
                    steps.add("context built (ND4J loads)");
                    return null;
                },
                () -> steps.add("engine threads and chart warm-up"));

        startup.run(result);

        assertEquals(List.of(), steps);
        assertTrue(result.isCompletedExceptionally());
        assertTrue(Thread.interrupted(), "the interrupt is kept for the thread's owner");
    }
}
