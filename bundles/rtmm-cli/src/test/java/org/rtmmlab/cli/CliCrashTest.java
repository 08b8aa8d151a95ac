package org.rtmmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtmmlab.cli.CliRunTest.rtmm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 5 in {@code mvn verify}: {@code run} and {@code compare} started as separate JVMs are killed with
 * SIGKILL ({@link Process#destroyForcibly()}) between the two renames of their publish step (the JVM property
 * {@code rtmm.crashTest.publishPauseMs} holds them there); the earlier result must be complete in
 * {@code .<name>.old}, and the next command must restore it and publish its own. {@code scripts/kill9-cli-test.sh}
 * adds kills at seeded random moments.
 */
class CliCrashTest {

    private static List<String> command(String kind, int seed, Path out) {
        return kind.equals("run")
                ? List.of("run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Single_4K__WS",
                "--scheduler", "edf", "--seed", Integer.toString(seed), "--duration", "100ms", "--progress", "none",
                "--report", "json,csv", "--out", out.toString())
                : List.of("compare", "--scenarios", "xrbench/VR_gaming", "--platforms", "xrbench/Single_4K__WS",
                "--schedulers", "edf,fcfs", "--seed", Integer.toString(seed), "--duration", "100ms", "--progress",
                "none", "--report", "json,html", "--jobs", "1", "--out", out.toString());
    }

    /** @return the SHA-256 of every file below {@code dir}, with its path */
    private static String sums(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                sb.append(dir.relativize(p)).append(' ').append(sha256(Files.readAllBytes(p))).append('\n');
            }
        }
        return sb.toString();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aKillInsideThePublishStepLosesNothingAndIsRepairedByTheNextCommand(@TempDir Path dir) throws Exception {
        int trials = 0;
        for (String kind : List.of("run", "compare")) {
            Path out = dir.resolve(kind);
            assertEquals(0, rtmm(command(kind, 1, out).toArray(String[]::new)).code());
            String earlier = sums(out);
            for (int seed = 2; seed <= 3; seed++) {
                List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Drtmm.crashTest.publishPauseMs=60000", "-cp",
                        System.getProperty("java.class.path"), Main.class.getName()));
                cmd.addAll(command(kind, seed, out));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("child.log").toFile()).start();
                Path old = dir.resolve("." + kind + ".old");
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!Files.isDirectory(old) && p.isAlive() && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                assertTrue(Files.isDirectory(old), "the publish step was reached: " + Files.readString(
                        dir.resolve("child.log")));
                p.destroyForcibly().waitFor(); // SIGKILL between the two renames
                trials++;
                assertFalse(Files.exists(out), "killed between the renames: the target is momentarily absent");
                assertEquals(earlier, sums(old), "the earlier result is complete in .old");
                CliRunTest.Outcome next = rtmm(command(kind, seed, out).toArray(String[]::new));
                assertEquals(0, next.code(), next.err());
                assertFalse(Files.exists(old), ".old removed");
                assertFalse(Files.exists(dir.resolve("." + kind + ".partial")), ".partial removed");
                earlier = sums(out);
                assertTrue(earlier.contains(".rtmm-run"), earlier);
            }
        }
        assertEquals(4, trials);
    }
}
