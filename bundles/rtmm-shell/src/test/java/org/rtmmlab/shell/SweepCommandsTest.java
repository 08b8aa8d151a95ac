package org.rtmmlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/** rtmm:sweep without a configured sweep member: a member of its own runs the points; errors are one line. */
class SweepCommandsTest {

    @Test
    void runsASweepAndResumesIt(@TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("s.json"), "{\"version\": 1, \"schedulers\": [\"fcfs\", \"edf\"], "
                + "\"scenarios\": [\"xrbench/VR_gaming\"], \"platforms\": [\"xrbench/Dual_4K__WS_OS\"], "
                + "\"seeds\": [1, 2], \"durationMs\": [40], \"reports\": [\"json\"]}");
        SweepCommands commands = new SweepCommands(ServiceLoaderCatalog.load(getClass().getClassLoader(), w -> { }));
        String first = run(commands, "--spec", spec.toString(), "--out", tmp.resolve("out").toString(), "--jobs", "2");
        assertTrue(first.contains("4 points: 4 ran now, 0 already done, 0 failed"), first);
        try (Stream<Path> s = Files.list(tmp.resolve("out/points"))) {
            assertEquals(4, s.count());
        }
        assertTrue(Files.isRegularFile(tmp.resolve("out/sweep.csv")));
        String again = run(commands, "--spec", spec.toString(), "--out", tmp.resolve("out").toString());
        assertTrue(again.contains("4/4 points done before this run") && again.contains("0 ran now, 4 already done"),
                again);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Files.writeString(spec, "{\"version\": 1, \"schedulers\": [\"nope\"], \"scenarios\": [\"xrbench/VR_gaming\"],"
                + " \"platforms\": [\"xrbench/Dual_4K__WS_OS\"]}");
        assertThrows(CommandFailedException.class, () -> ShellParser.execute("sweep", commands.new Sweep(out),
                new String[] {"--spec", spec.toString()}, out));
        String err = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(err.startsWith("error: s.json: $.schedulers[0]: "), err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    private static String run(SweepCommands commands, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ShellParser.execute("sweep", commands.new Sweep(out), args, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
