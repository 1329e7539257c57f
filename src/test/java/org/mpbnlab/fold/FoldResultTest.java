package org.mpbnlab.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fold's counts in words: every count has its unit, singular or plural. */
class FoldResultTest {

    @Test
    void everyCountNamesItsGroupsInTheRightNumber() {
        assertEquals("γ < 0 in 0 groups, γ = 0 in 0 groups", new FoldResult(null, true, 0, 0, List.of()).gammaSummary());
        assertEquals("γ < 0 in 1 group, γ = 0 in 2 groups", new FoldResult(null, true, 1, 2, List.of()).gammaSummary());
        assertEquals("γ < 0 in 3 groups, γ = 0 in 1 group", new FoldResult(null, true, 3, 1, List.of()).gammaSummary());
    }
}
