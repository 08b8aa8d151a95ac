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
import org.rtmmlab.sweep.SweepPlan;
import org.rtmmlab.sweep.SweepSpecReader;
import org.rtmmlab.workload.files.FilesScenarioProvider;

/**
 * Issue 17, item 4: a seeded, in-process fuzz test. It mutates every scenario, platform and sweep file the lab ships
 * (the examples, the scenario providers' resources, the cost models' platforms, the sweep files and their platform
 * templates; {@link #shippedFiles}) and the command-line options of {@code run} and {@code compare}, and feeds special
 * files (folders, FIFOs, links to devices, link loops) where a file is expected. Every case must end either in a valid
 * run or in one line naming what is wrong (for a mutated file: its name and a JSON path). A failing case prints its
 * seed and mutation; rerun one seed with {@code -Drtmm.fuzz.seed=N -Drtmm.fuzz.fileCases=1} (or
 * {@code -Drtmm.fuzz.sweepCases=1}). Counts: {@code rtmm.fuzz.fileCases} (default 2000), {@code rtmm.fuzz.sweepCases}
 * (default 200) and {@code rtmm.fuzz.cliCases} (default 200).
 */
class InputFuzzTest {

    private static final long SEED = Long.getLong("rtmm.fuzz.seed", 20_261_207L);
    private static final int FILE_CASES = Integer.getInteger("rtmm.fuzz.fileCases", 2000);
    private static final int SWEEP_CASES = Integer.getInteger("rtmm.fuzz.sweepCases", 200);
    private static final int CLI_CASES = Integer.getInteger("rtmm.fuzz.cliCases", 200);
    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final Map<String, String> LIMITS = Map.of("engine.maxRequests", "200000",
            "engine.runTimeout", "20s");
    /** Simulated time of a fuzz run. */
    private static final long DURATION_NS = 20_000_000L;

    /** What a shipped file is, told from its keys. */
    enum Kind { SCENARIO, PLATFORM, SWEEP, TEMPLATE }

    /** A shipped file and its kind. */
    record Shipped(Path file, Kind kind) {
        String name() {
            return file.getFileName().toString();
        }
    }

    /**
     * @return every scenario, platform, sweep and platform-template file under {@code examples/} and the bundles'
     *         {@code src/main/resources}, sorted by path; other JSON there (cost tables, model lists, the optimizer's
     *         strategies) is data of one plugin in a format of its own and is left out
     */
    static List<Shipped> shippedFiles() throws IOException {
        List<Path> json = new ArrayList<>();
        try (Stream<Path> s = Files.walk(REPO.resolve("examples"))) {
            // the optimizer's strategy files are rtmm-scheduler-rtmdl's format, read by its own tests
            s.filter(p -> p.toString().endsWith(".json") && !p.getParent().endsWith("strategies")).forEach(json::add);
        }
        try (Stream<Path> s = Files.walk(REPO.resolve("bundles"), 2)) {
            for (Path res : (Iterable<Path>) s.map(b -> b.resolve("src/main/resources")).filter(Files::isDirectory)
                    ::iterator) {
                try (Stream<Path> r = Files.walk(res)) {
                    r.filter(p -> p.toString().endsWith(".json")).forEach(json::add);
                }
            }
        }
        List<Shipped> out = new ArrayList<>();
        for (Path p : json.stream().sorted().toList()) {
            String text = Files.readString(p);
            com.google.gson.JsonElement e = com.google.gson.JsonParser.parseString(text);
            if (!e.isJsonObject() || !e.getAsJsonObject().has("version")) {
                continue;
            }
            com.google.gson.JsonObject o = e.getAsJsonObject();
            if (o.has("schedulers") && o.has("platforms")) {
                out.add(new Shipped(p, Kind.SWEEP));
            } else if (o.has("tasks")) {
                out.add(new Shipped(p, Kind.SCENARIO));
            } else if (o.has("accelerators")) {
                out.add(new Shipped(p, text.contains("${") ? Kind.TEMPLATE : Kind.PLATFORM));
            }
        }
        return out;
    }

