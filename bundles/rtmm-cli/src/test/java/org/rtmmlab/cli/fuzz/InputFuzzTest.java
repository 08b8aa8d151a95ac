package org.rtmmlab.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.cli.Main;
import org.rtmmlab.engine.Evaluator;
import org.rtmmlab.engine.catalog.ServiceLoaderCatalog;

/**
 * Issue 17, item 4: a seeded, in-process fuzz test. It mutates every shipped scenario and platform file
 * ({@code examples/}) and the command-line options of {@code run} and {@code compare}; every case must end either in
 * a valid run or in one line naming what is wrong (for a file: its name and a JSON path). A failing case prints its
 * seed and mutation; rerun one seed with {@code -Drtmm.fuzz.seed=N -Drtmm.fuzz.fileCases=1}. Counts:
 * {@code rtmm.fuzz.fileCases} (default 2000) and {@code rtmm.fuzz.cliCases} (default 200).
 */
class InputFuzzTest {

    private static final long SEED = Long.getLong("rtmm.fuzz.seed", 20_261_207L);
    private static final int FILE_CASES = Integer.getInteger("rtmm.fuzz.fileCases", 2000);
    private static final int CLI_CASES = Integer.getInteger("rtmm.fuzz.cliCases", 200);
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final Map<String, String> LIMITS = Map.of("engine.maxRequests", "200000",
            "engine.runTimeout", "20s");

