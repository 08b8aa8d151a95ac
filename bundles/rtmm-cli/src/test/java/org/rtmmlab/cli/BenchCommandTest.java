package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rtmm bench} prints its two tables with one row per platform; the figures themselves are not asserted. */
class BenchCommandTest {

    @Test
    void printsThroughputAndCacheTablesPerPlatform() {
        CliRunTest.Outcome o = rtmm("bench", "--duration", "200ms", "--scheduler", "edf", "--platforms",
                "xrbench/Single_4K__WS,xrbench/Dual_4K__WS_OS");
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.get(0).matches("platform +wall ms +events/s +decisions/s +sim s/wall s +heap MiB +score"),
                lines.get(0));
        String num = " +[0-9]+(\\.[0-9]+)?";
        assertTrue(lines.get(1).matches("xrbench/Single_4K__WS" + num.repeat(6)), lines.get(1));
        assertTrue(lines.get(2).matches("xrbench/Dual_4K__WS_OS" + num.repeat(6)), lines.get(2));
        assertEquals("", lines.get(3));
        assertTrue(lines.get(4).startsWith("platform ") && lines.get(4).contains("build tables ms"), lines.get(4));
        // VR_gaming has 3 models of 329 layers in all (full width only): 329 pricings per accelerator.
        assertTrue(lines.get(5).matches("xrbench/Single_4K__WS +329" + num.repeat(4)), lines.get(5));
        assertTrue(lines.get(6).matches("xrbench/Dual_4K__WS_OS +658" + num.repeat(4)), lines.get(6));
    }

    /** The decision-time table: one row per scheduler and job count, with positive times and what it dispatched. */
    @Test
    void decisionTableHasARowPerSchedulerAndJobCount() {
        CliRunTest.Outcome o = rtmm("bench", "--decisions-only", "--decision-jobs", "16,4",
                "--decision-schedulers", "fcfs,edf");
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals("decide() per call on xrbench/Quad_8K__WS_OS_WS_OS, 4 accelerators idle, jobs of "
                + "xrbench/VR_gaming all ready", lines.get(0));
        assertTrue(lines.get(1).matches("scheduler +jobs +calls +median ns +p99 ns +dispatches +bundle"), lines.get(1));
        assertEquals(6, lines.size(), o.out());
        List<String> order = List.of("edf 16", "edf 4", "fcfs 16", "fcfs 4"); // sorted by id, then as asked
        for (int i = 0; i < 4; i++) {
            String[] f = lines.get(2 + i).trim().split(" +");
            assertEquals(order.get(i), f[0] + " " + f[1], lines.get(2 + i));
            assertTrue(Long.parseLong(f[2]) >= 100, "calls " + lines.get(2 + i));
            long median = Long.parseLong(f[3]);
            assertTrue(median > 0 && Long.parseLong(f[4]) >= median, lines.get(2 + i));
            // 4 idle accelerators and at least 4 ready jobs: fcfs and edf fill every accelerator
            assertEquals("4.00", f[5], lines.get(2 + i));
            assertEquals("rtmm-scheduler-classic", f[6]);
        }
    }

    @Test
    void unknownDecisionSchedulerIsOneLine() {
        CliRunTest.Outcome o = rtmm("bench", "--decisions-only", "--decision-schedulers", "nope");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: ") && o.err().contains("nope") && o.err().strip().lines().count() == 1,
                o.err());
        CliRunTest.Outcome zero = rtmm("bench", "--decisions-only", "--decision-jobs", "0");
        assertEquals(List.of("error: --decision-jobs: must be in [1, 100000], got 0"), zero.err().lines().toList());
    }

    @Test
    void unknownPlatformIsOneLine() {
        CliRunTest.Outcome o = rtmm("bench", "--duration", "10ms", "--platforms", "nope/x");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: ") && o.err().strip().lines().count() == 1, o.err());
    }
}
