package org.rtmmlab.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunResult;
import org.w3c.dom.Document;

/** compare.html over several seeds: one bar per cell at the mean, a whisker for the 95% interval, per-seed changes. */
class ComparisonSeedsTest {

    private static RunResult run(String scheduler, long seed, double score, double energy) {
        RunConfig c = RunConfig.of("xrbench/VR_gaming", "xrbench/Single_4K__WS", scheduler, seed);
        return new RunResult(c, "test", 1_000_000, new FrameCounts(10, 9, 1, 0, 0), energy, List.of(),
                Map.of("xrbench.score", score));
    }

    @Test
    void seedsMakeMeansWithWhiskersAndPerSeedChanges() throws Exception {
        List<RunResult> runs = new ArrayList<>();
        double[] base = {50, 60, 70};
        double[] edf = {55, 63, 84}; // changes +10%, +5%, +20%
        for (int i = 0; i < 3; i++) {
            runs.add(run("fcfs", i + 1, base[i], 100));
            runs.add(run("edf", i + 1, edf[i], 100 + 10 * i));
        }
        String html = ComparisonPage.render(runs, "fcfs");
        Document d = SvgLayerTest.parse(html);
        // edf: mean 67.333, s = sqrt(((55-67.33)^2 + (63-67.33)^2 + (84-67.33)^2) / 2), t(0.975, 2) = 4.302653
        double mean = (55 + 63 + 84) / 3.0;
        double s = Math.sqrt((Math.pow(55 - mean, 2) + Math.pow(63 - mean, 2) + Math.pow(84 - mean, 2)) / 2);
        String cell = Numbers.fixed(mean, 3) + " \u00b1 " + Numbers.fixed(4.302653 * s / Math.sqrt(3), 3);
        assertTrue(html.contains("<td class=\"n\">" + cell + "</td>"), cell + " in\n" + html);
        // change per seed, then averaged: mean of +10%, +5%, +20% = +11.7% (not the change of the means, +12.2%)
        double cm = (0.10 + 0.05 + 0.20) / 3;
        double cs = Math.sqrt((Math.pow(0.10 - cm, 2) + Math.pow(0.05 - cm, 2) + Math.pow(0.20 - cm, 2)) / 2);
        assertTrue(html.contains(">+11.7% \u00b1 " + Numbers.percent(4.302653 * cs / Math.sqrt(3)) + "<"), html);
        assertTrue(html.contains("3 seeds 1,2,3"), "subtitle names the seeds");
        assertTrue(html.contains("Student t with n-1 degrees of freedom"));
        // fcfs energy is the same for every seed: a whisker of width 0; edf's energy and both scores vary.
        // 2 schedulers x 2 charts (score, energy), 3 lines each
        assertEquals(2 * 2 * 3, count(html, "class=\"whisker\""));
        assertEquals(2, count(html, "<td>xrbench/VR_gaming</td>"), "one table row per cell and scheduler");
        assertTrue(d.getDocumentElement() != null);
    }

    @Test
    void oneSeedDrawsNoWhisker() {
        String html = ComparisonPage.render(List.of(run("fcfs", 4, 50, 100), run("edf", 4, 55, 90)), "fcfs");
        assertFalse(html.contains("whisker\""), "no interval with one seed");
        assertFalse(html.contains("\u00b1"));
        assertTrue(html.contains("; seed 4"));
        assertTrue(html.contains("+10.0%"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
