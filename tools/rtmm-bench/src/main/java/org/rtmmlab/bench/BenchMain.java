package org.rtmmlab.bench;

import com.google.gson.GsonBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.rtmmlab.api.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./rtmm bench}: runs the JMH benchmarks of this module (each in a forked, warmed-up JVM) and the two
 * process-level probes (command-line start, allocation and heap), then prints the figures of issue 15 as one table,
 * or with {@code --json} as one JSON document on stdout. JMH's own log goes to {@code --log}. Not a test: nothing is
 * asserted, wall-clock figures on a shared machine vary (the load average is printed next to them).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "rtmm bench (JMH 1.37)",
        description = "JMH benchmarks: scheduler decisions/s, engine simulated s per wall s (block, layer, overload),"
                + " analytic cost evaluations/s, the Figure 5 grid, command-line start, allocation per event, heap"
                + " (long run; overload runs under -Xmx64m).")
public final class BenchMain implements Callable<Integer> {

    /** Every figure, in the order printed. */
    static final List<String> FIGURES = List.of("dispatchesPerSecond", "simSecondsPerWallSecond",
            "simSecondsPerWallSecondLayer", "overloadSimSecondsPerWallSecond", "costEvaluationsPerSecond",
            "fig5GridSeconds", "fig5GridAnalyticSeconds", "cliStartSeconds", "allocationBytesPerEvent",
            "heapAfterLongRunMb", "overloadHeapMb");

    @Option(names = "--quick", description = "fewer and shorter iterations, shorter runs (a try, minutes; not for reporting)")
    boolean quick;

    @Option(names = "--json", description = "one JSON document on stdout instead of the table")
    boolean json;

    @Option(names = "--only", split = ",", paramLabel = "FIGURE",
            description = "only these figures (default: all): dispatchesPerSecond, simSecondsPerWallSecond, "
                    + "simSecondsPerWallSecondLayer, overloadSimSecondsPerWallSecond, costEvaluationsPerSecond, "
                    + "fig5GridSeconds, fig5GridAnalyticSeconds, cliStartSeconds, allocationBytesPerEvent, "
                    + "heapAfterLongRunMb, overloadHeapMb")
    List<String> only = new ArrayList<>();

    @Option(names = "--schedulers", split = ",", paramLabel = "ID",
            description = "schedulers of dispatchesPerSecond and the overload figures (default: every installed one)")
    List<String> schedulers = new ArrayList<>();

    @Option(names = "--jobs", split = ",", paramLabel = "N", description = "ready jobs of dispatchesPerSecond (default: 16,256,4096)")
    List<Integer> jobs = new ArrayList<>(List.of(16, 256, 4096));

