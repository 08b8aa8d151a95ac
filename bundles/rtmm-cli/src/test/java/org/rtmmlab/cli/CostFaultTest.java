package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 2: a cost model that returns a NaN energy or a negative latency fails only the runs on its
 * platforms, with a one-line reason naming the cost model, the model, layer and accelerator, and what was wrong;
 * the comparison finishes the other runs and exits 1.
 */
class CostFaultTest {

    private static final String SC = "xrbench/VR_gaming";
    private static final String PL = "xrbench/Single_4K__WS";

    private static Path costModelJar(Path dir) throws IOException {
        Path jar = dir.resolve("BadCostModel.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry("META-INF/services/org.rtmmlab.api.platform.AcceleratorModel"));
            j.write((BadCostModel.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            j.putNextEntry(new JarEntry(BadCostModel.class.getName().replace('.', '/') + ".class"));
            try (InputStream in = BadCostModel.class.getResourceAsStream("BadCostModel.class")) {
                j.write(in.readAllBytes());
            }
        }
        return jar;
    }

    private static Path platform(Path dir, String id, String accelerator) throws IOException {
        return Files.writeString(dir.resolve(id + ".json"), """
                {"version": 1, "id": "test/%s", "accelerators": [
                  {"id": "%s", "kind": "npu", "costModel": "test-bad-cost", "peCount": 1024, "dataflow": "WS",
                   "clockMHz": 800, "nocBandwidth": 64, "offchipBandwidth": 64}]}""".formatted(id, accelerator));
    }

    @Test
    void nanAndNegativeCostsFailOnlyTheirOwnRuns(@TempDir Path dir) throws IOException {
        Path jar = costModelJar(dir);
        Path nan = platform(dir, "nan", "npu0");
        Path neg = platform(dir, "neg", "neg0");
        Path out = dir.resolve("cmp");
        CliRunTest.Outcome o = rtmm("compare", "--plugins", jar.toString(), "--scenarios", SC, "--platforms",
                PL + "," + nan + "," + neg, "--schedulers", "edf,fcfs", "--progress", "none", "--duration", "100ms",
                "--out", out.toString());
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("error: 4 of 6 runs failed; the other 2 are in " + out), o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.contains("nan.json") && l.contains("FAILED")
                && l.contains("test-bad-cost") && l.contains("energyPj") && l.contains("NaN")), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.contains("neg.json") && l.contains("FAILED")
                && l.contains("test-bad-cost") && l.contains("latencyNs") && l.contains("-5")), o.out());
        assertTrue(o.err().lines().filter(l -> l.contains("nan.json")).allMatch(l -> l.contains("accelerator npu0")),
                "the reason names the accelerator: " + o.err());
        for (String s : new String[] {"edf", "fcfs"}) {
            assertTrue(Files.isRegularFile(out.resolve("xrbench_VR_gaming/xrbench_Single_4K__WS/" + s + "-seed1/summary.json")),
                    s + " on the good platform finished");
        }
        CliRunTest.Outcome single = rtmm("run", "--plugins", jar.toString(), "--scenario", SC, "--platform",
                nan.toString(), "--scheduler", "edf", "--progress", "none", "--duration", "100ms", "--out",
                dir.resolve("one").toString());
        assertTrue(single.code() != 0, single.err());
        assertEquals(1, single.err().strip().lines().count(), "one line: " + single.err());
        assertTrue(single.err().contains("test-bad-cost") && single.err().contains("NaN"), single.err());
    }
}