    /** The shipped input files; a platform is run with the sample scenario, a scenario with the first platform. */
    static List<Path> shippedFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("examples/scenarios", "examples/platforms")) {
            try (Stream<Path> s = Files.list(REPO.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void mutatedScenarioAndPlatformFilesEndInAValidRunOrOneLineNamingFileAndJsonPath(@TempDir Path tmp)
            throws IOException {
        List<Path> files = shippedFiles();
        assertTrue(files.size() >= 3, "examples found: " + files);
        Path scenario = files.stream().filter(p -> p.toString().contains("scenarios")).findFirst().orElseThrow();
        Path platform = REPO.resolve("examples/platforms/tri-npu.json");
        Evaluator evaluator = new Evaluator(ServiceLoaderCatalog.load(getClass().getClassLoader(), w -> { }));
        Map<Path, String> partner = new java.util.HashMap<>(); // a scenario each shipped platform can price unmutated
        for (Path f : files) {
            if (f.toString().contains("platforms")) {
                for (String sc : List.of(scenario.toString(), "xrbench/VR_gaming")) {
                    try {
                        evaluator.run(config(sc, f.toString()), null, null);
                        partner.putIfAbsent(f, sc);
                    } catch (InvalidInputException e) {
                        // try the next one
                    }
                }
                assertTrue(partner.containsKey(f), "no scenario runs on " + f);
            }
        }
        evaluator.run(config(scenario.toString(), platform.toString()), null, null); // the unmutated pair runs
        List<String> failures = new ArrayList<>();
        List<String> suspicious = new ArrayList<>(); // one line naming file and path, but an internal value or name
        int runs = 0;
        int errors = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < FILE_CASES; i++) {
            long seed = SEED + i;
            Path original = files.get(i % files.size());
            JsonMutator.Mutant m;
            try {
                m = new JsonMutator(seed).mutate(Files.readString(original));
            } catch (RuntimeException e) {
                failures.add("seed " + seed + ": the generator failed: " + e);
                continue;
            }
            Path dir = Files.createDirectories(tmp.resolve("c" + i));
            Path file = Files.write(dir.resolve(original.getFileName()), m.bytes());
            boolean isScenario = original.toString().contains("scenarios");
            RunConfig c = isScenario ? config(file.toString(), platform.toString())
                    : config(partner.get(original), file.toString());
            String name = original.getFileName().toString();
            try {
                evaluator.run(c, null, null);
                runs++;
            } catch (InvalidInputException e) {
                String msg = e.getMessage();
                if (msg.contains("\n") || !msg.startsWith(name + ": $")) {
                    failures.add("seed " + seed + " (" + name + ", " + m.what() + "): not one line naming file and "
                            + "JSON path: " + msg);
                } else {
                    errors++;
                    if (SUSPICIOUS.matcher(msg).find() && !m.what().contains("NaN") && !m.what().contains("Infinity")
                            && !m.what().contains("1e400")) {
                        suspicious.add("seed " + seed + " (" + name + ", " + m.what() + "): " + msg);
                    }
                }
            } catch (Throwable e) {
                failures.add("seed " + seed + " (" + name + ", " + m.what() + "): " + e);
            }
            deleteTree(dir);
        }
        System.out.printf("input fuzz: %d cases from %d files (seed %d): %d valid runs, %d one-line errors, %d "
                + "failures, %.1f s%n", FILE_CASES, files.size(), SEED, runs, errors, failures.size(),
                (System.nanoTime() - t0) / 1e9);
        suspicious.stream().limit(10).forEach(l -> System.out.println("  worth a look: " + l));
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
    }

    /** Messages that name a computed value or a Java class rather than what the user wrote (printed, not failed). */
    private static final java.util.regex.Pattern SUSPICIOUS = java.util.regex.Pattern.compile(
            "Infinity|NaN|Exception|java\\.|clockHz");

    private static RunConfig config(String scenario, String platform) {
        return new RunConfig(scenario, platform, "edf", 1, 20_000_000L, false, LIMITS,
                List.of());
    }

    private static final List<String> VALUES = List.of("", " ", "-1", "NaN", "1e400", "9999999999999999999", "1e3ms",
            "0", "0ms", ",", ",,", "=", "a=b=c", "edf,edf", "1..0", "1..100000", "\u00e9\u00e8", "x".repeat(3000),
            "-", "--", "engine.window=1e3ms", "engine.maxRequests=0", "engine.decisionTimeout=-1s", "xrbench/Nope",
            "json,json", "292y", "106751d", "1e15s", "1ns", "engine.window=off", "blockLayers=-3", "2", "json,", "none");

    @Test
    void mutatedCommandLinesEndInAValidRunOrOneLineError(@TempDir Path tmp) throws IOException {
        Path user = Files.createDirectories(tmp.resolve("user"));
        Files.writeString(user.resolve("keep.txt"), "mine");
        Path aFile = Files.writeString(tmp.resolve("a-file"), "x");
        List<String> outValues = List.of("/", ".", "..", "", user.toString(), aFile.toString(), tmp.toString());
        List<String> failures = new ArrayList<>();
        int ok = 0;
        int errors = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < CLI_CASES; i++) {
            long seed = SEED + 1_000_000 + i;
            SplittableRandom r = new SplittableRandom(seed);
            List<String> args = new ArrayList<>(r.nextBoolean()
                    ? List.of("run", "--scenario", "xrbench/VR_gaming", "--platform", "xrbench/Single_4K__WS",
                    "--scheduler", "edf", "--duration", "20ms", "--progress", "none", "--report", "json", "--out",
                    tmp.resolve("o" + i).toString(), "--seed", "3", "--set", "engine.window=10ms")
                    : List.of("compare", "--scenarios", "xrbench/VR_gaming", "--platforms", "xrbench/Single_4K__WS",
                    "--schedulers", "edf,fcfs", "--duration", "20ms", "--progress", "none", "--report", "json,html",
                    "--out", tmp.resolve("o" + i).toString(), "--jobs", "1", "--csv",
                    tmp.resolve("c" + i + ".csv").toString(), "--seeds", "1..2"));
            StringBuilder what = new StringBuilder();
            for (int k = 0, n = 1 + r.nextInt(2); k < n; k++) {
                int opt = 1 + 2 * r.nextInt((args.size() - 1) / 2); // index of an option name
                String option = args.get(opt);
                switch (r.nextInt(5)) {
                    case 0 -> {
                        args.remove(opt + 1);
                        args.remove(opt);
                        what.append("dropped ").append(option).append("; ");
                    }
                    case 1 -> {
                        args.add(option);
                        args.add(args.get(opt + 1));
                        what.append("repeated ").append(option).append("; ");
                    }
                    case 2 -> {
                        args.add("--bogus");
                        args.add("1");
                        what.append("unknown option; ");
                    }
                    default -> {
                        List<String> pool = option.equals("--out") || option.equals("--csv") ? outValues : VALUES;
                        String v = pool.get(r.nextInt(pool.size()));
                        args.set(opt + 1, v);
                        what.append(option).append(" '").append(v.length() > 20 ? v.substring(0, 20) + "..." : v)
                                .append("'; ");
                    }
                }
            }
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
            String e = err.toString().strip();
            if (code == 0) {
                ok++;
            } else if (e.lines().filter(l -> l.startsWith("error: ")).count() >= 1
                    && e.lines().allMatch(l -> l.startsWith("error: ") || l.startsWith("warning: "))
                    && !e.contains("Exception") && !e.contains("\tat ")) {
                errors++;
            } else {
                failures.add("seed " + seed + " (" + what + "): exit " + code + ": " + e);
            }
            if (!Files.readString(user.resolve("keep.txt")).equals("mine") || names(user).size() != 1) {
                failures.add("seed " + seed + " (" + what + "): the user's folder was changed: " + names(user));
            }
        }
        System.out.printf("option fuzz: %d command lines (seed %d): %d ran, %d one-line errors, %d failures, %.1f s%n",
                CLI_CASES, SEED, ok, errors, failures.size(), (System.nanoTime() - t0) / 1e9);
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