    private static List<Shipped> of(List<Shipped> files, Kind... kinds) {
        List<Kind> k = List.of(kinds);
        return files.stream().filter(f -> k.contains(f.kind())).toList();
    }

    @Test
    void mutatedScenarioAndPlatformFilesEndInAValidRunOrOneLineNamingFileAndJsonPath(@TempDir Path tmp)
            throws IOException {
        List<Shipped> all = shippedFiles();
        List<Shipped> files = of(all, Kind.SCENARIO, Kind.PLATFORM);
        assertTrue(of(files, Kind.SCENARIO).size() >= 5 && of(files, Kind.PLATFORM).size() >= 20,
                "shipped files found: " + files);
        Evaluator evaluator = new Evaluator(ServiceLoaderCatalog.load(getClass().getClassLoader(), w -> { }));
        Map<Path, String> partner = partners(evaluator, files);
        List<String> failures = new ArrayList<>();
        List<String> suspicious = new ArrayList<>(); // one line naming file and path, but an internal value or name
        int runs = 0;
        int errors = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < FILE_CASES; i++) {
            long seed = SEED + i;
            Shipped original = files.get(i % files.size());
            JsonMutator.Mutant m;
            try {
                m = new JsonMutator(seed).mutate(Files.readString(original.file()));
            } catch (RuntimeException e) {
                failures.add("seed " + seed + ": the generator failed: " + e);
                continue;
            }
            Path dir = Files.createDirectories(tmp.resolve("c" + i));
            Path file = Files.write(dir.resolve(original.name()), m.bytes());
            boolean isScenario = original.kind() == Kind.SCENARIO;
            // every fourth scenario case goes through the files scenario provider (a folder of scenario files)
            boolean viaProvider = isScenario && (i / files.size()) % 4 == 1;
            RunConfig c = isScenario ? config(file.toString(), partner.get(original.file()))
                    : config(partner.get(original.file()), file.toString());
            String name = original.name();
            String where = "seed " + seed + " (" + original.file().getFileName() + (viaProvider ? " via files" : "")
                    + ", " + m.what() + ")";
            try {
                if (viaProvider) {
                    FilesScenarioProvider provider = new FilesScenarioProvider(dir);
                    assertEquals(1, provider.scenarios().size(), "listed, valid or not");
                    provider.load("file/" + name.substring(0, name.length() - ".json".length()));
                }
                evaluator.run(c, null, null);
                runs++;
            } catch (InvalidInputException e) {
                String msg = e.getMessage();
                if (msg.contains("\n") || !msg.startsWith(name + ": $")) {
                    failures.add(where + ": not one line naming file and JSON path: " + msg);
                } else {
                    errors++;
                    if (SUSPICIOUS.matcher(msg).find() && !m.what().contains("NaN") && !m.what().contains("Infinity")
                            && !m.what().contains("1e400")) {
                        suspicious.add(where + ": " + msg);
                    }
                }
            } catch (Throwable e) {
                failures.add(where + ": " + e);
            }
            deleteTree(dir);
        }
        System.out.printf("input fuzz: %d cases from %d scenario and platform files (seed %d): %d valid runs, %d "
                + "one-line errors, %d failures, %.1f s%n", FILE_CASES, files.size(), SEED, runs, errors,
                failures.size(), (System.nanoTime() - t0) / 1e9);
        suspicious.stream().limit(10).forEach(l -> System.out.println("  worth a look: " + l));
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
        assertTrue(runs > 0 && errors > 0, "both outcomes occur: " + runs + " runs, " + errors + " errors");
    }

    /** @return per shipped scenario a platform it runs on unmutated, per shipped platform such a scenario */
    private static Map<Path, String> partners(Evaluator evaluator, List<Shipped> files) {
        List<String> scenarios = new ArrayList<>(List.of("xrbench/VR_gaming", "rtmdl/h100-mix"));
        List<String> platforms = new ArrayList<>(List.of("xrbench/Single_4K__WS", "rtmdl/h100-cpu",
                "rtmdl/edge-gpu-cpu"));
        for (Shipped f : files) {
            (f.kind() == Kind.SCENARIO ? scenarios : platforms).add(f.file().toString());
        }
        Map<Path, String> partner = new java.util.HashMap<>();
        for (Shipped f : files) {
            List<String> why = new ArrayList<>();
            for (String other : f.kind() == Kind.SCENARIO ? platforms : scenarios) {
                try {
                    evaluator.run(f.kind() == Kind.SCENARIO ? config(f.file().toString(), other)
                            : config(other, f.file().toString()), null, null);
                    partner.put(f.file(), other);
                    break;
                } catch (InvalidInputException e) {
                    why.add(e.getMessage()); // try the next one
                }
            }
            assertTrue(partner.containsKey(f.file()), "the unmutated " + f.file() + " runs with nothing shipped: "
                    + why);
        }
        return partner;
    }

    @Test
    void mutatedSweepFilesAndTemplatesEndInAValidPlanOrOneLineNamingFileAndJsonPath(@TempDir Path tmp)
            throws IOException {
        List<Shipped> sweeps = of(shippedFiles(), Kind.SWEEP);
        List<Shipped> templates = of(shippedFiles(), Kind.TEMPLATE);
        assertTrue(sweeps.size() >= 1 && templates.size() >= 1, "sweep files found: " + sweeps + templates);
        List<Shipped> files = new ArrayList<>(sweeps);
        files.addAll(templates);
        var catalog = ServiceLoaderCatalog.load(getClass().getClassLoader(), w -> { });
        Evaluator evaluator = new Evaluator(catalog);
        List<String> failures = new ArrayList<>();
        int plans = 0;
        int errors = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < SWEEP_CASES; i++) {
            long seed = SEED + 2_000_000 + i;
            Shipped original = files.get(i % files.size());
            Path dir = Files.createDirectories(tmp.resolve("s" + i));
            for (Shipped f : files) { // the sweep files and their templates side by side, as shipped
                Files.copy(f.file(), dir.resolve(f.name()));
            }
            JsonMutator.Mutant m = new JsonMutator(seed).mutate(Files.readString(original.file()));
            Files.write(dir.resolve(original.name()), m.bytes());
            // a mutated template is reached through each shipped sweep file that names it
            List<Shipped> specs = original.kind() == Kind.SWEEP ? List.of(original) : sweeps;
            for (Shipped spec : specs) {
                String where = "seed " + seed + " (" + original.name() + " through " + spec.name() + ", " + m.what()
                        + ")";
                try {
                    SweepPlan plan = SweepPlan.build(SweepSpecReader.read(dir.resolve(spec.name())), dir.resolve(
                            "out"), catalog);
                    if (!plan.points().isEmpty()) { // its first point runs (shortened)
                        RunConfig c = plan.points().get(0).config();
                        Map<String, String> props = new java.util.TreeMap<>(c.properties());
                        props.putAll(LIMITS);
                        evaluator.run(new RunConfig(c.scenario(), c.platform(), c.scheduler(), c.seed(),
                                DURATION_NS, c.xrbenchCompat(), props, List.of()), null, null);
                    }
                    plans++;
                } catch (InvalidInputException e) {
                    String msg = e.getMessage();
                    // a template's problem is named in the template (its file and path), with the sweep's
                    boolean named = files.stream().anyMatch(f -> msg.startsWith(f.name() + ": $"));
                    if (msg.contains("\n") || !named) {
                        failures.add(where + ": not one line naming file and JSON path: " + msg);
                    } else {
                        errors++;
                    }
                } catch (Throwable e) {
                    failures.add(where + ": " + e);
                }
            }
            deleteTree(dir);
        }
        System.out.printf("sweep fuzz: %d cases from %d sweep and template files (seed %d): %d valid plans, %d "
                + "one-line errors, %d failures, %.1f s%n", SWEEP_CASES, files.size(), SEED, plans, errors,
                failures.size(), (System.nanoTime() - t0) / 1e9);
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
        assertTrue(plans > 0 && errors > 0, "both outcomes occur: " + plans + " plans, " + errors + " errors");
    }

    @Test
    void specialFilesWhereAFileIsExpectedAreOneLineErrors(@TempDir Path tmp) throws Exception {
        Path scenario = REPO.resolve("examples/scenarios/vr-hands.json");
        Path platform = REPO.resolve("examples/platforms/tri-npu.json");
        var catalog = ServiceLoaderCatalog.load(getClass().getClassLoader(), w -> { });
        Evaluator evaluator = new Evaluator(catalog);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String special : List.of("folder", "fifo", "devzero", "devnull", "loop", "dangling", "empty", "bom",
                "nul")) {
            for (Kind kind : Kind.values()) {
                Path dir = Files.createDirectories(tmp.resolve(special + "-" + kind));
                Path file = dir.resolve(kind == Kind.TEMPLATE ? "npu-template.json" : "x.json");
                if (kind == Kind.TEMPLATE) { // the sweep file is fine, its template is the special file
                    Files.copy(REPO.resolve("examples/sweeps/pe-dataflow.json"), dir.resolve("sweep.json"));
                }
                make(special, file);
                cases++;
                String what = special + " as a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " file";
                java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
                    switch (kind) {
                        case SCENARIO -> {
                            new FilesScenarioProvider(dir).scenarios(); // listing a folder with it never hangs
                            evaluator.run(config(file.toString(), platform.toString()), null, null);
                        }
                        case PLATFORM -> evaluator.run(config(scenario.toString(), file.toString()), null, null);
                        case SWEEP -> SweepPlan.build(SweepSpecReader.read(file), dir.resolve("out"), catalog);
                        default -> SweepPlan.build(SweepSpecReader.read(dir.resolve("sweep.json")),
                                dir.resolve("out"), catalog);
                    }
                    return null;
                });
                Thread t = new Thread(task, "fuzz-" + what);
                t.setDaemon(true); // a hang is reported, not waited for
                t.start();
                try {
                    task.get(20, java.util.concurrent.TimeUnit.SECONDS);
                    failures.add(what + ": accepted");
                } catch (java.util.concurrent.TimeoutException e) {
                    failures.add(what + ": hangs");
                    t.interrupt();
                } catch (java.util.concurrent.ExecutionException e) {
                    String msg = String.valueOf(e.getCause().getMessage());
                    String named = kind == Kind.TEMPLATE ? "sweep.json: $" : file.getFileName().toString();
                    if (!(e.getCause() instanceof InvalidInputException) || msg.contains("\n")
                            || !(msg.startsWith(named) || msg.startsWith(file.toString()))) {
                        failures.add(what + ": not one line naming the file: " + e.getCause());
                    }
                }
            }
        }
        System.out.printf("special files: %d cases, %d failures%n", cases, failures.size());
        assertEquals(List.of(), failures);
    }

    /** Makes {@code file} the named kind of special file. */
    private static void make(String special, Path file) throws IOException, InterruptedException {
        switch (special) {
            case "folder" -> Files.createDirectories(file);
            case "fifo" -> assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).start().waitFor());
            case "devzero" -> Files.createSymbolicLink(file, Path.of("/dev/zero"));
            case "devnull" -> Files.createSymbolicLink(file, Path.of("/dev/null"));
            case "loop" -> Files.createSymbolicLink(file, file.getFileName());
            case "dangling" -> Files.createSymbolicLink(file, Path.of("no-such-file.json"));
            case "empty" -> Files.write(file, new byte[0]);
            case "bom" -> Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            default -> Files.write(file, new byte[64]);
        }
    }

    /** Messages that name a computed value or a Java class rather than what the user wrote (printed, not failed). */
    private static final java.util.regex.Pattern SUSPICIOUS = java.util.regex.Pattern.compile(
            "Infinity|NaN|Exception|java\\.|clockHz");

    private static RunConfig config(String scenario, String platform) {
        return new RunConfig(scenario, platform, "edf", 1, DURATION_NS, false, LIMITS,
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
