package org.mpbnlab.app.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpbnlab.fold.ChannelFold;

/** The explorer's numbers are the fold package's; its histograms put the firing neurons on the right side. */
class ExplorerViewModelTest {

    private static ExplorerViewModel explorer() throws Exception {
        FoldViewModel fold = FoldViewModelTest.folded(FoldViewModelTest.sample("spirals-mlp2d-mpbn.zip", 64));
        ExplorerViewModel explorer = new ExplorerViewModel(fold);
        explorer.takeFromChannel();
        return explorer;
    }

    /** Every firing neuron is counted on the firing side of Ṽ and of V_th, every silent one on the other. */
    private static void assertFiringSides(ExplorerState s) {
        double vTilde = s.exact().threshold();
        ExplorerState.Bins before = s.before();
        for (int k = 0; k < before.bins(); k++) {
            double lo = before.start(k);
            double hi = before.start(k + 1);
            if (s.region() == ExplorerState.Region.ABOVE && hi <= vTilde
                    || s.region() == ExplorerState.Region.BELOW && lo > vTilde) {
                assertEquals(0, before.firing()[k], "bin " + k + " lies on the silent side of Ṽ");
            }
            if (s.region() == ExplorerState.Region.ABOVE && lo > vTilde
                    || s.region() == ExplorerState.Region.BELOW && hi <= vTilde) {
                assertEquals(0, before.silent()[k], "bin " + k + " lies on the firing side of Ṽ");
            }
        }
        ExplorerState.Bins after = s.after();
        for (int k = 0; k < after.bins(); k++) {
            if (after.start(k + 1) <= s.channel().vth()) {
                assertEquals(0, after.firing()[k], "û bin " + k + " is below V_th");
            }
            if (after.start(k) > s.channel().vth()) {
                assertEquals(0, after.silent()[k], "û bin " + k + " is above V_th");
            }
        }
        int firing = 0;
        int firingAfter = 0;
        for (int k = 0; k < before.bins(); k++) {
            firing += before.firing()[k];
            firingAfter += after.firing()[k];
        }
        assertEquals(s.firing(), firing);
        assertEquals(firing, firingAfter, "the same neurons are highlighted in both histograms");
    }

    @Test
    void startsFromARealChannelWithItsMembranes() throws Exception {
        ExplorerViewModel explorer = explorer();
        ExplorerState state = explorer.stateProperty().get();
        assertNotNull(state);
        assertEquals(explorer.original(), state.channel());
        assertEquals(64, state.membranes());
        assertEquals(state.channel().exact(), state.exact());
        assertFiringSides(state);
    }

    @Test
    void negativeGammaPutsTheFiringRegionLeftOfTheFoldedThreshold() throws Exception {
        ExplorerViewModel explorer = explorer();
        double gamma = Math.abs(explorer.gammaProperty().get());
        explorer.gammaProperty().set(-gamma);
        ExplorerState state = explorer.stateProperty().get();
        assertEquals(ExplorerState.Region.BELOW, state.region());
        assertEquals(-1, state.exact().direction());
        assertTrue(state.regionText().contains("LEFT"));
        assertTrue(ExplorerViewModel.formulaText(state).contains("u_pre < Ṽ"));
        assertFiringSides(state);
        explorer.gammaProperty().set(gamma);
        assertEquals(ExplorerState.Region.ABOVE, explorer.stateProperty().get().region());
        assertFiringSides(explorer.stateProperty().get());
    }

    @Test
    void gammaThroughZeroGivesAConstantChannelDecidedByBeta() throws Exception {
        ExplorerViewModel explorer = explorer();
        explorer.gammaProperty().set(0.0);
        explorer.betaProperty().set(explorer.thresholdProperty().get() + 0.1);
        ExplorerState always = explorer.stateProperty().get();
        assertEquals(ExplorerState.Region.EVERYWHERE, always.region());
        assertEquals(always.membranes(), always.firing());
        explorer.gammaProperty().set(-0.0);
        explorer.betaProperty().set(explorer.thresholdProperty().get());
        ExplorerState never = explorer.stateProperty().get();
        assertEquals(ExplorerState.Region.NOWHERE, never.region());
        assertEquals(0, never.firing());
        assertTrue(ExplorerViewModel.formulaText(never).contains("no neuron ever fires"));
    }

    @Test
    void theNumbersAreTheFoldPackagesForTheValuesOnTheSliders() throws Exception {
        ExplorerViewModel explorer = explorer();
        explorer.gammaProperty().set(1.7);
        explorer.betaProperty().set(0.15);
        explorer.meanProperty().set(-0.3);
        explorer.varianceProperty().set(0.8);
        explorer.thresholdProperty().set(0.6);
        ChannelFold expected = new ChannelFold(1.7, 0.15, -0.3, 0.8, explorer.original().epsilon(), 0.6);
        ExplorerState state = explorer.stateProperty().get();
        assertEquals(expected, state.channel());
        assertEquals(expected.exact(), state.exact());
        assertEquals(expected.naive(), state.naive());
        explorer.resetToChannel();
        assertEquals(explorer.original(), explorer.stateProperty().get().channel());
    }

    @Test
    void theFormulaWritesANegativeNumberAfterAnOperatorInParenthesesNeverAsADoubleMinus() throws Exception {
        ExplorerViewModel explorer = explorer();
        explorer.gammaProperty().set(-0.949);
        explorer.betaProperty().set(-0.5396);
        explorer.meanProperty().set(-0.1073);
        explorer.varianceProperty().set(1.299);
        explorer.thresholdProperty().set(0.5);
        String formula = ExplorerViewModel.formulaText(explorer.stateProperty().get());
        assertTrue(formula.contains("= −0.1073 + (0.5000 − (−0.5396))·sqrt(1.299 + "), formula);
        assertTrue(formula.contains(")/(−0.9490)"), formula);
        for (String doubled : new String[] {"− −", "− -", "−−", "+ -", "/-"}) {
            assertFalse(formula.contains(doubled), "'" + doubled + "' in " + formula);
        }
        explorer.betaProperty().set(0.25);
        assertTrue(ExplorerViewModel.formulaText(explorer.stateProperty().get()).contains("(0.5000 − 0.2500)"));
    }
}
