package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rtmm check}: a scenario and platform that fit pass; CPU stages on a platform without a CPU are layers no
 * accelerator can run; width variants the measured table cannot price are pricing problems; a deadline below the
 * fastest possible latency is a warning; an unknown id is a one-line input error.
 */
class CheckCommandTest {

    @Test
    void aFittingPairHasNoProblems() {
        CliRunTest.Outcome o = rtmm("check", "--scenario", "rtmdl/edge-mix", "--platform", "rtmdl/edge-gpu-cpu");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("check rtmdl/edge-mix on rtmdl/edge-gpu-cpu: 5 tasks, 5 models"), o.out());
        assertTrue(o.out().strip().endsWith("ok: no problems"), o.out());
    }

    @Test
    void cpuStagesOnAPlatformWithoutACpuCannotRun() {
        CliRunTest.Outcome o = rtmm("check", "--scenario", "rtmdl/edge-mix", "--platform", "xrbench/Single_4K__WS");
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("problem: model OD_D2go_FasterRCNN@detect variant full layer 0 (cpu.pre, HOST): no"
                + " accelerator of platform xrbench/Single_4K__WS can run it"), o.out());
        // the full models' DNN layers are in XRBench's table, their post stage is the one more layer per variant
        assertTrue(o.out().contains("variant full layer 0 (cpu.pre, HOST)") && o.out().contains("1 more such layers"),
                o.out());
        assertTrue(o.out().strip().endsWith("problem(s)"), o.out());
    }

    @Test
    void widthVariantsTheMeasuredTableLacksArePricingProblems() {
        CliRunTest.Outcome o = rtmm("check", "--scenario", "rtmdl/edge-mix", "--platform", "rtmdl/h100-cpu");
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("problem: model ES_RITNet@eyes variant w0.5 on accelerator gpu (cost model table)"
                + " layer 1 (conv1, CONV): cannot be priced"), o.out());
        assertFalse(o.out().contains("variant full"), "the full models are priced: " + o.out());
        assertEquals(15, o.out().lines().filter(l -> l.startsWith("problem: ")).count(), o.out()); // 5 tasks x 3
        assertEquals(0, rtmm("check", "--scenario", "rtmdl/h100-mix", "--platform", "rtmdl/h100-cpu").code());
    }

    @Test
    void aDeadlineBelowTheFastestLatencyIsAWarning(@TempDir Path dir) throws IOException {
        Path s = dir.resolve("tight.json");
        Files.writeString(s, """
                {"version": 1, "id": "tight", "durationMs": 1000,
                 "models": [{"id": "Big", "layers": [
                   {"name": "c", "type": "CONV", "N": 1, "K": 512, "C": 512, "Y": 64, "X": 64, "R": 3, "S": 3}]}],
                 "tasks": [{"id": "big", "model": "Big", "periodMs": 100, "deadlineMs": 0.001}]}
                """);
        CliRunTest.Outcome o = rtmm("check", "--scenario", s.toString(), "--platform", "rtmdl/edge-gpu-cpu");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("warning: task big: its model Big takes at least"), o.out());
        assertTrue(o.out().contains("but its deadline is 0.001 ms"), o.out());
        assertTrue(o.out().strip().endsWith("ok: no problems, 1 warning(s)"), o.out());
    }

    @Test
    void anUnknownPlatformIsOneLine() {
        CliRunTest.Outcome o = rtmm("check", "--scenario", "rtmdl/edge-mix", "--platform", "nope");
        assertEquals(2, o.code());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("unknown platform 'nope'"), o.err());
    }
}
