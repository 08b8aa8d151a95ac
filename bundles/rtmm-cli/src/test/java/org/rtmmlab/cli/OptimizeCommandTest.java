package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtmm optimize rtmdl}: a tiny search writes a strategy file with its metadata; bad options get one line. */
class OptimizeCommandTest {

    private static CliRunTest.Outcome optimize(Path out, String... extra) {
        String[] base = {"optimize", "rtmdl", "--scenario", "rtmdl/edge-mix", "--platform", "rtmdl/edge-gpu-cpu",
            "--out", out.toString(), "--progress", "none", "--samples", "6", "--holdout", "2", "--population", "8",
            "--evaluations", "40", "--verify", "2", "--duration", "1s"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return rtmm(all);
    }

    @Test
    void writesAStrategyFileWithinTheBound(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("s/strategy.json");
        CliRunTest.Outcome o = optimize(out, "--storage-mb", "300");
        assertTrue(o.code() == 0 || o.code() == 3, o.err());
        assertTrue(o.out().contains("proxy MAE on 2 held-out strategies"), o.out());
        JsonObject root = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertEquals(1, root.get("version").getAsInt());
        assertEquals(5, root.getAsJsonObject("tasks").size());
        JsonObject notes = root.getAsJsonObject("notes");
        assertTrue(notes.get("storageBytes").getAsLong() <= 300_000_000L, notes.toString());
        assertTrue(notes.has("proxyHeldOutMae"), notes.toString());
        // the rtmdl scheduler reads the file it wrote
        CliRunTest.Outcome run = rtmm("run", "--scenario", "rtmdl/edge-mix", "--platform", "rtmdl/edge-gpu-cpu",
                "--scheduler", "rtmdl", "--set", "strategy=" + out, "--duration", "1s", "--progress", "none", "--out",
                dir.resolve("run").toString());
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void badOptionsGetOneLine(@TempDir Path dir) {
        Path out = dir.resolve("strategy.json");
        for (String[] c : new String[][] {{"--storage-mb", "1"}, {"--storage-mb", "300", "--zeta", "nobody=0.1"},
            {"--storage-mb", "300", "--zeta", "eyes=2"}, {"--storage-mb", "300", "--bytes-per-element", "0"}}) {
            CliRunTest.Outcome o = optimize(out, c);
            assertEquals(2, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().startsWith("error: --"), o.err());
        }
        assertFalse(Files.exists(out));
    }
}
