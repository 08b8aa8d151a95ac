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

    @Test
    void unknownPlatformIsOneLine() {
        CliRunTest.Outcome o = rtmm("bench", "--duration", "10ms", "--platforms", "nope/x");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: ") && o.err().strip().lines().count() == 1, o.err());
    }
}
