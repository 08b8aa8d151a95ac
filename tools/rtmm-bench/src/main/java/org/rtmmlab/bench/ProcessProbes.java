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
 * The figures measured on whole processes: the command line's start ({@code cliStartSeconds}), the
 * {@link LongRunProbe} (allocation per event, heap after a long run) and the {@link OverloadHeapProbe} (heap of an
 * overload run, one JVM per scheduler), each in a JVM of its own.
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
        Map<String, Double> figures = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : probe(List.of(), LongRunProbe.class, String.valueOf(allocSeconds),
                String.valueOf(longSeconds)).entrySet()) {
            figures.put(e.getKey(), Double.parseDouble(e.getValue()));
        }
        return figures;
    }

    /**
     * Forks an {@link OverloadHeapProbe} for {@code scheduler} in a JVM capped at {@value #OVERLOAD_HEAP_CAP}.
     *
     * @return its heap figure in MB, or the text {@code failed: <why>} when the run did not fit
     */
    static Object overloadHeap(String scheduler, long seconds) throws IOException, InterruptedException {
        Map<String, String> out = probe(List.of(OVERLOAD_HEAP_CAP), OverloadHeapProbe.class, scheduler,
                String.valueOf(seconds));
        String mb = out.get("overloadHeapMb");
        if (mb == null) {
            throw new IllegalStateException("OverloadHeapProbe printed no overloadHeapMb for " + scheduler);
        }
        return mb.startsWith("failed") ? mb : (Object) Double.parseDouble(mb);
    }

    /** The heap bound of the overload target (issue 15: heap under 64 MB). */
    static final String OVERLOAD_HEAP_CAP = "-Xmx64m";

    /** Runs {@code main} in a JVM of its own on this JVM's class path; @return its {@code name=value} lines */
    private static Map<String, String> probe(List<String> jvmArgs, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, BenchMain.classPath()), main.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> figures = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    figures.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " " + String.join(" ", args)
                    + " failed with exit code " + p.exitValue());
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
