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

/** A scheduler that throws mid-run: one line naming the policy, exit 1, the earlier results in --out intact. */
class CliFailedRunTest {

    @Test
    void aThrowingPluginFailsInOneLineAndLeavesTheEarlierRunIntact(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("throwing.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry("META-INF/services/org.rtmmlab.api.scheduler.SchedulerPolicy"));
            j.write("org.rtmmlab.cli.ThrowingPolicy\n".getBytes(StandardCharsets.UTF_8));
            j.putNextEntry(new JarEntry("org/rtmmlab/cli/ThrowingPolicy.class"));
            try (InputStream in = ThrowingPolicy.class.getResourceAsStream("ThrowingPolicy.class")) {
                j.write(in.readAllBytes());
            }
        }
        Path out = dir.resolve("run");
        CliRunTest.Outcome good = rtmm("run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Single_4K__WS",
                "--scheduler", "edf", "--progress", "none", "--out", out.toString());
        assertEquals(0, good.code(), good.err());
        String requests = Files.readString(out.resolve("requests.csv"));
        CliRunTest.Outcome bad = rtmm("run", "--plugins", jar.toString(), "--scenario", "xrbench/VR_gaming",
                "--platform", "xrbench/Single_4K__WS", "--scheduler", "test-throwing", "--progress", "none", "--out",
                out.toString());
        assertEquals(1, bad.code(), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("error: scheduler policy 'test-throwing': decide() threw at t="), bad.err());
        assertTrue(bad.err().contains("no idea what to do"), bad.err());
        assertEquals(requests, Files.readString(out.resolve("requests.csv")), "the edf run's files are intact");
        String config = Files.readString(out.resolve("config.json"));
        assertTrue(config.contains("\"scheduler\": \"edf\""), config);
        assertTrue(config.contains("\"reporter.json\": \"json rtmm-report-json 0.1.0."), "the reporter's own origin,"
                + " not the command line's progress tap: " + config);
        assertTrue(config.contains("\"scheduler\": \"edf rtmm-scheduler-classic 0.1.0."), config);
    }
}
