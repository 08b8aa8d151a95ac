package org.rtmmlab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures measured on whole processes: the command line's start ({@code cliStartSeconds}) and the
 * {@link LongRunProbe} (allocation per event, heap after a long run), each in a JVM of its own.
 */
final class ProcessProbes {

    /** One XRBench cell, the one the reference tool needs 1.5 s for. */
    static final List<String> CELL = List.of("run", "--scenario", "xrbench/VR_gaming", "--platform",
            "xrbench/Single_4K__WS", "--scheduler", "xrbench-greedy", "--xrbench-compat", "--report", "json",
            "--progress", "none");

    private ProcessProbes() {
    }

    /**
     * Runs one XRBench cell through the command line {@code rtmm} (the script, with whatever it does at start) once
     * untimed (it may build what is missing), then {@code times} times.
     *
     * @return the median wall time of one run, s
     */
    static double cliStart(Path rtmm, int times) throws IOException, InterruptedException {
        Path out = Files.createTempDirectory("rtmm-bench-cli");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(rtmm.toString());
            cmd.addAll(CELL);
            cmd.add("--out");
            cmd.add(out.resolve("cell").toString());
            run(cmd);
            double[] wall = new double[times];
            for (int i = 0; i < times; i++) {
                long t0 = System.nanoTime();
                run(cmd);
                wall[i] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(wall);
            return wall[times / 2];
        } finally {
            try (var files = Files.walk(out)) {
                for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Forks a {@link LongRunProbe} on this JVM's class path; @return its figures */
    static Map<String, Double> longRun(long allocSeconds, long longSeconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, BenchMain.classPath()), LongRunProbe.class.getName(),
                String.valueOf(allocSeconds), String.valueOf(longSeconds)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Double> figures = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    figures.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("LongRunProbe failed with exit code " + p.exitValue());
        }
        return figures;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed with exit code " + p.exitValue());
        }
    }

    /** @return the 1-minute load average (Linux), or "?" */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | UncheckedIOException e) {
            return "?";
        }
    }
}
