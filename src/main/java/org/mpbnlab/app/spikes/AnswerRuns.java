package org.mpbnlab.app.spikes;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The answer after each step told by its changes: the steps grouped into runs with the same answer, e.g.
 * "steps 1–2: ring ✗ · steps 3–16: horizontal bar ✓". With T = 16 a cell per step is two letters wide, too narrow
 * for a class name; a run is as wide as the steps it lasts, and the sentence names every answer in full.
 */
final class AnswerRuns {

    /** Steps {@code first}…{@code last} (from 0) whose answer is {@code answer}. */
    record Run(int answer, int first, int last) {

        int steps() {
            return last - first + 1;
        }
    }

    private AnswerRuns() {
    }

    /** The runs of equal answers in {@code answers} (the answer after each step, in step order). */
    static List<Run> of(int[] answers) {
        List<Run> runs = new ArrayList<>();
        int first = 0;
        for (int t = 1; t <= answers.length; t++) {
            if (t == answers.length || answers[t] != answers[first]) {
                runs.add(new Run(answers[first], first, t - 1));
                first = t;
            }
        }
        return runs;
    }

    /**
     * The runs in words, steps counted from 1: "step 1: ring ✗ · steps 2–4: horizontal bar ✓"; ✓ where the answer
     * is the label, ✗ where not, neither for a drawing ({@code label} < 0). When there are more than
     * {@code maxRuns} runs, the earliest are told as one, "steps 1–9: changing", so that the sentence stays short.
     */
    static String describe(List<Run> runs, List<String> classNames, int label, int maxRuns) {
        StringJoiner text = new StringJoiner(" · ");
        int told = runs.size() <= maxRuns ? 0 : runs.size() - (maxRuns - 1);
        if (told > 0) {
            text.add(steps(runs.get(0).first(), runs.get(told - 1).last()) + ": changing");
        }
        for (Run run : runs.subList(told, runs.size())) {
            text.add(steps(run.first(), run.last()) + ": " + name(classNames, run.answer())
                    + (label < 0 ? "" : run.answer() == label ? "\u00a0✓" : "\u00a0✗"));
        }
        return text.toString();
    }

    private static String steps(int first, int last) {
        return first == last ? "step " + (first + 1) : "steps " + (first + 1) + "–" + (last + 1);
    }

    static String name(List<String> classNames, int k) {
        return k >= 0 && k < classNames.size() ? classNames.get(k) : Integer.toString(k);
    }
}