    @Option(names = "--rtmm", paramLabel = "SCRIPT", defaultValue = "./rtmm",
            description = "the command line whose start is timed (default: ${DEFAULT-VALUE})")
    Path rtmm;

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "tools/rtmm-bench/target/jmh",
            description = "where JMH's logs go, one per benchmark class (default: ${DEFAULT-VALUE})")
    Path logDir;

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final Map<String, String> loads = new LinkedHashMap<>();

    /** Entry point. */
    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new BenchMain());
        cl.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof InvalidInputException) {
                c.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (String f : only) {
            if (!FIGURES.contains(f)) {
                throw new InvalidInputException("--only", "", "unknown figure '" + f + "'; allowed: " + FIGURES);
            }
        }
        List<String> installed = Lab.schedulers();
        for (String s : schedulers) {
            if (!installed.contains(s)) {
                throw new InvalidInputException("--schedulers", "", "unknown scheduler '" + s + "'; installed: " + installed);
            }
        }
        List<String> ids = schedulers.isEmpty() ? installed : schedulers;
        Files.createDirectories(logDir);
        if (wanted("dispatchesPerSecond")) {
            Map<String, Map<String, Double>> perScheduler = new TreeMap<>();
            for (RunResult r : jmh(DecisionBenchmark.class, opts -> opts
                    .param("scheduler", ids.toArray(new String[0]))
                    .param("jobs", jobs.stream().map(String::valueOf).toArray(String[]::new)))) {
                perScheduler.computeIfAbsent(r.getParams().getParam("scheduler"), k -> new TreeMap<>(
                                (a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))))
                        .put(r.getParams().getParam("jobs"), r.getPrimaryResult().getScore());
            }
            put("dispatchesPerSecond", perScheduler);
        }
        if (wanted("simSecondsPerWallSecond") || wanted("simSecondsPerWallSecondLayer")) {
            int simSeconds = quick ? 20 : 60;
            List<String> grains = new ArrayList<>();
            if (wanted("simSecondsPerWallSecond")) {
                grains.add("block");
            }
            if (wanted("simSecondsPerWallSecondLayer")) {
                grains.add("layer");
            }
            for (RunResult r : jmh(EngineBenchmark.class, opts -> opts.param("granularity", grains.toArray(new String[0]))
                    .param("simSeconds", String.valueOf(simSeconds)))) {
                double perWall = simSeconds / r.getPrimaryResult().getScore();
                put(r.getParams().getParam("granularity").equals("block") ? "simSecondsPerWallSecond"
                        : "simSecondsPerWallSecondLayer", perWall);
            }
        }
        if (wanted("overloadSimSecondsPerWallSecond")) {
            int simSeconds = quick ? 30 : 120;
            Map<String, Double> perScheduler = new TreeMap<>();
            for (RunResult r : jmh(OverloadBenchmark.class, opts -> opts
                    .param("scheduler", ids.toArray(new String[0])).param("simSeconds", String.valueOf(simSeconds)))) {
                perScheduler.put(r.getParams().getParam("scheduler"), simSeconds / r.getPrimaryResult().getScore());
            }
            put("overloadSimSecondsPerWallSecond", perScheduler);
        }
        if (wanted("costEvaluationsPerSecond")) {
            long pricings = CostModelBenchmark.pricings();
            for (RunResult r : jmh(CostModelBenchmark.class, opts -> opts)) {
                put("costEvaluationsPerSecond", pricings / (r.getPrimaryResult().getScore() / 1e6));
            }
        }
        if (wanted("fig5GridSeconds") || wanted("fig5GridAnalyticSeconds")) {
            List<String> costs = new ArrayList<>();
            if (wanted("fig5GridSeconds")) {
                costs.add("table");
            }
            if (wanted("fig5GridAnalyticSeconds")) {
                costs.add("analytic");
            }
            for (RunResult r : jmh(Fig5GridBenchmark.class, opts -> opts.param("costs", costs.toArray(new String[0]))
                    .warmupIterations(quick ? 1 : 2).measurementIterations(quick ? 1 : 5))) {
                put(r.getParams().getParam("costs").equals("table") ? "fig5GridSeconds" : "fig5GridAnalyticSeconds",
                        r.getPrimaryResult().getScore());
            }
        }
        if (wanted("cliStartSeconds")) {
            put("cliStartSeconds", ProcessProbes.cliStart(rtmm, quick ? 3 : 7));
        }
        if (wanted("allocationBytesPerEvent") || wanted("heapAfterLongRunMb")) {
            Map<String, Double> probe = ProcessProbes.longRun(quick ? 20 : 60, quick ? 600 : 3600);
            if (wanted("allocationBytesPerEvent")) {
                put("allocationBytesPerEvent", probe.get("allocationBytesPerEvent"));
            }
            if (wanted("heapAfterLongRunMb")) {
                put("heapAfterLongRunMb", probe.get("heapAfterLongRunMb"));
            }
        }
        if (wanted("overloadHeapMb")) {
            long simSeconds = quick ? 120 : 600; // the overload run: 600 s
            Map<String, Object> perScheduler = new TreeMap<>();
            for (String id : ids) {
                System.err.println("[bench] overloadHeapMb " + id + " ...");
                perScheduler.put(id, ProcessProbes.overloadHeap(id, simSeconds));
            }
            put("overloadHeapMb", perScheduler);
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("mode", quick ? "quick" : "full");
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            doc.put("java", System.getProperty("java.vm.version"));
            doc.putAll(figures);
            doc.put("loadAverage", loads);
            System.out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
                    .toJson(doc));
        } else {
            System.out.print(FigureTable.render(figures, loads));
        }
        return 0;
    }

    private boolean wanted(String figure) {
        return only.isEmpty() || only.contains(figure);
    }

    private void put(String figure, Object value) {
        figures.put(figure, value);
        loads.put(figure, ProcessProbes.loadAverage());
        System.err.println("[bench] " + figure + " done (load " + loads.get(figure) + ")");
    }

    private interface Tuning {
        ChainedOptionsBuilder apply(ChainedOptionsBuilder options);
    }

    /** Runs one benchmark class in forked JVMs (the quick mode: fewer, shorter iterations). */
    private Collection<RunResult> jmh(Class<?> benchmark, Tuning tuning) throws RunnerException {
        Path log = logDir.resolve(benchmark.getSimpleName() + ".log");
        System.err.println("[bench] " + benchmark.getSimpleName() + " ... (JMH log: " + log + ")");
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.milliseconds(quick ? 300 : 1000))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 300 : 1000))
                .jvmArgsAppend("-Xmx1g")
                .output(log.toString())
                .shouldFailOnError(true);
        return new Runner(tuning.apply(o).build()).run();
    }

    /** @return the JVM's class path entries (what a probe JVM gets) */
    static List<String> classPath() {
        return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    static String format(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : v >= 1 ? "%.2f" : "%.3f", v);
    }
}
