package org.mpbnlab.app.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpbnlab.app.ChartTextAudit;
import org.mpbnlab.app.charts.ChartTheme;

/**
 * The explorer's histograms as a projector shows them: the labels "fires", "Ṽ" and "V_th" inside the plot,
 * clear of its border, and no text cut or covering another, in the desk and the classroom chart themes.
 */
class FoldChartsTest {

    @Test
    void theExplorersMarkerLabelsStayInsideThePlotClearOfItsBorder() throws Exception {
        ExplorerViewModel explorer = new ExplorerViewModel(
                FoldViewModelTest.folded(FoldViewModelTest.sample("spirals-mlp2d-mpbn.zip", 64)));
        explorer.takeFromChannel();
        ExplorerState state = explorer.stateProperty().get();
        for (ChartTheme theme : List.of(ChartTheme.DESK, ChartTheme.CLASSROOM)) {
            var before = FoldCharts.explorerHistogram(state.before(), "u_pre (before MPBN)",
                    state.exact().threshold(), "Ṽ", ChartTheme.FOLDED_THRESHOLD, state.region(), theme);
            var after = FoldCharts.explorerHistogram(state.after(), "û (after MPBN)", state.channel().vth(), "V_th",
                    ChartTheme.THRESHOLD, ExplorerState.Region.ABOVE, theme);
            // 620 px: half of a 1280 px window; 490 px: half of a 1024 px one; 380 px: narrower still (the region right of
            // V_th is narrow, its "fires" must not cover V_th's label)
            for (int width : new int[] {620, 490, 380}) {
                assertEquals(List.of(), ChartTextAudit.audit(before, width, 280, 100), "u_pre histogram, " + width);
                assertEquals(List.of(), ChartTextAudit.audit(after, width, 280, 100), "û histogram, " + width);
            }
        }
        // γ = 0: every û is β, V_th lies at the right end of the û histogram's data; its label and "fires" still fit
        explorer.gammaProperty().set(0.0);
        ExplorerState constant = explorer.stateProperty().get();
        var after = FoldCharts.explorerHistogram(constant.after(), "û (after MPBN)", constant.channel().vth(), "V_th",
                ChartTheme.THRESHOLD, ExplorerState.Region.ABOVE, ChartTheme.DESK);
        assertEquals(List.of(), ChartTextAudit.audit(after, 620, 280, 100), "û histogram, γ = 0");
    }
}
